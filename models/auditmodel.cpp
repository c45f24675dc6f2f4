#include "models/auditmodel.h"

#include "models/itemroles.h"

#include <QJsonDocument>

namespace haitao::models {

namespace {

QString targetText(const AuditEntry &entry)
{
    if (entry.targetType.isEmpty())
        return entry.targetId;
    if (entry.targetId.isEmpty())
        return entry.targetType;
    return entry.targetType + QLatin1Char(':') + entry.targetId;
}

QString detailText(const AuditEntry &entry, QJsonDocument::JsonFormat format)
{
    if (entry.detail.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(entry.detail).toJson(format)).trimmed();
}

} // namespace

AuditModel::AuditModel(client::ApiClient *client, QObject *parent)
    : AuditModel(
          [client](const client::AuditQuery &query, QObject *context,
                   client::ApiClient::Callback<Page<AuditEntry>> done) {
              client->listAudit(query, context, std::move(done));
          },
          parent)
{}

AuditModel::AuditModel(PageLoader loader, QObject *parent)
    : PagedTableModel(parent)
    , m_loader(std::move(loader))
{}

void AuditModel::setQuery(const client::AuditQuery &query)
{
    m_query = query;
    m_query.cursor.clear();
    reload();
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &entry = m_entries.at(index.row());
    if (role == IdRole)
        return entry.id;
    const bool display = role == Qt::DisplayRole;

    switch (index.column()) {
    case TimeColumn:
        if (display)
            return entry.at.toLocalTime();
        if (role == RawRole)
            return entry.at;
        break;
    case ActorColumn:
        if (display || role == RawRole)
            return entry.actorName;
        break;
    case ActionColumn:
        if (display || role == RawRole)
            return entry.action;
        break;
    case TargetColumn:
        if (display)
            return targetText(entry);
        if (role == RawRole)
            return entry.targetId;
        break;
    case AddressColumn:
        if (display || role == RawRole)
            return entry.address;
        break;
    case DetailColumn:
        if (display)
            return detailText(entry, QJsonDocument::Compact);
        if (role == Qt::ToolTipRole)
            return detailText(entry, QJsonDocument::Indented);
        if (role == RawRole)
            return entry.detail;
        break;
    default:
        break;
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Actor");
    case ActionColumn:
        return tr("Action");
    case TargetColumn:
        return tr("Target");
    case AddressColumn:
        return tr("Address");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}

void AuditModel::requestPage(const QString &cursor, quint64 request)
{
    client::AuditQuery query = m_query;
    query.cursor = cursor;
    m_loader(query, this, [this, request](const client::Result<Page<AuditEntry>> &result) {
        appendPage(request, result, m_entries);
    });
}

} // namespace haitao::models
