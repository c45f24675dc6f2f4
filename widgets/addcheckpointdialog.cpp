#include "widgets/addcheckpointdialog.h"

#include "models/logisticslabels.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace haitao::widgets {

namespace {

QString offsetText(int seconds)
{
    const int minutes = qAbs(seconds) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(seconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

// The zone a new checkpoint on `leg` most likely has: that of its latest checkpoint (the
// carrier writes in its own zone), else the user's.
int likelyOffset(const client::Leg *leg)
{
    if (leg && !leg->checkpoints.isEmpty())
        return leg->checkpoints.constLast().time.offsetFromUtc();
    return QDateTime::currentDateTime().offsetFromUtc();
}

// "/time" and "time" both name the time field.
QString fieldName(const QString &path)
{
    QString f = path;
    while (f.startsWith(QLatin1Char('/')))
        f.remove(0, 1);
    return f;
}

} // namespace

AddCheckpointDialog::AddCheckpointDialog(client::LogisticsApi api,
                                         const client::ShipmentDetail &shipment, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_shipmentId(shipment.summary.id)
    , m_leg(new QComboBox(this))
    , m_time(new QDateTimeEdit(this))
    , m_offset(new QComboBox(this))
    , m_place(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_reason(new QPlainTextEdit(this))
    , m_message(new MessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("addCheckpointDialog"));
    m_leg->setObjectName(QStringLiteral("checkpointLeg"));
    m_time->setObjectName(QStringLiteral("checkpointTime"));
    m_offset->setObjectName(QStringLiteral("checkpointOffset"));
    m_place->setObjectName(QStringLiteral("checkpointPlace"));
    m_status->setObjectName(QStringLiteral("checkpointStatus"));
    m_text->setObjectName(QStringLiteral("checkpointText"));
    m_reason->setObjectName(QStringLiteral("checkpointReason"));
    m_message->setObjectName(QStringLiteral("checkpointMessage"));
    setWindowTitle(tr("Add a checkpoint to shipment %1").arg(shipment.summary.id));

    // Every leg of the route, also those the shipment has not reached: a checkpoint may be
    // what tells us it did. The current leg first chosen.
    const client::Leg *current = nullptr;
    for (const QString &kind : models::legKinds()) {
        const client::Leg *leg = nullptr;
        for (const client::Leg &l : shipment.legs) {
            if (l.kind == kind)
                leg = &l;
        }
        QString label = models::legKindLabel(kind);
        if (leg && !leg->trackingNumber.isEmpty())
            label += QStringLiteral(" · %1 %2").arg(leg->carrier, leg->trackingNumber);
        m_leg->addItem(label, kind);
        if (kind == shipment.summary.currentLeg) {
            m_leg->setCurrentIndex(m_leg->count() - 1);
            current = leg;
        }
    }
    // Offsets every half hour from UTC-12 to UTC+14 (quarter-hour zones are not where our
    // carriers are).
    for (int minutes = -12 * 60; minutes <= 14 * 60; minutes += 30)
        m_offset->addItem(offsetText(minutes * 60), minutes * 60);
    const int offset = likelyOffset(current);
    int offsetIndex = m_offset->findData(offset);
    if (offsetIndex < 0) {
        m_offset->addItem(offsetText(offset), offset);
        offsetIndex = m_offset->count() - 1;
    }
    m_offset->setCurrentIndex(offsetIndex);
    m_time->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_time->setCalendarPopup(true);
    // Now, on the wall clock of the chosen zone.
    const QDateTime there = QDateTime::currentDateTimeUtc().toOffsetFromUtc(offset);
    m_time->setDateTime(QDateTime(there.date(), QTime(there.time().hour(), there.time().minute())));

    m_status->addItem(tr("Choose a status"), QString());
    for (const QString &s : models::normalizedStatuses())
        m_status->addItem(models::shipmentStatusLabel(s), s);
    m_reason->setPlaceholderText(tr("Why by hand: e.g. the carrier has no API, phoned the depot"));
    m_text->setPlaceholderText(tr("The carrier's words, as they said them"));

    auto *timeRow = new QWidget(this);
    auto *timeLayout = new QHBoxLayout(timeRow);
    timeLayout->setContentsMargins(0, 0, 0, 0);
    timeLayout->addWidget(m_time, 1);
    timeLayout->addWidget(m_offset);

    auto *form = new QFormLayout;
    addField(form, QStringLiteral("leg"), tr("&Leg"), m_leg);
    addField(form, QStringLiteral("time"), tr("&Time"), timeRow);
    addField(form, QStringLiteral("place"), tr("&Place"), m_place);
    addField(form, QStringLiteral("status"), tr("&Status"), m_status);
    addField(form, QStringLiteral("text"), tr("Carrier te&xt"), m_text);
    addField(form, QStringLiteral("reason"), tr("&Reason"), m_reason);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add checkpoint"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddCheckpointDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddCheckpointDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &AddCheckpointDialog::updateOk);
    connect(m_status, &QComboBox::currentIndexChanged, this, &AddCheckpointDialog::updateOk);
    updateOk();
}

QLabel *AddCheckpointDialog::addField(QFormLayout *form, const QString &field, const QString &label,
                                      QWidget *editor)
{
    auto *error = new QLabel(this);
    error->setObjectName(field + QStringLiteral("Error"));
    error->setWordWrap(true);
    error->setTextFormat(Qt::PlainText);
    error->setStyleSheet(QStringLiteral("QLabel { color: #8a1c1c; }"));
    error->setVisible(false);
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(editor);
    v->addWidget(error);
    form->addRow(label, box);
    m_fieldErrors.insert(field, error);
    return error;
}

QString AddCheckpointDialog::fieldError(const QString &field) const
{
    const QLabel *label = m_fieldErrors.value(field);
    return label ? label->text() : QString();
}

void AddCheckpointDialog::setFieldError(const QString &field, const QString &text)
{
    QLabel *label = m_fieldErrors.value(field);
    if (!label)
        return;
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void AddCheckpointDialog::clearFieldErrors()
{
    for (auto it = m_fieldErrors.begin(); it != m_fieldErrors.end(); ++it)
        setFieldError(it.key(), QString());
}

void AddCheckpointDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_sending && !m_reason->toPlainText().trimmed().isEmpty() &&
                     !m_status->currentData().toString().isEmpty());
}

client::NewCheckpoint AddCheckpointDialog::checkpoint() const
{
    client::NewCheckpoint c;
    c.leg = m_leg->currentData().toString();
    // The wall-clock fields as typed, in the chosen zone.
    const QDateTime typed = m_time->dateTime();
    c.time =
        QDateTime(typed.date(), typed.time(), Qt::OffsetFromUTC, m_offset->currentData().toInt());
    c.place = m_place->text().trimmed();
    c.status = m_status->currentData().toString();
    c.text = m_text->text().trimmed();
    c.reason = m_reason->toPlainText().trimmed();
    return c;
}

void AddCheckpointDialog::accept()
{
    if (m_sending)
        return;
    clearFieldErrors();
    m_message->clearMessage();
    const client::NewCheckpoint c = checkpoint();
    bool ok = true;
    if (c.status.isEmpty()) {
        setFieldError(QStringLiteral("status"), tr("Choose the normalized status."));
        ok = false;
    }
    if (c.reason.isEmpty()) {
        setFieldError(QStringLiteral("reason"), tr("Say why this checkpoint is entered by hand."));
        ok = false;
    }
    if (!ok)
        return;
    m_sending = true;
    updateOk();
    m_message->showInfo(tr("Adding…"));
    const qint64 id = m_shipmentId;
    m_api.addCheckpoint(id, c, this, [this, id](const client::Result<client::Done> &r) {
        m_sending = false;
        updateOk();
        if (!r.ok()) {
            showServerError(r.error());
            return;
        }
        m_message->clearMessage();
        emit added(id);
        QDialog::accept();
    });
}

void AddCheckpointDialog::showServerError(const client::ApiError &error)
{
    QStringList unplaced;
    for (const client::FieldError &e : error.errors) {
        const QString field = fieldName(e.field);
        if (m_fieldErrors.contains(field))
            setFieldError(field, e.message);
        else
            unplaced << e.message;
    }
    if (error.errors.isEmpty())
        m_message->showError(describeError(error));
    else if (!unplaced.isEmpty())
        m_message->showError(unplaced.join(QLatin1Char('\n')));
    else
        m_message->showError(tr("Please correct the marked fields."));
}

} // namespace haitao::widgets
