#pragma once

#include "backend-client/pricingapi.h"

#include <QWidget>

#include <optional>

class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTreeView;

namespace haitao::models {
class QuoteBreakdownModel;
struct SampleCart;
} // namespace haitao::models

namespace haitao::widgets {

class MessageLabel;

// The "Simulation" tab: a sample cart of explicit lines (site, price and currency, quantity,
// weight, dimensions, category), coupons and whether it is the customer's first order, priced
// under the published version and the saved draft side by side (POST /quotes/simulate), with
// the difference per component, and a chart of the total against weight for a chosen route.
//
// Carts can be saved under a name and loaded again (models::SampleCarts, in this user's
// QSettings). The chart is a second simulation of its own: a one-line cart of goods worth 0
// from the chosen site to the chosen destination, whose weight the server's sweep steps through
// (it sweeps the first line of a cart). So the cart's quote is never changed by the chart, and
// the route can be any site of the rule sets, not only one in the cart.
class SimulationPanel : public QWidget
{
    Q_OBJECT

public:
    SimulationPanel(client::PricingApi api, QWidget *parent = nullptr);

    models::QuoteBreakdownModel *breakdown() const { return m_breakdown; }
    QTableWidget *cart() const { return m_cart; }
    QChart *sweepChart() const { return m_chart; }

    // The request the cart describes, or nullopt after marking what is wrong.
    std::optional<QJsonObject> buildRequest();
    // The one-line cart the chart sweeps (without its `sweep`), or nullopt after saying why.
    std::optional<QJsonObject> buildSweepRequest();

public slots:
    void simulate();
    void addLine();
    void removeLine();
    // Asks a name (and before replacing a cart of that name), then saves the cart.
    void saveCart();
    // Puts the saved cart of that name in the table and fields.
    void loadCart(const QString &name);
    // Asks, then deletes the saved cart chosen in the list.
    void deleteCart();
    // Offers the sites of the published version in force and of the draft for the chart's route.
    void refreshRouteSites();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    enum CartColumn {
        SiteColumn,
        PriceColumn,
        CurrencyColumn,
        QuantityColumn,
        WeightColumn,
        LengthColumn,
        WidthColumn,
        HeightColumn,
        CategoryColumn,
        CartColumnCount
    };

    void retranslateUi();
    void markCell(int row, int column, const QString &why);
    void clearMarks();
    void showResult(const client::Simulation &simulation);
    void runSweep(const QJsonObject &request, const client::Sweep &sweep);
    void showSweep();
    void showServerError(const client::ApiError &error);
    void storeCart(const models::SampleCart &cart);
    void writeCart(const models::SampleCart &cart);
    void setCart(const models::SampleCart &cart);
    void refillSavedCarts(const QString &select);
    void routeSitesArrived(const QStringList &sites);

    client::PricingApi m_api;
    QLabel *m_savedCartsLabel;
    QComboBox *m_savedCarts;
    QPushButton *m_saveCartButton;
    QPushButton *m_deleteCartButton;
    QTableWidget *m_cart;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
    QLabel *m_couponsLabel;
    QLineEdit *m_coupons;
    QLabel *m_destinationLabel;
    QLineEdit *m_destination;
    QCheckBox *m_firstOrder;
    QCheckBox *m_sweep;
    QSpinBox *m_sweepFrom;
    QSpinBox *m_sweepTo;
    QSpinBox *m_sweepStep;
    QLabel *m_routeLabel;
    QComboBox *m_routeSite;
    QLabel *m_routeToLabel;
    QLineEdit *m_routeDestination;
    QPushButton *m_simulateButton;
    MessageLabel *m_message;
    QLabel *m_summary;
    models::QuoteBreakdownModel *m_breakdown;
    QTreeView *m_tree;
    QChart *m_chart;
    QChartView *m_chartView;
    bool m_busy = false;
    std::optional<client::Simulation> m_last;
    QList<client::SweepPoint> m_lastSweep;
    QString m_sweptSite; // the route of m_lastSweep
    QString m_sweptDestination;
    int m_routeSitesPending = 0; // answers still awaited by refreshRouteSites()
    QStringList m_arrivedSites;
};

} // namespace haitao::widgets
