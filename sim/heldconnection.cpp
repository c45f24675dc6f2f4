#include "sim/heldconnection.h"

#include "sim/connectionreset.h"

#include <chrono>
#include <thread>

#ifndef _WIN32
#include <poll.h>
#include <sys/socket.h>
#endif

namespace haitao::sim {

namespace {

// True once the peer closed its side (end of stream) or the socket failed.
bool peerGone(int fd)
{
#ifndef _WIN32
    pollfd p{fd, POLLIN | POLLRDHUP, 0};
    if (poll(&p, 1, 0) <= 0)
        return false;
    if (p.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL))
        return true;
    char byte = 0;
    return recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
#else
    (void)fd;
    return false;
#endif
}

} // namespace

void holdConnection(int localPort, int remotePort, const std::atomic<bool> &stopping, int maxMs)
{
    const int fd = findConnectionSocket(localPort, remotePort);
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(maxMs);
    while (std::chrono::steady_clock::now() < until) {
        if (stopping) {
            resetConnection(localPort, remotePort);
            return;
        }
        if (fd >= 0 && peerGone(fd))
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

} // namespace haitao::sim
