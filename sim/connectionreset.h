#pragma once

namespace haitao::sim {

// Aborts the server side of the TCP connection between `localPort` (ours) and `remotePort`
// (the client's) with a reset (RST), while the httplib worker that owns it carries on: its
// descriptor is swapped for an unconnected socket, so its pending writes fail and its close
// is harmless. httplib exposes no socket to handlers, hence the search by ports. false where
// that is not possible (no such connection; Windows, where the sim answers normally).
bool resetConnection(int localPort, int remotePort);

// The descriptor of that connection in this process, -1 if there is none (or on Windows).
int findConnectionSocket(int localPort, int remotePort);

} // namespace haitao::sim
