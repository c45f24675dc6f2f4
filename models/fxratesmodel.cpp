#include "models/fxratesmodel.h"

#include "models/itemroles.h"

namespace haitao::models {

FxRatesModel::FxRatesModel(client::PricingApi api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
{}

void FxRatesModel::setRates(const client::FxRates &rates)
{
    beginResetModel();
    m_rates = rates;
    endResetModel();
}

int FxRatesModel::rowOfCurrency(const QString &currency) const
{
    for (int row = 0; row < m_rates.items.size(); ++row) {
        if (m_rates.items.at(row).currency == currency)
            return row;
    }
    return -1;
}

int FxRatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rates.items.size());
}

int FxRatesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FxRatesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::FxRate &rate = m_rates.items.at(index.row());
    if (role == IdRole)
        return rate.id;
    if (role == StaleRole)
        return rate.stale;
    const bool display = role == Qt::DisplayRole;

    switch (index.column()) {
    case CurrencyColumn:
        if (display || role == RawRole)
            return rate.currency;
        break;
    case RateColumn:
        if (display)
            return rate.rate.toString();
        if (role == RawRole)
            return QVariant::fromValue(rate.rate);
        break;
    case MarkupColumn:
        if (display)
            return rate.markupPercent.toString();
        if (role == RawRole)
            return QVariant::fromValue(rate.markupPercent);
        break;
    case EffectiveColumn:
        if (display)
            return rate.effectiveRate.toString();
        if (role == RawRole)
            return QVariant::fromValue(rate.effectiveRate);
        break;
    case SourceColumn:
        if (display || role == RawRole)
            return rate.source;
        break;
    case AsOfColumn:
        if (display)
            return rate.asOf.toLocalTime();
        if (role == RawRole)
            return rate.asOf;
        break;
    case AgeColumn:
        if (display || role == RawRole)
            return rate.ageHours; // a delegate says "5 h"
        break;
    case StaleColumn:
        if (role == RawRole)
            return rate.stale;
        break;
    default:
        break;
    }
    if (role == Qt::TextAlignmentRole && index.column() >= RateColumn &&
        index.column() <= EffectiveColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant FxRatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CurrencyColumn:
        return tr("Currency");
    case RateColumn:
        return tr("Rate (CNY)");
    case MarkupColumn:
        return tr("Markup %");
    case EffectiveColumn:
        return tr("Effective rate");
    case SourceColumn:
        return tr("Source");
    case AsOfColumn:
        return tr("As of");
    case AgeColumn:
        return tr("Age");
    case StaleColumn:
        return tr("Status");
    default:
        return {};
    }
}

void FxRatesModel::reload()
{
    const quint64 request = ++m_request;
    setLoading(true);
    m_api.fxRates(this, [this, request](const client::Result<client::FxRates> &result) {
        if (request != m_request)
            return;
        setLoading(false);
        if (!result.ok()) {
            emit errorOccurred(result.error());
            return;
        }
        setRates(result.value());
    });
}

void FxRatesModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void FxRatesModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

} // namespace haitao::models
