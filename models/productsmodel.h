#pragma once

#include "backend-client/catalogapi.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace haitao::models {

// Roles of the products table beyond itemroles.h.
enum ProductRole : int {
    // Whether the row's block is still being fetched (bool): the cell shows a placeholder.
    LoadingRole = Qt::UserRole + 40,
    ThumbnailRole, // the first fetched image's path, "/api/v1/images/<sha>" (QString), or empty
    StatusRole,    // the listing's status (int of client::ProductStatus), whatever the column
    VersionRole,   // the listing version (qint64)
};

// The staff products table over a catalog of up to millions of listings, random access: the
// row count is the server's count for the filter, and a row's data is fetched with its block
// (by offset) the first time a view asks for it. A few blocks are fetched at once (the ones
// asked for last first, so a jump loads what is on screen), and the least recently used blocks
// are dropped so that memory stays bounded however far the user scrolls. A filter change
// drops every answer to the old filter.
class ProductsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ImageColumn,
        TitleColumn,
        TitleZhColumn,
        SiteColumn,
        CategoryColumn,
        PriceColumn,
        StatusColumn,
        AssigneeColumn,
        UpdatedColumn,
        ColumnCount
    };

    static constexpr int kBlockSize = 200;
    static constexpr int kMaxBlocks = 40; // 8,000 rows cached
    static constexpr int kMaxInFlight = 3;

    explicit ProductsModel(client::CatalogApi api, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // Server-side: Title sorts by title, Updated by last change, the others are not sortable
    // (the order stays). Changes the filter's sort, which reloads.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // The column the current sort is shown on, and its direction; -1 for newest first.
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    // Rows per request and blocks kept (before the first setFilter(); tests use small ones).
    void setCacheLimits(int blockSize, int maxBlocks);
    int blockSize() const { return m_blockSize; }

    const client::ProductFilter &filter() const { return m_filter; }
    // Drops every row and counts again; the blocks load as views ask for them.
    void setFilter(const client::ProductFilter &filter);
    // Same filter, fresh data: rows stay until their new data comes (after bulk actions).
    void refresh();

    // The row's listing when its block is loaded.
    const client::ProductSummary *productAt(int row) const;
    bool isLoaded(int row) const { return productAt(row) != nullptr; }
    // Applies results of a bulk action to the rows loaded (status, version, assignee).
    void applyBulkResult(const client::BulkResult &result, const QString &assignee = {});

    const client::StatusCounts &counts() const { return m_counts; }
    bool countsKnown() const { return m_countsKnown; }
    int cachedBlocks() const { return int(m_blocks.size()); }
    int requestsInFlight() const { return int(m_inFlight.size()); }
    // Answers that came for an earlier filter and were dropped (diagnostics and tests).
    int droppedAnswers() const { return m_dropped; }

public slots:
    void retranslate();

signals:
    void countsChanged(const haitao::client::StatusCounts &counts);
    // The first rows of the current filter are loaded (or the filter has none).
    void firstBlockLoaded();
    void errorOccurred(const haitao::client::ApiError &error);

private:
    struct Block
    {
        QList<client::ProductSummary> items;
        quint64 lastUse = 0;
        bool stale = false; // from before refresh(): shown, but fetched again
    };

    qint64 totalFor(const client::StatusCounts &counts) const;
    void requestCounts();
    void wantBlock(int block) const;
    void pump();
    void blockArrived(quint64 generation, int block,
                      const client::Result<Page<client::ProductSummary>> &result);
    void countsArrived(quint64 generation, const client::Result<client::StatusCounts> &result);
    void storeBlock(int block, QList<client::ProductSummary> items);
    void setRowTotal(qint64 total);

    client::CatalogApi m_api;
    int m_blockSize = kBlockSize;
    int m_maxBlocks = kMaxBlocks;
    client::ProductFilter m_filter;
    quint64 m_generation = 0;
    int m_rows = 0;
    client::StatusCounts m_counts;
    bool m_countsKnown = false;
    bool m_firstBlockSignalled = false;
    // Blocks are looked up from data(), which is const; the cache is not the model's state.
    mutable QHash<int, Block> m_blocks;
    mutable QList<int> m_wanted;   // not yet requested, most recent last
    mutable QList<int> m_inFlight; // requested for the current generation
    mutable QSet<int> m_failed;    // not asked again until the next refresh or filter
    int m_outstanding = 0;         // requests on the wire, old generations' included
    mutable quint64 m_useClock = 0;
    mutable bool m_pumpQueued = false;
    int m_dropped = 0;
};

} // namespace haitao::models
