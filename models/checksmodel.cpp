#include "models/checksmodel.h"

#include "backend-client/listingtypes.h"
#include "models/itemroles.h"

#include <algorithm>

namespace haitao::models {

ChecksModel::ChecksModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ChecksModel::setResults(const QList<CheckResult> &results,
                             const QHash<QString, QString> &fieldLabels)
{
    beginResetModel();
    m_results = results;
    std::stable_sort(
        m_results.begin(), m_results.end(), [](const CheckResult &a, const CheckResult &b) {
            return a.severity == CheckSeverity::Error && b.severity != CheckSeverity::Error;
        });
    m_labels = fieldLabels;
    endResetModel();
}

int ChecksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int ChecksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChecksModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CheckResult &r = m_results.at(index.row());
    switch (index.column()) {
    case SeverityColumn:
        if (role == RawRole)
            return int(r.severity);
        if (role == Qt::DisplayRole)
            return r.severity == CheckSeverity::Error ? tr("Error") : tr("Warning");
        break;
    case FieldColumn:
        if (role == RawRole)
            return r.field;
        if (role == Qt::DisplayRole) {
            const QString label = m_labels.value(r.field);
            if (!label.isEmpty())
                return label;
            return client::isAttributeKey(r.field) ? client::attributeName(r.field) : r.field;
        }
        break;
    case MessageColumn:
        if (role == Qt::DisplayRole || role == RawRole || role == Qt::ToolTipRole)
            return r.message;
        break;
    default:
        break;
    }
    return {};
}

QVariant ChecksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case FieldColumn:
        return tr("Field");
    case MessageColumn:
        return tr("Problem");
    default:
        return {};
    }
}

} // namespace haitao::models
