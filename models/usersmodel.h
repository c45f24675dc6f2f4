#pragma once

#include <QHash>

#include "backend-client/apiclient.h"
#include "core/user.h"
#include "models/pagedtablemodel.h"

#include <QList>

namespace haitao::models {

// The staff and customer accounts, as the admin API lists them, one page at a time.
// Edits do not change the rows: setData() sends the change to the server and the row is
// replaced by the server's answer (or repainted unchanged and errorOccurred() emitted).
class UsersModel : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column {
        UserNameColumn,
        DisplayNameColumn,
        RoleColumn,     // EditRole: the role name ("ops"); setData() with a role name changes it
        DisabledColumn, // checkable; setData() with Qt::CheckStateRole enables or disables
        CreatedAtColumn,
        ColumnCount
    };

    explicit UsersModel(client::ApiClient *client, QObject *parent = nullptr);

    // Filters and page size; the cursor is ignored. Reloads.
    void setQuery(const client::UserQuery &query);
    client::UserQuery query() const { return m_query; }

    UserInfo userAt(int row) const { return m_users.at(row); }
    int rowOfUser(qint64 id) const; // -1 when not loaded

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Returns true when a change was sent to the server; the row changes when it answers.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

protected:
    void requestPage(const QString &cursor, quint64 request) override;
    void clearRows() override { m_users.clear(); }

private:
    QHash<qint64, quint64> m_patchSequence; // latest PATCH per user id
    void sendPatch(qint64 id, const client::UserPatch &patch);
    void refreshRow(qint64 id);

    client::ApiClient *m_client;
    client::UserQuery m_query;
    QList<UserInfo> m_users;
};

} // namespace haitao::models
