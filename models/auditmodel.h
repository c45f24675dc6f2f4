#pragma once

#include "backend-client/apiclient.h"
#include "core/audit.h"
#include "models/pagedtablemodel.h"

#include <QList>

#include <functional>

namespace haitao::models {

// The audit log, newest first as the server sends it, one page at a time. Read-only.
class AuditModel : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        ActorColumn,
        ActionColumn,
        TargetColumn,
        AddressColumn,
        DetailColumn,
        ColumnCount
    };

    // Asks the server for one page of `query` and answers through `done` (context-guarded).
    using PageLoader = std::function<void(const client::AuditQuery &query, QObject *context,
                                          client::ApiClient::Callback<Page<AuditEntry>> done)>;

    explicit AuditModel(client::ApiClient *client, QObject *parent = nullptr);
    // Another trail of the same entries (e.g. the pricing audit), paged through `loader`.
    explicit AuditModel(PageLoader loader, QObject *parent = nullptr);

    // Action and actor filters and page size; the cursor is ignored. Reloads.
    void setQuery(const client::AuditQuery &query);
    client::AuditQuery query() const { return m_query; }

    AuditEntry entryAt(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void requestPage(const QString &cursor, quint64 request) override;
    void clearRows() override { m_entries.clear(); }

private:
    PageLoader m_loader;
    client::AuditQuery m_query;
    QList<AuditEntry> m_entries;
};

} // namespace haitao::models
