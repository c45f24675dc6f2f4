#include "tests/support/syncclient.h"

namespace haitao::testing {

SyncClient::SyncClient(const QUrl &baseUrl)
{
    m_api.setBaseUrl(baseUrl);
}

client::RawResponse SyncClient::raw(const QByteArray &method, const QString &path,
                                    const QByteArray &body,
                                    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    std::optional<client::RawResponse> result;
    QEventLoop loop;
    m_api.send(method, path, body, headers, &loop, [&](const client::RawResponse &r) {
        result = r;
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!result) {
        client::RawResponse timedOut;
        timedOut.networkError = QStringLiteral("test timed out");
        return timedOut;
    }
    return *result;
}

QString SyncClient::login(const QString &username, const QString &password)
{
    const auto r =
        wait<Session>([&](QObject *ctx, auto done) { m_api.login(username, password, ctx, done); });
    return r.ok() ? QString() : r.error().message();
}

} // namespace haitao::testing
