#pragma once

#include <QString>

#include <optional>

namespace haitao {

// A HOST:PORT to listen on, as the server and the simulator take it on their command lines.
struct ListenAddress
{
    QString host; // without the brackets of an IPv6 literal
    int port = 0; // 0: any free port
};

// Parses "127.0.0.1:8080", "[::1]:0"; nullopt for anything else.
std::optional<ListenAddress> parseListenAddress(const QString &text);

} // namespace haitao
