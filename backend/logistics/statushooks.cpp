#include "backend/logistics/statushooks.h"

#include "backend/logistics/alerts.h"
#include "backend/logistics/notifymessages.h"
#include "backend/logistics/outbox.h"
#include "backend/storage/database.h"
#include "backend/storage/sqltext.h"

#include <QVariant>

namespace haitao::server::logistics {

namespace {

QString carrierName(QSqlDatabase &db, const QString &code)
{
    Statement q = prepareOrThrow(db, sql::L("SELECT name FROM carriers WHERE code = :c"));
    q.bindValue(QStringLiteral(":c"), code);
    execOrThrow(q, "carrier name");
    return q.next() ? q.value(0).toString() : code;
}

QString where(const StatusChange &c)
{
    QString s = c.carrier;
    if (!c.trackingNumber.isEmpty())
        s += QLatin1Char(' ') + c.trackingNumber;
    if (!c.place.isEmpty())
        s += QStringLiteral(" at ") + c.place;
    return s;
}

} // namespace

// Alerts and the outbox, in the caller's transaction: a status change and what it tells
// people commit together or not at all.
void onStatusChanged(QSqlDatabase &db, const StatusChange &change)
{
    if (change.from == change.to)
        return;
    if (change.to == u"exception")
        alerts::raise(db, change.shipmentId, change.orderId, change.site,
                      QStringLiteral("exception"),
                      QStringLiteral("Exception reported by %1").arg(where(change)), change.atMs);
    if (change.to == u"customs_hold")
        alerts::raise(db, change.shipmentId, change.orderId, change.site,
                      QStringLiteral("customs_hold"),
                      QStringLiteral("Held by customs: %1").arg(where(change)), change.atMs);

    const QStringList kinds = notificationKinds(change.from, change.to);
    if (kinds.isEmpty())
        return;
    const outbox::Channels channels = outbox::channels(db);
    const bool email = channels.email && !change.recipientEmail.trimmed().isEmpty();
    const bool sms = channels.sms && !change.recipientPhone.trimmed().isEmpty();
    if (!email && !sms)
        return;
    const QString name = carrierName(db, change.carrier);
    for (const QString &kind : kinds) {
        const NotificationText text = notificationText(kind, change, name);
        OutboxMessage m;
        m.shipmentId = change.shipmentId;
        m.orderId = change.orderId;
        m.kind = kind;
        m.subject = text.subject;
        if (email) {
            m.channel = QStringLiteral("email");
            m.recipient = change.recipientEmail.trimmed();
            m.body = text.email;
            outbox::add(db, m, change.atMs);
        }
        if (sms) {
            m.channel = QStringLiteral("sms");
            m.recipient = change.recipientPhone.trimmed();
            m.body = text.sms;
            outbox::add(db, m, change.atMs);
        }
    }
}

} // namespace haitao::server::logistics
