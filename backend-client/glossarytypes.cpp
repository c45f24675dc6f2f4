#include "backend-client/glossarytypes.h"

#include "core/wiretime.h"

namespace haitao::client {

std::optional<GlossaryEntry> GlossaryEntry::fromJson(const QJsonObject &json, QString *why)
{
    GlossaryEntry e;
    e.id = json.value(QStringLiteral("id")).toInteger();
    e.sourceLanguage = json.value(QStringLiteral("sourceLanguage")).toString();
    e.targetLanguage = json.value(QStringLiteral("targetLanguage")).toString();
    e.term = json.value(QStringLiteral("term")).toString();
    e.translation = json.value(QStringLiteral("translation")).toString();
    e.kind = json.value(QStringLiteral("kind")).toString();
    e.note = json.value(QStringLiteral("note")).toString();
    e.updatedBy = json.value(QStringLiteral("updatedBy")).toString();
    e.version = json.value(QStringLiteral("version")).toInteger();
    const QJsonValue at = json.value(QStringLiteral("updatedAt"));
    if (at.isString())
        e.updatedAt = fromWireTime(at.toString());
    // An entry without id or version could never be written back: refuse it here, once.
    if (e.id <= 0 || e.version <= 0 || e.term.isEmpty()) {
        if (why)
            *why = QStringLiteral("a glossary entry lacks id, version or term");
        return std::nullopt;
    }
    if (e.kind.isEmpty())
        e.kind = QStringLiteral("term");
    return e;
}

QJsonObject GlossaryEntry::toWriteJson() const
{
    return QJsonObject{{QStringLiteral("sourceLanguage"), sourceLanguage},
                       {QStringLiteral("targetLanguage"), targetLanguage},
                       {QStringLiteral("term"), term},
                       {QStringLiteral("translation"), translation},
                       {QStringLiteral("kind"), kind.isEmpty() ? QStringLiteral("term") : kind},
                       {QStringLiteral("note"), note}};
}

} // namespace haitao::client
