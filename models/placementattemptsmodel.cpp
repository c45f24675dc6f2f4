#include "models/placementattemptsmodel.h"

#include "models/itemroles.h"
#include "models/orderlabels.h"

namespace haitao::models {

// Attempt rows have internal id 0; a step's internal id is its attempt's row + 1.

PlacementAttemptsModel::PlacementAttemptsModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void PlacementAttemptsModel::setAttempts(const QList<client::PlacementAttempt> &attempts)
{
    beginResetModel();
    m_attempts = attempts;
    endResetModel();
}

QModelIndex PlacementAttemptsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex PlacementAttemptsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int PlacementAttemptsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_attempts.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0; // steps have no children; only the first column carries the tree
    return int(m_attempts.at(parent.row()).steps.size());
}

int PlacementAttemptsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant PlacementAttemptsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0)
        return attemptData(m_attempts.at(index.row()), index.column(), role);
    const client::PlacementAttempt &a = m_attempts.at(int(index.internalId() - 1));
    return stepData(a.steps.at(index.row()), index.column(), role);
}

QVariant PlacementAttemptsModel::attemptData(const client::PlacementAttempt &a, int column,
                                             int role) const
{
    if (role == IdRole)
        return a.id;
    const bool display = role == Qt::DisplayRole;
    if (role == Qt::ToolTipRole && column == WhatColumn)
        return tr("Worker: %1").arg(a.worker);
    if (role == Qt::ToolTipRole && column == AnswerColumn)
        return a.reason;
    if (!display && role != RawRole)
        return {};
    switch (column) {
    case WhatColumn:
        return display ? QVariant(tr("Attempt %1").arg(a.number)) : QVariant(a.number);
    case StartedColumn:
        return display ? a.startedAt.toLocalTime() : a.startedAt;
    case DurationColumn:
        return a.durationMs();
    case OutcomeColumn:
        return display ? placementOutcomeLabel(a.outcome) : a.outcome;
    case AnswerColumn:
        if (!display)
            return a.reason;
        if (a.failedStep.isEmpty())
            return a.reason;
        return tr("%1: %2").arg(placementStepLabel(a.failedStep), a.reason);
    default:
        return {};
    }
}

QVariant PlacementAttemptsModel::stepData(const client::PlacementStep &s, int column,
                                          int role) const
{
    const bool display = role == Qt::DisplayRole;
    if (role == Qt::ToolTipRole && column == AnswerColumn) {
        if (s.detail.isEmpty())
            return s.answer;
        return s.answer.isEmpty() ? s.detail : s.detail + QLatin1Char('\n') + s.answer;
    }
    if (!display && role != RawRole)
        return {};
    switch (column) {
    case WhatColumn:
        return display ? placementStepLabel(s.step) : s.step;
    case StartedColumn:
        return display ? s.startedAt.toLocalTime() : s.startedAt;
    case DurationColumn:
        return s.durationMs();
    case OutcomeColumn:
        return display ? placementOutcomeLabel(s.outcome) : s.outcome;
    case HttpColumn:
        if (s.httpStatus == 0)
            return display ? QVariant() : QVariant(0);
        return s.httpStatus;
    case AnswerColumn:
        if (display && s.answer.isEmpty())
            return s.detail;
        return s.answer;
    default:
        return {};
    }
}

QVariant PlacementAttemptsModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case WhatColumn:
        return tr("Attempt / step");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    case OutcomeColumn:
        return tr("Outcome");
    case HttpColumn:
        return tr("HTTP");
    case AnswerColumn:
        return tr("Shop's answer");
    default:
        return {};
    }
}

void PlacementAttemptsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_attempts.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_attempts.size()) - 1, ColumnCount - 1));
}

} // namespace haitao::models
