#include "models/suggestionsmodel.h"

#include "models/itemroles.h"

namespace haitao::models {

SuggestionsModel::SuggestionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SuggestionsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void SuggestionsModel::replace(Origin origin, const QList<Suggestion> &rows)
{
    beginResetModel();
    m_rows.removeIf([origin](const Suggestion &s) { return s.origin == origin; });
    if (origin == Origin::Machine)
        m_rows = rows + m_rows;
    else
        m_rows += rows;
    endResetModel();
}

void SuggestionsModel::setMemory(const QList<client::TmSuggestion> &items)
{
    QList<Suggestion> rows;
    for (const client::TmSuggestion &tm : items)
        rows.append({Origin::Memory, tm.source, tm.target, tm.score, {}});
    replace(Origin::Memory, rows);
}

void SuggestionsModel::setMachine(const QString &source, const QString &target,
                                  const QString &engine)
{
    replace(Origin::Machine, {{Origin::Machine, source, target, -1, engine}});
}

int SuggestionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SuggestionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SuggestionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Suggestion &s = m_rows.at(index.row());
    switch (index.column()) {
    case TargetColumn:
        if (role == Qt::DisplayRole || role == RawRole)
            return s.target;
        if (role == Qt::ToolTipRole)
            return s.source;
        break;
    case ScoreColumn:
        if (role == RawRole)
            return s.score;
        if (role == Qt::DisplayRole) {
            if (s.origin == Origin::Machine)
                return tr("MT");
            return tr("%1%").arg(s.score);
        }
        if (role == Qt::ToolTipRole && s.origin == Origin::Machine)
            return tr("Machine translation (%1)").arg(s.engine);
        break;
    case SourceColumn:
        if (role == Qt::DisplayRole || role == RawRole)
            return s.source;
        break;
    default:
        break;
    }
    return {};
}

QVariant SuggestionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TargetColumn:
        return tr("Suggestion");
    case ScoreColumn:
        return tr("Match");
    case SourceColumn:
        return tr("Source");
    default:
        return {};
    }
}

void SuggestionsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace haitao::models
