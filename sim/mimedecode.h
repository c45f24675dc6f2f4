#pragma once

#include <QByteArray>
#include <QString>

namespace haitao::sim {

// An e-mail message (RFC 5322, after SMTP's dot-stuffing was undone) as the SMTP sink
// shows it: a few headers and the text, decoded.
struct ParsedMail
{
    QString subject;   // RFC 2047 encoded words decoded
    QString messageId; // as written, e.g. "<n1.x@haitao.invalid>"
    QString body;      // the text/plain part, transfer encoding and charset undone, \n lines
};

ParsedMail parseMail(const QByteArray &message);

QByteArray decodeQuotedPrintable(const QByteArray &text);
// "=?UTF-8?B?...?=" and "=?UTF-8?Q?...?=" words in a header value.
QString decodeEncodedWords(const QString &value);

} // namespace haitao::sim
