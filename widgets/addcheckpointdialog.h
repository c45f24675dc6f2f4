#pragma once

#include "backend-client/logisticsapi.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace haitao::widgets {

class MessageLabel;

// A checkpoint entered by hand (carriers without an API, a call to the carrier): leg, time in
// the place's own zone, place, normalized status, the carrier's words, and why (required).
// Sends it itself; the server's refusals per field (422) appear under the field they concern,
// anything else in the dialog's message line. Open with open().
class AddCheckpointDialog : public QDialog
{
    Q_OBJECT

public:
    AddCheckpointDialog(client::LogisticsApi api, const client::ShipmentDetail &shipment,
                        QWidget *parent = nullptr);

    QComboBox *legPicker() const { return m_leg; }
    QDateTimeEdit *timeEdit() const { return m_time; }
    QComboBox *offsetPicker() const { return m_offset; }
    QLineEdit *placeEdit() const { return m_place; }
    QComboBox *statusPicker() const { return m_status; }
    QLineEdit *textEdit() const { return m_text; }
    QPlainTextEdit *reasonEdit() const { return m_reason; }
    MessageLabel *message() const { return m_message; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    // The error shown under a field ("leg", "time", "place", "status", "text", "reason").
    QString fieldError(const QString &field) const;

    // The checkpoint as entered.
    client::NewCheckpoint checkpoint() const;

    void accept() override;

signals:
    void added(qint64 shipmentId);

private:
    void updateOk();
    void clearFieldErrors();
    void setFieldError(const QString &field, const QString &text);
    void showServerError(const client::ApiError &error);
    QLabel *addField(QFormLayout *form, const QString &field, const QString &label,
                     QWidget *editor);

    client::LogisticsApi m_api;
    qint64 m_shipmentId;
    QComboBox *m_leg;
    QDateTimeEdit *m_time;
    QComboBox *m_offset;
    QLineEdit *m_place;
    QComboBox *m_status;
    QLineEdit *m_text;
    QPlainTextEdit *m_reason;
    MessageLabel *m_message;
    QDialogButtonBox *m_buttons;
    QHash<QString, QLabel *> m_fieldErrors;
    bool m_sending = false;
};

} // namespace haitao::widgets
