#include "models/pagedtablemodel.h"

namespace haitao::models {

bool PagedTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_started && !m_loading && !m_failed && !m_nextCursor.isEmpty();
}

void PagedTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    setLoading(true);
    requestPage(m_nextCursor, m_request);
}

void PagedTableModel::reload()
{
    // Loading is set before the reset so that views and testers reacting to modelReset do not
    // start a second request.
    ++m_request;
    m_started = true;
    m_failed = false;
    m_nextCursor.clear();
    setLoading(true);
    beginResetModel();
    clearRows();
    endResetModel();
    requestPage(QString(), m_request);
}

void PagedTableModel::retranslate()
{
    const int columns = columnCount(QModelIndex());
    if (columns > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columns - 1);
}

void PagedTableModel::acceptPage(quint64 request, const QString &nextCursor)
{
    if (!isCurrent(request))
        return;
    m_nextCursor = nextCursor;
    setLoading(false);
}

void PagedTableModel::rejectPage(quint64 request, const client::ApiError &error)
{
    if (!isCurrent(request))
        return;
    m_failed = true;
    setLoading(false);
    emit errorOccurred(error);
}

void PagedTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

} // namespace haitao::models
