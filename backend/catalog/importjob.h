#pragma once

#include "backend/catalog/feedrow.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace haitao::server::catalog {

enum class ImportState { Queued, Running, Done, Failed, Cancelled };
QString importStateName(ImportState state);
std::optional<ImportState> importStateFromName(QStringView name);

// One feed import: what it reads, how far it got, and what it did (counts per SKU row).
struct ImportJob
{
    qint64 id = 0;
    QString site;
    QString format; // "csv", "jsonl"
    QString source; // "upload", "file"
    ImportState state = ImportState::Queued;
    qint64 bytesTotal = 0;
    qint64 bytesDone = 0;
    qint64 rowsNew = 0, rowsUpdated = 0, rowsUnchanged = 0, rowsRejected = 0;
    QString error; // why the feed as a whole failed
    QStringList warnings;
    QList<RowError> errors; // the first ones, in feed order
    QString createdBy;
    qint64 createdAtMs = 0, updatedAtMs = 0;

    QJsonObject toJson() const;
};

} // namespace haitao::server::catalog
