#include "widgets/fxratespanel.h"

#include "models/fxratesmodel.h"
#include "widgets/celldelegates.h"
#include "widgets/chartvalues.h"
#include "widgets/errortext.h"
#include "widgets/manualratedialog.h"
#include "widgets/messagelabel.h"
#include "widgets/tableviews.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <memory>

namespace haitao::widgets {

namespace {

constexpr int kHistoryDays = 90;
constexpr int kMaxChartedCurrencies = 6; // more lines than this are unreadable

} // namespace

FxRatesPanel::FxRatesPanel(client::PricingApi api, models::FxRatesModel *model, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_model(model)
    , m_reloadButton(new QPushButton(this))
    , m_enterButton(new QPushButton(this))
    , m_fetchButton(new QPushButton(this))
    , m_loading(new QLabel(this))
    , m_snapshot(new QLabel(this))
    , m_message(new MessageLabel(this))
    , m_view(new QTableView(this))
    , m_chart(new QChart)
    , m_chartView(new QChartView(m_chart, this))
{
    m_reloadButton->setObjectName(QStringLiteral("reloadRatesButton"));
    m_enterButton->setObjectName(QStringLiteral("enterRateButton"));
    m_fetchButton->setObjectName(QStringLiteral("fetchRatesButton"));
    m_message->setObjectName(QStringLiteral("fxMessage"));
    m_view->setObjectName(QStringLiteral("fxRatesView"));
    m_chartView->setObjectName(QStringLiteral("fxHistoryChart"));
    m_snapshot->setObjectName(QStringLiteral("fxSnapshot"));
    m_loading->setVisible(false);

    m_view->setModel(m_model);
    m_view->setItemDelegate(new FxRateDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    setUpTableView(m_view);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    m_chart->legend()->setAlignment(Qt::AlignBottom);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_snapshot);
    buttons->addStretch();
    buttons->addWidget(m_loading);
    buttons->addWidget(m_reloadButton);
    buttons->addWidget(m_enterButton);
    buttons->addWidget(m_fetchButton);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_chartView);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_reloadButton, &QPushButton::clicked, this, &FxRatesPanel::reload);
    connect(m_enterButton, &QPushButton::clicked, this, &FxRatesPanel::enterRate);
    connect(m_fetchButton, &QPushButton::clicked, this, &FxRatesPanel::fetchNow);
    connect(m_model, &models::FxRatesModel::loadingChanged, this, &FxRatesPanel::updateButtons);
    connect(m_model, &models::FxRatesModel::errorOccurred, this,
            [this](const client::ApiError &error) { m_message->showError(describeError(error)); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateButtons();
        // Chart the first currency until the user picks others.
        if (m_model->rowCount() > 0 && !m_view->selectionModel()->hasSelection())
            m_view->selectRow(0);
        else
            loadHistory();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FxRatesPanel::loadHistory);

    updateButtons();
    retranslateUi();
}

void FxRatesPanel::reload()
{
    m_model->reload();
}

void FxRatesPanel::enterRate()
{
    auto *dialog = new ManualRateDialog(m_api, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        dialog->setCurrency(m_model->rateAt(current.row()).currency);
    connect(dialog, &ManualRateDialog::rateEntered, this, [this](const client::FxRate &rate) {
        m_message->showInfo(tr("%1 is now %2 CNY (markup %3 %, effective %4).")
                                .arg(rate.currency, rate.rate.toString(),
                                     rate.markupPercent.toString(), rate.effectiveRate.toString()));
        m_model->reload();
    });
    dialog->open();
}

void FxRatesPanel::fetchNow()
{
    if (m_fetching)
        return;
    m_fetching = true;
    m_message->showInfo(tr("Fetching the ECB reference rates…"));
    updateButtons();
    m_api.fetchRates(this, [this](const client::Result<client::FxFetchResult> &result) {
        m_fetching = false;
        updateButtons();
        if (!result.ok()) {
            m_message->showError(
                tr("The rates could not be fetched: %1").arg(describeError(result.error())));
            return;
        }
        const client::FxFetchResult &r = result.value();
        m_message->showInfo(
            tr("Fetched %n rate(s) as of %1 from %2 (snapshot %3).", nullptr,
               int(r.currencies.size()))
                .arg(QLocale().toString(r.asOf.toLocalTime(), QLocale::ShortFormat), r.url)
                .arg(r.snapshot));
        m_model->reload();
    });
}

void FxRatesPanel::updateButtons()
{
    const bool loading = m_model->isLoading();
    m_loading->setVisible(loading || m_fetching);
    m_reloadButton->setEnabled(!loading);
    m_fetchButton->setEnabled(!m_fetching);
    m_snapshot->setText(m_model->snapshot() > 0
                            ? tr("Snapshot %1 · rates older than %n hour(s) are stale", nullptr,
                                 int(m_model->maxAgeHours()))
                                  .arg(m_model->snapshot())
                            : QString());
}

void FxRatesPanel::loadHistory()
{
    QStringList currencies;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows()) {
        if (currencies.size() < kMaxChartedCurrencies)
            currencies << m_model->rateAt(row.row()).currency;
    }
    const quint64 request = ++m_historyRequest;
    if (currencies.isEmpty()) {
        showHistory({});
        return;
    }
    // One call per currency; the chart is drawn once all have answered.
    struct Pending
    {
        QList<client::FxHistory> histories;
        qsizetype waiting = 0;
        bool failed = false;
    };
    auto pending = std::make_shared<Pending>();
    pending->waiting = currencies.size();
    for (const QString &currency : currencies) {
        m_api.fxHistory(currency, kHistoryDays, this,
                        [this, request, pending](const client::Result<client::FxHistory> &r) {
                            if (request != m_historyRequest)
                                return;
                            if (r.ok())
                                pending->histories << r.value();
                            else if (!pending->failed) {
                                pending->failed = true;
                                m_message->showError(describeError(r.error()));
                            }
                            if (--pending->waiting == 0)
                                showHistory(pending->histories);
                        });
    }
}

void FxRatesPanel::showHistory(const QList<client::FxHistory> &histories)
{
    clearChart(m_chart);
    if (histories.isEmpty())
        return;
    auto *x = new QDateTimeAxis;
    auto *y = new QValueAxis;
    y->setTitleText(tr("CNY"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    QDateTime first, last;
    qreal low = 0, high = 0;
    bool any = false;
    for (const client::FxHistory &history : histories) {
        auto *series = new QLineSeries;
        series->setName(history.currency);
        series->setPointsVisible(true); // a single entry is a point, not a line
        for (const client::FxRate &rate : history.items) {
            const qreal value = plotValue(rate.effectiveRate);
            series->append(qreal(rate.asOf.toMSecsSinceEpoch()), value);
            if (!any || rate.asOf < first)
                first = rate.asOf;
            if (!any || rate.asOf > last)
                last = rate.asOf;
            low = any ? qMin(low, value) : value;
            high = any ? qMax(high, value) : value;
            any = true;
        }
        m_chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    // Days over a long span, hours when the entries are close together.
    x->setFormat(first.daysTo(last) > 2 ? QStringLiteral("MM-dd") : QStringLiteral("MM-dd HH:mm"));
    if (any) {
        x->setRange(first.toLocalTime(), last > first ? last.toLocalTime() : first.addDays(1));
        const qreal margin = high > low ? (high - low) / 10 : qMax(high / 10, qreal(0.01));
        y->setRange(low - margin, high + margin);
    }
}

void FxRatesPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void FxRatesPanel::retranslateUi()
{
    m_reloadButton->setText(tr("Reload"));
    m_enterButton->setText(tr("Enter rate…"));
    m_fetchButton->setText(tr("Fetch now"));
    m_loading->setText(tr("Loading…"));
    m_chart->setTitle(tr("Effective rate, last %n day(s)", nullptr, kHistoryDays));
    m_model->retranslate();
    updateButtons();
}

} // namespace haitao::widgets
