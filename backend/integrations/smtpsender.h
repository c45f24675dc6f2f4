#pragma once

#include <QByteArray>
#include <QString>

namespace haitao::server {

// One e-mail to one recipient, plain text in UTF-8.
struct MailMessage
{
    QString from;      // "Name <addr@host>" or a bare address
    QString to;        // a bare address
    QString subject;   // any Unicode
    QString body;      // any Unicode; lines end in \n
    QString messageId; // without the angle brackets: "n12.abc@haitao.invalid"
    qint64 dateMs = 0; // the Date header, epoch ms
};

struct MailResult
{
    bool sent = false;
    // Worth trying again later: the server was unreachable, closed the connection or answered
    // 4xx. A 5xx answer is permanent.
    bool transient = true;
    int smtpCode = 0; // the last reply code, 0 when none arrived
    QString error;
};

// The message as RFC 5322 text with CRLF line ends: the subject as UTF-8 encoded-words
// (RFC 2047), the body base64 in 76-character lines, a stable Message-ID.
QByteArray formatMail(const MailMessage &message);

// The address inside "Name <addr>", or the string itself.
QString mailAddress(const QString &mailbox);

// Sends through the SMTP server at `url` ("smtp://host:port" or "smtps://..."): libcurl with
// MAIL FROM / RCPT TO / DATA. Blocking: call it from a worker thread.
MailResult sendMail(const QString &url, const MailMessage &message, int timeoutMs = 15000);

} // namespace haitao::server
