#include "sim/smtpsink.h"

#include "sim/messagesinks.h"
#include "sim/mimedecode.h"

#include <QByteArray>
#include <QStringList>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

namespace haitao::sim {

namespace {

constexpr int kPollMs = 100;                // how often a waiting thread checks for stop()
constexpr int kIdleMs = 60 * 1000;          // a silent client is dropped after this
constexpr qsizetype kMaxLine = 4096;        // command lines (RFC 5321 says 512; be lenient)
constexpr qsizetype kMaxMessage = 10 << 20; // DATA

// Line reading with a buffer; false when the peer closed, timed out or we stop.
class LineReader
{
public:
    LineReader(int fd, const std::atomic<bool> &stopping)
        : m_fd(fd)
        , m_stopping(stopping)
    {}

    bool readLine(QByteArray *line, qsizetype maxLength)
    {
        int idle = 0;
        for (;;) {
            const qsizetype nl = m_buffer.indexOf('\n');
            if (nl >= 0) {
                *line = m_buffer.left(nl);
                if (line->endsWith('\r'))
                    line->chop(1);
                m_buffer.remove(0, nl + 1);
                return true;
            }
            if (m_buffer.size() > maxLength)
                return false;
            if (m_stopping || idle >= kIdleMs)
                return false;
            pollfd p{m_fd, POLLIN, 0};
            const int ready = ::poll(&p, 1, kPollMs);
            if (ready < 0 && errno != EINTR)
                return false;
            if (ready <= 0) {
                idle += kPollMs;
                continue;
            }
            char chunk[8192];
            const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                return false;
            m_buffer.append(chunk, n);
            idle = 0;
        }
    }

private:
    int m_fd;
    const std::atomic<bool> &m_stopping;
    QByteArray m_buffer;
};

bool sendAll(int fd, const QByteArray &data)
{
    qsizetype sent = 0;
    while (sent < data.size()) {
        const ssize_t n =
            ::send(fd, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += n;
    }
    return true;
}

// "MAIL FROM:<a@b> SIZE=10" -> "a@b"
QString pathOf(const QByteArray &argument)
{
    const qsizetype open = argument.indexOf('<');
    const qsizetype close = argument.indexOf('>', open + 1);
    if (open >= 0 && close > open)
        return QString::fromUtf8(argument.mid(open + 1, close - open - 1));
    return QString::fromUtf8(argument.trimmed().split(' ').value(0));
}

} // namespace

SmtpSink::SmtpSink(MessageSinks &sinks, std::function<qint64()> clock)
    : m_sinks(sinks)
    , m_clock(std::move(clock))
{}

SmtpSink::~SmtpSink()
{
    stop();
}

bool SmtpSink::start(const QString &host, int port, QString *error)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo *found = nullptr;
    const QByteArray service = QByteArray::number(port);
    if (::getaddrinfo(host.toUtf8().constData(), service.constData(), &hints, &found) != 0 ||
        !found) {
        *error = QStringLiteral("smtp sink: cannot resolve %1").arg(host);
        return false;
    }
    const int fd = ::socket(found->ai_family, found->ai_socktype | SOCK_CLOEXEC, 0);
    const int yes = 1;
    if (fd >= 0)
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    const bool ok =
        fd >= 0 && ::bind(fd, found->ai_addr, found->ai_addrlen) == 0 && ::listen(fd, 64) == 0;
    ::freeaddrinfo(found);
    if (!ok) {
        if (fd >= 0)
            ::close(fd);
        *error = QStringLiteral("smtp sink: cannot listen on %1:%2").arg(host).arg(port);
        return false;
    }
    sockaddr_storage bound{};
    socklen_t length = sizeof bound;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &length);
    m_port = bound.ss_family == AF_INET6
                 ? ntohs(reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port)
                 : ntohs(reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
    m_listenFd = fd;
    m_stopping = false;
    m_acceptThread = std::thread([this] { acceptLoop(); });
    return true;
}

void SmtpSink::stop()
{
    m_stopping = true;
    if (m_acceptThread.joinable())
        m_acceptThread.join();
    if (m_listenFd >= 0) {
        ::close(m_listenFd);
        m_listenFd = -1;
    }
    std::lock_guard lock(m_mutex);
    for (auto &c : m_connections)
        c->thread.join();
    m_connections.clear();
}

void SmtpSink::reapFinished()
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_connections.begin(); it != m_connections.end();) {
        if ((*it)->done) {
            (*it)->thread.join();
            it = m_connections.erase(it);
        } else {
            ++it;
        }
    }
}

void SmtpSink::acceptLoop()
{
    while (!m_stopping) {
        pollfd p{m_listenFd, POLLIN, 0};
        if (::poll(&p, 1, kPollMs) <= 0) {
            reapFinished();
            continue;
        }
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        reapFinished();
        auto connection = std::make_unique<Connection>();
        Connection *c = connection.get();
        std::lock_guard lock(m_mutex);
        c->thread = std::thread([this, fd, c] {
            serve(fd);
            ::close(fd);
            c->done = true;
        });
        m_connections.push_back(std::move(connection));
    }
}

