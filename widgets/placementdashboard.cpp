#include "widgets/placementdashboard.h"

#include "models/placementstats.h"
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
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QPushButton>
#include <QVBoxLayout>
#include <QValueAxis>

namespace haitao::widgets {

namespace {

qreal dayX(const QDate &date)
{
    return qreal(date.startOfDay(Qt::UTC).toMSecsSinceEpoch());
}

// Latency in seconds, for plotting only.
qreal seconds(qint64 ms)
{
    return qreal(ms) / 1000;
}

QDateTimeAxis *dayAxis(const QDate &first, const QDate &last)
{
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MM-dd"));
    x->setRange(first.startOfDay(Qt::UTC),
                (last > first ? last : first.addDays(1)).startOfDay(Qt::UTC));
    return x;
}

} // namespace

PlacementDashboard::PlacementDashboard(client::ApiClient *client, QWidget *parent)
    : Page(parent)
    , m_api(client)
    , m_days(new QComboBox(this))
    , m_reloadButton(new QPushButton(this))
    , m_message(new MessageLabel(this))
    , m_success(new QChart)
    , m_failures(new QChart)
    , m_latency(new QChart)
    , m_queue(new QChart)
{
    setObjectName(QStringLiteral("placementDashboard"));
    m_days->setObjectName(QStringLiteral("statsDays"));
    m_reloadButton->setObjectName(QStringLiteral("reloadStats"));
    m_message->setObjectName(QStringLiteral("statsMessage"));
    for (int days : {7, 14, 30, 90})
        m_days->addItem(QString(), days);
    m_days->setCurrentIndex(1);

    auto *top = new QHBoxLayout;
    top->addWidget(m_days);
    top->addWidget(m_reloadButton);
    top->addStretch(1);
    auto *grid = new QGridLayout;
    const QList<QChart *> charts{m_success, m_failures, m_latency, m_queue};
    for (int i = 0; i < charts.size(); ++i) {
        // The views own their charts.
        auto *view = new QChartView(charts.at(i), this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(320, 220);
        grid->addWidget(view, i / 2, i % 2);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addLayout(grid, 1);

    connect(m_reloadButton, &QPushButton::clicked, this, &PlacementDashboard::reload);
    connect(m_days, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loaded)
            reload();
    });
    retranslateUi();
}

QString PlacementDashboard::title() const
{
    return tr("Placement dashboard");
}

void PlacementDashboard::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (!m_loaded)
        reload();
}

void PlacementDashboard::reload()
{
    m_loaded = true;
    m_message->clearMessage();
    const quint64 request = ++m_request;
    m_api.placementStats(m_days->currentData().toInt(), this,
                         [this, request](const client::Result<client::PlacementStats> &r) {
                             if (request != m_request)
                                 return;
                             if (!r.ok()) {
                                 m_message->showError(tr("The placement figures could not be "
                                                         "loaded: %1")
                                                          .arg(describeError(r.error())));
                                 return;
                             }
                             showStats(r.value());
                             emit statsLoaded();
                         });
}

void PlacementDashboard::showStats(const client::PlacementStats &stats)
{
    m_stats = stats;
    drawSuccess();
    drawFailures();
    drawLatency();
    drawQueue();
}

void PlacementDashboard::drawSuccess()
{
    clearChart(m_success);
    const QMap<QString, QList<models::DaySuccess>> bySite = models::successBySite(*m_stats);
    QDate first, last;
    for (const QList<models::DaySuccess> &days : bySite) {
        for (const models::DaySuccess &d : days) {
            if (!first.isValid() || d.date < first)
                first = d.date;
            if (!last.isValid() || d.date > last)
                last = d.date;
        }
    }
    if (!first.isValid())
        return;
    QDateTimeAxis *x = dayAxis(first, last);
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d%%"));
    m_success->addAxis(x, Qt::AlignBottom);
    m_success->addAxis(y, Qt::AlignLeft);
    for (auto site = bySite.cbegin(); site != bySite.cend(); ++site) {
        auto *series = new QLineSeries;
        series->setName(site.key());
        series->setPointsVisible(true); // a single day is a point, not a line
        for (const models::DaySuccess &d : site.value()) {
            if (const std::optional<double> p = d.percent())
                series->append(dayX(d.date), *p);
        }
        m_success->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

void PlacementDashboard::drawFailures()
{
    clearChart(m_failures);
    const QList<client::PlacementStats::Failure> top = models::topFailures(*m_stats, kTopFailures);
    if (top.isEmpty())
        return;
    auto *set = new QBarSet(tr("Failures"));
    QStringList categories;
    // Horizontal bars draw the first category at the bottom: the largest goes last.
    for (auto it = top.crbegin(); it != top.crend(); ++it) {
        *set << qreal(it->count);
        categories << (it->reason.isEmpty() ? it->step : tr("%1: %2").arg(it->step, it->reason));
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    m_failures->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    auto *x = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%d"));
    x->setMin(0);
    m_failures->addAxis(y, Qt::AlignLeft);
    m_failures->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
}

void PlacementDashboard::drawLatency()
{
    clearChart(m_latency);
    if (m_stats->latency.isEmpty())
        return;
    auto *p50 = new QBarSet(tr("p50"));
    auto *p90 = new QBarSet(tr("p90"));
    QStringList sites;
    qreal high = 0;
    for (const client::PlacementStats::Latency &l : m_stats->latency) {
        *p50 << seconds(l.p50Ms);
        *p90 << seconds(l.p90Ms);
        high = qMax(high, seconds(l.p90Ms));
        sites << l.site;
    }
    auto *series = new QBarSeries;
    series->append(p50);
    series->append(p90);
    m_latency->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(sites);
    auto *y = new QValueAxis;
    y->setTitleText(tr("seconds"));
    y->setRange(0, high > 0 ? high * 1.1 : 1);
    m_latency->addAxis(x, Qt::AlignBottom);
    m_latency->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void PlacementDashboard::drawQueue()
{
    clearChart(m_queue);
    if (m_stats->queue.isEmpty())
        return;
    QDate first = m_stats->queue.first().date, last = first;
    qint64 high = 0;
    auto *series = new QLineSeries;
    series->setName(tr("Needs manual"));
    series->setPointsVisible(true);
    for (const client::PlacementStats::Queue &q : m_stats->queue) {
        first = qMin(first, q.date);
        last = qMax(last, q.date);
        high = qMax(high, q.needsManual);
        series->append(dayX(q.date), qreal(q.needsManual));
    }
    QDateTimeAxis *x = dayAxis(first, last);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    y->setRange(0, qreal(qMax<qint64>(high + 1, 1)));
    m_queue->addAxis(x, Qt::AlignBottom);
    m_queue->addAxis(y, Qt::AlignLeft);
    m_queue->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

void PlacementDashboard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (m_stats)
            showStats(*m_stats); // series names and category labels
    }
    Page::changeEvent(event);
}

void PlacementDashboard::retranslateUi()
{
    for (int i = 0; i < m_days->count(); ++i)
        m_days->setItemText(i, tr("Last %n day(s)", nullptr, m_days->itemData(i).toInt()));
    m_reloadButton->setText(tr("Re&load"));
    m_success->setTitle(tr("Automatic success rate per site and day"));
    m_failures->setTitle(tr("Failures by step and reason"));
    m_latency->setTitle(tr("Time from payment to placement per site"));
    m_queue->setTitle(tr("Manual queue length at the end of each day"));
}

} // namespace haitao::widgets
