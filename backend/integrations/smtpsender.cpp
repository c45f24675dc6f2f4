#include "backend/integrations/smtpsender.h"

#include "backend/integrations/curlhandle.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace haitao::server {

namespace {

// Header values must not carry line breaks (header injection).
QString oneLine(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return out.trimmed();
}

bool isPrintableAscii(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

// RFC 2047 "B" encoded-words of at most 75 characters, split between characters (never
// inside a UTF-8 sequence), joined by folding whitespace.
QByteArray encodedWords(const QString &text)
{
    // base64 of 39 bytes is 52 characters, +12 for =?UTF-8?B??=: a line of "Subject: " and
    // one word stays within RFC 5322's 78 characters.
    constexpr int kMaxBytes = 39;
    QList<QByteArray> words;
    QByteArray chunk;
    for (int i = 0; i < text.size(); ++i) {
        int n = 1;
        if (text.at(i).isHighSurrogate() && i + 1 < text.size())
            n = 2;
        const QByteArray bytes = text.mid(i, n).toUtf8();
        i += n - 1;
        if (chunk.size() + bytes.size() > kMaxBytes) {
            words << chunk;
            chunk.clear();
        }
        chunk += bytes;
    }
    if (!chunk.isEmpty())
        words << chunk;
    QByteArray out;
    for (const QByteArray &w : std::as_const(words)) {
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + w.toBase64() + "?=";
    }
    return out;
}

QByteArray headerText(const QString &value)
{
    const QString v = oneLine(value);
    if (isPrintableAscii(v) && v.size() <= 900)
        return v.toLatin1();
    return encodedWords(v);
}

// "Name <addr>" with the name encoded when it is not plain ASCII.
QByteArray mailboxHeader(const QString &mailbox)
{
    const QString m = oneLine(mailbox);
    const int lt = m.lastIndexOf(QLatin1Char('<'));
    if (lt <= 0)
        return mailAddress(m).toUtf8();
    QString name = m.left(lt).trimmed();
    if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
        name = name.mid(1, name.size() - 2);
    const QByteArray address = "<" + mailAddress(m).toUtf8() + ">";
    if (name.isEmpty())
        return address;
    if (isPrintableAscii(name)) {
        name.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('"'), QLatin1String("\\\""));
        return "\"" + name.toLatin1() + "\" " + address;
    }
    return encodedWords(name) + " " + address;
}

struct Upload
{
    QByteArray data;
    qsizetype offset = 0;
};

size_t onRead(char *buffer, size_t size, size_t count, void *user)
{
    auto *u = static_cast<Upload *>(user);
    const size_t n = std::min<size_t>(size * count, size_t(u->data.size() - u->offset));
    std::memcpy(buffer, u->data.constData() + u->offset, n);
    u->offset += qsizetype(n);
    return n;
}

} // namespace

QString mailAddress(const QString &mailbox)
{
    const QString m = oneLine(mailbox);
    const int lt = m.lastIndexOf(QLatin1Char('<'));
    const int gt = m.lastIndexOf(QLatin1Char('>'));
    if (lt >= 0 && gt > lt)
        return m.mid(lt + 1, gt - lt - 1).trimmed();
    return m;
}

QByteArray formatMail(const MailMessage &message)
{
    const QDateTime date = QDateTime::fromMSecsSinceEpoch(message.dateMs, Qt::UTC);
    QByteArray out;
    out += "Date: " +
           QLocale::c().toString(date, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1() +
           " +0000\r\n";
    out += "From: " + mailboxHeader(message.from) + "\r\n";
    out += "To: <" + mailAddress(message.to).toUtf8() + ">\r\n";
    out += "Subject: " + headerText(message.subject) + "\r\n";
    out += "Message-ID: <" + oneLine(message.messageId).toUtf8() + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "\r\n";
    QString body = message.body;
    body.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    body.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    const QByteArray encoded = body.toUtf8().toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + "\r\n";
    return out;
}

MailResult sendMail(const QString &url, const MailMessage &message, int timeoutMs)
{
    curl::initOnce();
    MailResult result;
    curl::Easy curl(curl_easy_init());
    if (!curl) {
        result.error = QStringLiteral("libcurl could not start");
        return result;
    }
    const QString to = mailAddress(message.to);
    if (to.isEmpty() || !to.contains(QLatin1Char('@'))) {
        result.transient = false;
        result.error = QStringLiteral("no recipient address");
        return result;
    }
    const QByteArray target = url.toUtf8();
    const QByteArray from = "<" + mailAddress(message.from).toUtf8() + ">";
    curl::Slist recipients(
        curl_slist_append(nullptr, QByteArray("<" + to.toUtf8() + ">").constData()));
    Upload upload{formatMail(message), 0};
    char detail[CURL_ERROR_SIZE] = {};

    CURL *c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, target.constData());
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
#else
    curl_easy_setopt(c, CURLOPT_PROTOCOLS, long(CURLPROTO_SMTP | CURLPROTO_SMTPS));
#endif
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, long(std::min(timeoutMs, 5000)));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, long(timeoutMs));
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, &onRead);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, curl_off_t(upload.data.size()));

    const CURLcode rc = curl_easy_perform(c);
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    result.smtpCode = int(code);
    if (rc == CURLE_OK) {
        result.sent = true;
        result.transient = false;
        return result;
    }
    result.error = QString::fromUtf8(detail[0] ? detail : curl_easy_strerror(rc));
    if (code > 0)
        result.error = QStringLiteral("SMTP %1: %2").arg(code).arg(result.error);
    result.transient = !(code >= 500 && code < 600);
    return result;
}

} // namespace haitao::server
