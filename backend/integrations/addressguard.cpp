#include "backend/integrations/addressguard.h"

#include <QRegularExpression>

#include <algorithm>

namespace haitao::server {

namespace {

struct Range4
{
    quint32 network;
    int prefix;
    AddressKind kind;
};

constexpr quint32 ip4(quint32 a, quint32 b, quint32 c, quint32 d)
{
    return (a << 24) | (b << 16) | (c << 8) | d;
}

// The IANA special-purpose registry, the narrower ranges first where they nest.
constexpr Range4 kRanges4[] = {
    {ip4(169, 254, 169, 254), 32, AddressKind::Metadata},
    {ip4(255, 255, 255, 255), 32, AddressKind::Broadcast},
    {ip4(0, 0, 0, 0), 8, AddressKind::Unspecified},
    {ip4(10, 0, 0, 0), 8, AddressKind::Private},
    {ip4(100, 64, 0, 0), 10, AddressKind::SharedNat},
    {ip4(127, 0, 0, 0), 8, AddressKind::Loopback},
    {ip4(169, 254, 0, 0), 16, AddressKind::LinkLocal},
    {ip4(172, 16, 0, 0), 12, AddressKind::Private},
    {ip4(192, 0, 0, 0), 24, AddressKind::Reserved},
    {ip4(192, 0, 2, 0), 24, AddressKind::Documentation},
    {ip4(192, 168, 0, 0), 16, AddressKind::Private},
    {ip4(198, 18, 0, 0), 15, AddressKind::Reserved},
    {ip4(198, 51, 100, 0), 24, AddressKind::Documentation},
    {ip4(203, 0, 113, 0), 24, AddressKind::Documentation},
    {ip4(224, 0, 0, 0), 4, AddressKind::Multicast},
    {ip4(240, 0, 0, 0), 4, AddressKind::Reserved},
};

AddressKind classify4(quint32 a)
{
    for (const Range4 &r : kRanges4) {
        const quint32 mask = r.prefix == 0 ? 0 : ~quint32(0) << (32 - r.prefix);
        if ((a & mask) == r.network)
            return r.kind;
    }
    return AddressKind::Public;
}

quint32 ip4At(const Q_IPV6ADDR &b, int at)
{
    return (quint32(b[at]) << 24) | (quint32(b[at + 1]) << 16) | (quint32(b[at + 2]) << 8) |
           quint32(b[at + 3]);
}

bool allZero(const Q_IPV6ADDR &b, int from, int to)
{
    for (int i = from; i < to; ++i) {
        if (b[i] != 0)
            return false;
    }
    return true;
}

AddressKind classify6(const Q_IPV6ADDR &b)
{
    if (allZero(b, 0, 10) && b[10] == 0xff && b[11] == 0xff) // ::ffff:a.b.c.d
        return classify4(ip4At(b, 12));
    if (allZero(b, 0, 12)) { // ::, ::1, and the deprecated IPv4-compatible ::a.b.c.d
        const quint32 low = ip4At(b, 12);
        if (low == 0)
            return AddressKind::Unspecified;
        return low == 1 ? AddressKind::Loopback : AddressKind::Reserved;
    }
    const quint16 first = quint16((b[0] << 8) | b[1]);
    const quint16 second = quint16((b[2] << 8) | b[3]);
    if (first == 0x0064 && second == 0xff9b && allZero(b, 4, 12)) // NAT64 64:ff9b::/96
        return classify4(ip4At(b, 12));
    if (first == 0x0064 && second == 0xff9b && b[4] == 0 && b[5] == 1) // 64:ff9b:1::/48
        return AddressKind::Private;
    if (first == 0x2002) // 6to4: the IPv4 address is in bits 16..47
        return classify4(ip4At(b, 2));
    if (first == 0x0100 && allZero(b, 2, 8)) // 100::/64, discard-only
        return AddressKind::Reserved;
    if (first == 0x2001 && second == 0x0db8)
        return AddressKind::Documentation;
    if (first == 0xfd00 && second == 0x0ec2 && allZero(b, 4, 14) && b[14] == 0x02 &&
        b[15] == 0x54) // fd00:ec2::254, AWS's IPv6 metadata endpoint
        return AddressKind::Metadata;
    if ((b[0] & 0xfe) == 0xfc)
        return AddressKind::UniqueLocal;
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        return AddressKind::LinkLocal;
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) // site-local, deprecated
        return AddressKind::Reserved;
    if (b[0] == 0xff)
        return AddressKind::Multicast;
    return AddressKind::Public;
}

// Addresses compare across the two families: 127.0.0.1 and ::ffff:127.0.0.1 are one.
bool sameAddress(const QHostAddress &a, const QHostAddress &b)
{
    return a.isEqual(b, QHostAddress::TolerantConversion);
}

QString normalizedHost(QString host)
{
    host = host.trimmed().toLower();
    if (host.endsWith(u'.'))
        host.chop(1);
    return host;
}

} // namespace

