#pragma once

#include <QString>

#include <atomic>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

namespace haitao::sim {

class MessageSinks;

// A small SMTP server (RFC 5321 subset: EHLO/HELO, AUTH PLAIN/LOGIN accepting anything,
// MAIL, RCPT, DATA with dot-stuffing undone, RSET, NOOP, QUIT) that stores each message
// in MessageSinks. Its own port; a thread per connection; the fault modes of
// MessageSinks apply (down: closed at the greeting; reject: 451 at DATA).
class SmtpSink
{
public:
    SmtpSink(MessageSinks &sinks, std::function<qint64()> clock);
    ~SmtpSink();

    bool start(const QString &host, int port, QString *error); // port 0: any free port
    void stop();
    int port() const { return m_port; }

private:
    struct Connection
    {
        std::thread thread;
        std::atomic<bool> done{false};
    };
    void acceptLoop();
    void serve(int fd);
    void reapFinished(); // joins the threads of closed connections

    MessageSinks &m_sinks;
    std::function<qint64()> m_clock;
    int m_listenFd = -1;
    int m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::thread m_acceptThread;
    std::mutex m_mutex;
    std::list<std::unique_ptr<Connection>> m_connections;
};

} // namespace haitao::sim
