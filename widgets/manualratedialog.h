#pragma once

#include "backend-client/pricingapi.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace haitao::widgets {

class MessageLabel;

// Enters an FX rate by hand (POST /fx/rates): currency, rate (CNY per unit, exact decimal
// text), markup 0-100 % and an optional end of validity. Checks the text before sending, shows
// the server's field errors next to the fields, emits rateEntered() and closes on success.
class ManualRateDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ManualRateDialog(client::PricingApi api, QWidget *parent = nullptr);

    // Preselects a currency (e.g. the row selected in the table).
    void setCurrency(const QString &code);

public slots:
    void submit();

signals:
    void rateEntered(const haitao::client::FxRate &rate);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    bool validate(client::ManualRate *rate);
    void setFieldError(const QString &field, const QString &text);
    void showServerError(const client::ApiError &error);

    client::PricingApi m_api;
    QLabel *m_currencyLabel;
    QLabel *m_rateLabel;
    QLabel *m_markupLabel;
    QComboBox *m_currency;
    QLineEdit *m_rate;
    QLineEdit *m_markup;
    QCheckBox *m_hasEnd;
    QDateTimeEdit *m_validUntil;
    QHash<QString, QLabel *> m_fieldErrors; // by API field name
    MessageLabel *m_message;
    QPushButton *m_saveButton;
    QPushButton *m_cancelButton;
    bool m_busy = false;
};

} // namespace haitao::widgets
