#include "models/usersmodel.h"

#include "models/itemroles.h"

namespace haitao::models {

UsersModel::UsersModel(client::ApiClient *client, QObject *parent)
    : PagedTableModel(parent)
    , m_client(client)
{}

void UsersModel::setQuery(const client::UserQuery &query)
{
    m_query = query;
    m_query.cursor.clear();
    reload();
}

int UsersModel::rowOfUser(qint64 id) const
{
    for (int row = 0; row < m_users.size(); ++row) {
        if (m_users.at(row).id == id)
            return row;
    }
    return -1;
}

int UsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UserInfo &user = m_users.at(index.row());
    if (role == IdRole)
        return user.id;

    switch (index.column()) {
    case UserNameColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == RawRole)
            return user.username;
        break;
    case DisplayNameColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == RawRole)
            return user.displayName;
        break;
    case RoleColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return roleToString(user.role); // a delegate shows the translated label
        if (role == RawRole)
            return int(user.role);
        break;
    case DisabledColumn:
        if (role == Qt::CheckStateRole)
            return user.disabled ? Qt::Checked : Qt::Unchecked;
        if (role == RawRole)
            return user.disabled;
        break;
    case CreatedAtColumn:
        if (role == Qt::DisplayRole)
            return user.createdAt.toLocalTime();
        if (role == RawRole)
            return user.createdAt;
        break;
    default:
        break;
    }
    return {};
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedTableModel::headerData(section, orientation, role);
    switch (section) {
    case UserNameColumn:
        return tr("User name");
    case DisplayNameColumn:
        return tr("Display name");
    case RoleColumn:
        return tr("Role");
    case DisabledColumn:
        return tr("Disabled");
    case CreatedAtColumn:
        return tr("Created");
    default:
        return {};
    }
}

Qt::ItemFlags UsersModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = PagedTableModel::flags(index);
    if (!index.isValid())
        return flags;
    if (index.column() == RoleColumn)
        flags |= Qt::ItemIsEditable;
    if (index.column() == DisabledColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

bool UsersModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const UserInfo &user = m_users.at(index.row());

    if (index.column() == RoleColumn && role == Qt::EditRole) {
        const std::optional<Role> newRole = roleFromString(value.toString());
        if (!newRole)
            return false;
        if (*newRole != user.role)
            sendPatch(user.id, client::UserPatch{.role = *newRole});
        return true;
    }
    if (index.column() == DisabledColumn && role == Qt::CheckStateRole) {
        const bool disabled = value.toInt() == Qt::Checked;
        if (disabled != user.disabled)
            sendPatch(user.id, client::UserPatch{.disabled = disabled});
        return true;
    }
    return false;
}

void UsersModel::sendPatch(qint64 id, const client::UserPatch &patch)
{
    // Two quick edits of one row are two requests that may answer in either order: only the
    // answer to the latest one is applied.
    const quint64 sequence = ++m_patchSequence[id];
    m_client->updateUser(
        id, patch, this, [this, id, sequence](const client::Result<UserInfo> &result) {
            if (m_patchSequence.value(id) != sequence)
                return;
            if (!result.ok()) {
                // Views may have painted the edit already (a toggled check box): show the truth.
                refreshRow(id);
                emit errorOccurred(result.error());
                return;
            }
            const int row = rowOfUser(id);
            if (row < 0)
                return; // reloaded meanwhile; the new rows came from the server anyway
            m_users[row] = result.value();
            refreshRow(id);
        });
}

void UsersModel::refreshRow(qint64 id)
{
    const int row = rowOfUser(id);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void UsersModel::requestPage(const QString &cursor, quint64 request)
{
    client::UserQuery query = m_query;
    query.cursor = cursor;
    m_client->listUsers(query, this, [this, request](const client::Result<Page<UserInfo>> &result) {
        appendPage(request, result, m_users);
    });
}

} // namespace haitao::models
