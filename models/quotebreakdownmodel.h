#pragma once

#include "backend-client/pricingtypes.h"

#include <QAbstractItemModel>
#include <QJsonObject>

#include <memory>
#include <vector>

namespace haitao::models {

// A quote's breakdown as a tree (docs/pricing.md, "Quotes"): one branch per line, per site and
// for the quote-level fees and discounts, each with its components, then the total.
//
// Single mode (setQuote) shows each component's original amount, conversion rate, CNY amount
// and the rule that produced it. Comparison mode (setComparison) puts two quotes of the same
// cart side by side, published and draft, with their CNY amounts and the difference; their
// components are matched by branch and kind (and route or coupon code), since the rule ids
// may differ between the versions. A "By kind" branch lists the server's per-kind sums.
//
// Amounts are shown as exact decimal text; RawRole on an amount is its minor units (qint64),
// on the first column the component kind or branch key ("line:0", "site:amazon.com").
class QuoteBreakdownModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    struct Node; // one row of the tree; internal

    enum Column {
        ItemColumn,
        // Single mode
        OriginalColumn = 1,
        RateColumn = 2,
        CnyColumn = 3,
        RuleColumn = 4,
        // Comparison mode
        PublishedColumn = 1,
        DraftColumn = 2,
        DifferenceColumn = 3,
        RuleChangeColumn = 4,
    };

    explicit QuoteBreakdownModel(QObject *parent = nullptr);
    ~QuoteBreakdownModel() override;

    void setQuote(const QJsonObject &quote);
    // `draft` may be empty (no draft): its column stays empty.
    void setComparison(const QJsonObject &published, const QJsonObject &draft,
                       const QList<client::KindDifference> &byKind = {});
    void clear();
    bool isComparison() const { return m_comparison; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public slots:
    void retranslate();

private:
    Node *nodeOf(const QModelIndex &index) const;
    void build(const QJsonObject &a, const QJsonObject &b, bool comparison,
               const QList<client::KindDifference> &byKind);
    QString label(const Node &node) const;

    std::unique_ptr<Node> m_root;
    bool m_comparison = false;
};

} // namespace haitao::models
