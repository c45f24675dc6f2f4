#pragma once

#include "backend/logistics/statushooks.h"

#include <QString>

namespace haitao::server::logistics {

// What a customer is told, in Simplified Chinese (message data, not UI: no tr()).
struct NotificationText
{
    QString subject;
    QString email; // the e-mail body
    QString sms;
};

// kind: shipped, customs_cleared, delivered. `carrierName` is the carrier's display name (the
// code when unknown).
NotificationText notificationText(const QString &kind, const StatusChange &change,
                                  const QString &carrierName);

// Which notifications a status change causes, in order (may be none).
QStringList notificationKinds(const QString &from, const QString &to);

} // namespace haitao::server::logistics
