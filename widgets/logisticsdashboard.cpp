#include "widgets/logisticsdashboard.h"

#include "models/logisticslabels.h"
#include "models/logisticsstats.h"
#include "widgets/chartvalues.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace haitao::widgets {

namespace {

qreal dayX(const QDate &date)
{
    return qreal(date.startOfDay(Qt::UTC).toMSecsSinceEpoch());
}

QValueAxis *countAxis(qint64 high)
{
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    y->setRange(0, qreal(qMax<qint64>(high + 1, 1)));
    return y;
}

} // namespace

LogisticsDashboard::LogisticsDashboard(client::ApiClient *client, QWidget *parent)
    : Page(parent)
    , m_api(client)
    , m_days(new QComboBox(this))
    , m_refresh(new QPushButton(this))
    , m_message(new MessageLabel(this))
    , m_leadTime(new QChart)
    , m_status(new QChart)
    , m_alerts(new QChart)
    , m_leadTimeEmpty(new QLabel(this))
    , m_statusEmpty(new QLabel(this))
    , m_alertsEmpty(new QLabel(this))
{
    setObjectName(QStringLiteral("logisticsDashboard"));
    m_days->setObjectName(QStringLiteral("logisticsStatsDays"));
    m_refresh->setObjectName(QStringLiteral("refreshLogisticsStats"));
    m_message->setObjectName(QStringLiteral("logisticsStatsMessage"));
    for (int days : {7, 14, 30, 90})
        m_days->addItem(QString(), days);
    m_days->setCurrentIndex(2);
    m_leadTime->legend()->setAlignment(Qt::AlignBottom);

    auto *top = new QHBoxLayout;
    top->addWidget(m_days);
    top->addWidget(m_refresh);
    top->addStretch(1);
    auto *grid = new QGridLayout;
    const QList<QPair<QChart *, QLabel *>> charts{
        {m_leadTime, m_leadTimeEmpty}, {m_status, m_statusEmpty}, {m_alerts, m_alertsEmpty}};
    for (int i = 0; i < charts.size(); ++i) {
        auto *box = new QWidget(this);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        // The views own their charts.
        auto *view = new QChartView(charts.at(i).first, box);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(320, 240);
        QLabel *empty = charts.at(i).second;
        empty->setAlignment(Qt::AlignCenter);
        empty->setWordWrap(true);
        boxLayout->addWidget(view, 1);
        boxLayout->addWidget(empty);
        // The lead times need the width: the legend lists every site and carrier.
        if (i == 0)
            grid->addWidget(box, 0, 0, 1, 2);
        else
            grid->addWidget(box, 1, i - 1);
    }
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addLayout(grid, 1);

    connect(m_refresh, &QPushButton::clicked, this, &LogisticsDashboard::reload);
    connect(m_days, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loaded)
            reload();
    });
    retranslateUi();
    updateEmptyLabels();
}

QString LogisticsDashboard::title() const
{
    return tr("Logistics dashboard");
}

void LogisticsDashboard::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (!m_loaded)
        reload();
}

void LogisticsDashboard::reload()
{
    m_loaded = true;
    m_message->clearMessage();
    const quint64 request = ++m_request;
    m_api.stats(m_days->currentData().toInt(), this,
                [this, request](const client::Result<client::LogisticsStats> &r) {
                    if (request != m_request)
                        return; // the days changed meanwhile
                    if (!r.ok()) {
                        m_message->showError(tr("The logistics figures could not be loaded: %1")
                                                 .arg(describeError(r.error())));
                        return;
                    }
                    showStats(r.value());
                    emit statsLoaded();
                });
}

void LogisticsDashboard::showStats(const client::LogisticsStats &stats)
{
    m_stats = stats;
    drawLeadTimes();
    drawStatuses();
    drawAlerts();
    updateEmptyLabels();
}

