#pragma once

#include "backend-client/pricingapi.h"

#include <QDialog>

#include <optional>

class QLabel;
class QTreeWidget;

namespace haitao::widgets {

class MessageLabel;

// The saved draft's changes against the latest published version, one row per rule or setting
// with its before and after. Loads when shown; stays usable while the user keeps editing.
class DraftDiffDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DraftDiffDialog(client::PricingApi api, QWidget *parent = nullptr);

public slots:
    void reload();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showDiff(const client::DraftDiff &diff);

    client::PricingApi m_api;
    QLabel *m_summary;
    MessageLabel *m_message;
    QTreeWidget *m_changes;
    std::optional<client::DraftDiff> m_diff;
};

} // namespace haitao::widgets
