#include "models/productsmodel.h"

#include "models/itemroles.h"

#include <QTimer>

#include <algorithm>
#include <limits>

namespace haitao::models {

namespace {

// Blocks asked for but not yet requested: only the latest few matter (a fast scroll passes
// many blocks the user never stops at).
constexpr int kMaxWanted = 6;

} // namespace

ProductsModel::ProductsModel(client::CatalogApi api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
{}

void ProductsModel::setCacheLimits(int blockSize, int maxBlocks)
{
    m_blockSize = std::clamp(blockSize, 1, 500); // the server's limit with an offset
    m_maxBlocks = std::max(1, maxBlocks);
}

int ProductsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ProductsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const client::ProductSummary *ProductsModel::productAt(int row) const
{
    if (row < 0 || row >= m_rows)
        return nullptr;
    const auto it = m_blocks.find(row / m_blockSize);
    if (it == m_blocks.end())
        return nullptr;
    const int offset = row % m_blockSize;
    if (offset >= it->items.size())
        return nullptr; // the block came back shorter: rows went away meanwhile
    it->lastUse = ++m_useClock;
    return &it->items.at(offset);
}

QVariant ProductsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const auto block = m_blocks.constFind(row / m_blockSize);
    if (block == m_blocks.constEnd() || block->stale)
        wantBlock(row / m_blockSize);
    const client::ProductSummary *p = productAt(row);
    if (!p)
        return role == LoadingRole ? QVariant(true) : QVariant();

    switch (role) {
    case LoadingRole:
        return false;
    case IdRole:
        return p->id;
    case StaleRole:
        return p->stale;
    case StatusRole:
        return int(p->status);
    case VersionRole:
        return p->version;
    case ThumbnailRole:
        return p->thumbnailPath();
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn || index.column() == TitleZhColumn)
            return p->titleZh.isEmpty() ? p->title : p->title + QLatin1Char('\n') + p->titleZh;
        return {};
    case Qt::DisplayRole:
    case RawRole:
        break;
    default:
        return {};
    }
    const bool display = role == Qt::DisplayRole;
    switch (index.column()) {
    case ImageColumn:
        return display ? QVariant() : QVariant(p->thumbnailPath());
    case TitleColumn:
        return p->title;
    case TitleZhColumn:
        return p->titleZh;
    case SiteColumn:
        return p->site;
    case CategoryColumn:
        return p->category;
    case PriceColumn:
        if (!p->lowestPrice)
            return {};
        if (display)
            return p->lowestPrice->currency().code() + QLatin1Char(' ') +
                   p->lowestPrice->toString();
        return p->lowestPrice->minor();
    case StatusColumn:
        // The delegate shows the translated word; the wire name is the fallback text.
        return display ? QVariant(client::productStatusName(p->status)) : QVariant(int(p->status));
    case AssigneeColumn:
        return p->assignee;
    case UpdatedColumn:
        return display ? QVariant(p->updatedAt.toLocalTime()) : QVariant(p->updatedAt);
    default:
        return {};
    }
}

QVariant ProductsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ImageColumn:
        return tr("Image");
    case TitleColumn:
        return tr("Title");
    case TitleZhColumn:
        return tr("Chinese title");
    case SiteColumn:
        return tr("Site");
    case CategoryColumn:
        return tr("Category");
    case PriceColumn:
        return tr("Price from");
    case StatusColumn:
        return tr("Status");
    case AssigneeColumn:
        return tr("Translator");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

void ProductsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void ProductsModel::sort(int column, Qt::SortOrder)
{
    client::ProductFilter f = m_filter;
    if (column == TitleColumn)
        f.sort = client::ProductSort::Title;
    else if (column == UpdatedColumn)
        f.sort = client::ProductSort::Updated;
    else
        f.sort = client::ProductSort::Newest;
    if (f.sort != m_filter.sort)
        setFilter(f);
}

int ProductsModel::sortColumn() const
{
    switch (m_filter.sort) {
    case client::ProductSort::Title:
        return TitleColumn;
    case client::ProductSort::Updated:
        return UpdatedColumn;
    default:
        return -1;
    }
}

Qt::SortOrder ProductsModel::sortOrder() const
{
    return m_filter.sort == client::ProductSort::Title ? Qt::AscendingOrder : Qt::DescendingOrder;
}

void ProductsModel::setFilter(const client::ProductFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    ++m_generation;
    m_blocks.clear();
    m_wanted.clear();
    m_inFlight.clear();
    m_failed.clear();
    m_rows = 0;
    m_counts = {};
    m_countsKnown = false;
    m_firstBlockSignalled = false;
    endResetModel();
    requestCounts();
    wantBlock(0); // in parallel with the counts: the first page shows as soon as both are in
}

void ProductsModel::refresh()
{
    ++m_generation;
    for (Block &b : m_blocks)
        b.stale = true; // shown until its fresh copy comes, fetched when a view asks again
    m_wanted.clear();
    m_inFlight.clear();
    m_failed.clear();
    requestCounts();
    if (m_rows > 0)
        emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1), {LoadingRole});
}

