#include "models/quotebreakdownmodel.h"

#include "models/itemroles.h"

#include <QHash>
#include <QJsonArray>

#include <optional>

namespace haitao::models {

struct QuoteBreakdownModel::Node
{
    enum class Type { Branch, Component, Kind };
    Type type = Type::Branch;
    QString key;      // branch key ("line:0", "site:amazon.com", "quote", "total", "kinds") or kind
    QJsonObject a, b; // the two sides' JSON (component, line or site); b empty in single mode
    std::optional<Money> amountA, amountB, delta;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
    const QJsonObject &any() const { return a.isEmpty() ? b : a; }
};

namespace {

using Node = QuoteBreakdownModel::Node;

std::optional<Money> cnyOf(const QJsonObject &o, const char *field)
{
    return client::moneyFromJson(o.value(QLatin1String(field)));
}

QString moneyText(const std::optional<Money> &m, bool withCurrency)
{
    if (!m)
        return {};
    return withCurrency ? m->toString() + QLatin1Char(' ') + m->currency().code() : m->toString();
}

// Components are matched across the two quotes by kind and what tells same-kind ones apart.
QString componentKey(const QJsonObject &c)
{
    return c.value(QStringLiteral("kind")).toString() + QLatin1Char('|') +
           c.value(QStringLiteral("route")).toString() + QLatin1Char('|') +
           c.value(QStringLiteral("code")).toString();
}

// Pairs two lists of JSON objects by key (with an ordinal for repeated keys), in the order of
// `a`, then what only `b` has.
template <typename KeyFn>
QList<std::pair<QJsonObject, QJsonObject>> pairUp(const QJsonArray &a, const QJsonArray &b,
                                                  KeyFn keyOf)
{
    auto keyed = [&](const QJsonArray &list) {
        QList<std::pair<QString, QJsonObject>> out;
        QHash<QString, int> seen;
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            const QString k = keyOf(o);
            out.append({k + QLatin1Char('#') + QString::number(seen[k]++), o});
        }
        return out;
    };
    const auto ka = keyed(a);
    const auto kb = keyed(b);
    QHash<QString, QJsonObject> bByKey;
    for (const auto &[k, o] : kb)
        bByKey.insert(k, o);
    QList<std::pair<QJsonObject, QJsonObject>> out;
    QSet<QString> used;
    for (const auto &[k, o] : ka) {
        out.append({o, bByKey.value(k)});
        used.insert(k);
    }
    for (const auto &[k, o] : kb) {
        if (!used.contains(k))
            out.append({QJsonObject(), o});
    }
    return out;
}

std::optional<Money> sum(const QList<std::optional<Money>> &amounts)
{
    std::optional<Money> total;
    for (const std::optional<Money> &m : amounts) {
        if (!m)
            continue;
        if (!total) {
            total = m;
            continue;
        }
        const MoneyResult<Money> s = total->add(*m);
        if (!s)
            return std::nullopt;
        total = s.value();
    }
    return total;
}

// draft - published; a component only one side has counts as zero on the other.
std::optional<Money> difference(const std::optional<Money> &a, const std::optional<Money> &b)
{
    if (!a && !b)
        return std::nullopt;
    const Currency currency = a ? a->currency() : b->currency();
    const MoneyResult<Money> d =
        b.value_or(Money::zero(currency)).subtract(a.value_or(Money::zero(currency)));
    return d ? std::optional(d.value()) : std::nullopt;
}

void addComponents(Node *branch, const QJsonArray &a, const QJsonArray &b)
{
    for (const auto &[ca, cb] : pairUp(a, b, componentKey)) {
        auto node = std::make_unique<Node>();
        node->type = Node::Type::Component;
        node->a = ca;
        node->b = cb;
        node->key = node->any().value(QStringLiteral("kind")).toString();
        node->amountA = cnyOf(ca, "cny");
        node->amountB = cnyOf(cb, "cny");
        branch->add(std::move(node));
    }
}

} // namespace

QuoteBreakdownModel::QuoteBreakdownModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

QuoteBreakdownModel::~QuoteBreakdownModel() = default;

void QuoteBreakdownModel::setQuote(const QJsonObject &quote)
{
    build(quote, QJsonObject(), false, {});
}

void QuoteBreakdownModel::setComparison(const QJsonObject &published, const QJsonObject &draft,
                                        const QList<client::KindDifference> &byKind)
{
    build(published, draft, true, byKind);
}

void QuoteBreakdownModel::clear()
{
    build(QJsonObject(), QJsonObject(), m_comparison, {});
}

