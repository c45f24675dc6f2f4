#pragma once

#include <QString>

namespace haitao::server {

struct SmsResult
{
    bool sent = false;
    // Worth trying again later: no answer, 429 or 5xx. Other refusals are permanent.
    bool transient = true;
    int status = 0; // HTTP status, 0 when none arrived
    QString error;
};

// POSTs {"to", "text", "clientMessageId"} as JSON to the SMS gateway at `url`; a 2xx answer
// means the gateway has it. The gateway deduplicates by clientMessageId, so sending the same
// id again after an unclear outcome is safe. Blocking: call it from a worker thread.
SmsResult sendSms(const QString &url, const QString &to, const QString &text,
                  const QString &clientMessageId, int timeoutMs = 15000);

} // namespace haitao::server
