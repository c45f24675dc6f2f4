#pragma once

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace haitao::server::logistics {

// A carrier as configured (table carriers). The protocol is code (carrierapi.h), the rest
// data. The webhook secret never leaves the server.
struct Carrier
{
    QString code, name, protocol, baseUrl;
    int rps = 10, batchSize = 1, tzOffsetMin = 0;
    QString webhookId, webhookSecret;
    bool enabled = true;
    QString updatedBy;
    qint64 updatedAt = 0;

    bool polled() const; // has an API we poll
    bool hasWebhooks() const;
    QJsonObject toJson() const;
};

// The normalized statuses, and `unknown` for a raw status without a mapping.
bool isNormalizedStatus(const QString &status);
inline const QString &unknownStatus()
{
    static const QString s = QStringLiteral("unknown");
    return s;
}
const QStringList &legKinds(); // in route order
int legOrder(const QString &kind);
bool isFinalStatus(const QString &status); // delivered, returned

namespace carriers {

QList<Carrier> list(const QSqlDatabase &db);
std::optional<Carrier> get(const QSqlDatabase &db, const QString &code);
void upsert(QSqlDatabase &db, const Carrier &c);
void setWebhook(QSqlDatabase &db, const QString &code, const QString &id, const QString &secret);

// raw -> normalized for one carrier; `unknown` (and the raw status counted as unmapped,
// with a sample text) when there is none.
QString normalize(QSqlDatabase &db, const QString &carrier, const QString &rawStatus,
                  const QString &sampleText, qint64 nowMs);

} // namespace carriers
} // namespace haitao::server::logistics
