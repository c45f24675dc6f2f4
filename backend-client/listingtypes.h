#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace haitao::client {

// The listing statuses as the server names them.
namespace listingstatus {
inline const QString imported = QStringLiteral("imported");
inline const QString inTranslation = QStringLiteral("in_translation");
inline const QString inReview = QStringLiteral("in_review");
inline const QString published = QStringLiteral("published");
inline const QString unpublished = QStringLiteral("unpublished");
} // namespace listingstatus

// The Chinese text of a listing: what the editor edits and a save sends. Fields are named by
// key: "title", "description" and "attr:<attribute name>" (the source attribute's name).
struct ListingText
{
    QString title;
    QString description;
    QMap<QString, QString> attributes; // source attribute name -> Chinese text

    QString value(const QString &key) const;
    void setValue(const QString &key, const QString &text);

    // {"titleZh", "descriptionZh", "attributesZh"}: the body of PUT .../listing.
    QJsonObject toJson() const;
    static ListingText fromJson(const QJsonObject &json);
    friend bool operator==(const ListingText &, const ListingText &) = default;
};

QString attributeKey(const QString &name); // "attr:<name>"
bool isAttributeKey(const QString &key);
QString attributeName(const QString &key);

// Why a reviewer sent the listing back (the latest in_review -> in_translation move).
struct ListingRejection
{
    QString comment;
    QString actor;
    QDateTime at;
};

// A product as the translation editor sees it: the source text, the Chinese listing and
// where it stands in the workflow.
struct Listing
{
    qint64 productId = 0;
    QString site;
    QString sourceUrl;
    QString sourceLanguage; // "en", "de", "ja", ...
    QString status;         // one of listingstatus
    qint64 version = 0;
    QByteArray etag; // the answer's ETag, sent back as If-Match
    QString assignee;
    QDateTime updatedAt;

    // The source (foreign) text.
    QString title;
    QString description;
    QMap<QString, QString> attributes;

    ListingText text;                         // the Chinese text now
    std::optional<ListingText> lastPublished; // the text at the latest publish
    std::optional<ListingRejection> lastRejection;

    // The field keys in display order: title, description, then each source attribute.
    QStringList fieldKeys() const;
    QString sourceValue(const QString &key) const;

    // `etag` comes from the answer's header when there is one (else the documented form).
    static std::optional<Listing> fromJson(const QJsonObject &json, const QByteArray &etag,
                                           QString *why);
};

struct ListingEvent
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString from;
    QString to;
    QString comment;
};

// An earlier approved translation of a similar source text.
struct TmSuggestion
{
    QString source;
    QString target;
    int score = 0; // 0-100, 100 = exact
    qint64 productId = 0;
    QDateTime at;
};

struct MtResult
{
    QStringList translations; // one per text sent, same order
    QString engine;
};

} // namespace haitao::client
