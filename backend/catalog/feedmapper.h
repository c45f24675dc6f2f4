#pragma once

#include "backend/catalog/csvreader.h"
#include "backend/catalog/feedencoding.h"
#include "backend/catalog/feedrow.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace haitao::server::catalog {

// The columns of a feed (CSV header names, JSONL keys), besides option_<name>.
enum class FeedField {
    Sku,
    Group,
    Title,
    Price,
    Currency,
    Description,
    Brand,
    Category,
    Url,
    ImageUrls,
    WeightG,
    LengthMm,
    WidthMm,
    HeightMm,
    Stock,
    TitleZh,
    DescriptionZh,
    Language,
};
inline constexpr int FeedFieldCount = int(FeedField::Language) + 1;

// The primary subtag of a BCP 47 language tag, lower-case ("ja-JP" -> "ja"); empty when
// `tag` is not one.
QString primaryLanguage(const QString &tag);

QString feedFieldName(FeedField field);                       // "sku", "image_urls", ...
std::optional<FeedField> feedFieldFromName(QStringView name); // exact, lower-case
QString normalizedColumnName(QStringView name);               // trimmed, lower-case

// A record's values by field before any checking: what CSV and JSONL have in common.
struct RawRow
{
    qint64 line = 0;
    std::array<QString, FeedFieldCount> values; // as given; empty: not given
    std::optional<QStringList> imageList;       // image_urls given as a JSON array
    QList<QPair<QString, QString>> options;     // (name after "option_", value)
    QList<RowError> errors;                     // found while reading: encoding, JSON types
};

struct MappedRow
{
    std::optional<FeedRow> row; // set exactly when errors is empty
    QList<RowError> errors;
};

// Checks and normalises one record (docs/feeds.md lists the rules). Every problem in the
// record is reported, each with its field.
MappedRow mapRow(RawRow &&raw);

// Which CSV column is which field, from the header.
class CsvColumns
{
public:
    // fileError() is set when a required column is missing or a column appears twice.
    static CsvColumns fromHeader(const QStringList &names);

    QString fileError() const { return m_fileError; }
    QStringList warnings() const { return m_warnings; } // ignored columns, one each

    // The record's fields must number as many as the header's (CsvReader sees to it).
    // Fields that do not decode become errors of their column.
    RawRow rawRow(const CsvRecord &record, TextDecoder &decoder) const;

private:
    struct Column
    {
        enum class Kind { Field, Option, Ignored };
        Kind kind = Kind::Ignored;
        FeedField field = FeedField::Sku;
        QString name; // normalised header name
    };
    QList<Column> m_columns;
    QString m_fileError;
    QStringList m_warnings;
};

// JSONL objects to RawRow. Keys are matched like CSV headers; an unknown key is reported
// once in `warnings`.
class JsonRows
{
public:
    RawRow rawRow(qint64 line, const QJsonObject &object, QStringList *warnings);

private:
    QSet<QString> m_unknownSeen;
};

} // namespace haitao::server::catalog
