#include "widgets/simulationpanel.h"

#include "models/quotebreakdownmodel.h"
#include "models/samplecarts.h"
#include "widgets/chartvalues.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeView>
#include <QVBoxLayout>
#include <QValueAxis>

namespace haitao::widgets {

namespace {

const QColor kErrorBackground(0xfd, 0xec, 0xea);

QSpinBox *gramsBox(QWidget *parent, const QString &name, int value)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(0, 100000);
    box->setSingleStep(500);
    box->setValue(value);
    box->setSuffix(QStringLiteral(" g"));
    return box;
}

// The sites a rule-set document names ("sites": [{"site", "origin"}]).
QStringList sitesOf(const QJsonObject &document)
{
    QStringList sites;
    for (const QJsonValue &entry : document.value(QStringLiteral("sites")).toArray()) {
        const QString site = entry.toObject().value(QStringLiteral("site")).toString();
        if (!site.isEmpty())
            sites << site;
    }
    return sites;
}

} // namespace

SimulationPanel::SimulationPanel(client::PricingApi api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_savedCartsLabel(new QLabel(this))
    , m_savedCarts(new QComboBox(this))
    , m_saveCartButton(new QPushButton(this))
    , m_deleteCartButton(new QPushButton(this))
    , m_cart(new QTableWidget(0, CartColumnCount, this))
    , m_addButton(new QPushButton(this))
    , m_removeButton(new QPushButton(this))
    , m_couponsLabel(new QLabel(this))
    , m_coupons(new QLineEdit(this))
    , m_destinationLabel(new QLabel(this))
    , m_destination(new QLineEdit(QStringLiteral("CN"), this))
    , m_firstOrder(new QCheckBox(this))
    , m_sweep(new QCheckBox(this))
    , m_sweepFrom(gramsBox(this, QStringLiteral("sweepFrom"), 0))
    , m_sweepTo(gramsBox(this, QStringLiteral("sweepTo"), 20000))
    , m_sweepStep(gramsBox(this, QStringLiteral("sweepStep"), 500))
    , m_routeLabel(new QLabel(this))
    , m_routeSite(new QComboBox(this))
    , m_routeToLabel(new QLabel(this))
    , m_routeDestination(new QLineEdit(QStringLiteral("CN"), this))
    , m_simulateButton(new QPushButton(this))
    , m_message(new MessageLabel(this))
    , m_summary(new QLabel(this))
    , m_breakdown(new models::QuoteBreakdownModel(this))
    , m_tree(new QTreeView(this))
    , m_chart(new QChart)
    , m_chartView(new QChartView(m_chart, this))
{
    m_savedCarts->setObjectName(QStringLiteral("savedCartsCombo"));
    m_saveCartButton->setObjectName(QStringLiteral("saveCartButton"));
    m_deleteCartButton->setObjectName(QStringLiteral("deleteCartButton"));
    m_routeSite->setObjectName(QStringLiteral("routeSiteCombo"));
    m_routeDestination->setObjectName(QStringLiteral("routeDestinationEdit"));
    m_cart->setObjectName(QStringLiteral("cartTable"));
    m_addButton->setObjectName(QStringLiteral("addLineButton"));
    m_removeButton->setObjectName(QStringLiteral("removeLineButton"));
    m_coupons->setObjectName(QStringLiteral("couponsEdit"));
    m_destination->setObjectName(QStringLiteral("destinationEdit"));
    m_firstOrder->setObjectName(QStringLiteral("firstOrderCheck"));
    m_sweep->setObjectName(QStringLiteral("sweepCheck"));
    m_simulateButton->setObjectName(QStringLiteral("simulateButton"));
    m_message->setObjectName(QStringLiteral("simulationMessage"));
    m_summary->setObjectName(QStringLiteral("simulationSummary"));
    m_tree->setObjectName(QStringLiteral("breakdownView"));
    m_chartView->setObjectName(QStringLiteral("sweepChart"));

    m_cart->verticalHeader()->setVisible(false);
    m_cart->horizontalHeader()->setStretchLastSection(true);
    m_cart->setMinimumHeight(90);
    m_cart->setMaximumHeight(160);
    addLine();
    // A sample line to start from: two 19.99 USD items of 450 g from amazon.com.
    const QStringList sample{
        QStringLiteral("amazon.com"), QStringLiteral("19.99"), QStringLiteral("USD"),
        QStringLiteral("2"),          QStringLiteral("450"),   QStringLiteral("200"),
        QStringLiteral("150"),        QStringLiteral("80"),    QStringLiteral("beauty")};
    for (int c = 0; c < CartColumnCount; ++c)
        m_cart->item(0, c)->setText(sample.at(c));
    m_sweep->setChecked(true);
    m_summary->setWordWrap(true);
    m_couponsLabel->setBuddy(m_coupons);
    m_destinationLabel->setBuddy(m_destination);
    m_destination->setMaximumWidth(60);
    m_savedCartsLabel->setBuddy(m_savedCarts);
    m_savedCarts->setMinimumContentsLength(16);
    m_savedCarts->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    refillSavedCarts(QString());
    // The route starts as the sample line's: free text, or one of the rule sets' sites once
    // they have arrived (refreshRouteSites()).
    m_routeSite->setEditable(true);
    m_routeSite->setInsertPolicy(QComboBox::NoInsert);
    m_routeSite->setMinimumContentsLength(14);
    m_routeSite->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_routeSite->setEditText(sample.at(SiteColumn));
    m_routeLabel->setBuddy(m_routeSite);
    m_routeToLabel->setBuddy(m_routeDestination);
    m_routeDestination->setMaximumWidth(60);

    m_tree->setModel(m_breakdown);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    connect(m_breakdown, &QAbstractItemModel::modelReset, m_tree, [this] {
        m_tree->expandAll();
        m_tree->resizeColumnToContents(0);
    });
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(200);
    m_chart->legend()->setAlignment(Qt::AlignBottom);

    auto *savedCarts = new QHBoxLayout;
    savedCarts->addWidget(m_savedCartsLabel);
    savedCarts->addWidget(m_savedCarts);
    savedCarts->addWidget(m_deleteCartButton);
    savedCarts->addWidget(m_saveCartButton);
    savedCarts->addStretch();
    auto *cartButtons = new QHBoxLayout;
    cartButtons->addWidget(m_couponsLabel);
    cartButtons->addWidget(m_coupons, 1);
    cartButtons->addWidget(m_destinationLabel);
    cartButtons->addWidget(m_destination);
    cartButtons->addWidget(m_firstOrder);
    cartButtons->addWidget(m_addButton);
    cartButtons->addWidget(m_removeButton);
    auto *run = new QHBoxLayout;
    run->addWidget(m_sweep);
    run->addWidget(m_sweepFrom);
    run->addWidget(m_sweepTo);
    run->addWidget(m_sweepStep);
    run->addWidget(m_routeLabel);
    run->addWidget(m_routeSite);
    run->addWidget(m_routeToLabel);
    run->addWidget(m_routeDestination);
    run->addStretch();
    run->addWidget(m_simulateButton);
    auto *results = new QSplitter(Qt::Horizontal, this);
    results->addWidget(m_tree);
    results->addWidget(m_chartView);
    results->setStretchFactor(0, 1);
    results->setStretchFactor(1, 1);
    results->setSizes({600, 450});
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(savedCarts);
    layout->addWidget(m_cart);
    layout->addLayout(cartButtons);
    layout->addLayout(run);
    layout->addWidget(m_message);
    layout->addWidget(m_summary);
    layout->addWidget(results, 1);

    connect(m_addButton, &QPushButton::clicked, this, &SimulationPanel::addLine);
    connect(m_removeButton, &QPushButton::clicked, this, &SimulationPanel::removeLine);
    connect(m_simulateButton, &QPushButton::clicked, this, &SimulationPanel::simulate);
    for (QWidget *w : std::initializer_list<QWidget *>{m_sweepFrom, m_sweepTo, m_sweepStep,
                                                       m_routeSite, m_routeDestination})
        connect(m_sweep, &QCheckBox::toggled, w, &QWidget::setEnabled);
    connect(m_saveCartButton, &QPushButton::clicked, this, &SimulationPanel::saveCart);
    connect(m_deleteCartButton, &QPushButton::clicked, this, &SimulationPanel::deleteCart);
    // activated: only the user's choice loads; refilling the list does not.
    connect(m_savedCarts, &QComboBox::activated, this,
            [this](int index) { loadCart(m_savedCarts->itemText(index)); });
    connect(m_savedCarts, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_deleteCartButton->setEnabled(index >= 0); });
    retranslateUi();
    showSweep();
}

