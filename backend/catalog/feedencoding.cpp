#include "backend/catalog/feedencoding.h"

#include <QList>

#include <algorithm>
#include <utility>

namespace haitao::server::catalog {

namespace {

constexpr auto kGb18030 = "GB18030";

bool isAscii(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return uchar(c) < 0x80; });
}

bool startsWith(QByteArrayView bytes, QByteArrayView prefix)
{
    return bytes.size() >= prefix.size() && bytes.first(prefix.size()) == prefix;
}

} // namespace

std::optional<FeedEncoding> feedEncodingFromName(QStringView name)
{
    const QString n = name.trimmed().toString().toLower();
    if (n == u"utf-8" || n == u"utf8")
        return FeedEncoding::Utf8;
    if (n == u"gbk" || n == u"gb2312" || n == u"gb18030" || n == u"cp936")
        return FeedEncoding::Gbk;
    return std::nullopt;
}

QString charsetParameter(QStringView contentType)
{
    const auto parts = contentType.split(u';');
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QStringView part = parts.at(i).trimmed();
        const qsizetype eq = part.indexOf(u'=');
        if (eq < 0 || part.first(eq).trimmed().compare(u"charset", Qt::CaseInsensitive) != 0)
            continue;
        QStringView value = part.sliced(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.sliced(1, value.size() - 2);
        return value.toString();
    }
    return {};
}

bool gbkAvailable()
{
    static const bool available = QStringDecoder(kGb18030).isValid();
    return available;
}

// ---- EncodingSniffer

EncodingSniffer::EncodingSniffer(FeedEncoding declared)
    : m_declared(declared)
    , m_encoding(declared)
{}

QByteArray EncodingSniffer::feed(QByteArrayView chunk)
{
    if (!m_error.isEmpty())
        return {};
    m_pending.append(chunk);
    return drain(false);
}

QByteArray EncodingSniffer::finish()
{
    if (!m_error.isEmpty())
        return {};
    return drain(true);
}

// False while the first bytes could still turn out to be a byte order mark.
bool EncodingSniffer::checkBom(bool atEnd)
{
    static constexpr QByteArrayView utf8Bom("\xEF\xBB\xBF");
    static constexpr QByteArrayView utf16Le("\xFF\xFE");
    static constexpr QByteArrayView utf16Be("\xFE\xFF");
    if (startsWith(m_pending, utf8Bom)) {
        m_pending.remove(0, utf8Bom.size());
        if (m_declared == FeedEncoding::Gbk) {
            m_note = QStringLiteral("GBK was declared but the file starts with a UTF-8 byte "
                                    "order mark; read as UTF-8");
        }
        m_encoding = FeedEncoding::Utf8;
        return true;
    }
    if (startsWith(m_pending, utf16Le) || startsWith(m_pending, utf16Be)) {
        m_error = QStringLiteral("the file is UTF-16 (it starts with a UTF-16 byte order mark); "
                                 "save it as UTF-8");
        return true;
    }
    if (!atEnd && m_pending.size() < utf8Bom.size()) {
        const QByteArrayView head(m_pending);
        if (startsWith(utf8Bom, head) || startsWith(utf16Le, head) || startsWith(utf16Be, head))
            return false;
    }
    return true;
}

QByteArray EncodingSniffer::drain(bool atEnd)
{
    if (!m_bomChecked) {
        if (!checkBom(atEnd))
            return {};
        m_bomChecked = true;
        if (!m_error.isEmpty())
            return {};
    }
    if (m_encoding != FeedEncoding::Auto)
        return std::exchange(m_pending, {});

    // Undecided: pass the ASCII run on, hold back from the first byte above 0x7F.
    const auto firstHigh =
        std::find_if(m_pending.cbegin(), m_pending.cend(), [](char c) { return uchar(c) >= 0x80; });
    if (firstHigh == m_pending.cend()) {
        if (atEnd)
            m_encoding = FeedEncoding::Utf8; // all ASCII: either reading is the same
        return std::exchange(m_pending, {});
    }
    const qsizetype asciiRun = firstHigh - m_pending.cbegin();
    QByteArray out = m_pending.left(asciiRun);
    m_pending.remove(0, asciiRun);
    if (m_pending.size() < Window && !atEnd)
        return out;

    const bool windowIsAll = atEnd && m_pending.size() <= Window;
    const QByteArrayView window =
        QByteArrayView(m_pending).first(std::min(m_pending.size(), Window));
    if (detail::looksLikeUtf8(window, !windowIsAll)) {
        m_encoding = FeedEncoding::Utf8;
    } else {
        m_encoding = FeedEncoding::Gbk;
        m_note = QStringLiteral("the file is not valid UTF-8; read as GBK");
    }
    out.append(std::exchange(m_pending, {}));
    return out;
}

// ---- TextDecoder

TextDecoder::TextDecoder(FeedEncoding encoding)
    : m_encoding(encoding)
{}

TextDecoder::~TextDecoder() = default;

void TextDecoder::setEncoding(FeedEncoding encoding)
{
    m_encoding = encoding;
}

std::optional<QString> TextDecoder::decode(QByteArrayView bytes)
{
    if (m_encoding != FeedEncoding::Gbk) {
        if (!bytes.isValidUtf8())
            return std::nullopt;
        return QString::fromUtf8(bytes);
    }
    if (isAscii(bytes))
        return QString::fromLatin1(bytes);
    if (!detail::isWholeGb18030(bytes))
        return std::nullopt;
    if (!m_gbk) {
        m_gbk = std::make_unique<QStringDecoder>(kGb18030);
        if (!m_gbk->isValid())
            return std::nullopt; // no ICU: FeedParser refuses the file before this
    }
    QString text = m_gbk->decode(bytes);
    if (m_gbk->hasError()) {
        // A well-formed but unmapped four-byte sequence. Qt 6.4 keeps the error flag through
        // resetState(), so start over with a fresh decoder.
        m_gbk.reset();
        return std::nullopt;
    }
    m_gbk->resetState();
    return text;
}

namespace detail {

bool isWholeGb18030(QByteArrayView bytes)
{
    const auto in = [](uchar b, uchar lo, uchar hi) { return b >= lo && b <= hi; };
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar b = uchar(bytes[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        if (!in(b, 0x81, 0xFE) || i + 1 >= n)
            return false;
        const uchar b2 = uchar(bytes[i + 1]);
        if (in(b2, 0x40, 0x7E) || in(b2, 0x80, 0xFE)) {
            i += 2;
        } else if (in(b2, 0x30, 0x39) && i + 3 < n && in(uchar(bytes[i + 2]), 0x81, 0xFE) &&
                   in(uchar(bytes[i + 3]), 0x30, 0x39)) {
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

bool looksLikeUtf8(QByteArrayView bytes, bool cutAtEnd)
{
    if (cutAtEnd) {
        // Find the last lead byte among the final three; drop it if its sequence is cut short.
        for (qsizetype back = 1; back <= 3 && back <= bytes.size(); ++back) {
            const uchar b = uchar(bytes[bytes.size() - back]);
            if ((b & 0xC0) == 0x80)
                continue; // continuation byte: keep looking for its lead
            const int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            if (length > back)
                bytes = bytes.first(bytes.size() - back);
            break;
        }
    }
    return bytes.isValidUtf8();
}

} // namespace detail

} // namespace haitao::server::catalog
