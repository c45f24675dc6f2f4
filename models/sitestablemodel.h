#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace haitao::models {

// The rule set's `sites` (docs/pricing.md, "Document"): the forwarder warehouse (origin) each
// site's parcels go to, as an editable table of two text columns, one row per site.
//
// Edits change the local copy only (the draft is saved as a whole document). Each cell is
// checked as it is edited and ErrorRole (also the tooltip) says why a value is refused: a site
// must be given and listed once, an origin is two upper-case letters. Sites are kept
// lower-case, since the server looks up a cart's sites lower-cased, and origins upper-case, as
// the server stores them. Everything else (spaces in a site, its length) is the server's to
// decide: its 422 answers map back onto the cells through setServerError()
// ("document.sites[1].origin").
class SitesTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SiteColumn, OriginColumn, ColumnCount };

    explicit SitesTableModel(QObject *parent = nullptr);

    // Takes a document's `sites` and remembers where each stood, for setServerError(). Clears
    // every error and the modified flag.
    void setSites(const QJsonArray &sites);
    // The rows as the document holds them, [{site, origin}], in row order.
    QJsonArray sites() const;
    // sites(), recording each row's position in it, so that the server's errors about the
    // document just sent find their cells.
    QJsonArray compose();

    // Puts the server's error about `field` ("document.sites[1].origin"; "sites[1]" alone is
    // about the site) on the cell it names. Returns false when the path names no row of this
    // table. The error stays until the cell is edited.
    bool setServerError(const QString &field, const QString &message);
    void clearServerErrors();

    // Cells this table refuses (server errors aside); saving waits until there are none.
    int errorCount() const { return int(m_errors.size()); }
    // Cells the server's last answer marked and that were not edited since.
    int serverErrorCount() const;
    // The local reason first, else the server's; empty when the cell is fine.
    QString errorAt(int row, int column) const;
    // The rows differ from those loaded or last saved.
    bool isModified() const { return m_modified; }
    void markSaved();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    // New rows are empty: both cells show as required until filled in.
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

public slots:
    // Header and error texts come from tr(): call this on QEvent::LanguageChange.
    void retranslate();

signals:
    // Any change of the rows or of their errors.
    void edited();
    void modifiedChanged(bool modified);

private:
    struct Row
    {
        QString site;
        QString origin;
        QHash<int, QString> serverErrors; // column -> the server's message
        int position = -1;                // index in the document last composed or loaded
    };

    void changed();
    void validate();
    void updateModified();
    static quint64 key(int row, int column)
    {
        return (quint64(quint32(row)) << 32) | quint32(column);
    }

    QList<Row> m_rows;
    QJsonArray m_saved;               // the rows loaded or last saved, for isModified()
    QHash<quint64, QString> m_errors; // key(row, column) -> why, for local checks
    bool m_modified = false;
};

} // namespace haitao::models