void SimulationPanel::addLine()
{
    const int row = m_cart->rowCount();
    m_cart->insertRow(row);
    for (int c = 0; c < CartColumnCount; ++c)
        m_cart->setItem(row, c, new QTableWidgetItem);
    m_cart->item(row, QuantityColumn)->setText(QStringLiteral("1"));
    if (row > 0)
        m_cart->item(row, CurrencyColumn)->setText(m_cart->item(row - 1, CurrencyColumn)->text());
}

void SimulationPanel::removeLine()
{
    const int row = m_cart->currentRow();
    if (row >= 0 && m_cart->rowCount() > 1)
        m_cart->removeRow(row);
}

void SimulationPanel::saveCart()
{
    // What is saved is what would be priced: a cart with wrong cells says so instead.
    const std::optional<QJsonObject> request = buildRequest();
    if (!request)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("saveCartDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Save the sample cart"));
    dialog->setLabelText(tr("Name:"));
    dialog->setTextValue(m_savedCarts->currentText());
    connect(
        dialog, &QInputDialog::textValueSelected, this,
        [this, request = *request](const QString &typed) {
            const QString name = typed.trimmed();
            if (name.isEmpty() || name.size() > models::SampleCart::MaxNameLength) {
                m_message->showError(tr("The name of a sample cart has 1 to %1 characters.")
                                         .arg(models::SampleCart::MaxNameLength));
                return;
            }
            QJsonObject json = request;
            json.insert(QStringLiteral("name"), name);
            // The cells were checked as for pricing; only the count of lines is left.
            const std::optional<models::SampleCart> cart = models::SampleCart::fromJson(json);
            if (!cart) {
                m_message->showError(
                    tr("A sample cart has at most %1 lines.").arg(models::SampleCart::MaxLines));
                return;
            }
            storeCart(*cart);
        });
    dialog->open(); // never exec(): no nested event loop
}

