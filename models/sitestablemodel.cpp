#include "models/sitestablemodel.h"

#include "models/itemroles.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace haitao::models {

namespace {

const QString kSite = QStringLiteral("site");
const QString kOrigin = QStringLiteral("origin");

bool isCountryCode(const QString &text)
{
    static const QRegularExpression code(QStringLiteral("^[A-Z]{2}$"));
    return code.match(text).hasMatch();
}

} // namespace

SitesTableModel::SitesTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SitesTableModel::setSites(const QJsonArray &sites)
{
    beginResetModel();
    m_rows.clear();
    for (int i = 0; i < sites.size(); ++i) {
        const QJsonObject o = sites.at(i).toObject();
        Row row;
        row.site = o.value(kSite).toString();
        row.origin = o.value(kOrigin).toString();
        row.position = i;
        m_rows.append(row);
    }
    endResetModel();
    m_saved = sites;
    validate();
    updateModified();
    emit edited();
}

QJsonArray SitesTableModel::sites() const
{
    QJsonArray out;
    for (const Row &row : m_rows)
        out.append(QJsonObject{{kSite, row.site}, {kOrigin, row.origin}});
    return out;
}

QJsonArray SitesTableModel::compose()
{
    for (int i = 0; i < m_rows.size(); ++i)
        m_rows[i].position = i;
    return sites();
}

bool SitesTableModel::setServerError(const QString &field, const QString &message)
{
    static const QRegularExpression path(
        QStringLiteral("^(?:document\\.)?sites\\[(\\d+)\\](?:\\.(.*))?$"));
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
    // "sites[1].origin" is about the origin; the entry as a whole, or a field we never send,
    // is about the site it names.
    const int column = m.captured(2) == kOrigin ? OriginColumn : SiteColumn;
    m_rows[rowIndex].serverErrors.insert(column, message);
    const QModelIndex cell = index(rowIndex, column);
    emit dataChanged(cell, cell, {ErrorRole, Qt::ToolTipRole});
    emit edited();
    return true;
}

void SitesTableModel::clearServerErrors()
{
    if (serverErrorCount() == 0)
        return;
    for (Row &row : m_rows)
        row.serverErrors.clear();
    emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                     {ErrorRole, Qt::ToolTipRole});
    emit edited();
}

int SitesTableModel::serverErrorCount() const
{
    int count = 0;
    for (const Row &row : m_rows)
        count += int(row.serverErrors.size());
    return count;
}

QString SitesTableModel::errorAt(int row, int column) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const QString local = m_errors.value(key(row, column));
    return local.isEmpty() ? m_rows.at(row).serverErrors.value(column) : local;
}

void SitesTableModel::markSaved()
{
    m_saved = sites();
    updateModified();
}

int SitesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SitesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant SitesTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case RawRole:
        return index.column() == SiteColumn ? row.site : row.origin;
    case ErrorRole:
        return errorAt(index.row(), index.column());
    case Qt::ToolTipRole: {
        const QString error = errorAt(index.row(), index.column());
        return error.isEmpty() ? QVariant() : QVariant(error);
    }
    default:
        return {};
    }
}

QVariant SitesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SiteColumn:
        return tr("Site");
    case OriginColumn:
        return tr("Warehouse (origin)");
    default:
        return {};
    }
}

Qt::ItemFlags SitesTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    return index.isValid() ? f | Qt::ItemIsEditable : f;
}

bool SitesTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &row = m_rows[index.row()];
    const QString text = value.toString().trimmed();
    if (index.column() == SiteColumn)
        row.site = text.toLower();
    else
        row.origin = text.toUpper();
    row.serverErrors.remove(index.column());
    emit dataChanged(index, index);
    changed();
    return true;
}

bool SitesTableModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > m_rows.size() || count <= 0)
        return false;
    beginInsertRows(parent, row, row + count - 1);
    m_rows.insert(row, count, Row());
    endInsertRows();
    changed();
    return true;
}

bool SitesTableModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rows.size())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    changed();
    return true;
}

void SitesTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    // The error texts are translated too: recompute them all, changed or not.
    m_errors.clear();
    validate();
}

void SitesTableModel::changed()
{
    validate();
    updateModified();
    emit edited();
}

void SitesTableModel::updateModified()
{
    const bool modified = sites() != m_saved;
    if (modified == m_modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

void SitesTableModel::validate()
{
    QHash<quint64, QString> errors;
    QHash<QString, int> firstRow; // site -> the first row that lists it
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        if (row.site.isEmpty()) {
            errors.insert(key(i, SiteColumn), tr("Enter the site, e.g. amazon.co.jp."));
        } else if (firstRow.contains(row.site)) {
            // The later row is the one to fix, as the server also says.
            errors.insert(
                key(i, SiteColumn),
                tr("This site is already listed in row %1.").arg(firstRow.value(row.site) + 1));
        } else {
            firstRow.insert(row.site, i);
        }
        if (row.origin.isEmpty())
            errors.insert(key(i, OriginColumn), tr("Enter the warehouse's country, e.g. JP."));
        else if (!isCountryCode(row.origin))
            errors.insert(key(i, OriginColumn), tr("Use a two-letter country code, e.g. JP."));
    }
    if (errors == m_errors)
        return;
    m_errors = errors;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                         {ErrorRole, Qt::ToolTipRole});
}

} // namespace haitao::models
