#include "backend/http/clientaddress.h"

namespace haitao::server {

namespace {

bool trusted(const QHostAddress &address, const QList<Subnet> &trustedProxies)
{
    for (const Subnet &subnet : trustedProxies) {
        if (address.isInSubnet(subnet))
            return true;
    }
    return false;
}

} // namespace

QString clientAddress(const QString &peer, const QString &forwardedFor,
                      const QList<Subnet> &trustedProxies)
{
    if (trustedProxies.isEmpty() || forwardedFor.isEmpty() ||
        !trusted(QHostAddress(peer), trustedProxies))
        return peer;
    const QStringList hops = forwardedFor.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(it->trimmed());
        if (hop.isNull())
            return peer; // a malformed entry: believe nothing further left
        if (!trusted(hop, trustedProxies))
            return hop.toString();
    }
    return peer;
}

bool parseSubnets(const QString &text, QList<Subnet> *subnets, QString *error)
{
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString entry = part.trimmed();
        Subnet subnet;
        if (entry.contains(QLatin1Char('/'))) {
            subnet = QHostAddress::parseSubnet(entry);
        } else {
            const QHostAddress host(entry);
            subnet = {host, host.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
        }
        if (subnet.first.isNull()) {
            *error =
                QStringLiteral("'%1' is not an address or subnet (e.g. 10.0.0.0/8)").arg(entry);
            return false;
        }
        subnets->append(subnet);
    }
    return true;
}

} // namespace haitao::server
