#include "models/ruletablemodel.h"

#include "backend-client/pricingtypes.h"

#include "core/decimal.h"
#include "core/money.h"
#include "core/wiretime.h"
#include "models/itemroles.h"

#include <QRegularExpression>

#include <optional>

namespace haitao::models {

namespace {

using Type = RuleTableModel::Type;
using Column = RuleTableModel::Column;

const QString kId = QStringLiteral("id");
const QString kScope = QStringLiteral("scope.");

QList<Column> columnsOf(const QString &kind)
{
    const bool promotion = RuleTableModel::promotionKinds().contains(kind);
    QList<Column> c{{kId, Type::Id, true}};
    if (kind == u"domestic_shipping") {
        c << Column{QStringLiteral("scope.site"), Type::Text}
          << Column{QStringLiteral("flat"), Type::Money, true}
          << Column{QStringLiteral("freeAbove"), Type::Money};
    } else if (kind == u"forwarder_fee" || kind == u"international_shipping") {
        c << Column{QStringLiteral("scope.origin"), Type::Text}
          << Column{QStringLiteral("scope.destination"), Type::Text}
          << Column{QStringLiteral("scope.minWeightG"), Type::Grams}
          << Column{QStringLiteral("scope.maxWeightG"), Type::Grams, false, false, true}
          << Column{QStringLiteral("divisor"), Type::Integer, true, false, true}
          << Column{QStringLiteral("firstG"), Type::Grams, true}
          << Column{QStringLiteral("first"), Type::Money, true}
          << Column{QStringLiteral("additionalG"), Type::Grams, true, false, true}
          << Column{QStringLiteral("additional"), Type::Money, true};
    } else if (kind == u"service_fee") {
        c << Column{QStringLiteral("percent"), Type::Percent, true}
          << Column{QStringLiteral("min"), Type::Money, false, true}
          << Column{QStringLiteral("max"), Type::Money, false, true};
    } else if (kind == u"import_tax") {
        c << Column{QStringLiteral("scope.category"), Type::Text}
          << Column{QStringLiteral("percent"), Type::Percent, true};
    } else if (kind == u"coupon") {
        c << Column{QStringLiteral("code"), Type::Code, true}
          << Column{QStringLiteral("fixed"), Type::Money, false, true}
          << Column{QStringLiteral("percent"), Type::Percent}
          << Column{QStringLiteral("max"), Type::Money, false, true}
          << Column{QStringLiteral("minSpend"), Type::Money, false, true};
    } else if (kind == u"spend_save") {
        c << Column{QStringLiteral("threshold"), Type::Money, true, true}
          << Column{QStringLiteral("save"), Type::Money, true, true};
    } else if (kind == u"first_order") {
        c << Column{QStringLiteral("fixed"), Type::Money, false, true}
          << Column{QStringLiteral("percent"), Type::Percent}
          << Column{QStringLiteral("max"), Type::Money, false, true};
    }
    c << Column{QStringLiteral("scope.validFrom"), Type::Time}
      << Column{QStringLiteral("scope.validTo"), Type::Time}
      << Column{QStringLiteral("priority"), Type::Integer};
    if (promotion)
        c << Column{QStringLiteral("exclusive"), Type::Bool};
    c << Column{QStringLiteral("description"), Type::Text};
    return c;
}

QString columnTitle(const QString &key)
{
    static const QHash<QString, const char *> titles{
        {QStringLiteral("id"), QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Rule ID")},
        {QStringLiteral("scope.site"), QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Site")},
        {QStringLiteral("scope.category"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Category")},
        {QStringLiteral("scope.origin"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Origin")},
        {QStringLiteral("scope.destination"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Destination")},
        {QStringLiteral("scope.minWeightG"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "From weight (g)")},
        {QStringLiteral("scope.maxWeightG"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Below weight (g)")},
        {QStringLiteral("scope.validFrom"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Valid from")},
        {QStringLiteral("scope.validTo"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Valid until")},
        {QStringLiteral("flat"), QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Shipping")},
        {QStringLiteral("freeAbove"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Free from")},
        {QStringLiteral("divisor"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Volumetric divisor")},
        {QStringLiteral("firstG"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "First weight (g)")},
        {QStringLiteral("first"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "First weight fee")},
        {QStringLiteral("additionalG"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Step (g)")},
        {QStringLiteral("additional"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Fee per step")},
        {QStringLiteral("percent"), QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Percent")},
        {QStringLiteral("min"), QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Minimum")},
        {QStringLiteral("max"), QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Maximum")},
        {QStringLiteral("code"), QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Code")},
        {QStringLiteral("fixed"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Fixed discount")},
        {QStringLiteral("minSpend"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Minimum spend")},
        {QStringLiteral("threshold"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Spend at least")},
        {QStringLiteral("save"), QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Save")},
        {QStringLiteral("priority"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Priority")},
        {QStringLiteral("exclusive"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Exclusive")},
        {QStringLiteral("description"),
         QT_TRANSLATE_NOOP("haitao::models::RuleTableModel", "Description")},
    };
    const char *title = titles.value(key);
    return title ? RuleTableModel::tr(title) : key;
}

std::optional<qint64> integerOf(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    return v.toInteger();
}

// Epoch ms of a scope time, or nullopt when absent or malformed.
std::optional<qint64> timeOf(const QJsonValue &v)
{
    const QDateTime t = fromWireTime(v.toString());
    return t.isValid() ? std::optional(t.toMSecsSinceEpoch()) : std::nullopt;
}

// Whether [aFrom, aTo) and [bFrom, bTo) share a point; a missing end is unbounded.
bool overlaps(std::optional<qint64> aFrom, std::optional<qint64> aTo, std::optional<qint64> bFrom,
              std::optional<qint64> bTo)
{
    const bool aEndsFirst = aTo && bFrom && *aTo <= *bFrom;
    const bool bEndsFirst = bTo && aFrom && *bTo <= *aFrom;
    return !aEndsFirst && !bEndsFirst;
}

} // namespace

QStringList RuleTableModel::pricingKinds()
{
    return {QStringLiteral("domestic_shipping"), QStringLiteral("forwarder_fee"),
            QStringLiteral("international_shipping"), QStringLiteral("service_fee"),
            QStringLiteral("import_tax")};
}

QStringList RuleTableModel::promotionKinds()
{
    return {QStringLiteral("coupon"), QStringLiteral("spend_save"), QStringLiteral("first_order")};
}

RuleTableModel::RuleTableModel(const QString &kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
    , m_columns(columnsOf(kind))
{}

QString RuleTableModel::columnKey(int column) const
{
    return column >= 0 && column < m_columns.size() ? m_columns.at(column).key : QString();
}

int RuleTableModel::columnOfKey(const QString &key) const
{
    for (int i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i).key == key)
            return i;
    }
    return -1;
}

void RuleTableModel::setRules(const QJsonArray &documentRules)
{
    beginResetModel();
    m_rows.clear();
    for (int i = 0; i < documentRules.size(); ++i) {
        const QJsonObject rule = documentRules.at(i).toObject();
        if (rule.value(QStringLiteral("kind")).toString() != m_kind)
            continue;
        Row row;
        row.rule = rule;
        row.position = i;
        m_rows.append(row);
    }
    endResetModel();
    validate();
    setModified(false);
    emit edited();
}

QJsonArray RuleTableModel::rules() const
{
    QJsonArray out;
    for (const Row &row : m_rows)
        out.append(row.rule);
    return out;
}

QJsonArray RuleTableModel::composeRules(const QList<RuleTableModel *> &models)
{
    QJsonArray out;
    for (RuleTableModel *model : models) {
        for (Row &row : model->m_rows) {
            row.position = int(out.size());
            out.append(row.rule);
        }
    }
    return out;
}

bool RuleTableModel::setServerError(const QString &field, const QString &message)
{
    static const QRegularExpression path(
        QStringLiteral("^(?:document\\.)?rules\\[(\\d+)\\](?:\\.(.*))?$"));
    const QRegularExpressionMatch m = path.match(field);
    if (!m.hasMatch())
        return false;
    const int position = m.captured(1).toInt();
    int rowIndex = -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).position == position)
            rowIndex = i;
    }
    if (rowIndex < 0)
        return false;

    // "flat.minor" is about the amount in "flat"; "scope" alone or "kind" about the whole rule.
    QString rest = m.captured(2);
    int column = columnOfKey(rest);
    while (column < 0 && rest.contains(QLatin1Char('.'))) {
        rest.truncate(rest.lastIndexOf(QLatin1Char('.')));
        column = columnOfKey(rest);
    }
    if (column < 0)
        column = columnOfKey(kId);
    m_rows[rowIndex].serverErrors.insert(column, message);
    const QModelIndex cell = index(rowIndex, column);
    emit dataChanged(cell, cell, {ErrorRole, Qt::ToolTipRole});
    emit edited();
    return true;
}

void RuleTableModel::clearServerErrors()
{
    bool any = false;
    for (Row &row : m_rows) {
        any = any || !row.serverErrors.isEmpty();
        row.serverErrors.clear();
    }
    if (any && !m_rows.isEmpty()) {
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, columnCount() - 1),
                         {ErrorRole, Qt::ToolTipRole});
        emit edited();
    }
}

QString RuleTableModel::errorAt(int row, int column) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const QString local = m_errors.value(key(row, column));
    return local.isEmpty() ? m_rows.at(row).serverErrors.value(column) : local;
}

void RuleTableModel::markSaved()
{
    setModified(false);
}

int RuleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RuleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QJsonValue RuleTableModel::field(const Row &row, int column) const
{
    const QString &k = m_columns.at(column).key;
    if (k.startsWith(kScope))
        return row.rule.value(QStringLiteral("scope")).toObject().value(k.mid(kScope.size()));
    return row.rule.value(k);
}

void RuleTableModel::setField(Row &row, int column, const QJsonValue &value)
{
    const QString &k = m_columns.at(column).key;
    if (k.startsWith(kScope)) {
        QJsonObject scope = row.rule.value(QStringLiteral("scope")).toObject();
        if (value.isUndefined())
            scope.remove(k.mid(kScope.size()));
        else
            scope.insert(k.mid(kScope.size()), value);
        row.rule.insert(QStringLiteral("scope"), scope);
        return;
    }
    if (value.isUndefined())
        row.rule.remove(k);
    else
        row.rule.insert(k, value);
}

QString RuleTableModel::displayText(const Row &row, int column) const
{
    if (row.invalidText.contains(column))
        return row.invalidText.value(column);
    const QJsonValue v = field(row, column);
    switch (m_columns.at(column).type) {
    case Type::Money: {
        const std::optional<Money> m = client::moneyFromJson(v);
        return m ? m->toString() + QLatin1Char(' ') + m->currency().code() : QString();
    }
    case Type::Grams:
    case Type::Integer:
        return v.isDouble() ? QString::number(v.toInteger()) : QString();
    case Type::Bool:
        return {};
    default:
        return v.toString();
    }
}

QVariant RuleTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    const Column &c = m_columns.at(column);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (c.type == Type::Bool)
            return {};
        return displayText(row, column);
    case Qt::CheckStateRole:
        if (c.type == Type::Bool)
            return field(row, column).toBool() ? Qt::Checked : Qt::Unchecked;
        return {};
    case RawRole:
        return field(row, column).toVariant();
    case ErrorRole:
        return errorAt(index.row(), column);
    case Qt::ToolTipRole: {
        const QString error = errorAt(index.row(), column);
        if (!error.isEmpty())
            return error;
        if (c.key == kId)
            return row.rule.value(QStringLiteral("description")).toString();
        return {};
    }
    case Qt::TextAlignmentRole:
        if (c.type == Type::Money || c.type == Type::Percent || c.type == Type::Grams ||
            c.type == Type::Integer)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant RuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnTitle(m_columns.at(section).key);
}

Qt::ItemFlags RuleTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f;
    if (m_columns.at(index.column()).type == Type::Bool)
        return f | Qt::ItemIsUserCheckable;
    return f | Qt::ItemIsEditable;
}

QString RuleTableModel::parseEdit(const Row &row, int column, const QString &text,
                                  QJsonValue *out) const
{
    const Column &c = m_columns.at(column);
    switch (c.type) {
    case Type::Id:
    case Type::Text:
        *out = text;
        return {};
    case Type::Code:
        *out = text.toUpper(); // codes match case-insensitively; the server keeps upper case
        return {};
    case Type::Money: {
        const QStringList parts = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QString code;
        if (parts.size() == 2) {
            code = parts.at(1).toUpper();
        } else if (parts.size() == 1) {
            if (c.cnyOnly) {
                code = Currency::cny().code();
            } else if (const std::optional<Money> old = client::moneyFromJson(field(row, column))) {
                code = old->currency().code();
            } else {
                return tr("Add the currency, e.g. \"5.99 USD\".");
            }
        } else {
            return tr("Write an amount and a currency, e.g. \"5.99 USD\".");
        }
        const std::optional<Currency> currency = Currency::fromCode(code);
        if (!currency)
            return tr("%1 is not a known currency.").arg(code);
        const MoneyResult<Money> m = Money::parse(parts.at(0), *currency);
        if (!m) {
            if (m.error().kind == MoneyErrorKind::TooManyDecimals && currency->exponent() == 0)
                return tr("%1 amounts have no decimals.").arg(code);
            if (m.error().kind == MoneyErrorKind::TooManyDecimals)
                return tr("%1 amounts have at most %2 decimals.")
                    .arg(code)
                    .arg(currency->exponent());
            return tr("Not an amount: %1").arg(parts.at(0));
        }
        *out = m->toJson();
        return {};
    }
    case Type::Percent: {
        const MoneyResult<Decimal> d = Decimal::parse(text);
        if (!d)
            return tr("Not a decimal number (write e.g. 9.1).");
        *out = d->toString();
        return {};
    }
    case Type::Grams:
    case Type::Integer: {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (!ok)
            return tr("Not a whole number.");
        *out = n;
        return {};
    }
    case Type::Time: {
        QDateTime t = fromWireTime(text);
        if (!t.isValid())
            t = QDateTime::fromString(text, Qt::ISODate);
        if (!t.isValid())
            return tr("Not a time (write e.g. 2026-12-01T00:00:00Z).");
        *out = toWireTime(t);
        return {};
    }
    case Type::Bool:
        break;
    }
    return tr("This cell cannot be edited.");
}

bool RuleTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &row = m_rows[index.row()];
    const int column = index.column();
    const Column &c = m_columns.at(column);

    if (c.type == Type::Bool) {
        if (role != Qt::CheckStateRole)
            return false;
        const bool on = value.toInt() == Qt::Checked;
        setField(row, column, on ? QJsonValue(true) : QJsonValue(QJsonValue::Undefined));
    } else {
        if (role != Qt::EditRole)
            return false;
        const QString text = value.typeId() == QMetaType::QDateTime ? toWireTime(value.toDateTime())
                                                                    : value.toString().trimmed();
        row.invalidText.remove(column);
        if (text.isEmpty()) {
            setField(row, column, QJsonValue(QJsonValue::Undefined));
        } else {
            QJsonValue parsed;
            const QString why = parseEdit(row, column, text, &parsed);
            if (why.isEmpty()) {
                setField(row, column, parsed);
            } else {
                row.invalidText.insert(column, text);
                setField(row, column, QJsonValue(QJsonValue::Undefined));
            }
        }
    }
    row.serverErrors.remove(column);
    emit dataChanged(index, index);
    changed();
    return true;
}

bool RuleTableModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > m_rows.size() || count <= 0)
        return false;
    beginInsertRows(parent, row, row + count - 1);
    for (int i = 0; i < count; ++i) {
        Row r;
        r.rule = QJsonObject{{QStringLiteral("id"), QString()},
                             {QStringLiteral("kind"), m_kind},
                             {QStringLiteral("scope"), QJsonObject()}};
        m_rows.insert(row + i, r);
        // After the insert, so that the id is also fresh against the rows added before it.
        m_rows[row + i].rule.insert(QStringLiteral("id"), freshId());
    }
    endInsertRows();
    changed();
    return true;
}

bool RuleTableModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rows.size())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    changed();
    return true;
}

void RuleTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    validate(); // the error texts are translated too
}

QString RuleTableModel::freshId() const
{
    QSet<QString> taken;
    for (const Row &row : m_rows)
        taken.insert(row.rule.value(kId).toString());
    QString base = m_kind;
    base.replace(QLatin1Char('_'), QLatin1Char('-'));
    for (int n = 1;; ++n) {
        const QString id = base + QLatin1Char('-') + QString::number(n);
        if (!taken.contains(id))
            return id;
    }
}

void RuleTableModel::changed()
{
    validate();
    setModified(true);
    emit edited();
}

void RuleTableModel::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

void RuleTableModel::validate()
{
    QHash<quint64, QString> errors;
    for (int row = 0; row < m_rows.size(); ++row)
        validateRow(row, errors);
    validateOverlaps(errors);
    if (errors == m_errors)
        return;
    m_errors = errors;
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, columnCount() - 1),
                         {ErrorRole, Qt::ToolTipRole});
    }
}

void RuleTableModel::validateRow(int rowIndex, QHash<quint64, QString> &errors) const
{
    const Row &row = m_rows.at(rowIndex);
    auto put = [&](const QString &k, const QString &why) {
        const int column = columnOfKey(k);
        if (column >= 0 && !errors.contains(key(rowIndex, column)))
            errors.insert(key(rowIndex, column), why);
    };
    auto has = [&](const QString &k) {
        const int column = columnOfKey(k);
        return column >= 0 && !field(row, column).isUndefined() &&
               !row.invalidText.contains(column);
    };

    // What the user typed and we could not read comes first: it is the most precise message.
    for (int column = 0; column < m_columns.size(); ++column) {
        if (!row.invalidText.contains(column))
            continue;
        QJsonValue ignored;
        errors.insert(key(rowIndex, column),
                      parseEdit(row, column, row.invalidText.value(column), &ignored));
    }

    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    const QString id = row.rule.value(kId).toString();
    if (id.isEmpty())
        put(kId, tr("Give the rule an ID."));
    else if (!idPattern.match(id).hasMatch())
        put(kId, tr("Use 1 to 64 letters, digits, '.', '_' or '-'."));
    for (int other = 0; other < rowIndex; ++other) {
        if (!id.isEmpty() && m_rows.at(other).rule.value(kId).toString() == id)
            put(kId, tr("Another rule already has this ID."));
    }

    for (int column = 0; column < m_columns.size(); ++column) {
        const Column &c = m_columns.at(column);
        if (row.invalidText.contains(column))
            continue;
        const QJsonValue v = field(row, column);
        if (v.isUndefined() || (v.isString() && v.toString().isEmpty())) {
            if (c.required)
                put(c.key, tr("Required."));
            continue;
        }
        switch (c.type) {
        case Type::Money:
            if (const std::optional<Money> m = client::moneyFromJson(v)) {
                if (m->isNegative())
                    put(c.key, tr("Must not be negative."));
                else if (c.cnyOnly && m->currency() != Currency::cny())
                    put(c.key, tr("Must be in CNY."));
            }
            break;
        case Type::Percent:
            if (const std::optional<Decimal> d = client::decimalFromJson(v)) {
                if (d->isNegative() || *d > Decimal::fromInteger(100))
                    put(c.key, tr("Must be between 0 and 100."));
            }
            break;
        case Type::Grams:
        case Type::Integer:
            if (const std::optional<qint64> n = integerOf(v)) {
                if (c.positive && *n <= 0)
                    put(c.key, tr("Must be more than 0."));
                else if (c.type == Type::Grams && *n < 0)
                    put(c.key, tr("Must not be negative."));
            }
            break;
        default:
            break;
        }
    }

    // A weight band is [from, below): "below" must be above "from" or it holds no weight.
    const QJsonObject scope = row.rule.value(QStringLiteral("scope")).toObject();
    if (has(QStringLiteral("scope.minWeightG")) && has(QStringLiteral("scope.maxWeightG")) &&
        scope.value(QStringLiteral("minWeightG")).toInteger() >=
            scope.value(QStringLiteral("maxWeightG")).toInteger())
        put(QStringLiteral("scope.maxWeightG"), tr("Must be more than the lower weight."));
    if (has(QStringLiteral("scope.validFrom")) && has(QStringLiteral("scope.validTo")) &&
        timeOf(scope.value(QStringLiteral("validFrom"))) >=
            timeOf(scope.value(QStringLiteral("validTo"))))
        put(QStringLiteral("scope.validTo"), tr("Must be after the start."));
    if (has(QStringLiteral("min")) && has(QStringLiteral("max"))) {
        const std::optional<Money> min =
            client::moneyFromJson(row.rule.value(QStringLiteral("min")));
        const std::optional<Money> max =
            client::moneyFromJson(row.rule.value(QStringLiteral("max")));
        if (min && max) {
            const MoneyResult<std::strong_ordering> order = min->compare(*max);
            if (order && *order == std::strong_ordering::greater)
                put(QStringLiteral("max"), tr("Must not be below the minimum."));
        }
    }
    // Discounts: a fixed amount or a percentage (optionally capped), exactly one of the two.
    if (columnOfKey(QStringLiteral("fixed")) >= 0) {
        const bool fixed = has(QStringLiteral("fixed"));
        const bool percent = has(QStringLiteral("percent"));
        const int fixedColumn = columnOfKey(QStringLiteral("fixed"));
        const int percentColumn = columnOfKey(QStringLiteral("percent"));
        const bool typed =
            row.invalidText.contains(fixedColumn) || row.invalidText.contains(percentColumn);
        if (fixed && percent) {
            put(QStringLiteral("fixed"), tr("Give a fixed amount or a percentage, not both."));
            put(QStringLiteral("percent"), tr("Give a fixed amount or a percentage, not both."));
        } else if (!fixed && !percent && !typed) {
            put(QStringLiteral("fixed"), tr("Give a fixed amount or a percentage."));
            put(QStringLiteral("percent"), tr("Give a fixed amount or a percentage."));
        }
        if (fixed && has(QStringLiteral("max")))
            put(QStringLiteral("max"), tr("A maximum caps a percentage only."));
    }
}

void RuleTableModel::validateOverlaps(QHash<quint64, QString> &errors) const
{
    // Promotions may stand side by side (several coupons); other kinds pick one rule per
    // scope, so two rules of the same scope must not both apply to a weight at a time.
    if (promotionKinds().contains(m_kind))
        return;
    const int minColumn = columnOfKey(QStringLiteral("scope.minWeightG"));
    const int maxColumn = columnOfKey(QStringLiteral("scope.maxWeightG"));
    const int idColumn = columnOfKey(kId);
    auto scopeOf = [this](int row) {
        return m_rows.at(row).rule.value(QStringLiteral("scope")).toObject();
    };
    auto sameScope = [](const QJsonObject &a, const QJsonObject &b) {
        for (const char *k : {"site", "category", "origin", "destination"}) {
            const QString key = QLatin1String(k);
            if (a.value(key).toString() != b.value(key).toString())
                return false;
        }
        return true;
    };
    auto opt = [](const QJsonObject &scope, const char *k) -> std::optional<qint64> {
        const QJsonValue v = scope.value(QLatin1String(k));
        return v.isDouble() ? std::optional(v.toInteger()) : std::nullopt;
    };
    for (int a = 0; a < m_rows.size(); ++a) {
        for (int b = a + 1; b < m_rows.size(); ++b) {
            const QJsonObject sa = scopeOf(a);
            const QJsonObject sb = scopeOf(b);
            if (!sameScope(sa, sb))
                continue;
            if (!overlaps(opt(sa, "minWeightG"), opt(sa, "maxWeightG"), opt(sb, "minWeightG"),
                          opt(sb, "maxWeightG")))
                continue;
            if (!overlaps(timeOf(sa.value(QStringLiteral("validFrom"))),
                          timeOf(sa.value(QStringLiteral("validTo"))),
                          timeOf(sb.value(QStringLiteral("validFrom"))),
                          timeOf(sb.value(QStringLiteral("validTo")))))
                continue;
            for (auto [row, other] : {std::pair{a, b}, std::pair{b, a}}) {
                const QString why = minColumn >= 0
                                        ? tr("The weight band overlaps rule %1 of the same scope.")
                                              .arg(m_rows.at(other).rule.value(kId).toString())
                                        : tr("Rule %1 has the same scope and validity.")
                                              .arg(m_rows.at(other).rule.value(kId).toString());
                for (int column : {minColumn, maxColumn, minColumn >= 0 ? -1 : idColumn}) {
                    if (column >= 0 && !errors.contains(key(row, column)))
                        errors.insert(key(row, column), why);
                }
            }
        }
    }
}

} // namespace haitao::models
