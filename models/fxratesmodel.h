#pragma once

#include "backend-client/pricingapi.h"

#include <QAbstractTableModel>
#include <QList>

namespace haitao::models {

// The current FX rate of each currency, as GET /fx/rates lists them. Read-only. Decimals are
// shown as the server's exact text; RawRole gives the Decimal (rates, markup), the QDateTime
// (as of) or the number (age in hours), and StaleRole on every column says whether the rate is
// too old for quotes, so that a delegate can highlight the row.
class FxRatesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        CurrencyColumn,
        RateColumn,
        MarkupColumn,
        EffectiveColumn,
        SourceColumn,
        AsOfColumn,
        AgeColumn,
        StaleColumn,
        ColumnCount
    };

    explicit FxRatesModel(client::PricingApi api, QObject *parent = nullptr);

    // Replaces the rows (what reload() does with the server's answer).
    void setRates(const client::FxRates &rates);
    const client::FxRate &rateAt(int row) const { return m_rates.items.at(row); }
    int rowOfCurrency(const QString &currency) const; // -1 when not listed
    qint64 snapshot() const { return m_rates.snapshot; }
    qint64 maxAgeHours() const { return m_rates.maxAgeHours; }
    bool isLoading() const { return m_loading; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public slots:
    void reload();
    // Header texts come from tr(): call this on QEvent::LanguageChange.
    void retranslate();

signals:
    void loadingChanged(bool loading);
    void errorOccurred(const haitao::client::ApiError &error);

private:
    void setLoading(bool loading);

    client::PricingApi m_api;
    client::FxRates m_rates;
    quint64 m_request = 0; // answers to an older reload() are dropped
    bool m_loading = false;
};

} // namespace haitao::models
