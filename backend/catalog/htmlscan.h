#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include <utility>

namespace haitao::server::catalog {

// A minimal, tolerant reader of the few HTML tags product extraction needs. Qt Core has no
// HTML parser and a real one (html5ever, gumbo) would be a new dependency for four tags; pages
// in the wild are malformed anyway, so this scanner never fails: it skips what it cannot read.
struct HtmlTag
{
    QString name;                                  // lower-case: "meta", "script", ...
    QList<std::pair<QString, QString>> attributes; // names lower-case, values entity-decoded
    QString text; // <script>: the raw content; <title>: the decoded, simplified text

    // The first value of an attribute by lower-case name; null if absent.
    QString attribute(QStringView lowerCaseName) const;
};

// The page as text. The charset comes from a byte order mark, then the Content-Type header's
// charset parameter, then <meta charset> or <meta http-equiv="content-type"> in the first
// 1024 bytes (as browsers pre-scan), else UTF-8. An unknown charset also falls back to UTF-8.
QString decodeHtml(const QByteArray &bytes, QByteArrayView contentType = {});

// The html, base, title, meta, link and script tags in document order, skipping comments and
// the content of style, textarea and template elements (where a "<meta" is only text).
QList<HtmlTag> scanHtml(QStringView html);

// Named (a common subset) and numeric character references; unknown ones stay as written.
QString decodeEntities(QStringView text);

} // namespace haitao::server::catalog
