#include "widgets/manualratedialog.h"

#include "core/currency.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace haitao::widgets {

namespace {

// A field with the place for what is wrong with it underneath.
QWidget *withError(QWidget *parent, QWidget *field, QLabel *error)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

} // namespace

ManualRateDialog::ManualRateDialog(client::PricingApi api, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_currencyLabel(new QLabel(this))
    , m_rateLabel(new QLabel(this))
    , m_markupLabel(new QLabel(this))
    , m_currency(new QComboBox(this))
    , m_rate(new QLineEdit(this))
    , m_markup(new QLineEdit(this))
    , m_hasEnd(new QCheckBox(this))
    , m_validUntil(new QDateTimeEdit(this))
    , m_message(new MessageLabel(this))
    , m_saveButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("manualRateDialog"));
    m_currency->setObjectName(QStringLiteral("rateCurrencyCombo"));
    m_rate->setObjectName(QStringLiteral("rateEdit"));
    m_markup->setObjectName(QStringLiteral("markupEdit"));
    m_hasEnd->setObjectName(QStringLiteral("validUntilCheck"));
    m_validUntil->setObjectName(QStringLiteral("validUntilEdit"));
    m_message->setObjectName(QStringLiteral("manualRateMessage"));
    m_saveButton->setObjectName(QStringLiteral("saveRateButton"));

    for (const Currency &c : Currency::all()) {
        if (c != Currency::cny()) // rates are CNY per unit: CNY is always 1
            m_currency->addItem(c.code(), c.code());
    }
    m_markup->setText(QStringLiteral("0"));
    m_validUntil->setCalendarPopup(true);
    m_validUntil->setDateTime(QDateTime::currentDateTime().addDays(7));
    m_validUntil->setEnabled(false);
    connect(m_hasEnd, &QCheckBox::toggled, m_validUntil, &QWidget::setEnabled);

    for (const char *field : {"currency", "rate", "markupPercent", "validUntil"}) {
        auto *label = new QLabel(this);
        label->setObjectName(QLatin1String(field) + QStringLiteral("Error"));
        label->setWordWrap(true);
        label->setStyleSheet(QStringLiteral("QLabel { color: #8a1c1c; }"));
        label->setVisible(false);
        m_fieldErrors.insert(QLatin1String(field), label);
    }
    auto *end = new QWidget(this);
    auto *endLayout = new QHBoxLayout(end);
    endLayout->setContentsMargins(0, 0, 0, 0);
    endLayout->addWidget(m_hasEnd);
    endLayout->addWidget(m_validUntil, 1);

    auto *form = new QFormLayout;
    form->addRow(m_currencyLabel,
                 withError(this, m_currency, m_fieldErrors.value(QStringLiteral("currency"))));
    form->addRow(m_rateLabel, withError(this, m_rate, m_fieldErrors.value(QStringLiteral("rate"))));
    form->addRow(m_markupLabel,
                 withError(this, m_markup, m_fieldErrors.value(QStringLiteral("markupPercent"))));
    form->addRow(QString(),
                 withError(this, end, m_fieldErrors.value(QStringLiteral("validUntil"))));
    m_currencyLabel->setBuddy(m_currency);
    m_rateLabel->setBuddy(m_rate);
    m_markupLabel->setBuddy(m_markup);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_saveButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);
    m_saveButton->setDefault(true);
    connect(m_saveButton, &QPushButton::clicked, this, &ManualRateDialog::submit);
    connect(m_cancelButton, &QPushButton::clicked, this, &ManualRateDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(400);
    retranslateUi();
}

void ManualRateDialog::setCurrency(const QString &code)
{
    const int i = m_currency->findData(code);
    if (i >= 0)
        m_currency->setCurrentIndex(i);
}

bool ManualRateDialog::validate(client::ManualRate *rate)
{
    for (auto it = m_fieldErrors.cbegin(); it != m_fieldErrors.cend(); ++it)
        setFieldError(it.key(), QString());
    m_message->clearMessage();
    bool ok = true;

    rate->currency = m_currency->currentData().toString();
    const MoneyResult<Decimal> value = Decimal::parse(m_rate->text().trimmed());
    if (m_rate->text().trimmed().isEmpty()) {
        setFieldError(QStringLiteral("rate"), tr("Enter the rate: CNY for one unit."));
        ok = false;
    } else if (!value) {
        setFieldError(QStringLiteral("rate"), tr("Write a decimal number such as 7.1234."));
        ok = false;
    } else if (value->isNegative() || value->isZero()) {
        setFieldError(QStringLiteral("rate"), tr("The rate must be more than 0."));
        ok = false;
    } else {
        rate->rate = *value;
    }
    const MoneyResult<Decimal> markup = Decimal::parse(m_markup->text().trimmed());
    if (!markup) {
        setFieldError(QStringLiteral("markupPercent"),
                      tr("Write a percentage such as 1.5 (0 for none)."));
        ok = false;
    } else if (markup->isNegative() || *markup > Decimal::fromInteger(100)) {
        setFieldError(QStringLiteral("markupPercent"), tr("The markup must be between 0 and 100."));
        ok = false;
    } else {
        rate->markupPercent = *markup;
    }
    rate->validUntil = m_hasEnd->isChecked() ? m_validUntil->dateTime().toUTC() : QDateTime();
    if (rate->validUntil.isValid() && rate->validUntil <= QDateTime::currentDateTimeUtc()) {
        setFieldError(QStringLiteral("validUntil"), tr("The end must be in the future."));
        ok = false;
    }
    layout()->activate();
    resize(size().expandedTo(sizeHint()));
    return ok;
}

void ManualRateDialog::submit()
{
    client::ManualRate rate;
    if (m_busy || !validate(&rate))
        return;
    m_busy = true;
    retranslateUi();
    m_api.enterRate(rate, this, [this](const client::Result<client::FxRate> &result) {
        m_busy = false;
        retranslateUi();
        if (!result.ok()) {
            showServerError(result.error());
            return;
        }
        emit rateEntered(result.value());
        accept();
    });
}

void ManualRateDialog::showServerError(const client::ApiError &error)
{
    QStringList unplaced;
    for (const client::FieldError &e : error.errors) {
        if (m_fieldErrors.contains(e.field))
            setFieldError(e.field, e.message);
        else
            unplaced << QStringLiteral("%1: %2").arg(e.field, e.message);
    }
    if (error.errors.isEmpty())
        m_message->showError(describeError(error));
    else if (!unplaced.isEmpty())
        m_message->showError(unplaced.join(QLatin1Char('\n')));
    else
        m_message->showError(tr("Please correct the marked fields."));
    layout()->activate();
    resize(size().expandedTo(sizeHint()));
}

void ManualRateDialog::setFieldError(const QString &field, const QString &text)
{
    if (QLabel *label = m_fieldErrors.value(field)) {
        label->setText(text);
        label->setVisible(!text.isEmpty());
    }
}

void ManualRateDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ManualRateDialog::retranslateUi()
{
    setWindowTitle(tr("Enter an exchange rate"));
    m_currencyLabel->setText(tr("&Currency:"));
    m_rateLabel->setText(tr("&Rate (CNY per unit):"));
    m_markupLabel->setText(tr("&Markup %:"));
    m_rate->setPlaceholderText(tr("e.g. 7.1234"));
    m_hasEnd->setText(tr("Valid &until"));
    m_saveButton->setText(m_busy ? tr("Saving…") : tr("Save rate"));
    m_saveButton->setEnabled(!m_busy);
    m_cancelButton->setText(tr("Cancel"));
}

} // namespace haitao::widgets
