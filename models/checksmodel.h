#pragma once

#include "models/translationchecks.h"

#include <QAbstractTableModel>
#include <QHash>

namespace haitao::models {

// The results of the pre-submit checks, errors first. RawRole gives the CheckSeverity (as int)
// on the severity column and the field key on the field column.
class ChecksModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, FieldColumn, MessageColumn, ColumnCount };

    explicit ChecksModel(QObject *parent = nullptr);

    // `fieldLabels`: the text shown for each field key (attribute keys show the name).
    void setResults(const QList<CheckResult> &results,
                    const QHash<QString, QString> &fieldLabels = {});
    const CheckResult &resultAt(int row) const { return m_results.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<CheckResult> m_results;
    QHash<QString, QString> m_labels;
};

} // namespace haitao::models
