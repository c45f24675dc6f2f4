#include "backend/catalog/lenientjson.h"

#include <QJsonParseError>

namespace haitao::server::catalog {

namespace {

bool isJsonSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

// Removes the wrappers pages put around a script's JSON for ancient browsers:
// <!-- ... -->, <![CDATA[ ... ]]>, and their commented forms //<![CDATA[ and /*<![CDATA[*/.
QStringView unwrap(QStringView text)
{
    static const QStringView kOpeners[] = {u"<!--", u"//<![CDATA[", u"/*<![CDATA[*/", u"<![CDATA["};
    static const QStringView kClosers[] = {u"-->", u"//]]>", u"/*]]>*/", u"]]>"};
    bool changed = true;
    while (changed) {
        changed = false;
        text = text.trimmed();
        for (QStringView open : kOpeners) {
            if (text.startsWith(open)) {
                text = text.mid(open.size()).trimmed();
                changed = true;
            }
        }
        for (QStringView close : kClosers) {
            if (text.endsWith(close)) {
                text = text.chopped(close.size()).trimmed();
                changed = true;
            }
        }
    }
    return text;
}

// Copies a string literal from text[at] (the opening quote); returns the index after it.
qsizetype copyString(QStringView text, qsizetype at, QString *out)
{
    const qsizetype n = text.size();
    out->append(u'"');
    ++at;
    while (at < n) {
        const QChar c = text[at];
        if (c == u'"') {
            out->append(c);
            return at + 1;
        }
        if (c == u'\\' && at + 1 < n) {
            const QChar e = text[at + 1];
            static const QStringView kValid = u"\"\\/bfnrtu";
            if (kValid.contains(e)) {
                out->append(c);
                out->append(e);
            } else if (e == u'\n' || e == u'\r') {
                // A backslash-newline continuation: drop both.
            } else {
                if (e == u'"' || e == u'\\')
                    out->append(u'\\');
                out->append(e); // \' and \x: the character itself
            }
            at += 2;
            continue;
        }
        if (c.unicode() < 0x20) {
            switch (c.unicode()) {
            case u'\n':
                out->append(u"\\n");
                break;
            case u'\r':
                out->append(u"\\r");
                break;
            case u'\t':
                out->append(u"\\t");
                break;
            default:
                out->append(QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0')));
                break;
            }
        } else {
            out->append(c);
        }
        ++at;
    }
    out->append(u'"'); // unterminated: close it and let the parser judge the rest
    return n;
}

// The next index that is neither white space nor inside a comment.
qsizetype skipSpaceAndComments(QStringView text, qsizetype at)
{
    const qsizetype n = text.size();
    while (at < n) {
        if (isJsonSpace(text[at])) {
            ++at;
        } else if (text.mid(at).startsWith(u"//")) {
            const qsizetype end = text.indexOf(u'\n', at);
            at = end < 0 ? n : end;
        } else if (text.mid(at).startsWith(u"/*")) {
            const qsizetype end = text.indexOf(u"*/", at + 2);
            at = end < 0 ? n : end + 2;
        } else {
            break;
        }
    }
    return at;
}

bool isNumberChar(QChar c)
{
    return (c >= u'0' && c <= u'9') || c == u'-' || c == u'+' || c == u'.' || c == u'e' ||
           c == u'E';
}

} // namespace

QJsonDocument parseLenientJson(QStringView text, QString *error)
{
    text = unwrap(text);
    QString clean;
    clean.reserve(text.size() + 16);
    const qsizetype n = text.size();
    qsizetype at = 0;
    while (at < n) {
        const QChar c = text[at];
        if (c == u'"') {
            at = copyString(text, at, &clean);
        } else if (c == u'/' && at + 1 < n && text[at + 1] == u'/') {
            const qsizetype end = text.indexOf(u'\n', at);
            at = end < 0 ? n : end;
        } else if (c == u'/' && at + 1 < n && text[at + 1] == u'*') {
            const qsizetype end = text.indexOf(u"*/", at + 2);
            at = end < 0 ? n : end + 2;
        } else if (c == u'-' || (c >= u'0' && c <= u'9')) {
            const qsizetype start = at;
            while (at < n && isNumberChar(text[at]))
                ++at;
            clean.append(u'"');
            clean.append(text.mid(start, at - start));
            clean.append(u'"');
        } else if (c == u',') {
            const qsizetype next = skipSpaceAndComments(text, at + 1);
            if (next >= n || (text[next] != u'}' && text[next] != u']'))
                clean.append(c); // a trailing comma is dropped
            ++at;
        } else {
            clean.append(c);
            ++at;
        }
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(clean.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error =
            QStringLiteral("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return {};
    }
    return doc;
}

} // namespace haitao::server::catalog
