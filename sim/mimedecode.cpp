#include "sim/mimedecode.h"

#include <QList>
#include <QRegularExpression>
#include <QStringDecoder>

namespace haitao::sim {

namespace {

struct Part
{
    QList<std::pair<QByteArray, QByteArray>> headers; // lower-case name, unfolded value
    QByteArray body;

    QByteArray header(const char *name) const
    {
        for (const auto &[n, v] : headers) {
            if (n == name)
                return v;
        }
        return {};
    }
};

Part splitPart(QByteArray message)
{
    message.replace("\r\n", "\n");
    Part part;
    const qsizetype end = message.startsWith('\n') ? 0 : message.indexOf("\n\n");
    const QByteArray head = end < 0 ? message : message.left(end);
    part.body = end < 0 ? QByteArray() : message.mid(end + (end == 0 ? 1 : 2));
    for (const QByteArray &line : head.split('\n')) {
        if ((line.startsWith(' ') || line.startsWith('\t')) && !part.headers.isEmpty()) {
            part.headers.last().second += ' ' + line.trimmed(); // folded
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            part.headers.append(
                {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return part;
}

// A parameter of a structured header value: charset, boundary.
QByteArray parameter(const QByteArray &value, const char *name)
{
    const QRegularExpression re(
        QStringLiteral("(?:^|;)\\s*%1\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)").arg(QLatin1String(name)),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(QString::fromLatin1(value));
    if (!m.hasMatch())
        return {};
    return (m.captured(2).isNull() ? m.captured(1) : m.captured(2)).toLatin1();
}

QString decodeCharset(const QByteArray &bytes, const QByteArray &charset)
{
    QStringDecoder decoder(charset.isEmpty() ? "UTF-8" : charset.constData());
    if (!decoder.isValid())
        decoder = QStringDecoder(QStringDecoder::Utf8);
    return decoder.decode(bytes);
}

QString textOf(const Part &part)
{
    const QByteArray type = part.header("content-type");
    if (type.toLower().startsWith("multipart/")) {
        const QByteArray boundary = "--" + parameter(type, "boundary");
        const QList<QByteArray> pieces = part.body.split('\n');
        QList<QByteArray> current;
        bool inside = false;
        for (const QByteArray &line : pieces) {
            if (line.startsWith(boundary)) {
                if (inside) {
                    const Part sub = splitPart(current.join('\n'));
                    const QByteArray subType = sub.header("content-type").toLower();
                    if (subType.isEmpty() || subType.startsWith("text/plain") ||
                        subType.startsWith("multipart/"))
                        return textOf(sub);
                }
                if (line.startsWith(boundary + "--"))
                    break;
                inside = true;
                current.clear();
                continue;
            }
            if (inside)
                current.append(line);
        }
        return {};
    }
    const QByteArray encoding = part.header("content-transfer-encoding").toLower();
    QByteArray bytes = part.body;
    if (encoding == "base64")
        bytes = QByteArray::fromBase64(QByteArray(bytes).replace('\n', QByteArray()));
    else if (encoding == "quoted-printable")
        bytes = decodeQuotedPrintable(bytes);
    QString text = decodeCharset(bytes, parameter(type, "charset"));
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    while (text.endsWith(u'\n'))
        text.chop(1);
    return text;
}

} // namespace

QByteArray decodeQuotedPrintable(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '=') {
            out += c;
            continue;
        }
        if (i + 1 < text.size() && text[i + 1] == '\n') { // soft line break
            ++i;
            continue;
        }
        if (i + 2 < text.size() && text[i + 1] == '\r' && text[i + 2] == '\n') {
            i += 2;
            continue;
        }
        bool ok = false;
        const int byte = text.mid(i + 1, 2).toInt(&ok, 16);
        if (ok && i + 2 < text.size()) {
            out += char(byte);
            i += 2;
        } else {
            out += c; // not an escape: keep it as it is
        }
    }
    return out;
}

QString decodeEncodedWords(const QString &text)
{
    static const QRegularExpression word(
        QStringLiteral("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=(\\s+(?==\\?))?"));
    QString out;
    qsizetype last = 0;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const QByteArray data = m.captured(3).toLatin1();
        QByteArray bytes;
        if (m.captured(2).toUpper() == u"B") {
            bytes = QByteArray::fromBase64(data);
        } else {
            bytes = decodeQuotedPrintable(QByteArray(data).replace('_', ' '));
        }
        out += decodeCharset(bytes, m.captured(1).toLatin1());
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

ParsedMail parseMail(const QByteArray &message)
{
    const Part part = splitPart(message);
    ParsedMail mail;
    // Raw 8-bit UTF-8 in a header (SMTPUTF8) is read as UTF-8, then encoded words decoded.
    mail.subject = decodeEncodedWords(QString::fromUtf8(part.header("subject")));
    mail.messageId = QString::fromUtf8(part.header("message-id"));
    mail.body = textOf(part);
    return mail;
}

} // namespace haitao::sim
