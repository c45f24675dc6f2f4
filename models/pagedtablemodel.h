#pragma once

#include "backend-client/apierror.h"
#include "backend-client/result.h"
#include "core/page.h"

#include <QAbstractTableModel>

namespace haitao::models {

// Keyset paging shared by the server-backed table models: the first page comes with reload(),
// the next ones through fetchMore() while the last answer carried a cursor. Requests are
// asynchronous; an answer that arrives after a newer reload() is dropped. A failed request stops
// paging until the next reload(), so views that call fetchMore() on every layout cannot loop.
class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    bool isLoading() const { return m_loading; }

public slots:
    // Drops all rows and loads the first page again.
    void reload();
    // Header texts come from tr(): call this on QEvent::LanguageChange.
    void retranslate();

signals:
    void loadingChanged(bool loading);
    void errorOccurred(const haitao::client::ApiError &error);

protected:
    // Asks the server for the page after `cursor` (empty: the first page). The subclass hands
    // the answer to acceptPage() or rejectPage() with the same `request`.
    virtual void requestPage(const QString &cursor, quint64 request) = 0;
    // Drops every row; runs between beginResetModel() and endResetModel().
    virtual void clearRows() = 0;

    // Whether an answer to `request` still belongs to the rows shown.
    bool isCurrent(quint64 request) const { return request == m_request; }
    // Call after the page's rows are inserted.
    void acceptPage(quint64 request, const QString &nextCursor);
    void rejectPage(quint64 request, const client::ApiError &error);
    // The usual answer to requestPage(): dropped when stale, rejected on an error, else its
    // items appended to `rows` (as inserted rows) and its cursor accepted.
    template <typename T>
    void appendPage(quint64 request, const client::Result<Page<T>> &result, QList<T> &rows)
    {
        if (!isCurrent(request))
            return;
        if (!result.ok()) {
            rejectPage(request, result.error());
            return;
        }
        const QList<T> &items = result.value().items;
        if (!items.isEmpty()) {
            beginInsertRows({}, int(rows.size()), int(rows.size() + items.size() - 1));
            rows.append(items);
            endInsertRows();
        }
        acceptPage(request, result.value().nextCursor);
    }

private:
    void setLoading(bool loading);

    QString m_nextCursor;
    quint64 m_request = 0;
    bool m_started = false; // idle until the first reload()
    bool m_loading = false;
    bool m_failed = false;
};

} // namespace haitao::models
