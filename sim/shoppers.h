#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace haitao::sim {

// Customers of the platform, for the demo: they sign in to haitao-server, buy published
// products of the foreign shops and pay at the sim's gateway, through the same public REST API
// and checkout page as any customer (POST /__sim/shoppers). Their orders then go the whole way:
// placed at the sim's shops, shipped, tracked, announced.
class Shoppers
{
public:
    struct Plan
    {
        QString platform; // "http://127.0.0.1:8080"
        QString username, password;
        int orders = 6;
        int pauseMs = 1500; // between two orders, so that their timelines differ
    };

    ~Shoppers();

    // Starts buying in the background; false (with *error) while a run is still going or
    // for a plan out of range.
    bool start(const Plan &plan, QString *error);
    // {"state": idle|running|done|failed, "placed", "paid", "orderIds", "error"}
    QJsonObject status() const;
    void stop();

    // {"platform", "username", "password", "orders" (1..50), "pauseMs" (0..60000)}.
    static bool planFromJson(const QJsonObject &json, Plan *plan, QString *error);

private:
    void run(const Plan &plan);
    bool pause(int ms); // false when stopping
    void fail(const QString &error);

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::thread m_thread;
    bool m_stopping = false;
    QString m_state = QStringLiteral("idle");
    int m_placed = 0, m_paid = 0;
    QList<qint64> m_orderIds;
    QString m_error;
};

} // namespace haitao::sim
