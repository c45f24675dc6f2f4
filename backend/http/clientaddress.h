#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace haitao::server {

using Subnet = QPair<QHostAddress, int>;

// The address of the client behind a request. Behind a load balancer the TCP peer is the
// balancer, so the peer's X-Forwarded-For is believed, but only when the peer is a trusted
// proxy, and then the right-most address that is not itself a trusted proxy is the client
// (addresses further left were written by the client and can be forged).
QString clientAddress(const QString &peer, const QString &forwardedFor,
                      const QList<Subnet> &trustedProxies);

// Parses "10.0.0.0/8,127.0.0.1,::1" (a bare address is a single host). Returns false and an
// error naming the bad entry on bad input.
bool parseSubnets(const QString &text, QList<Subnet> *subnets, QString *error);

} // namespace haitao::server
