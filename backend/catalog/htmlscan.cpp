#include "backend/catalog/htmlscan.h"

#include <QStringDecoder>

#include <algorithm>
#include <iterator>

namespace haitao::server::catalog {

namespace {

struct NamedEntity
{
    const char *name;
    char32_t code;
};

// The references product titles and descriptions actually use (Latin-1 letters for the
// European shops, typography, currency signs). Sorted by name for the binary search.
constexpr NamedEntity kEntities[] = {
    {"AElig", 0xC6},    {"Aacute", 0xC1},  {"Acirc", 0xC2},   {"Agrave", 0xC0},   {"Aring", 0xC5},
    {"Atilde", 0xC3},   {"Auml", 0xC4},    {"Ccedil", 0xC7},  {"Eacute", 0xC9},   {"Egrave", 0xC8},
    {"Ntilde", 0xD1},   {"Oacute", 0xD3},  {"Oslash", 0xD8},  {"Ouml", 0xD6},     {"Uacute", 0xDA},
    {"Uuml", 0xDC},     {"aacute", 0xE1},  {"acirc", 0xE2},   {"aelig", 0xE6},    {"agrave", 0xE0},
    {"amp", 0x26},      {"apos", 0x27},    {"aring", 0xE5},   {"atilde", 0xE3},   {"auml", 0xE4},
    {"bdquo", 0x201E},  {"bull", 0x2022},  {"ccedil", 0xE7},  {"cent", 0xA2},     {"copy", 0xA9},
    {"deg", 0xB0},      {"divide", 0xF7},  {"eacute", 0xE9},  {"ecirc", 0xEA},    {"egrave", 0xE8},
    {"emsp", 0x2003},   {"ensp", 0x2002},  {"euml", 0xEB},    {"euro", 0x20AC},   {"frac12", 0xBD},
    {"frac14", 0xBC},   {"frac34", 0xBE},  {"gt", 0x3E},      {"hellip", 0x2026}, {"iacute", 0xED},
    {"icirc", 0xEE},    {"iexcl", 0xA1},   {"igrave", 0xEC},  {"iquest", 0xBF},   {"iuml", 0xEF},
    {"laquo", 0xAB},    {"ldquo", 0x201C}, {"lsquo", 0x2018}, {"lt", 0x3C},       {"mdash", 0x2014},
    {"micro", 0xB5},    {"middot", 0xB7},  {"nbsp", 0xA0},    {"ndash", 0x2013},  {"ntilde", 0xF1},
    {"oacute", 0xF3},   {"ocirc", 0xF4},   {"ograve", 0xF2},  {"oslash", 0xF8},   {"otilde", 0xF5},
    {"ouml", 0xF6},     {"para", 0xB6},    {"plusmn", 0xB1},  {"pound", 0xA3},    {"quot", 0x22},
    {"raquo", 0xBB},    {"rdquo", 0x201D}, {"reg", 0xAE},     {"rsquo", 0x2019},  {"sbquo", 0x201A},
    {"sect", 0xA7},     {"shy", 0xAD},     {"sup2", 0xB2},    {"sup3", 0xB3},     {"szlig", 0xDF},
    {"thinsp", 0x2009}, {"times", 0xD7},   {"trade", 0x2122}, {"uacute", 0xFA},   {"ucirc", 0xFB},
    {"ugrave", 0xF9},   {"uuml", 0xFC},    {"yacute", 0xFD},  {"yen", 0xA5},      {"yuml", 0xFF},
    {"zwj", 0x200D},    {"zwnj", 0x200C},
};

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// Where the raw text of `name` (script, style...) ends: the start of "</name", or the end.
qsizetype rawTextEnd(QStringView html, qsizetype from, QStringView name)
{
    qsizetype at = from;
    while ((at = html.indexOf(u"</", at)) >= 0) {
        const QStringView after = html.mid(at + 2);
        if (after.startsWith(name, Qt::CaseInsensitive) &&
            (after.size() == name.size() || isSpace(after[name.size()]) ||
             after[name.size()] == u'>' || after[name.size()] == u'/'))
            return at;
        at += 2;
    }
    return html.size();
}

// Reads the attributes from `at` (just after the tag name) to the closing '>'. Returns the
// index after '>', or html.size() when the tag never closes.
qsizetype readAttributes(QStringView html, qsizetype at, HtmlTag *tag)
{
    const qsizetype n = html.size();
    while (at < n) {
        while (at < n && (isSpace(html[at]) || html[at] == u'/'))
            ++at;
        if (at >= n)
            break;
        if (html[at] == u'>')
            return at + 1;
        const qsizetype nameStart = at;
        while (at < n && !isSpace(html[at]) && html[at] != u'=' && html[at] != u'>' &&
               html[at] != u'/')
            ++at;
        if (at == nameStart) { // a stray '=': skip it
            ++at;
            continue;
        }
        const QString name = html.mid(nameStart, at - nameStart).toString().toLower();
        qsizetype look = at;
        while (look < n && isSpace(html[look]))
            ++look;
        QString value;
        if (look < n && html[look] == u'=') {
            at = look + 1;
            while (at < n && isSpace(html[at]))
                ++at;
            if (at < n && (html[at] == u'"' || html[at] == u'\'')) {
                const QChar quote = html[at];
                const qsizetype close = html.indexOf(quote, at + 1);
                const qsizetype end = close < 0 ? n : close;
                value = decodeEntities(html.mid(at + 1, end - at - 1));
                at = close < 0 ? n : close + 1;
            } else {
                const qsizetype start = at;
                while (at < n && !isSpace(html[at]) && html[at] != u'>')
                    ++at;
                value = decodeEntities(html.mid(start, at - start));
            }
        }
        tag->attributes.append({name, value});
    }
    return n;
}

bool wanted(QStringView name)
{
    for (QStringView w : {u"html", u"base", u"title", u"meta", u"link", u"script"}) {
        if (name == w)
            return true;
    }
    return false;
}

// A charset label as ICU knows it; HTML reads latin-1 and ascii labels as windows-1252 and
// a declared UTF-16 in a byte stream as UTF-8 (the bytes already decoded to read it).
QByteArray normalizedCharset(QString label)
{
    label = label.trimmed().toLower();
    if (label.startsWith(u'"') || label.startsWith(u'\''))
        label = label.mid(1);
    if (label.endsWith(u'"') || label.endsWith(u'\''))
        label.chop(1);
    if (label == u"iso-8859-1" || label == u"latin1" || label == u"us-ascii" || label == u"ascii" ||
        label == u"iso8859-1")
        return "windows-1252";
    if (label.startsWith(QStringLiteral("utf-16")))
        return "utf-8";
    return label.toLatin1();
}

// The charset parameter of a Content-Type value ("text/html; charset=Shift_JIS").
QString charsetParameter(QStringView contentType)
{
    const qsizetype at = contentType.indexOf(u"charset", 0, Qt::CaseInsensitive);
    if (at < 0)
        return {};
    qsizetype i = at + 7;
    while (i < contentType.size() && isSpace(contentType[i]))
        ++i;
    if (i >= contentType.size() || contentType[i] != u'=')
        return {};
    QStringView rest = contentType.mid(i + 1).trimmed();
    const qsizetype end = rest.indexOf(u';');
    return (end < 0 ? rest : rest.left(end)).trimmed().toString();
}

} // namespace

QString HtmlTag::attribute(QStringView lowerCaseName) const
{
    for (const auto &[name, value] : attributes) {
        if (name == lowerCaseName)
            return value.isNull() ? QStringLiteral("") : value; // present without a value
    }
    return {};
}

QString decodeHtml(const QByteArray &bytes, QByteArrayView contentType)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return QString::fromUtf8(bytes.mid(3));
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        QStringDecoder utf16(QStringDecoder::Utf16, QStringDecoder::Flag::ConvertInitialBom);
        return utf16.decode(bytes);
    }
    QString label = charsetParameter(QString::fromLatin1(contentType));
    if (label.isEmpty()) {
        // The pre-scan: the prefix read as Latin-1 keeps every ASCII tag and attribute intact.
        for (const HtmlTag &tag : scanHtml(QString::fromLatin1(bytes.left(1024)))) {
            if (tag.name != u"meta")
                continue;
            label = tag.attribute(u"charset");
            if (label.isEmpty() &&
                tag.attribute(u"http-equiv").compare(u"content-type", Qt::CaseInsensitive) == 0)
                label = charsetParameter(tag.attribute(u"content"));
            if (!label.isEmpty())
                break;
        }
    }
    const QByteArray charset = normalizedCharset(label);
    if (!charset.isEmpty() && charset != "utf-8" && charset != "utf8") {
        QStringDecoder decoder(charset.constData());
        if (decoder.isValid())
            return decoder.decode(bytes);
    }
    return QString::fromUtf8(bytes);
}