void SmtpSink::serve(int fd)
{
    if (m_sinks.smtpMode() == MessageSinks::SmtpMode::Down)
        return; // closed before the greeting
    LineReader reader(fd, m_stopping);
    const auto reply = [fd](const QByteArray &text) { return sendAll(fd, text + "\r\n"); };
    if (!reply("220 haitao-sim ESMTP ready"))
        return;
    QString from;
    QStringList recipients;
    bool haveMail = false;
    QByteArray line;
    while (reader.readLine(&line, kMaxLine)) {
        const qsizetype space = line.indexOf(' ');
        const QByteArray verb = (space < 0 ? line : line.left(space)).toUpper();
        const QByteArray argument = space < 0 ? QByteArray() : line.mid(space + 1);
        bool ok = true;
        if (verb == "EHLO") {
            ok = reply("250-haitao-sim\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n"
                       "250-AUTH PLAIN LOGIN\r\n250 SIZE 10485760");
        } else if (verb == "HELO") {
            ok = reply("250 haitao-sim");
        } else if (verb == "AUTH") {
            // Any credentials will do; LOGIN asks for user and password, PLAIN may too.
            const QList<QByteArray> words = argument.split(' ');
            const QByteArray mechanism = words.value(0).toUpper();
            QByteArray ignored;
            if (mechanism == "LOGIN") {
                ok = (words.size() > 1 ||
                      (reply("334 VXNlcm5hbWU6") && reader.readLine(&ignored, kMaxLine))) &&
                     reply("334 UGFzc3dvcmQ6") && reader.readLine(&ignored, kMaxLine) &&
                     reply("235 2.7.0 Authentication successful");
            } else if (mechanism == "PLAIN") {
                ok = (words.size() > 1 || (reply("334 ") && reader.readLine(&ignored, kMaxLine))) &&
                     reply("235 2.7.0 Authentication successful");
            } else {
                ok = reply("504 5.5.4 Unrecognized authentication type");
            }
        } else if (verb == "MAIL") {
            if (!argument.toUpper().startsWith("FROM:")) {
                ok = reply("501 5.5.4 Syntax: MAIL FROM:<address>");
            } else {
                from = pathOf(argument.mid(5));
                recipients.clear();
                haveMail = true;
                ok = reply("250 2.1.0 OK");
            }
        } else if (verb == "RCPT") {
            if (!haveMail)
                ok = reply("503 5.5.1 MAIL first");
            else if (!argument.toUpper().startsWith("TO:"))
                ok = reply("501 5.5.4 Syntax: RCPT TO:<address>");
            else {
                recipients << pathOf(argument.mid(3));
                ok = reply("250 2.1.5 OK");
            }
        } else if (verb == "DATA") {
            if (recipients.isEmpty()) {
                ok = reply("503 5.5.1 RCPT first");
            } else if (m_sinks.smtpMode() == MessageSinks::SmtpMode::Reject) {
                ok = reply("451 4.3.0 Simulated temporary failure");
            } else if (!reply("354 End data with <CR><LF>.<CR><LF>")) {
                ok = false;
            } else {
                QByteArray message;
                bool tooLarge = false;
                QByteArray dataLine;
                for (;;) {
                    if (!reader.readLine(&dataLine, kMaxMessage))
                        return;
                    if (dataLine == ".")
                        break;
                    if (dataLine.startsWith('.')) // dot-stuffing
                        dataLine.remove(0, 1);
                    if (message.size() + dataLine.size() > kMaxMessage)
                        tooLarge = true;
                    if (!tooLarge)
                        message += dataLine + "\r\n";
                }
                if (tooLarge) {
                    ok = reply("552 5.3.4 Message too big");
                } else {
                    const ParsedMail mail = parseMail(message);
                    MessageSinks::Email email;
                    email.messageId = mail.messageId;
                    email.from = from;
                    email.to = recipients.join(QStringLiteral(", "));
                    email.subject = mail.subject;
                    email.body = mail.body;
                    email.receivedAtMs = m_clock();
                    const bool stored = m_sinks.addEmail(email);
                    ok = reply(stored ? "250 2.0.0 OK: queued" : "250 2.0.0 OK: duplicate");
                }
                haveMail = false;
                recipients.clear();
            }
        } else if (verb == "RSET") {
            haveMail = false;
            recipients.clear();
            ok = reply("250 2.0.0 OK");
        } else if (verb == "NOOP") {
            ok = reply("250 2.0.0 OK");
        } else if (verb == "VRFY") {
            ok = reply("252 2.1.5 Cannot verify, will accept");
        } else if (verb == "QUIT") {
            reply("221 2.0.0 Bye");
            return;
        } else {
            ok = reply("502 5.5.2 Command not recognized");
        }
        if (!ok)
            return;
    }
}

} // namespace haitao::sim
