#include "backend/catalog/feedmapper.h"

#include "core/money.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <iterator>
#include <limits>
#include <utility>

namespace haitao::server::catalog {

namespace {

constexpr QStringView kOptionPrefix = u"option_";
constexpr qsizetype kMaxSku = 128;   // also group
constexpr qsizetype kMaxTitle = 500; // also title_zh
constexpr qsizetype kMaxUrl = 2048;
constexpr qsizetype kMaxOptionName = 64;
constexpr qsizetype kMaxOptionValue = 200;
constexpr int kMaxUnknownWarnings = 20;
// Whole numbers stay within what JSON carries exactly (and what our API sends back).
constexpr qint64 kMaxWhole = (qint64(1) << 53) - 1;

struct FieldInfo
{
    FeedField field;
    const char16_t *name;
};

constexpr FieldInfo kFields[] = {
    {FeedField::Sku, u"sku"},
    {FeedField::Group, u"group"},
    {FeedField::Title, u"title"},
    {FeedField::Price, u"price"},
    {FeedField::Currency, u"currency"},
    {FeedField::Description, u"description"},
    {FeedField::Brand, u"brand"},
    {FeedField::Category, u"category"},
    {FeedField::Url, u"url"},
    {FeedField::ImageUrls, u"image_urls"},
    {FeedField::WeightG, u"weight_g"},
    {FeedField::LengthMm, u"length_mm"},
    {FeedField::WidthMm, u"width_mm"},
    {FeedField::HeightMm, u"height_mm"},
    {FeedField::Stock, u"stock"},
    {FeedField::TitleZh, u"title_zh"},
    {FeedField::DescriptionZh, u"description_zh"},
    {FeedField::Language, u"language"},
};
static_assert(std::size(kFields) == FeedFieldCount);

constexpr FeedField kRequired[] = {FeedField::Sku, FeedField::Title, FeedField::Price,
                                   FeedField::Currency};

// Characters as a reader counts them: a surrogate pair is one.
qsizetype characters(QStringView s)
{
    qsizetype n = s.size();
    for (QChar c : s)
        n -= c.isLowSurrogate() ? 1 : 0;
    return n;
}

bool hasControl(QStringView s)
{
    for (QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return true;
    }
    return false;
}

// Line breaks as \n, outer whitespace trimmed; inner layout kept.
QString multiline(const QString &s)
{
    QString out = s.trimmed();
    out.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    out.replace(u'\r', u'\n');
    return out;
}

bool isHttpUrl(const QString &s)
{
    const QUrl url(s, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") &&
           !url.host().isEmpty();
}

// "0", "250", "007": ASCII digits only, at most kMaxWhole.
std::optional<qint64> parseWhole(QStringView s)
{
    if (s.isEmpty() || s.size() > 16)
        return std::nullopt;
    qint64 value = 0;
    for (QChar c : s) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    if (value > kMaxWhole)
        return std::nullopt;
    return value;
}

// Fraction zeros past the currency's digits say nothing: "1980.00" JPY is 1980, "19.990" USD
// is 19.99. Any other extra digit stays, and Money::parse refuses it.
QString dropSurplusZeros(QString amount, int exponent)
{
    const qsizetype dot = amount.indexOf(u'.');
    if (dot < 0)
        return amount;
    qsizetype end = amount.size();
    while (end - dot - 1 > exponent && amount.at(end - 1) == u'0')
        --end;
    if (end == dot + 1)
        --end; // "1980." -> "1980"
    amount.truncate(end);
    return amount;
}

QString currencyList()
{
    QStringList codes;
    for (const Currency &c : Currency::all())
        codes.append(c.code());
    return codes.join(QStringLiteral(", "));
}

class RowChecker
{
public:
    explicit RowChecker(RawRow &raw)
        : m_raw(raw)
        , m_errors(std::move(raw.errors))
    {}

    QString value(FeedField f) const { return m_raw.values[size_t(f)].trimmed(); }

    void error(FeedField f, const QString &reason) { error(feedFieldName(f), reason); }
    // One error per field: a value that could not be read is not also "required".
    void error(const QString &field, const QString &reason)
    {
        const bool known = std::any_of(m_errors.cbegin(), m_errors.cend(),
                                       [&](const RowError &e) { return e.field == field; });
        if (!known)
            m_errors.append({m_raw.line, field, reason});
    }

    // A one-line text: whitespace runs collapsed.
    QString line(FeedField f, qsizetype maxChars, bool required)
    {
        const QString v = m_raw.values[size_t(f)].simplified();
        if (v.isEmpty() && required)
            error(f, QStringLiteral("is required"));
        else if (characters(v) > maxChars)
            error(f, QStringLiteral("is longer than %1 characters").arg(maxChars));
        return v;
    }

    QString identifier(FeedField f, bool required)
    {
        const QString v = value(f);
        if (v.isEmpty() && required)
            error(f, QStringLiteral("is required"));
        else if (characters(v) > kMaxSku)
            error(f, QStringLiteral("is longer than %1 characters").arg(kMaxSku));
        else if (hasControl(v))
            error(f, QStringLiteral("contains a control character (a line break or a tab)"));
        return v;
    }

    std::optional<qint64> whole(FeedField f)
    {
        const QString v = value(f);
        if (v.isEmpty())
            return std::nullopt;
        const std::optional<qint64> n = parseWhole(v);
        if (!n) {
            error(f, QStringLiteral("\"%1\" is not a whole number from 0 to %2 (digits only)")
                         .arg(v)
                         .arg(kMaxWhole));
        }
        return n;
    }

    bool url(const QString &field, const QString &text)
    {
        if (characters(text) > kMaxUrl) {
            error(field, QStringLiteral("a URL is longer than %1 characters").arg(kMaxUrl));
            return false;
        }
        if (!isHttpUrl(text)) {
            error(field, QStringLiteral("\"%1\" is not an http(s) URL").arg(text));
            return false;
        }
        return true;
    }

    QList<RowError> takeErrors() { return std::move(m_errors); }
    bool ok() const { return m_errors.isEmpty(); }

private:
    RawRow &m_raw;
    QList<RowError> m_errors;
};

} // namespace

QString primaryLanguage(const QString &tag)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([A-Za-z]{2,3})([-_][A-Za-z0-9]{1,8})*$"));
    const QRegularExpressionMatch m = pattern.match(tag.trimmed());
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

QString feedFieldName(FeedField field)
{
    return QString::fromUtf16(kFields[int(field)].name);
}

std::optional<FeedField> feedFieldFromName(QStringView name)
{
    for (const FieldInfo &info : kFields) {
        if (name == QStringView(info.name))
            return info.field;
    }
    return std::nullopt;
}

QString normalizedColumnName(QStringView name)
{
    return name.trimmed().toString().toLower();
}

MappedRow mapRow(RawRow &&raw)
{
    RowChecker check(raw);
    FeedRow row;
    row.lineNumber = raw.line;
    row.sku = check.identifier(FeedField::Sku, true);
    row.group = check.identifier(FeedField::Group, false);
    row.title = check.line(FeedField::Title, kMaxTitle, true);
    row.titleZh = check.line(FeedField::TitleZh, kMaxTitle, false);
    row.brand = raw.values[size_t(FeedField::Brand)].simplified();
    row.category = raw.values[size_t(FeedField::Category)].simplified();
    row.description = multiline(raw.values[size_t(FeedField::Description)]);
    row.descriptionZh = multiline(raw.values[size_t(FeedField::DescriptionZh)]);
    if (const QString language = check.value(FeedField::Language); !language.isEmpty()) {
        row.language = primaryLanguage(language);
        if (row.language.isEmpty())
            check.error(FeedField::Language,
                        QStringLiteral("\"%1\" is not a language code such as en, de or ja-JP")
                            .arg(language));
    }

    // Currency first: the price is read in it.
    const QString code = check.value(FeedField::Currency).toUpper();
    std::optional<Currency> currency;
    if (code.isEmpty()) {
        check.error(FeedField::Currency, QStringLiteral("is required"));
    } else {
        currency = Currency::fromCode(code);
        if (!currency) {
            check.error(FeedField::Currency,
                        QStringLiteral("\"%1\" is not a supported currency (%2)")
                            .arg(code, currencyList()));
        }
    }
    const QString amount = check.value(FeedField::Price);
    if (amount.isEmpty()) {
        check.error(FeedField::Price, QStringLiteral("is required"));
    } else if (currency) {
        const MoneyResult<Money> price =
            Money::parse(dropSurplusZeros(amount, currency->exponent()), *currency);
        if (!price)
            check.error(FeedField::Price, price.error().message);
        else if (price->minor() <= 0)
            check.error(FeedField::Price, QStringLiteral("must be greater than zero"));
        else
            row.price = *price;
    }

    row.url = check.value(FeedField::Url);
    if (!row.url.isEmpty())
        check.url(feedFieldName(FeedField::Url), row.url);

    const QStringList images =
        raw.imageList ? *raw.imageList : raw.values[size_t(FeedField::ImageUrls)].split(u'|');
    for (const QString &image : images) {
        const QString url = image.trimmed();
        if (!url.isEmpty() && check.url(feedFieldName(FeedField::ImageUrls), url))
            row.imageUrls.append(url);
    }

    row.weightG = check.whole(FeedField::WeightG);
    row.lengthMm = check.whole(FeedField::LengthMm);
    row.widthMm = check.whole(FeedField::WidthMm);
    row.heightMm = check.whole(FeedField::HeightMm);
    row.stock = check.whole(FeedField::Stock);

    for (const auto &[name, rawValue] : std::as_const(raw.options)) {
        const QString value = rawValue.simplified();
        if (value.isEmpty())
            continue;
        if (characters(value) > kMaxOptionValue) {
            check.error(kOptionPrefix.toString() + name,
                        QStringLiteral("is longer than %1 characters").arg(kMaxOptionValue));
            continue;
        }
        row.options.append({name, value});
    }

    MappedRow out;
    if (check.ok())
        out.row = std::move(row);
    else
        out.errors = check.takeErrors();
    return out;
}

// ---- CSV

CsvColumns CsvColumns::fromHeader(const QStringList &names)
{
    CsvColumns c;
    QStringList duplicates;
    QSet<QString> seen;
    for (qsizetype i = 0; i < names.size(); ++i) {
        Column column;
        column.name = normalizedColumnName(names.at(i));
        const QString &name = column.name;
        if (const auto field = feedFieldFromName(name)) {
            column.kind = Column::Kind::Field;
            column.field = *field;
        } else if (name.startsWith(kOptionPrefix) && name.size() > kOptionPrefix.size() &&
                   name.size() - kOptionPrefix.size() <= kMaxOptionName) {
            column.kind = Column::Kind::Option;
        } else if (name.isEmpty()) {
            c.m_warnings.append(QStringLiteral("column %1 has no name and is ignored").arg(i + 1));
        } else {
            c.m_warnings.append(QStringLiteral("column \"%1\" is not a feed column and is ignored")
                                    .arg(names.at(i).trimmed()));
        }
        if (column.kind != Column::Kind::Ignored) {
            if (seen.contains(name))
                duplicates.append(name);
            seen.insert(name);
        }
        c.m_columns.append(column);
    }
    QStringList missing;
    for (FeedField f : kRequired) {
        if (!seen.contains(feedFieldName(f)))
            missing.append(feedFieldName(f));
    }
    if (!missing.isEmpty()) {
        c.m_fileError = QStringLiteral("the header lacks the required column(s) %1 (required: "
                                       "sku, title, price, currency)")
                            .arg(missing.join(QStringLiteral(", ")));
    } else if (!duplicates.isEmpty()) {
        c.m_fileError = QStringLiteral("the header names column(s) %1 more than once")
                            .arg(duplicates.join(QStringLiteral(", ")));
    }
    return c;
}

RawRow CsvColumns::rawRow(const CsvRecord &record, TextDecoder &decoder) const
{
    RawRow raw;
    raw.line = record.line;
    const qsizetype count = std::min(record.fields.size(), m_columns.size());
    for (qsizetype i = 0; i < count; ++i) {
        const Column &column = m_columns.at(i);
        if (column.kind == Column::Kind::Ignored)
            continue;
        std::optional<QString> text = decoder.decode(record.fields.at(i));
        if (!text) {
            raw.errors.append({record.line, column.name,
                               decoder.encoding() == FeedEncoding::Gbk
                                   ? QStringLiteral("is not valid GBK")
                                   : QStringLiteral("is not valid UTF-8 (a GBK file needs "
                                                    "encoding=gbk)")});
            continue;
        }
        if (column.kind == Column::Kind::Field)
            raw.values[size_t(column.field)] = std::move(*text);
        else
            raw.options.append({column.name.sliced(kOptionPrefix.size()), std::move(*text)});
    }
    return raw;
}

// ---- JSON Lines

RawRow JsonRows::rawRow(qint64 line, const QJsonObject &object, QStringList *warnings)
{
    RawRow raw;
    raw.line = line;
    std::array<bool, FeedFieldCount> givenFields{}; // cheaper than a set per row
    QStringList givenOptions;
    // Text as given: strings, and whole numbers (exact up to 2^53) written out in digits.
    const auto text = [&](const QString &name, const QJsonValue &v) -> std::optional<QString> {
        if (v.isString())
            return v.toString();
        if (v.isDouble()) {
            const qint64 n = v.toInteger(std::numeric_limits<qint64>::min());
            if (n >= -kMaxWhole && n <= kMaxWhole)
                return QString::number(n);
            raw.errors.append({line, name,
                               QStringLiteral("is a JSON number that is not a whole number "
                                              "up to 2^53; write it as a string")});
            return std::nullopt;
        }
        raw.errors.append({line, name, QStringLiteral("must be a string or a number")});
        return std::nullopt;
    };

    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString name = normalizedColumnName(it.key());
        const QJsonValue v = it.value();
        const std::optional<FeedField> field = feedFieldFromName(name);
        const bool isOption = !field && name.startsWith(kOptionPrefix) &&
                              name.size() > kOptionPrefix.size() &&
                              name.size() - kOptionPrefix.size() <= kMaxOptionName;
        if (!field && !isOption) {
            if (!m_unknownSeen.contains(name) && m_unknownSeen.size() <= kMaxUnknownWarnings) {
                m_unknownSeen.insert(name);
                warnings->append(
                    m_unknownSeen.size() > kMaxUnknownWarnings
                        ? QStringLiteral("more keys are not feed fields; they are ignored")
                        : QStringLiteral("key \"%1\" is not a feed field and is ignored")
                              .arg(it.key().trimmed()));
            }
            continue;
        }
        // Keys differing only in case or spaces name the same column.
        const bool twice =
            field ? std::exchange(givenFields[size_t(*field)], true) : givenOptions.contains(name);
        if (twice) {
            raw.errors.append({line, name, QStringLiteral("is given twice")});
            continue;
        }
        if (isOption)
            givenOptions.append(name);
        if (v.isNull() || v.isUndefined())
            continue;
        if (isOption) {
            if (const auto t = text(name, v))
                raw.options.append({name.sliced(kOptionPrefix.size()), *t});
        } else if (*field == FeedField::Price && v.isDouble()) {
            // A JSON number is a double once parsed: 19.99 is not exactly 19.99 any more.
            raw.errors.append({line, name,
                               QStringLiteral("must be a JSON string such as \"19.99\", not a "
                                              "number")});
        } else if (*field == FeedField::ImageUrls && v.isArray()) {
            QStringList urls;
            for (const QJsonValue &u : v.toArray()) {
                if (!u.isString()) {
                    raw.errors.append({line, name, QStringLiteral("must be an array of strings")});
                    break;
                }
                urls.append(u.toString());
            }
            raw.imageList = urls;
        } else if (const auto t = text(name, v)) {
            raw.values[size_t(*field)] = *t;
        }
    }
    return raw;
}

} // namespace haitao::server::catalog