void QuoteBreakdownModel::build(const QJsonObject &a, const QJsonObject &b, bool comparison,
                                const QList<client::KindDifference> &byKind)
{
    const bool columnsChange = comparison != m_comparison;
    beginResetModel();
    m_comparison = comparison;
    m_root = std::make_unique<Node>();
    if (a.isEmpty() && b.isEmpty()) {
        endResetModel();
        return;
    }
    auto branch = [this](const QString &key, const QJsonObject &oa, const QJsonObject &ob) {
        auto node = std::make_unique<Node>();
        node->key = key;
        node->a = oa;
        node->b = ob;
        node->amountA = cnyOf(oa, "total");
        node->amountB = cnyOf(ob, "total");
        return m_root->add(std::move(node));
    };
    const QString lines = QStringLiteral("lines");
    const QString sites = QStringLiteral("sites");
    const QString components = QStringLiteral("components");

    for (const auto &[la, lb] :
         pairUp(a.value(lines).toArray(), b.value(lines).toArray(), [](const QJsonObject &l) {
             return QString::number(l.value(QStringLiteral("index")).toInteger());
         })) {
        const QJsonObject &any = la.isEmpty() ? lb : la;
        Node *node = branch(QStringLiteral("line:") +
                                QString::number(any.value(QStringLiteral("index")).toInteger()),
                            la, lb);
        addComponents(node, la.value(components).toArray(), lb.value(components).toArray());
    }
    for (const auto &[sa, sb] :
         pairUp(a.value(sites).toArray(), b.value(sites).toArray(),
                [](const QJsonObject &s) { return s.value(QStringLiteral("site")).toString(); })) {
        const QJsonObject &any = sa.isEmpty() ? sb : sa;
        Node *node =
            branch(QStringLiteral("site:") + any.value(QStringLiteral("site")).toString(), sa, sb);
        addComponents(node, sa.value(components).toArray(), sb.value(components).toArray());
    }
    Node *quote = branch(QStringLiteral("quote"), QJsonObject(), QJsonObject());
    addComponents(quote, a.value(components).toArray(), b.value(components).toArray());
    QList<std::optional<Money>> sidesA, sidesB;
    for (const auto &c : quote->children) {
        sidesA.append(c->amountA);
        sidesB.append(c->amountB);
    }
    quote->amountA = sum(sidesA);
    quote->amountB = sum(sidesB);

    if (comparison && !byKind.isEmpty()) {
        Node *kinds = branch(QStringLiteral("kinds"), QJsonObject(), QJsonObject());
        for (const client::KindDifference &d : byKind) {
            auto node = std::make_unique<Node>();
            node->type = Node::Type::Kind;
            node->key = d.kind;
            node->amountA = d.published;
            node->amountB = d.draft;
            node->delta = d.delta;
            kinds->add(std::move(node));
        }
    }
    Node *total = branch(QStringLiteral("total"), QJsonObject(), QJsonObject());
    total->amountA = cnyOf(a, "total");
    total->amountB = cnyOf(b, "total");
    if (comparison && !b.isEmpty()) { // without a draft there is nothing to compare with
        for (auto &child : m_root->children) {
            if (!child->delta)
                child->delta = difference(child->amountA, child->amountB);
            for (auto &grandchild : child->children) {
                if (!grandchild->delta)
                    grandchild->delta = difference(grandchild->amountA, grandchild->amountB);
            }
        }
    }
    endResetModel();
    if (columnsChange)
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

QuoteBreakdownModel::Node *QuoteBreakdownModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex QuoteBreakdownModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *p = nodeOf(parent);
    return createIndex(row, column, p->children.at(size_t(row)).get());
}

QModelIndex QuoteBreakdownModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *p = nodeOf(child)->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int QuoteBreakdownModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int QuoteBreakdownModel::columnCount(const QModelIndex &) const
{
    return 5;
}

QString QuoteBreakdownModel::label(const Node &node) const
{
    const QJsonObject &o = node.any();
    if (node.type != Node::Type::Branch) {
        QString text;
        const QString &kind = node.key;
        if (kind == u"goods")
            text = tr("Goods");
        else if (kind == u"import_tax")
            text = tr("Import tax");
        else if (kind == u"domestic_shipping")
            text = tr("Shipping to the warehouse");
        else if (kind == u"forwarder_fee")
            text = tr("Forwarder fee");
        else if (kind == u"international_shipping")
            text = tr("International shipping");
        else if (kind == u"service_fee")
            text = tr("Service fee");
        else if (kind == u"discount")
            text = tr("Discount");
        else
            text = kind;
        const QString detail = o.value(QStringLiteral("code")).toString().isEmpty()
                                   ? o.value(QStringLiteral("route")).toString()
                                   : o.value(QStringLiteral("code")).toString();
        return detail.isEmpty() ? text : tr("%1 (%2)").arg(text, detail);
    }
    if (node.key.startsWith(u"line:")) {
        return tr("Line %1: %2 × %3")
            .arg(o.value(QStringLiteral("index")).toInteger() + 1)
            .arg(o.value(QStringLiteral("site")).toString())
            .arg(o.value(QStringLiteral("quantity")).toInteger());
    }
    if (node.key.startsWith(u"site:")) {
        return tr("Site %1, via %2")
            .arg(o.value(QStringLiteral("site")).toString(),
                 o.value(QStringLiteral("origin")).toString());
    }
    if (node.key == u"quote")
        return tr("Fees and discounts");
    if (node.key == u"kinds")
        return tr("By kind");
    return tr("Total");
}

