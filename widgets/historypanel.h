#pragma once

#include "backend-client/pricingapi.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace haitao::models {
class AuditModel;
class RuleSetVersionsModel;
} // namespace haitao::models

namespace haitao::widgets {

class MessageLabel;

// The "History" tab: the published rule-set versions (which one is in force, when each took
// effect, who published it and why) and the pricing audit trail, newest first, more on demand.
// Double-clicking a version shows its document.
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    HistoryPanel(client::PricingApi api, models::RuleSetVersionsModel *versions,
                 models::AuditModel *audit, QWidget *parent = nullptr);

public slots:
    void reload();
    void showVersion(qint64 version);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();

    client::PricingApi m_api;
    models::RuleSetVersionsModel *m_versions;
    models::AuditModel *m_audit;
    QLabel *m_versionsLabel;
    QLabel *m_auditLabel;
    QPushButton *m_reloadButton;
    QPushButton *m_loadMoreButton;
    MessageLabel *m_message;
    QTableView *m_versionsView;
    QTableView *m_auditView;
};

} // namespace haitao::widgets
