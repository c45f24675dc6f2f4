#pragma once

#include <QJsonDocument>
#include <QString>
#include <QStringView>

namespace haitao::server::catalog {

// Reads the JSON of a <script type="application/ld+json"> block as shops actually write it,
// into a QJsonDocument whose numbers are all strings holding their source text.
//
// Why strings: QJsonDocument reads every number into a double. A price such as 19.99 would
// print back the same, but the page's own text is what Money::parse must judge ("19.999" is
// refused, never rounded), and numeric SKUs and GTINs past 2^53 would silently change. A JSON
// number can only stand where a value stands, so quoting it keeps the document valid, and a
// reader treats "price": 19.99 and "price": "19.99" alike, as schema.org allows both.
//
// Tolerated, because real pages have them: an HTML comment or CDATA wrapper around the whole
// block, // and /* */ comments, trailing commas, raw line breaks and tabs inside strings, and
// invalid escapes such as \' (read as the character itself).
QJsonDocument parseLenientJson(QStringView text, QString *error);

} // namespace haitao::server::catalog