AddressKind classifyAddress(const QHostAddress &address)
{
    switch (address.protocol()) {
    case QAbstractSocket::IPv4Protocol:
        return classify4(address.toIPv4Address());
    case QAbstractSocket::IPv6Protocol:
        return classify6(address.toIPv6Address());
    default:
        return AddressKind::Reserved; // no address at all: never connect
    }
}

QString describeAddressKind(AddressKind kind)
{
    switch (kind) {
    case AddressKind::Public:
        return QStringLiteral("a public address");
    case AddressKind::Unspecified:
        return QStringLiteral("an unspecified (\"this network\") address");
    case AddressKind::Loopback:
        return QStringLiteral("a loopback address");
    case AddressKind::Private:
        return QStringLiteral("a private address");
    case AddressKind::SharedNat:
        return QStringLiteral("a shared (carrier-grade NAT) address");
    case AddressKind::LinkLocal:
        return QStringLiteral("a link-local address");
    case AddressKind::Metadata:
        return QStringLiteral("a cloud metadata address");
    case AddressKind::UniqueLocal:
        return QStringLiteral("a unique local (private IPv6) address");
    case AddressKind::Multicast:
        return QStringLiteral("a multicast address");
    case AddressKind::Broadcast:
        return QStringLiteral("the broadcast address");
    case AddressKind::Documentation:
        return QStringLiteral("a documentation address");
    case AddressKind::Reserved:
        return QStringLiteral("a reserved address");
    }
    return {};
}

std::optional<AddressPolicy> AddressPolicy::fromAllowList(const QStringList &entries,
                                                          QString *error)
{
    static const QRegularExpression hostName(
        QStringLiteral("^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$"));
    AddressPolicy policy;
    for (const QString &raw : entries) {
        const QString text = raw.trimmed();
        if (text.isEmpty())
            continue;
        QString host = text;
        QString port;
        if (text.startsWith(u'[')) {
            const qsizetype close = text.indexOf(u']');
            host = close < 0 ? QString() : text.mid(1, close - 1);
            const QString rest = close < 0 ? QString() : text.mid(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(u':'))
                host.clear();
            port = rest.mid(1);
            if (rest == u":")
                host.clear();
        } else if (text.count(u':') == 1) {
            host = text.section(u':', 0, 0);
            port = text.section(u':', 1);
            if (port.isEmpty())
                host.clear();
        }
        Entry entry;
        if (!port.isEmpty()) {
            bool ok = false;
            entry.port = port.toInt(&ok);
            if (!ok || entry.port < 1 || entry.port > 65535 ||
                !std::all_of(port.begin(), port.end(), [](QChar c) { return c.isDigit(); })) {
                *error =
                    QStringLiteral("allow-list entry \"%1\": the port must be 1..65535").arg(text);
                return std::nullopt;
            }
        }
        if (!entry.address.setAddress(host)) {
            entry.address = QHostAddress();
            entry.host = normalizedHost(host);
            if (entry.host.isEmpty() || !hostName.match(entry.host).hasMatch()) {
                *error = QStringLiteral("allow-list entry \"%1\" is neither host, host:port, an "
                                        "IP address nor [IPv6]:port")
                             .arg(text);
                return std::nullopt;
            }
        }
        policy.m_allowed.append(entry);
        policy.m_entries.append(text);
    }
    return policy;
}

QString AddressPolicy::check(const QString &urlHost, const QHostAddress &address, int port) const
{
    const AddressKind kind = classifyAddress(address);
    if (kind == AddressKind::Public)
        return {};
    const QString host = normalizedHost(urlHost);
    for (const Entry &e : m_allowed) {
        if (e.port != -1 && e.port != port)
            continue;
        if (e.address.isNull() ? e.host == host : sameAddress(e.address, address))
            return {};
    }
    // The address as the URL would spell it: ::ffff:127.0.0.1 reads as 127.0.0.1.
    QHostAddress shown = address;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        shown = QHostAddress(v4);
    const QString ip = shown.toString();
    QHostAddress hostAsAddress;
    const bool literal =
        host.isEmpty() || (hostAsAddress.setAddress(host) && sameAddress(hostAsAddress, address));
    if (literal)
        return QStringLiteral("refused: %1 is %2").arg(ip, describeAddressKind(kind));
    return QStringLiteral("refused: %1 is %2, %3").arg(host, ip, describeAddressKind(kind));
}

} // namespace haitao::server
