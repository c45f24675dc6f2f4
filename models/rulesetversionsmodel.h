#pragma once

#include "backend-client/pricingapi.h"

#include <QAbstractTableModel>
#include <QList>

namespace haitao::models {

// The published rule-set versions, newest first as the server lists them. Read-only; IdRole is
// the version number.
class RuleSetVersionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        VersionColumn,
        EffectiveAtColumn,
        InForceColumn, // Qt::CheckStateRole
        PublishedByColumn,
        PublishedAtColumn,
        NoteColumn,
        ColumnCount
    };

    explicit RuleSetVersionsModel(client::PricingApi api, QObject *parent = nullptr);

    void setVersions(const QList<client::RuleSetVersion> &versions);
    const client::RuleSetVersion &versionAt(int row) const { return m_versions.at(row); }
    // The version in force, 0 when none is.
    qint64 versionInForce() const;
    bool isLoading() const { return m_loading; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public slots:
    void reload();
    void retranslate();

signals:
    void loadingChanged(bool loading);
    void errorOccurred(const haitao::client::ApiError &error);

private:
    void setLoading(bool loading);

    client::PricingApi m_api;
    QList<client::RuleSetVersion> m_versions;
    quint64 m_request = 0;
    bool m_loading = false;
};

} // namespace haitao::models
