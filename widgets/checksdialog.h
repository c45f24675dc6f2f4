#pragma once

#include "models/translationchecks.h"

#include <QDialog>
#include <QHash>

class QDialogButtonBox;
class QLabel;
class QTableView;

namespace haitao::models {
class ChecksModel;
}

namespace haitao::widgets {

// What the pre-submit checks found. With an error the listing cannot be submitted (Close
// only); with warnings only the translator may submit anyway (accept) or go back (reject).
class ChecksDialog : public QDialog
{
    Q_OBJECT

public:
    ChecksDialog(const QList<models::CheckResult> &results,
                 const QHash<QString, QString> &fieldLabels, QWidget *parent = nullptr);

    bool blocking() const { return m_blocking; }
    models::ChecksModel *model() const { return m_model; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    bool m_blocking;
    models::ChecksModel *m_model;
    QLabel *m_summary;
    QTableView *m_view;
    QDialogButtonBox *m_buttons;
};

} // namespace haitao::widgets
