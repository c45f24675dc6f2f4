#include "backend-client/listingtypes.h"

#include "core/wiretime.h"

#include <QJsonArray>

namespace haitao::client {

namespace {

const QString kAttrPrefix = QStringLiteral("attr:");

// Attribute values are text; numbers or booleans a feed sent are shown as their JSON text.
QMap<QString, QString> stringMap(const QJsonObject &json)
{
    QMap<QString, QString> out;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QJsonValue v = it.value();
        if (v.isString())
            out.insert(it.key(), v.toString());
        else if (v.isDouble())
            out.insert(it.key(), QString::number(v.toDouble()));
        else if (v.isBool())
            out.insert(it.key(), v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else if (!v.isNull() && !v.isUndefined())
            out.insert(it.key(), QString());
    }
    return out;
}

} // namespace

QString attributeKey(const QString &name)
{
    return kAttrPrefix + name;
}

bool isAttributeKey(const QString &key)
{
    return key.startsWith(kAttrPrefix);
}

QString attributeName(const QString &key)
{
    return isAttributeKey(key) ? key.mid(kAttrPrefix.size()) : QString();
}

QString ListingText::value(const QString &key) const
{
    if (key == u"title")
        return title;
    if (key == u"description")
        return description;
    return attributes.value(attributeName(key));
}

void ListingText::setValue(const QString &key, const QString &text)
{
    if (key == u"title")
        title = text;
    else if (key == u"description")
        description = text;
    else if (isAttributeKey(key))
        attributes.insert(attributeName(key), text);
}

QJsonObject ListingText::toJson() const
{
    QJsonObject attrs;
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        attrs.insert(it.key(), it.value());
    return {{QStringLiteral("titleZh"), title},
            {QStringLiteral("descriptionZh"), description},
            {QStringLiteral("attributesZh"), attrs}};
}

ListingText ListingText::fromJson(const QJsonObject &json)
{
    ListingText t;
    t.title = json.value(QStringLiteral("titleZh")).toString();
    t.description = json.value(QStringLiteral("descriptionZh")).toString();
    t.attributes = stringMap(json.value(QStringLiteral("attributesZh")).toObject());
    return t;
}

QStringList Listing::fieldKeys() const
{
    QStringList keys{QStringLiteral("title"), QStringLiteral("description")};
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        keys.append(attributeKey(it.key()));
    return keys;
}

QString Listing::sourceValue(const QString &key) const
{
    if (key == u"title")
        return title;
    if (key == u"description")
        return description;
    return attributes.value(attributeName(key));
}

std::optional<Listing> Listing::fromJson(const QJsonObject &json, const QByteArray &etag,
                                         QString *why)
{
    auto fail = [why](const QString &text) -> std::optional<Listing> {
        if (why)
            *why = text;
        return std::nullopt;
    };
    Listing l;
    l.productId = json.value(QStringLiteral("id")).toInteger();
    l.version = json.value(QStringLiteral("version")).toInteger();
    l.status = json.value(QStringLiteral("status")).toString();
    if (l.productId <= 0)
        return fail(QStringLiteral("id is missing"));
    if (l.version <= 0)
        return fail(QStringLiteral("version is missing"));
    if (l.status.isEmpty())
        return fail(QStringLiteral("status is missing"));
    l.etag = etag.isEmpty() ? QByteArray("\"v") + QByteArray::number(l.version) + '"' : etag;
    l.site = json.value(QStringLiteral("site")).toString();
    l.sourceUrl = json.value(QStringLiteral("sourceUrl")).toString();
    l.sourceLanguage = json.value(QStringLiteral("sourceLanguage")).toString();
    if (l.sourceLanguage.isEmpty())
        l.sourceLanguage = QStringLiteral("en");
    l.assignee = json.value(QStringLiteral("assignee")).toString();
    l.updatedAt = fromWireTime(json.value(QStringLiteral("updatedAt")).toString());
    l.title = json.value(QStringLiteral("title")).toString();
    l.description = json.value(QStringLiteral("description")).toString();
    l.attributes = stringMap(json.value(QStringLiteral("attributes")).toObject());
    l.text = ListingText::fromJson(json);
    const QJsonValue published = json.value(QStringLiteral("lastPublished"));
    if (published.isObject())
        l.lastPublished = ListingText::fromJson(published.toObject());
    const QJsonValue rejection = json.value(QStringLiteral("lastRejection"));
    if (rejection.isObject()) {
        const QJsonObject r = rejection.toObject();
        l.lastRejection = ListingRejection{r.value(QStringLiteral("comment")).toString(),
                                           r.value(QStringLiteral("actor")).toString(),
                                           fromWireTime(r.value(QStringLiteral("at")).toString())};
    }
    return l;
}

} // namespace haitao::client