QList<HtmlTag> scanHtml(QStringView html)
{
    QList<HtmlTag> tags;
    const qsizetype n = html.size();
    qsizetype at = 0;
    while ((at = html.indexOf(u'<', at)) >= 0 && at + 1 < n) {
        const QStringView rest = html.mid(at);
        if (rest.startsWith(u"<!--")) {
            const qsizetype end = html.indexOf(u"-->", at + 4);
            at = end < 0 ? n : end + 3;
            continue;
        }
        const QChar next = html[at + 1];
        if (next == u'!' || next == u'?' || next == u'/') { // doctype, processing, end tag
            const qsizetype end = html.indexOf(u'>', at + 1);
            at = end < 0 ? n : end + 1;
            continue;
        }
        if (!isAsciiLetter(next)) { // a literal "<" in text
            ++at;
            continue;
        }
        qsizetype nameEnd = at + 1;
        while (nameEnd < n && (isAsciiLetter(html[nameEnd]) || html[nameEnd].isDigit() ||
                               html[nameEnd] == u'-' || html[nameEnd] == u':'))
            ++nameEnd;
        HtmlTag tag;
        tag.name = html.mid(at + 1, nameEnd - at - 1).toString().toLower();
        at = readAttributes(html, nameEnd, &tag);
        const bool raw = tag.name == u"script" || tag.name == u"style" || tag.name == u"textarea" ||
                         tag.name == u"title" || tag.name == u"template" || tag.name == u"noscript";
        if (raw && at < n) {
            const qsizetype end = rawTextEnd(html, at, tag.name);
            if (tag.name == u"script")
                tag.text = html.mid(at, end - at).toString();
            else if (tag.name == u"title")
                tag.text = decodeEntities(html.mid(at, end - at)).simplified();
            at = end;
        }
        if (wanted(tag.name))
            tags.append(std::move(tag));
    }
    return tags;
}

