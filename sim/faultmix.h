#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <array>
#include <mutex>
#include <optional>
#include <random>

namespace haitao::sim {

// What one merchant API request suffers, drawn from the mix.
struct MerchantFaults
{
    int latencyMs = 0;
    bool reset = false;              // drop the connection, no answer
    bool http429 = false;            // 429 with Retry-After: 1
    bool http503 = false;            // 503 with Retry-After: 1
    bool timeoutAfterCreate = false; // POST .../orders: create, then never answer
    bool captcha = false;            // login or create: 403 captcha
    bool outOfStock = false;         // sku check or create: out of stock
    bool priceChange = false;        // the shop's price is 20% higher for this request
};

// What one payment notification suffers.
struct NotifyFaults
{
    bool twice = false;
    int delayMs = 0;
};

// The probabilistic fault mix of PUT /__sim/faults: per request chances for the merchant
// APIs (a default and per site overrides, key by key) and for the gateway's notifications.
// A seed makes the draws repeatable for the same sequence of requests. Thread-safe.
class FaultMix
{
public:
    // {"seed": N, "default": {...}, "<site>": {...}, "pay": {...}}; replaces the whole mix.
    // false and *error for anything unknown or out of range (the mix is then unchanged).
    bool set(const QJsonObject &json, const QStringList &sites, QString *error);
    void clear();
    QJsonObject toJson() const; // the mix as set; {} when none

    MerchantFaults drawMerchant(const QString &site);
    NotifyFaults drawNotify();

private:
    static constexpr int kChances = 7; // the booleans of MerchantFaults, in order
    struct Profile
    {
        std::array<std::optional<double>, kChances> chance;
        std::optional<int> latencyMs;
    };
    static std::optional<Profile> readProfile(const QJsonObject &json, QString *error);
    double uniform(); // [0, 1), locked by the caller

    mutable std::mutex m_mutex;
    QJsonObject m_json;
    Profile m_default;
    QHash<QString, Profile> m_sites;
    double m_notifyTwice = 0;
    int m_notifyDelayMs = 0;
    std::mt19937_64 m_random{std::random_device{}()};
};

} // namespace haitao::sim
