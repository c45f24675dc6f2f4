#include "models/rulesetversionsmodel.h"

#include "models/itemroles.h"

namespace haitao::models {

RuleSetVersionsModel::RuleSetVersionsModel(client::PricingApi api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
{}

void RuleSetVersionsModel::setVersions(const QList<client::RuleSetVersion> &versions)
{
    beginResetModel();
    m_versions = versions;
    endResetModel();
}

qint64 RuleSetVersionsModel::versionInForce() const
{
    for (const client::RuleSetVersion &v : m_versions) {
        if (v.inForce)
            return v.version;
    }
    return 0;
}

int RuleSetVersionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int RuleSetVersionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RuleSetVersionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::RuleSetVersion &v = m_versions.at(index.row());
    if (role == IdRole)
        return v.version;
    const bool display = role == Qt::DisplayRole;

    switch (index.column()) {
    case VersionColumn:
        if (display || role == RawRole)
            return v.version;
        break;
    case EffectiveAtColumn:
        if (display)
            return v.effectiveAt.toLocalTime();
        if (role == RawRole)
            return v.effectiveAt;
        break;
    case InForceColumn:
        if (role == Qt::CheckStateRole)
            return v.inForce ? Qt::Checked : Qt::Unchecked;
        if (role == RawRole)
            return v.inForce;
        break;
    case PublishedByColumn:
        if (display || role == RawRole)
            return v.publishedBy;
        break;
    case PublishedAtColumn:
        if (display)
            return v.publishedAt.toLocalTime();
        if (role == RawRole)
            return v.publishedAt;
        break;
    case NoteColumn:
        if (display || role == RawRole || role == Qt::ToolTipRole)
            return v.note;
        break;
    default:
        break;
    }
    return {};
}

QVariant RuleSetVersionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case EffectiveAtColumn:
        return tr("Effective from");
    case InForceColumn:
        return tr("In force");
    case PublishedByColumn:
        return tr("Published by");
    case PublishedAtColumn:
        return tr("Published");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

void RuleSetVersionsModel::reload()
{
    const quint64 request = ++m_request;
    setLoading(true);
    m_api.listRuleSets(this,
                       [this, request](const client::Result<QList<client::RuleSetVersion>> &r) {
                           if (request != m_request)
                               return;
                           setLoading(false);
                           if (!r.ok()) {
                               emit errorOccurred(r.error());
                               return;
                           }
                           setVersions(r.value());
                       });
}

void RuleSetVersionsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void RuleSetVersionsModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

} // namespace haitao::models
