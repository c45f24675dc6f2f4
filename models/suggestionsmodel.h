#pragma once

#include "backend-client/listingtypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace haitao::models {

// Translation suggestions for one field: translation memory matches (best first) and machine
// translations. Read-only; RawRole gives the score (int, 0-100; -1 for machine translation)
// on the score column and the suggested text on the target column.
class SuggestionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TargetColumn, ScoreColumn, SourceColumn, ColumnCount };
    enum class Origin { Memory, Machine };

    struct Suggestion
    {
        Origin origin = Origin::Memory;
        QString source;
        QString target;
        int score = -1; // translation memory only
        QString engine; // machine translation only
    };

    explicit SuggestionsModel(QObject *parent = nullptr);

    void clear();
    void setMemory(const QList<client::TmSuggestion> &items); // replaces the memory rows
    void setMachine(const QString &source, const QString &target, const QString &engine);
    const Suggestion &suggestionAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public slots:
    void retranslate();

private:
    void replace(Origin origin, const QList<Suggestion> &rows);

    QList<Suggestion> m_rows; // machine rows first, then memory rows
};

} // namespace haitao::models
