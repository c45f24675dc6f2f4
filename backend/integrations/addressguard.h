#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace haitao::server {

// What kind of network an IP address belongs to, for the SSRF guard on outbound fetches of
// user-supplied URLs (the catalog's one-click import): a URL must not reach the server's own
// loopback services, the private network it runs in, or the cloud metadata service.
enum class AddressKind {
    Public,
    Unspecified,   // 0.0.0.0/8 ("this network"), ::
    Loopback,      // 127.0.0.0/8, ::1
    Private,       // 10/8, 172.16/12, 192.168/16 (RFC 1918); 64:ff9b:1::/48 (local NAT64)
    SharedNat,     // 100.64.0.0/10 (RFC 6598, carrier-grade NAT)
    LinkLocal,     // 169.254.0.0/16, fe80::/10
    Metadata,      // 169.254.169.254 and fd00:ec2::254: the cloud instance metadata services
    UniqueLocal,   // fc00::/7
    Multicast,     // 224.0.0.0/4, ff00::/8
    Broadcast,     // 255.255.255.255
    Documentation, // 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32
    Reserved,      // 240/4, 192.0.0/24, 198.18/15, 100::/64, fec0::/10, IPv4-compatible ::/96
};

// IPv4 inside IPv6 (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged by
// the IPv4 address it carries: ::ffff:127.0.0.1 is loopback.
AddressKind classifyAddress(const QHostAddress &address);
QString describeAddressKind(AddressKind kind); // "a loopback address"

// Which connections an outbound fetch may open: public addresses always; any other address
// only for a host on the allow-list. Entries are "host" or "host:port", where host is a name
// (matched against the URL's host, case-insensitively) or an IP literal (matched against the
// address connected to; IPv6 in brackets when a port follows: "[::1]:8090"). Without a port
// an entry allows every port. A default-constructed policy allows nothing but public
// addresses.
class AddressPolicy
{
public:
    // nullopt and *error naming the first entry that is neither a host name nor an address
    // or whose port is not 1..65535.
    static std::optional<AddressPolicy> fromAllowList(const QStringList &entries, QString *error);

    // Empty when a URL with host `urlHost` may connect to `address`:`port`; otherwise the
    // refusal: "refused: 127.0.0.1 is a loopback address", or "refused: localhost is
    // 127.0.0.1, a loopback address" when the host is a name.
    QString check(const QString &urlHost, const QHostAddress &address, int port) const;

    QStringList allowList() const { return m_entries; }

private:
    struct Entry
    {
        QString host;         // lower-case name; empty for an address entry
        QHostAddress address; // null for a name entry
        int port = -1;        // -1: any
    };
    QList<Entry> m_allowed;
    QStringList m_entries;
};

} // namespace haitao::server
