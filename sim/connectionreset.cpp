#include "sim/connectionreset.h"

#ifndef _WIN32
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#endif

namespace haitao::sim {

#ifndef _WIN32

namespace {

int portOf(const sockaddr_storage &a)
{
    if (a.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in &>(a).sin_port);
    if (a.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 &>(a).sin6_port);
    return -1;
}

// The connected socket whose own port is `localPort` and whose peer's is `remotePort`. A
// client in the same process has the ports the other way round, so it is not mistaken for it.
int findSocket(int localPort, int remotePort)
{
    rlimit limit{};
    int highest = 1024;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        highest = int(std::min<rlim_t>(limit.rlim_cur, 65536));
    for (int fd = 0; fd < highest; ++fd) {
        sockaddr_storage self{};
        sockaddr_storage peer{};
        socklen_t selfLen = sizeof self;
        socklen_t peerLen = sizeof peer;
        if (getsockname(fd, reinterpret_cast<sockaddr *>(&self), &selfLen) != 0 ||
            portOf(self) != localPort)
            continue;
        if (getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &peerLen) == 0 &&
            portOf(peer) == remotePort)
            return fd;
    }
    return -1;
}

} // namespace

int findConnectionSocket(int localPort, int remotePort)
{
    return findSocket(localPort, remotePort);
}

bool resetConnection(int localPort, int remotePort)
{
    const int fd = findSocket(localPort, remotePort);
    if (fd < 0)
        return false;
    const int stand_in = socket(AF_INET, SOCK_STREAM, 0);
    if (stand_in < 0)
        return false;
    // Linger with a zero timeout: closing sends RST instead of FIN and drops unsent data.
    const linger abort{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
    // dup2 closes the connection's last descriptor (the reset) and leaves `fd` naming the
    // stand-in, which the worker later closes as if it were the connection.
    const bool swapped = dup2(stand_in, fd) == fd;
    close(stand_in);
    return swapped;
}

#else

bool resetConnection(int, int)
{
    return false;
}

int findConnectionSocket(int, int)
{
    return -1;
}

#endif

} // namespace haitao::sim