void ProductsModel::requestCounts()
{
    const quint64 generation = m_generation;
    m_api.counts(m_filter, this,
                 [this, generation](const client::Result<client::StatusCounts> &result) {
                     countsArrived(generation, result);
                 });
}

qint64 ProductsModel::totalFor(const client::StatusCounts &counts) const
{
    return m_filter.status ? counts.count(*m_filter.status) : counts.total;
}

void ProductsModel::countsArrived(quint64 generation,
                                  const client::Result<client::StatusCounts> &result)
{
    if (generation != m_generation) {
        ++m_dropped;
        return;
    }
    if (!result.ok()) {
        emit errorOccurred(result.error());
        return;
    }
    m_counts = result.value();
    m_countsKnown = true;
    setRowTotal(totalFor(m_counts));
    emit countsChanged(m_counts);
    if (!m_firstBlockSignalled && (m_rows == 0 || m_blocks.contains(0))) {
        m_firstBlockSignalled = true;
        emit firstBlockLoaded();
    }
}

void ProductsModel::setRowTotal(qint64 total)
{
    const int rows = int(std::clamp<qint64>(total, 0, std::numeric_limits<int>::max()));
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    } else if (rows < m_rows) {
        beginRemoveRows({}, rows, m_rows - 1);
        m_rows = rows;
        // Blocks wholly past the end are of no use any more.
        for (auto it = m_blocks.begin(); it != m_blocks.end();) {
            if (qint64(it.key()) * m_blockSize >= rows)
                it = m_blocks.erase(it);
            else
                ++it;
        }
        endRemoveRows();
    }
}

void ProductsModel::wantBlock(int block) const
{
    const auto it = m_blocks.constFind(block);
    if ((it != m_blocks.constEnd() && !it->stale) || m_inFlight.contains(block) ||
        m_failed.contains(block))
        return;
    if (m_countsKnown && qint64(block) * m_blockSize >= m_rows)
        return;
    m_wanted.removeOne(block);
    m_wanted.append(block);
    while (m_wanted.size() > kMaxWanted)
        m_wanted.removeFirst();
    if (!m_pumpQueued) {
        m_pumpQueued = true;
        // data() may be called while a view paints: requests go out once it has returned.
        QTimer::singleShot(0, const_cast<ProductsModel *>(this), &ProductsModel::pump);
    }
}

void ProductsModel::pump()
{
    m_pumpQueued = false;
    while (m_outstanding < kMaxInFlight && !m_wanted.isEmpty()) {
        const int block = m_wanted.takeLast(); // the latest asked for is what is on screen
        m_inFlight.append(block);
        ++m_outstanding;
        client::ProductQuery query;
        query.filter = m_filter;
        query.offset = qint64(block) * m_blockSize;
        query.limit = m_blockSize;
        const quint64 generation = m_generation;
        m_api.list(
            query, this,
            [this, generation, block](const client::Result<Page<client::ProductSummary>> &result) {
                blockArrived(generation, block, result);
            });
    }
}

void ProductsModel::blockArrived(quint64 generation, int block,
                                 const client::Result<Page<client::ProductSummary>> &result)
{
    --m_outstanding;
    if (generation != m_generation) {
        ++m_dropped;
        pump();
        return;
    }
    m_inFlight.removeOne(block);
    if (!result.ok()) {
        m_failed.insert(block); // not again until the next refresh: views repaint often
        emit errorOccurred(result.error());
        pump();
        return;
    }
    storeBlock(block, result.value().items);
    const int first = block * m_blockSize;
    const int last = std::min(m_rows, first + m_blockSize) - 1;
    if (last >= first)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    if (block == 0 && m_countsKnown && !m_firstBlockSignalled) {
        m_firstBlockSignalled = true;
        emit firstBlockLoaded();
    }
    pump();
}

void ProductsModel::storeBlock(int block, QList<client::ProductSummary> items)
{
    m_blocks.insert(block, Block{std::move(items), ++m_useClock, false});
    while (m_blocks.size() > m_maxBlocks) {
        auto oldest = m_blocks.end();
        for (auto it = m_blocks.begin(); it != m_blocks.end(); ++it) {
            if (it.key() != block && (oldest == m_blocks.end() || it->lastUse < oldest->lastUse))
                oldest = it;
        }
        m_blocks.erase(oldest);
    }
}

void ProductsModel::applyBulkResult(const client::BulkResult &result, const QString &assignee)
{
    QHash<qint64, const client::BulkItemResult *> done;
    for (const client::BulkItemResult &r : result.results) {
        if (r.ok)
            done.insert(r.id, &r);
    }
    for (auto it = m_blocks.begin(); it != m_blocks.end(); ++it) {
        for (int i = 0; i < it->items.size(); ++i) {
            client::ProductSummary &p = it->items[i];
            const client::BulkItemResult *r = done.value(p.id);
            if (!r)
                continue;
            p.status = r->status;
            p.version = r->version;
            if (!assignee.isNull())
                p.assignee = assignee;
            const int row = it.key() * m_blockSize + i;
            if (row < m_rows)
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

} // namespace haitao::models
