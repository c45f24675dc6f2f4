#pragma once

#include "backend-client/ordertypes.h"

#include <QAbstractItemModel>
#include <QList>

namespace haitao::models {

// The step timeline of a sub-order's placement attempts: one top-level row per attempt (its
// number, worker, outcome and why), with its steps as children (sign in, look up, check price,
// create, confirm), each with its start, duration and the shop's answer. Read-only.
//
// DurationColumn's DisplayRole and RawRole are milliseconds (qint64; -1 while running): the
// delegate formats them. RawRole elsewhere: wire names, UTC times, the HTTP status.
class PlacementAttemptsModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        WhatColumn,
        StartedColumn,
        DurationColumn,
        OutcomeColumn,
        HttpColumn,
        AnswerColumn,
        ColumnCount
    };

    explicit PlacementAttemptsModel(QObject *parent = nullptr);

    void setAttempts(const QList<client::PlacementAttempt> &attempts);
    void clear() { setAttempts({}); }
    const QList<client::PlacementAttempt> &attempts() const { return m_attempts; }

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
    QVariant attemptData(const client::PlacementAttempt &a, int column, int role) const;
    QVariant stepData(const client::PlacementStep &s, int column, int role) const;

    QList<client::PlacementAttempt> m_attempts;
};

} // namespace haitao::models