void SimulationPanel::storeCart(const models::SampleCart &cart)
{
    QSettings settings;
    if (!models::SampleCarts(&settings).contains(cart.name)) {
        writeCart(cart);
        return;
    }
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Replace the sample cart"),
        tr("There is a saved cart named “%1”. Replace it with this one?").arg(cart.name),
        QMessageBox::Save | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("replaceCartConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Save)->setText(tr("Replace"));
    connect(box, &QMessageBox::finished, this, [this, cart](int result) {
        if (result == QMessageBox::Save)
            writeCart(cart);
    });
    box->open();
}

void SimulationPanel::writeCart(const models::SampleCart &cart)
{
    QSettings settings;
    if (!models::SampleCarts(&settings).save(cart)) {
        m_message->showError(tr("The sample cart could not be saved: the settings file (%1) "
                                "cannot be written.")
                                 .arg(settings.fileName()));
        return;
    }
    refillSavedCarts(cart.name);
    m_message->showInfo(tr("Saved the sample cart “%1”.").arg(cart.name));
}

void SimulationPanel::loadCart(const QString &name)
{
    QSettings settings;
    const std::optional<models::SampleCart> cart = models::SampleCarts(&settings).load(name);
    if (!cart) {
        // Deleted from another window, or its saved form cannot be read any more.
        refillSavedCarts(QString());
        m_message->showError(tr("There is no saved cart named “%1” that can be read.").arg(name));
        return;
    }
    setCart(*cart);
    refillSavedCarts(cart->name);
    m_message->showInfo(tr("Loaded the sample cart “%1”.").arg(cart->name));
}

void SimulationPanel::setCart(const models::SampleCart &cart)
{
    clearMarks();
    m_cart->setRowCount(0);
    // Dimensions of 0 are "not known", which the table shows as an empty cell.
    auto mm = [](qint64 n) { return n == 0 ? QString() : QString::number(n); };
    for (const models::SampleCartLine &line : cart.lines) {
        addLine();
        const int row = m_cart->rowCount() - 1;
        const QStringList cells{line.site,
                                line.price.toString(),
                                line.price.currency().code(),
                                QString::number(line.quantity),
                                QString::number(line.weightG),
                                mm(line.lengthMm),
                                mm(line.widthMm),
                                mm(line.heightMm),
                                line.category};
        for (int c = 0; c < CartColumnCount; ++c)
            m_cart->item(row, c)->setText(cells.at(c));
    }
    m_coupons->setText(cart.coupons.join(QStringLiteral(", ")));
    m_destination->setText(cart.destination);
    m_firstOrder->setChecked(cart.firstOrder);
}

void SimulationPanel::deleteCart()
{
    const QString name = m_savedCarts->currentText();
    if (m_savedCarts->currentIndex() < 0 || name.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete the sample cart"),
                                tr("Delete the saved cart “%1”?").arg(name),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteCartConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Discard)->setText(tr("Delete"));
    connect(box, &QMessageBox::finished, this, [this, name](int result) {
        if (result != QMessageBox::Discard)
            return;
        QSettings settings;
        models::SampleCarts(&settings).remove(name);
        refillSavedCarts(QString());
        m_message->showInfo(tr("Deleted the sample cart “%1”.").arg(name));
    });
    box->open();
}

void SimulationPanel::refillSavedCarts(const QString &select)
{
    QSettings settings;
    const QStringList names = models::SampleCarts(&settings).names();
    m_savedCarts->clear();
    m_savedCarts->addItems(names);
    m_savedCarts->setCurrentIndex(names.indexOf(select));
    m_deleteCartButton->setEnabled(m_savedCarts->currentIndex() >= 0);
}

void SimulationPanel::refreshRouteSites()
{
    if (m_routeSitesPending > 0)
        return;
    m_routeSitesPending = 2;
    m_arrivedSites.clear();
    // Only suggestions: on a failure the list keeps what it had and the site can be typed; a
    // real problem (signed out, server down) shows when pricing.
    m_api.listRuleSets(this, [this](const client::Result<QList<client::RuleSetVersion>> &r) {
        std::optional<qint64> inForce;
        if (r.ok()) {
            for (const client::RuleSetVersion &v : r.value()) {
                if (v.inForce)
                    inForce = v.version;
            }
        }
        if (!inForce) {
            routeSitesArrived({});
            return;
        }
        m_api.ruleSet(*inForce, this, [this](const client::Result<client::RuleSetVersion> &v) {
            routeSitesArrived(v.ok() ? sitesOf(v.value().document) : QStringList());
        });
    });
    m_api.draft(this, [this](const client::Result<client::Draft> &r) {
        routeSitesArrived(r.ok() ? sitesOf(r.value().document) : QStringList());
    });
}

void SimulationPanel::routeSitesArrived(const QStringList &sites)
{
    m_arrivedSites << sites;
    if (--m_routeSitesPending > 0)
        return;
    if (m_arrivedSites.isEmpty())
        return;
    m_arrivedSites.sort(Qt::CaseInsensitive);
    m_arrivedSites.removeDuplicates();
    const QString typed = m_routeSite->currentText();
    m_routeSite->clear(); // also clears the typed text
    m_routeSite->addItems(m_arrivedSites);
    m_routeSite->setEditText(typed);
}

void SimulationPanel::markCell(int row, int column, const QString &why)
{
    if (QTableWidgetItem *item = m_cart->item(row, column)) {
        item->setBackground(kErrorBackground);
        item->setToolTip(why);
    }
}

void SimulationPanel::clearMarks()
{
    for (int row = 0; row < m_cart->rowCount(); ++row) {
        for (int c = 0; c < CartColumnCount; ++c) {
            if (QTableWidgetItem *item = m_cart->item(row, c)) {
                item->setBackground(QBrush());
                item->setToolTip(QString());
            }
        }
    }
}

std::optional<QJsonObject> SimulationPanel::buildRequest()
{
    clearMarks();
    QStringList problems;
    auto problem = [&](int row, int column, const QString &why) {
        markCell(row, column, why);
        problems << tr("Line %1: %2").arg(row + 1).arg(why);
    };
    auto text = [this](int row, int column) {
        const QTableWidgetItem *item = m_cart->item(row, column);
        return item ? item->text().trimmed() : QString();
    };
    // Whole numbers in a range; empty gives `fallback` (dimensions unknown, 0).
    auto whole = [&](int row, int column, qint64 min, qint64 max, std::optional<qint64> fallback,
                     const QString &why) -> qint64 {
        const QString t = text(row, column);
        if (t.isEmpty() && fallback)
            return *fallback;
        bool ok = false;
        const qint64 n = t.toLongLong(&ok);
        if (!ok || n < min || n > max) {
            problem(row, column, why);
            return 0;
        }
        return n;
    };

    QJsonArray lines;
    for (int row = 0; row < m_cart->rowCount(); ++row) {
        QJsonObject line;
        const QString site = text(row, SiteColumn);
        if (site.isEmpty())
            problem(row, SiteColumn, tr("enter the site, e.g. amazon.com."));
        line.insert(QStringLiteral("site"), site);
        const QString code = text(row, CurrencyColumn).toUpper();
        const std::optional<Currency> currency = Currency::fromCode(code);
        if (!currency) {
            problem(row, CurrencyColumn, tr("%1 is not a known currency.").arg(code));
        } else {
            const MoneyResult<Money> price = Money::parse(text(row, PriceColumn), *currency);
            if (!price || price->isNegative())
                problem(row, PriceColumn,
                        currency->exponent() == 0
                            ? tr("the price must be a whole amount in %1.").arg(code)
                            : tr("the price must be an amount such as 19.99, with at most %1 "
                                 "decimals in %2.")
                                  .arg(currency->exponent())
                                  .arg(code));
            else
                line.insert(QStringLiteral("price"), price->toJson());
        }
        line.insert(QStringLiteral("quantity"), whole(row, QuantityColumn, 1, 999, std::nullopt,
                                                      tr("the quantity must be 1 to 999.")));
        line.insert(QStringLiteral("weightG"), whole(row, WeightColumn, 0, 1000000, std::nullopt,
                                                     tr("the weight must be whole grams.")));
        const int dims[] = {LengthColumn, WidthColumn, HeightColumn};
        const char *keys[] = {"lengthMm", "widthMm", "heightMm"};
        for (int i = 0; i < 3; ++i) {
            line.insert(QLatin1String(keys[i]),
                        whole(row, dims[i], 0, 100000, 0,
                              tr("dimensions are whole millimetres (or empty).")));
        }
        const QString category = text(row, CategoryColumn);
        if (!category.isEmpty())
            line.insert(QStringLiteral("category"), category);
        lines.append(line);
    }
    if (!problems.isEmpty()) {
        m_message->showError(problems.join(QLatin1Char('\n')));
        return std::nullopt;
    }
    QJsonObject request{{QStringLiteral("lines"), lines}};
    const QString destination = m_destination->text().trimmed().toUpper();
    if (!destination.isEmpty())
        request.insert(QStringLiteral("destination"), destination);
    QJsonArray coupons;
    for (const QString &c :
         m_coupons->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
        coupons.append(c);
    if (!coupons.isEmpty())
        request.insert(QStringLiteral("coupons"), coupons);
    // Staff ask "what if this were the customer's first order": the server applies first_order
    // promotions on this flag alone in a simulation.
    request.insert(QStringLiteral("firstOrder"), m_firstOrder->isChecked());
    return request;
}

std::optional<QJsonObject> SimulationPanel::buildSweepRequest()
{
    const QString site = m_routeSite->currentText().trimmed().toLower();
    if (site.isEmpty()) {
        m_message->showError(tr("Choose the site whose route the chart shows, e.g. amazon.com."));
        return std::nullopt;
    }
    // Goods worth 0 CNY: the chart shows what the route costs, not what some goods cost, and
    // CNY needs no rate. The weight is the sweep's first, for the quote the simulation also
    // makes of the cart as sent; the sweep sets it for each point.
    const QJsonObject line{{QStringLiteral("site"), site},
                           {QStringLiteral("price"), Money::zero(Currency::cny()).toJson()},
                           {QStringLiteral("quantity"), 1},
                           {QStringLiteral("weightG"), m_sweepFrom->value()}};
    QJsonObject request{{QStringLiteral("lines"), QJsonArray{line}}};
    const QString destination = m_routeDestination->text().trimmed().toUpper();
    if (!destination.isEmpty())
        request.insert(QStringLiteral("destination"), destination);
    return request;
}

void SimulationPanel::simulate()
{
    if (m_busy)
        return;
    const std::optional<QJsonObject> request = buildRequest();
    if (!request)
        return;
    std::optional<QJsonObject> sweepRequest;
    std::optional<client::Sweep> sweep;
    if (m_sweep->isChecked()) {
        if (m_sweepTo->value() <= m_sweepFrom->value() || m_sweepStep->value() <= 0) {
            m_message->showError(tr("The sweep must go up from its first weight in steps of "
                                    "more than 0 g."));
            return;
        }
        sweepRequest = buildSweepRequest();
        if (!sweepRequest)
            return;
        sweep = client::Sweep{m_sweepFrom->value(), m_sweepTo->value(), m_sweepStep->value()};
    }
    m_busy = true;
    m_message->showInfo(tr("Pricing…"));
    retranslateUi();
    // The cart first, then the chart's own cart: one message at a time, the cart's first.
    m_api.simulate(*request, std::nullopt, this,
                   [this, sweepRequest, sweep](const client::Result<client::Simulation> &r) {
                       if (!r.ok()) {
                           m_busy = false;
                           retranslateUi();
                           showServerError(r.error());
                           return;
                       }
                       m_message->clearMessage();
                       m_last = r.value();
                       showResult(*m_last);
                       if (sweep) {
                           runSweep(*sweepRequest, *sweep);
                           return;
                       }
                       m_busy = false;
                       retranslateUi();
                       m_lastSweep.clear();
                       showSweep();
                   });
}

void SimulationPanel::runSweep(const QJsonObject &request, const client::Sweep &sweep)
{
    const QString site = request.value(QStringLiteral("lines"))
                             .toArray()
                             .first()
                             .toObject()
                             .value(QStringLiteral("site"))
                             .toString();
    const QString destination =
        request.value(QStringLiteral("destination")).toString(QStringLiteral("CN"));
    m_api.simulate(request, sweep, this,
                   [this, site, destination](const client::Result<client::Simulation> &r) {
                       m_busy = false;
                       retranslateUi();
                       m_lastSweep.clear();
                       if (!r.ok()) {
                           showSweep();
                           // Its fields are the route's: lines[0] is the site.
                           QStringList why{describeError(r.error())};
                           for (const client::FieldError &e : r.error().errors) {
                               why << (e.field.startsWith(u"lines")
                                           ? tr("Site: %1").arg(e.message)
                                           : QStringLiteral("%1: %2").arg(e.field, e.message));
                           }
                           m_message->showError(
                               tr("The chart for %1 to %2 could not be drawn: %3")
                                   .arg(site, destination, why.join(QLatin1Char('\n'))));
                           return;
                       }
                       m_lastSweep = r.value().sweep;
                       m_sweptSite = site;
                       m_sweptDestination = destination;
                       showSweep();
                   });
}

void SimulationPanel::showServerError(const client::ApiError &error)
{
    // The server names the cart's cells: lines[2].price, coupons[0].
    static const QRegularExpression linePath(QStringLiteral("^lines\\[(\\d+)\\]\\.?(.*)$"));
    static const QHash<QString, int> columns{
        {QStringLiteral("site"), SiteColumn},         {QStringLiteral("price"), PriceColumn},
        {QStringLiteral("quantity"), QuantityColumn}, {QStringLiteral("weightG"), WeightColumn},
        {QStringLiteral("lengthMm"), LengthColumn},   {QStringLiteral("widthMm"), WidthColumn},
        {QStringLiteral("heightMm"), HeightColumn},   {QStringLiteral("category"), CategoryColumn}};
    clearMarks();
    QStringList lines;
    for (const client::FieldError &e : error.errors) {
        const QRegularExpressionMatch m = linePath.match(e.field);
        if (m.hasMatch()) {
            const int row = m.captured(1).toInt();
            const QString field = m.captured(2).section(QLatin1Char('.'), 0, 0);
            markCell(row, columns.value(field, SiteColumn), e.message);
            lines << tr("Line %1: %2").arg(row + 1).arg(e.message);
        } else if (e.field.startsWith(u"coupons")) {
            lines << tr("Coupon: %1").arg(e.message);
        } else {
            lines << QStringLiteral("%1: %2").arg(e.field, e.message);
        }
    }
    m_message->showError(lines.isEmpty() ? describeError(error)
                                         : describeError(error) + QLatin1Char('\n') +
                                               lines.join(QLatin1Char('\n')));
}

void SimulationPanel::showResult(const client::Simulation &s)
{
    m_breakdown->setComparison(s.published, s.draft, s.difference);
    const std::optional<Money> published =
        client::moneyFromJson(s.published.value(QStringLiteral("total")));
    const std::optional<Money> draft =
        client::moneyFromJson(s.draft.value(QStringLiteral("total")));
    const qint64 version = s.published.value(QStringLiteral("ruleSetVersion")).toInteger();
    QString summary =
        tr("Version %1: %2 CNY.").arg(version).arg(published ? published->toString() : QString());
    if (s.draft.isEmpty()) {
        summary += QLatin1Char(' ') + tr("No draft to compare with.");
    } else if (published && draft) {
        const MoneyResult<Money> delta = draft->subtract(*published);
        summary += QLatin1Char(' ') +
                   tr("Draft: %1 CNY (%2).")
                       .arg(draft->toString(),
                            delta ? (delta->minor() > 0 ? QStringLiteral("+") : QString()) +
                                        delta->toString()
                                  : QString());
    }
    m_summary->setText(summary);
}

void SimulationPanel::showSweep()
{
    const QList<client::SweepPoint> &sweep = m_lastSweep;
    clearChart(m_chart);
    if (sweep.isEmpty()) {
        m_chart->setTitle(tr("Total against weight"));
        return;
    }
    m_chart->setTitle(tr("Total against weight, %1 to %2").arg(m_sweptSite, m_sweptDestination));
    auto *published = new QLineSeries;
    published->setName(tr("Published"));
    auto *draft = new QLineSeries;
    draft->setName(tr("Draft"));
    qreal high = 0;
    for (const client::SweepPoint &p : sweep) {
        if (p.published) {
            published->append(qreal(p.weightG), plotValue(*p.published));
            high = qMax(high, plotValue(*p.published));
        }
        if (p.draft) {
            draft->append(qreal(p.weightG), plotValue(*p.draft));
            high = qMax(high, plotValue(*p.draft));
        }
    }
    auto *x = new QValueAxis;
    x->setTitleText(tr("Weight of the parcel (g)"));
    x->setLabelFormat(QStringLiteral("%d"));
    x->setRange(qreal(sweep.first().weightG), qreal(sweep.last().weightG));
    auto *y = new QValueAxis;
    y->setTitleText(tr("Total (CNY) for goods worth 0"));
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setRange(0, high > 0 ? high * 1.1 : 1);
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *series : {published, draft}) {
        if (series->count() == 0) {
            delete series;
            continue;
        }
        m_chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

void SimulationPanel::showEvent(QShowEvent *event)
{
    // Each time the tab is opened: the draft's sites may have changed meanwhile.
    refreshRouteSites();
    QWidget::showEvent(event);
}

void SimulationPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_breakdown->retranslate();
        if (m_last)
            showResult(*m_last);
        showSweep();
    }
    QWidget::changeEvent(event);
}

void SimulationPanel::retranslateUi()
{
    m_cart->setHorizontalHeaderLabels({tr("Site"), tr("Price"), tr("Currency"), tr("Quantity"),
                                       tr("Weight (g)"), tr("Length (mm)"), tr("Width (mm)"),
                                       tr("Height (mm)"), tr("Category")});
    m_addButton->setText(tr("Add line"));
    m_removeButton->setText(tr("Remove line"));
    m_couponsLabel->setText(tr("C&oupons:"));
    m_coupons->setPlaceholderText(tr("codes, separated by commas"));
    m_destinationLabel->setText(tr("&Destination:"));
    m_firstOrder->setText(tr("&First order"));
    m_firstOrder->setToolTip(tr("Price the cart as the customer's first order, so that first-order "
                                "promotions apply."));
    m_sweep->setText(tr("Chart the total by weight: from, to, step"));
    m_simulateButton->setText(m_busy ? tr("Pricing…") : tr("Price published and draft"));
    m_simulateButton->setEnabled(!m_busy);
    m_savedCartsLabel->setText(tr("Sa&mple cart:"));
    m_savedCarts->setPlaceholderText(tr("Load a saved cart"));
    m_saveCartButton->setText(tr("Save cart…"));
    m_deleteCartButton->setText(tr("Delete"));
    m_deleteCartButton->setToolTip(tr("Delete the saved cart chosen in the list"));
    m_routeLabel->setText(tr("for &route"));
    m_routeSite->setToolTip(tr("The chart prices one parcel from this site to the destination "
                               "at each weight, with goods worth 0: its total is the fees."));
    m_routeToLabel->setText(tr("&to"));
    m_cart->resizeColumnsToContents(); // the headers may be longer than the cells
}

} // namespace haitao::widgets
