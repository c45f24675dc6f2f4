#include "backend/catalog/importjob.h"

#include "core/wiretime.h"

#include <QJsonArray>

namespace haitao::server::catalog {

namespace {
constexpr std::pair<ImportState, const char *> kStates[] = {
    {ImportState::Queued, "queued"},       {ImportState::Running, "running"},
    {ImportState::Done, "done"},           {ImportState::Failed, "failed"},
    {ImportState::Cancelled, "cancelled"},
};
} // namespace

QString importStateName(ImportState state)
{
    for (const auto &[s, name] : kStates) {
        if (s == state)
            return QLatin1String(name);
    }
    return {};
}

std::optional<ImportState> importStateFromName(QStringView name)
{
    for (const auto &[s, n] : kStates) {
        if (name == QLatin1String(n))
            return s;
    }
    return std::nullopt;
}

QJsonObject ImportJob::toJson() const
{
    QJsonArray errorArray;
    for (const RowError &e : errors)
        errorArray.append(QJsonObject{{QStringLiteral("line"), e.line},
                                      {QStringLiteral("field"), e.field},
                                      {QStringLiteral("reason"), e.reason}});
    return {{QStringLiteral("id"), id},
            {QStringLiteral("site"), site},
            {QStringLiteral("format"), format},
            {QStringLiteral("source"), source},
            {QStringLiteral("state"), importStateName(state)},
            {QStringLiteral("bytesTotal"), bytesTotal},
            {QStringLiteral("bytesDone"), bytesDone},
            {QStringLiteral("counts"), QJsonObject{{QStringLiteral("new"), rowsNew},
                                                   {QStringLiteral("updated"), rowsUpdated},
                                                   {QStringLiteral("unchanged"), rowsUnchanged},
                                                   {QStringLiteral("rejected"), rowsRejected}}},
            {QStringLiteral("error"), error.isEmpty() ? QJsonValue() : QJsonValue(error)},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
            {QStringLiteral("errors"), errorArray},
            {QStringLiteral("createdBy"), createdBy},
            {QStringLiteral("createdAt"), toWireTime(createdAtMs)},
            {QStringLiteral("updatedAt"), toWireTime(updatedAtMs)}};
}

} // namespace haitao::server::catalog
