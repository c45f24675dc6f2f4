#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace haitao::models {

// The rules of one kind in the draft rule-set document (docs/pricing.md, "Kinds"), as an
// editable table: one row per rule, one column per scope field and parameter of the kind.
//
// Edits change the local copy only (the draft is saved as a whole document). Each cell is
// checked as it is edited and ErrorRole (also the tooltip) says why a value is refused: text
// that does not parse, a required parameter missing, a percentage outside 0-100, a weight that
// must be positive, a band whose minimum is not below its maximum, two rules of the same scope
// whose weight bands and validity windows overlap. Text that does not parse stays in the cell
// as typed, flagged, and leaves the field out of rules(). The server's own 422 answers map
// back onto the cells through setServerError() ("document.rules[3].percent").
//
// EditRole takes and gives text: "5.99 USD" for amounts (the currency may be left out when the
// cell already has one, or when the parameter is always in CNY), "9.1" for percentages, whole
// grams, RFC 3339 times. The exclusive flag of promotions is a check box. RawRole is the JSON
// value of the field.
class RuleTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // What a column holds, and so how its text is read and checked.
    enum class Type { Id, Text, Code, Money, Percent, Grams, Integer, Bool, Time };
    struct Column
    {
        QString key;
        Type type;
        bool required = false;
        bool cnyOnly = false;  // amounts always in CNY (service fee, promotions)
        bool positive = false; // integers that must be > 0 (divisors, steps)
    };

    // The rule kinds of docs/pricing.md, in the order the page shows them.
    static QStringList pricingKinds();   // domestic_shipping ... import_tax
    static QStringList promotionKinds(); // coupon, spend_save, first_order

    explicit RuleTableModel(const QString &kind, QObject *parent = nullptr);

    QString kind() const { return m_kind; }
    // The field a column edits: "id", "scope.site", "flat", "priority"...; -1 / empty if none.
    QString columnKey(int column) const;
    int columnOfKey(const QString &key) const;

    // Takes the rules of this kind out of a document's `rules` array (other kinds are ignored)
    // and remembers where each stood, for setServerError(). Clears every error and the
    // modified flag.
    void setRules(const QJsonArray &documentRules);
    // This kind's rules, in row order, as the document holds them.
    QJsonArray rules() const;
    // The document's rules from these tables, one kind after the other; records each row's
    // position in the result, so that the server's errors about it find their cells.
    static QJsonArray composeRules(const QList<RuleTableModel *> &models);

    // Puts the server's error about `field` (e.g. "document.rules[3].scope.minWeightG") on the
    // cell it names; an error about the rule as a whole goes on its id. Returns false when the
    // path names no rule of this table. The error stays until the cell is edited.
    bool setServerError(const QString &field, const QString &message);
    void clearServerErrors();

    // Cells whose value this table refuses (server errors aside); saving waits until none.
    int errorCount() const { return int(m_errors.size()); }
    QString errorAt(int row, int column) const;
    // A rule changed, was added or removed since setRules() or markSaved().
    bool isModified() const { return m_modified; }
    void markSaved();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    // New rules get a fresh id ("coupon-2") and nothing else: their required cells show errors
    // until filled in.
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

public slots:
    void retranslate();

signals:
    // Any change of the rules or of their errors.
    void edited();
    void modifiedChanged(bool modified);

private:
    struct Row
    {
        QJsonObject rule;
        QHash<int, QString> invalidText;  // column -> text that did not parse
        QHash<int, QString> serverErrors; // column -> the server's message
        int position = -1;                // index in the document last composed or loaded
    };

    QJsonValue field(const Row &row, int column) const;
    void setField(Row &row, int column, const QJsonValue &value);
    QString displayText(const Row &row, int column) const;
    // Parses the text of an edit; on failure returns the reason and leaves `out` untouched.
    QString parseEdit(const Row &row, int column, const QString &text, QJsonValue *out) const;
    void validate();
    void validateRow(int row, QHash<quint64, QString> &errors) const;
    void validateOverlaps(QHash<quint64, QString> &errors) const;
    void changed();
    void setModified(bool modified);
    QString freshId() const;
    static quint64 key(int row, int column)
    {
        return (quint64(quint32(row)) << 32) | quint32(column);
    }

    QString m_kind;
    QList<Column> m_columns;
    QList<Row> m_rows;
    QHash<quint64, QString> m_errors; // key(row, column) -> why, for local checks
    bool m_modified = false;
};

} // namespace haitao::models