QString decodeEntities(QStringView text)
{
    if (!text.contains(u'&'))
        return text.toString();
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (c != u'&') {
            out.append(c);
            ++i;
            continue;
        }
        if (i + 1 < n && text[i + 1] == u'#') {
            // Numeric: &#233; or &#xE9;, the ';' optional as browsers read it.
            const bool hex = i + 2 < n && (text[i + 2] == u'x' || text[i + 2] == u'X');
            qsizetype j = i + (hex ? 3 : 2);
            const qsizetype digitsStart = j;
            char32_t code = 0;
            bool tooBig = false;
            while (j < n) {
                const char16_t d = text[j].unicode();
                int v = -1;
                if (d >= u'0' && d <= u'9')
                    v = d - u'0';
                else if (hex && d >= u'a' && d <= u'f')
                    v = d - u'a' + 10;
                else if (hex && d >= u'A' && d <= u'F')
                    v = d - u'A' + 10;
                if (v < 0)
                    break;
                code = tooBig ? code : code * (hex ? 16 : 10) + char32_t(v);
                tooBig = tooBig || code > 0x10FFFF;
                ++j;
            }
            if (j == digitsStart) { // "&#" and no digits: literal text
                out.append(c);
                ++i;
                continue;
            }
            if (tooBig || code == 0 || (code >= 0xD800 && code <= 0xDFFF))
                code = 0xFFFD;
            out.append(QString::fromUcs4(&code, 1));
            i = j < n && text[j] == u';' ? j + 1 : j;
            continue;
        }
        const qsizetype semi = text.indexOf(u';', i + 1);
        if (semi > i + 1 && semi - i <= 8) {
            const QByteArray name = text.mid(i + 1, semi - i - 1).toLatin1();
            const auto found = std::lower_bound(
                std::begin(kEntities), std::end(kEntities), name,
                [](const NamedEntity &e, const QByteArray &key) { return key > e.name; });
            if (found != std::end(kEntities) && name == found->name) {
                out.append(QString::fromUcs4(&found->code, 1));
                i = semi + 1;
                continue;
            }
        }
        out.append(c);
        ++i;
    }
    return out;
}

} // namespace haitao::server::catalog
