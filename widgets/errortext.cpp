#include "widgets/errortext.h"

#include <QCoreApplication>

namespace haitao::widgets {

// Free functions have no tr(): the literal context lets lupdate find the strings.

QString retryAfterText(int seconds)
{
    if (seconds <= 0)
        return {};
    if (seconds < 120) {
        return QCoreApplication::translate("haitao::widgets::ErrorText",
                                           "Try again in %n second(s).", nullptr, seconds);
    }
    const int minutes = (seconds + 59) / 60;
    return QCoreApplication::translate("haitao::widgets::ErrorText", "Try again in %n minute(s).",
                                       nullptr, minutes);
}

QString describeError(const client::ApiError &error)
{
    switch (error.kind) {
    case ProblemKind::Network:
        return QCoreApplication::translate("haitao::widgets::ErrorText",
                                           "Cannot reach the server: %1")
            .arg(error.detail);
    case ProblemKind::Unauthenticated:
        return QCoreApplication::translate("haitao::widgets::ErrorText",
                                           "Your session has ended. Sign in again.");
    case ProblemKind::Forbidden:
        return QCoreApplication::translate("haitao::widgets::ErrorText",
                                           "You are not allowed to do this (%1).")
            .arg(error.message());
    case ProblemKind::TooManyRequests:
        return (QCoreApplication::translate("haitao::widgets::ErrorText", "Too many requests.") +
                QLatin1Char(' ') + retryAfterText(error.retryAfterSeconds))
            .trimmed();
    case ProblemKind::PreconditionFailed:
        return QCoreApplication::translate("haitao::widgets::ErrorText",
                                           "Someone else changed this since you opened it: %1")
            .arg(error.message());
    case ProblemKind::StaleRates:
        return QCoreApplication::translate("haitao::widgets::ErrorText",
                                           "Prices cannot be computed now: %1")
            .arg(error.message());
    case ProblemKind::Internal:
    case ProblemKind::Unavailable:
        return QCoreApplication::translate("haitao::widgets::ErrorText",
                                           "The server could not do this: %1")
            .arg(error.message());
    case ProblemKind::Unknown:
        // Not an answer of ours (a proxy's error page, an unreadable body): no English text
        // from the client library, just what we know.
        return QCoreApplication::translate("haitao::widgets::ErrorText",
                                           "The server sent an unexpected answer (HTTP %1).")
            .arg(error.status);
    default:
        return error.message();
    }
}

} // namespace haitao::widgets
