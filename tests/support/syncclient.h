#pragma once

#include "backend-client/apiclient.h"

#include <QEventLoop>
#include <QTimer>

#include <optional>

namespace haitao::testing {

// Waits for the asynchronous client in tests (a nested event loop is fine here, never in
// the app). Each call returns what the callback received; a call that does not answer in
// time returns a Network error.
class SyncClient
{
public:
    explicit SyncClient(const QUrl &baseUrl);

    client::ApiClient &api() { return m_api; }

    template <typename T, typename Call> client::Result<T> wait(Call call)
    {
        std::optional<client::Result<T>> result;
        QEventLoop loop;
        call(&loop, [&](const client::Result<T> &r) {
            result.emplace(r);
            loop.quit();
        });
        if (!result) {
            QTimer::singleShot(15000, &loop, &QEventLoop::quit);
            loop.exec();
        }
        if (!result)
            return client::ApiError::network(QStringLiteral("test timed out"));
        return *result;
    }

    client::RawResponse raw(const QByteArray &method, const QString &path,
                            const QByteArray &body = {},
                            const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // Signs in and keeps the token; returns the error text on failure, empty on success.
    QString login(const QString &username, const QString &password);

private:
    client::ApiClient m_api;
};

} // namespace haitao::testing