void LogisticsDashboard::drawLeadTimes()
{
    clearChart(m_leadTime);
    const models::LeadTimeTable table = models::leadTimeTable(*m_stats);
    if (table.rows.isEmpty() || table.buckets.isEmpty())
        return;
    auto *series = new QBarSeries;
    qint64 high = 0;
    for (const models::LeadTimeRow &row : table.rows) {
        auto *set = new QBarSet(models::leadTimeLegend(row));
        for (qint64 n : row.counts) {
            *set << qreal(n);
            high = qMax(high, n);
        }
        series->append(set);
    }
    QStringList categories;
    for (const models::DayRange &range : table.buckets)
        categories << models::dayRangeLabel(range);
    m_leadTime->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(tr("days from order to delivery"));
    QValueAxis *y = countAxis(high);
    y->setTitleText(tr("parcels"));
    m_leadTime->addAxis(x, Qt::AlignBottom);
    m_leadTime->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void LogisticsDashboard::drawStatuses()
{
    clearChart(m_status);
    const QList<client::LogisticsStats::StatusCount> counts = models::statusCounts(*m_stats);
    if (counts.isEmpty())
        return;
    auto *set = new QBarSet(tr("Parcels"));
    QStringList categories;
    qint64 high = 0;
    for (const client::LogisticsStats::StatusCount &c : counts) {
        *set << qreal(c.count);
        categories << models::shipmentStatusLabel(c.status);
        high = qMax(high, c.count);
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true); // the number on each bar, not only its height
    series->setLabelsFormat(QStringLiteral("@value"));
    m_status->addSeries(series);
    m_status->legend()->setVisible(false);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    QValueAxis *y = countAxis(high);
    m_status->addAxis(x, Qt::AlignBottom);
    m_status->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void LogisticsDashboard::drawAlerts()
{
    clearChart(m_alerts);
    const QList<client::LogisticsStats::AlertsDay> days = models::alertsOpenByDay(*m_stats);
    // The server lists every day of the period: all zero is "no alerts", said in words.
    if (std::none_of(days.cbegin(), days.cend(), [](const auto &d) { return d.open > 0; }))
        return;
    auto *series = new QLineSeries;
    series->setName(tr("Open alerts"));
    series->setPointsVisible(true); // a single day is a point, not a line
    qint64 high = 0;
    for (const client::LogisticsStats::AlertsDay &d : days) {
        series->append(dayX(d.day), qreal(d.open));
        high = qMax(high, d.open);
    }
    const QDate first = days.first().day, last = days.last().day;
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MM-dd"));
    x->setRange(first.startOfDay(Qt::UTC),
                (last > first ? last : first.addDays(1)).startOfDay(Qt::UTC));
    QValueAxis *y = countAxis(high);
    m_alerts->addAxis(x, Qt::AlignBottom);
    m_alerts->addAxis(y, Qt::AlignLeft);
    m_alerts->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

void LogisticsDashboard::updateEmptyLabels()
{
    const int days = m_days->currentData().toInt();
    const bool loaded = m_stats.has_value();
    const QString nothing = loaded ? QString() : tr("Loading…");
    m_leadTimeEmpty->setText(
        loaded ? tr("No parcel was delivered in the last %n day(s).", nullptr, days) : nothing);
    m_statusEmpty->setText(loaded ? tr("No parcels are tracked yet.") : nothing);
    m_alertsEmpty->setText(loaded ? tr("No alerts were open in the last %n day(s).", nullptr, days)
                                  : nothing);
    m_leadTimeEmpty->setVisible(m_leadTime->series().isEmpty());
    m_statusEmpty->setVisible(m_status->series().isEmpty());
    m_alertsEmpty->setVisible(m_alerts->series().isEmpty());
}

void LogisticsDashboard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (m_stats)
            showStats(*m_stats); // series names and category labels
        else
            updateEmptyLabels();
    }
    Page::changeEvent(event);
}

void LogisticsDashboard::retranslateUi()
{
    for (int i = 0; i < m_days->count(); ++i)
        m_days->setItemText(i, tr("Last %n day(s)", nullptr, m_days->itemData(i).toInt()));
    m_refresh->setText(tr("&Refresh"));
    m_leadTime->setTitle(tr("Lead time from order to delivery per site and carrier"));
    m_status->setTitle(tr("Parcels per status"));
    m_alerts->setTitle(tr("Alerts open per day"));
}

} // namespace haitao::widgets
