#include "backend/http/jsonwriter.h"

#include <QChar>

#include <array>
#include <charconv>
#include <cstring>
#include <utility>

namespace haitao::server {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// The worst case per input unit: a control character or a lone surrogate becomes \uXXXX.
constexpr qsizetype kMaxBytesPerUnit = 6;

// \uXXXX, lower-case hex as QJsonDocument writes it.
char *escapedUnit(char *d, char16_t u)
{
    *d++ = '\\';
    *d++ = 'u';
    *d++ = kHex[(u >> 12) & 0xf];
    *d++ = kHex[(u >> 8) & 0xf];
    *d++ = kHex[(u >> 4) & 0xf];
    *d++ = kHex[u & 0xf];
    return d;
}

char *escapedAscii(char *d, char c)
{
    if (c == '"' || c == '\\') {
        *d++ = '\\';
        *d++ = c;
        return d;
    }
    return escapedUnit(d, char16_t(uchar(c)));
}

// ASCII that is written as it is: printable, except '"' and '\\'. A table: one load instead
// of four comparisons per character of the hottest loop.
constexpr auto kPlain = [] {
    std::array<bool, 128> plain{};
    for (char16_t u = 0x20; u < 0x80; ++u)
        plain[u] = u != u'"' && u != u'\\';
    return plain;
}();

bool plainAscii(char16_t u)
{
    return u < 0x80 && kPlain[u];
}

// One code point as UTF-8 (at most 4 bytes).
char *utf8(char *d, char32_t c)
{
    if (c < 0x800) {
        *d++ = char(0xc0 | (c >> 6));
    } else if (c < 0x10000) {
        *d++ = char(0xe0 | (c >> 12));
        *d++ = char(0x80 | ((c >> 6) & 0x3f));
    } else {
        *d++ = char(0xf0 | (c >> 18));
        *d++ = char(0x80 | ((c >> 12) & 0x3f));
        *d++ = char(0x80 | ((c >> 6) & 0x3f));
    }
    *d++ = char(0x80 | (c & 0x3f));
    return d;
}

// Every control character or lone surrogate can take 6 bytes; the quotes 2 more.
constexpr qsizetype quotedRoom(qsizetype units)
{
    return 2 + units * kMaxBytesPerUnit;
}

char *quotedTo(char *d, QStringView text)
{
    *d++ = '"';
    const char16_t *s = text.utf16();
    const char16_t *const end = s + text.size();
    while (s != end) {
        const char16_t u = *s++;
        if (plainAscii(u)) {
            *d++ = char(u);
        } else if (u < 0x80) {
            d = escapedAscii(d, char(u));
        } else if (!QChar::isSurrogate(u)) {
            d = utf8(d, u);
        } else if (QChar::isHighSurrogate(u) && s != end && QChar::isLowSurrogate(*s)) {
            d = utf8(d, QChar::surrogateToUcs4(u, *s++));
        } else {
            // A lone surrogate has no UTF-8 form. Escaped, the output stays valid UTF-8 and
            // reads back as the same QString, as QJsonDocument writes it (toUtf8 would give '?').
            d = escapedUnit(d, u);
        }
    }
    *d++ = '"';
    return d;
}

char *quotedTo(char *d, QLatin1StringView text)
{
    *d++ = '"';
    for (const char c : text) {
        const auto u = char16_t(uchar(c));
        if (plainAscii(u))
            *d++ = c;
        else if (u < 0x80)
            d = escapedAscii(d, c);
        else
            d = utf8(d, u); // Latin-1 is U+0080..U+00FF: two bytes
    }
    *d++ = '"';
    return d;
}

} // namespace

JsonWriter::JsonWriter(qsizetype reserve)
    : m_out(qMax(reserve, qsizetype(64)), Qt::Uninitialized)
{}

void JsonWriter::beginObject()
{
    open(Scope::Object, '{');
}

void JsonWriter::endObject()
{
    close(Scope::Object, '}');
}

void JsonWriter::beginArray()
{
    open(Scope::Array, '[');
}

void JsonWriter::endArray()
{
    close(Scope::Array, ']');
}

void JsonWriter::key(QStringView name)
{
    Q_ASSERT(!m_scopes.isEmpty() && m_scopes.back() == Scope::Object && !m_afterKey);
    char *d = tail(2 + quotedRoom(name.size()));
    if (m_needComma)
        *d++ = ',';
    d = quotedTo(d, name);
    *d++ = ':';
    commit(d);
    m_needComma = false;
    m_afterKey = true;
}

void JsonWriter::key(QLatin1StringView name)
{
    Q_ASSERT(!m_scopes.isEmpty() && m_scopes.back() == Scope::Object && !m_afterKey);
    char *d = tail(2 + quotedRoom(name.size()));
    if (m_needComma)
        *d++ = ',';
    d = quotedTo(d, name);
    *d++ = ':';
    commit(d);
    m_needComma = false;
    m_afterKey = true;
}

void JsonWriter::string(QStringView text)
{
    commit(quotedTo(beforeValue(tail(1 + quotedRoom(text.size()))), text));
}

void JsonWriter::string(QLatin1StringView text)
{
    commit(quotedTo(beforeValue(tail(1 + quotedRoom(text.size()))), text));
}

void JsonWriter::integer(qint64 value)
{
    constexpr qsizetype digits = 20; // 19 digits and a sign
    char *d = beforeValue(tail(1 + digits));
    commit(std::to_chars(d, d + digits, value).ptr);
}

void JsonWriter::boolean(bool value)
{
    char *d = beforeValue(tail(6));
    const QByteArrayView text = value ? QByteArrayView("true") : QByteArrayView("false");
    std::memcpy(d, text.data(), size_t(text.size()));
    commit(d + text.size());
}

void JsonWriter::null()
{
    char *d = beforeValue(tail(5));
    std::memcpy(d, "null", 4);
    commit(d + 4);
}

QByteArray JsonWriter::take()
{
    m_out.truncate(m_size);
    m_size = 0;
    m_scopes.clear();
    m_needComma = false;
    m_afterKey = false;
    return std::exchange(m_out, QByteArray());
}

void JsonWriter::grow(qsizetype room)
{
    m_out.resize(qMax(2 * m_out.size(), m_size + room));
}

// Every value, containers included, passes here: it places the comma and marks the
// container as holding a value.
char *JsonWriter::beforeValue(char *d)
{
    // A value belongs after a key in an object, anywhere in an array, or alone at the top.
    Q_ASSERT(m_scopes.isEmpty() ? m_size == 0 : (m_scopes.back() == Scope::Array || m_afterKey));
    if (m_needComma)
        *d++ = ',';
    m_needComma = true;
    m_afterKey = false;
    return d;
}

void JsonWriter::open(Scope scope, char bracket)
{
    char *d = beforeValue(tail(2));
    *d++ = bracket;
    commit(d);
    m_scopes.append(scope);
    m_needComma = false;
}

void JsonWriter::close(Scope scope, char bracket)
{
    Q_ASSERT(!m_scopes.isEmpty() && m_scopes.back() == scope && !m_afterKey);
    m_scopes.removeLast();
    char *d = tail(1);
    *d++ = bracket;
    commit(d);
    m_needComma = true;
}

} // namespace haitao::server
