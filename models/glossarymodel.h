#pragma once

#include "backend-client/glossaryapi.h"
#include "models/pagedtablemodel.h"

#include <QHash>
#include <QList>

namespace haitao::models {

// The glossary entries of one language pair, one page at a time, optionally narrowed by a
// search. Edits do not change the rows themselves: setData() sends the changed entry with its
// version and the row becomes the server's answer. A 412 (someone else changed the entry)
// reloads the row from the server and emits errorOccurred(); a 422 or 409 about a field keeps
// the refused text in its cell with ErrorRole (and the tooltip) saying why, until the cell is
// edited again or the row reloads. Adding and deleting go to the server the same way.
class GlossaryModel : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column {
        TermColumn,
        TranslationColumn,
        KindColumn, // EditRole and RawRole: "term" or "forbidden"; DisplayRole: its label
        NoteColumn,
        UpdatedByColumn,
        UpdatedAtColumn, // DisplayRole: local time; RawRole: the UTC QDateTime
        ColumnCount
    };

    explicit GlossaryModel(client::ApiClient *client, QObject *parent = nullptr);

    // The pair ("en", "zh") and the search text; each setter reloads when something changed.
    void setPair(const QString &source, const QString &target);
    QString sourceLanguage() const { return m_source; }
    QString targetLanguage() const { return m_target; }
    void setSearch(const QString &search);
    QString search() const { return m_search; }
    void setPageSize(int limit) { m_pageSize = limit; }

    // Read-only models (translators) refuse setData() and have no editable cells.
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    client::GlossaryEntry entryAt(int row) const { return m_rows.at(row).entry; }
    int rowOfId(qint64 id) const; // -1 when not loaded
    // Writes sent and not answered yet.
    int pendingWrites() const { return m_pending; }

    // Creates the entry on the server for this model's pair; emits entryAdded() with the new
    // row (shown first) or addFailed().
    void addEntry(const client::GlossaryEntry &entry);
    // Deletes the entry with the version shown; the row goes when the server agrees.
    void deleteEntry(qint64 id);

    // A readable label of a kind code ("term" -> "Term").
    static QString kindLabel(const QString &kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Returns true when the change was sent (or changed nothing); the row follows the answer.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void entryAdded(int row);
    void addFailed(const haitao::client::ApiError &error);
    void entryDeleted(qint64 id);
    // Some write finished (either way); pendingWrites() tells whether others remain.
    void writeFinished();

protected:
    void requestPage(const QString &cursor, quint64 request) override;
    void clearRows() override { m_rows.clear(); }

private:
    struct Row
    {
        client::GlossaryEntry entry;
        QHash<int, QString> refused; // column -> text the server refused, shown until edited
        QHash<int, QString> errors;  // column -> why
    };

    static QString fieldText(const client::GlossaryEntry &entry, int column);
    static void setFieldText(client::GlossaryEntry &entry, int column, const QString &text);
    static int columnOfField(const QString &field);
    void sendUpdate(const client::GlossaryEntry &changed, int column, const QString &text);
    void putErrorsOnCells(qint64 id, int editedColumn, const QString &text,
                          const client::ApiError &error);
    // Fetches the entry again after a 412; reloads everything when it cannot be found.
    void refetch(const client::GlossaryEntry &entry);
    void replaceEntry(const client::GlossaryEntry &entry);
    void removeRowOfId(qint64 id);
    void refreshRow(int row);
    void writeStarted() { ++m_pending; }
    void writeDone();

    client::GlossaryApi m_api;
    QString m_source = QStringLiteral("en");
    QString m_target = QStringLiteral("zh");
    QString m_search;
    int m_pageSize = 100;
    bool m_editable = true;
    int m_pending = 0;
    QHash<qint64, quint64> m_writeSequence; // latest write per entry id
    QList<Row> m_rows;
};

} // namespace haitao::models