QVariant QuoteBreakdownModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeOf(index);
    const QJsonObject &o = node.any();
    const int column = index.column();

    // Amounts and rates line up on the right; names of things on the left.
    if (role == Qt::TextAlignmentRole && column != ItemColumn && column != RuleColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (column == ItemColumn) {
        if (role == Qt::DisplayRole)
            return label(node);
        if (role == RawRole)
            return node.key;
        if (role == Qt::ToolTipRole && node.type == Node::Type::Component) {
            QStringList parts;
            if (o.contains(QStringLiteral("percent")))
                parts << tr("%1 %").arg(o.value(QStringLiteral("percent")).toString());
            if (o.contains(QStringLiteral("chargeableWeightG")))
                parts << tr("chargeable weight %1 g")
                             .arg(o.value(QStringLiteral("chargeableWeightG")).toInteger());
            return parts.join(QStringLiteral(", "));
        }
        return {};
    }

    auto amountCell = [&](const std::optional<Money> &m) -> QVariant {
        if (role == Qt::DisplayRole)
            return moneyText(m, false);
        if (role == RawRole && m)
            return m->minor();
        return {};
    };

    if (!m_comparison) {
        switch (column) {
        case OriginalColumn:
            if (node.type == Node::Type::Component) {
                const std::optional<Money> original = cnyOf(o, "original");
                if (role == Qt::DisplayRole)
                    return moneyText(original, true);
                if (role == RawRole && original)
                    return original->minor();
            }
            return {};
        case RateColumn:
            if (role == Qt::DisplayRole || role == RawRole)
                return o.value(QStringLiteral("rate")).toString();
            return {};
        case CnyColumn:
            return amountCell(node.amountA);
        case RuleColumn:
            if (role == Qt::DisplayRole || role == RawRole)
                return o.value(QStringLiteral("ruleId")).toString();
            return {};
        default:
            return {};
        }
    }

    switch (column) {
    case PublishedColumn:
        return amountCell(node.amountA);
    case DraftColumn:
        return amountCell(node.amountB);
    case DifferenceColumn:
        if (role == Qt::DisplayRole && node.delta) {
            const QString text = node.delta->toString();
            return node.delta->minor() > 0 ? QLatin1Char('+') + text : text;
        }
        if (role == RawRole && node.delta)
            return node.delta->minor();
        return {};
    case RuleChangeColumn:
        if (role == Qt::DisplayRole || role == RawRole) {
            const QString ra = node.a.value(QStringLiteral("ruleId")).toString();
            const QString rb = node.b.value(QStringLiteral("ruleId")).toString();
            if (ra == rb || rb.isEmpty())
                return ra;
            if (ra.isEmpty())
                return rb;
            return tr("%1 → %2").arg(ra, rb);
        }
        return {};
    default:
        return {};
    }
}

QVariant QuoteBreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    if (section == ItemColumn)
        return tr("Item");
    if (!m_comparison) {
        switch (section) {
        case OriginalColumn:
            return tr("Original");
        case RateColumn:
            return tr("Rate");
        case CnyColumn:
            return tr("CNY");
        case RuleColumn:
            return tr("Rule");
        default:
            return {};
        }
    }
    switch (section) {
    case PublishedColumn:
        return tr("Published (CNY)");
    case DraftColumn:
        return tr("Draft (CNY)");
    case DifferenceColumn:
        return tr("Difference");
    case RuleChangeColumn:
        return tr("Rule");
    default:
        return {};
    }
}

void QuoteBreakdownModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    // Branch and component labels are translated too.
    if (m_root->children.empty())
        return;
    emit dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::DisplayRole});
    for (int row = 0; row < rowCount(); ++row) {
        const QModelIndex branch = index(row, 0);
        if (rowCount(branch) > 0)
            emit dataChanged(index(0, 0, branch), index(rowCount(branch) - 1, 0, branch),
                             {Qt::DisplayRole});
    }
}

} // namespace haitao::models
