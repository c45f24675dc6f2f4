#pragma once

#include "core/currency.h"
#include "core/money.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace haitao::server::catalog {

// One SKU read from a partner feed, checked and normalised (docs/feeds.md states every rule).
// Empty strings and nullopt mean the feed left the value out.
struct FeedRow
{
    qint64 lineNumber = 0; // 1-based line where the record starts (a multi-line CSV record:
                           // its first line)
    QString sku;           // 1..128 characters, no control characters
    QString group;         // variants sharing a group are one product; empty: its own product
    QString title;         // 1..500 characters, whitespace runs collapsed
    QString description;   // line breaks kept (as \n)
    QString brand;
    QString category;
    QString url;           // http(s)
    QStringList imageUrls; // http(s), feed order
    // Exact, from decimal text in major units ("19.99"), in the row's currency; positive.
    Money price = Money::zero(Currency::cny());
    std::optional<qint64> weightG; // non-negative whole numbers
    std::optional<qint64> lengthMm;
    std::optional<qint64> widthMm;
    std::optional<qint64> heightMm;
    std::optional<qint64> stock;
    QString language; // the source text's language ("en", "de", "ja"); empty: not given
    QString titleZh;  // the partner's own Chinese text, if any: 0..500 characters
    QString descriptionZh;
    QList<QPair<QString, QString>> options; // ("size", "M") from option_size, column order;
                                            // options left empty are not listed

    Currency currency() const { return price.currency(); }
};

// Why one record was not read. A record can have several (one per bad field, same line); the
// rest of the feed still reads.
struct RowError
{
    qint64 line = 0; // where the record starts
    QString field;   // the column ("price", "option_size"); empty for the record as a whole
    QString reason;  // English, for the import report
};

} // namespace haitao::server::catalog
