#pragma once

#include "backend-client/listingtypes.h"

#include <QDialog>
#include <QHash>

class QPlainTextEdit;

namespace haitao::widgets {

// Someone else saved the listing meanwhile (412), or a restored draft was written against an
// older version: for each field that differs, the original (what the editor loaded), theirs
// (the server's now) and yours side by side, and the result to keep, prefilled (the side that
// changed; yours when both did) and editable. Fields where theirs and yours agree are kept.
class MergeDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Side { Original, Theirs, Yours };

    // `keys`: the fields in display order; `labels`: their display names.
    MergeDialog(const QStringList &keys, const QHash<QString, QString> &labels,
                const client::ListingText &original, const client::ListingText &theirs,
                const client::ListingText &yours, QWidget *parent = nullptr);

    QStringList conflictingKeys() const { return m_rows.keys(); }
    bool bothChanged(const QString &key) const;
    void choose(const QString &key, Side side);
    QPlainTextEdit *resultEdit(const QString &key) const { return m_rows.value(key); }
    client::ListingText merged() const;

private:
    QStringList m_keys;
    client::ListingText m_original, m_theirs, m_yours;
    QHash<QString, QPlainTextEdit *> m_rows;
};

} // namespace haitao::widgets
