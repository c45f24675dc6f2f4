#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QStringView>
#include <QVarLengthArray>

namespace haitao::server {

// Writes compact JSON straight into bytes, for hot answers where building a QJsonObject tree
// and serializing it costs far more than the work behind it. The caller writes a well-formed
// document (a key before each value in an object, balanced begin/end); commas are placed
// here. Misuse is caught by Q_ASSERT in debug builds. Strings come out as UTF-8, escaping '"',
// '\\' and the control characters below U+0020 (as \u00XX); nothing else is escaped but a
// lone surrogate (as \uXXXX, which reads back as the same QString). No floating point on
// purpose: amounts are integers of minor units and decimals travel as strings.
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 256);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();

    void key(QStringView name);
    void key(QLatin1StringView name);

    void string(QStringView text);
    void string(QLatin1StringView text);
    void integer(qint64 value);
    void boolean(bool value);
    void null();

    // A copy of the document so far; complete once every container is closed.
    QByteArray bytes() const { return m_out.first(m_size); }
    bool isComplete() const { return m_scopes.isEmpty() && m_size > 0; }
    QByteArray take(); // the document, without a copy; leaves the writer empty

private:
    enum class Scope : char { Object, Array };

    // Room for `room` more bytes at the end, doubling the buffer when short.
    char *tail(qsizetype room)
    {
        if (m_out.size() - m_size < room)
            grow(room);
        return m_out.data() + m_size;
    }
    void grow(qsizetype room);
    void commit(const char *end) { m_size = end - m_out.constData(); }
    char *beforeValue(char *d);
    void open(Scope scope, char bracket);
    void close(Scope scope, char bracket);

    // m_out is grown ahead and only its first m_size bytes are written: each call reserves
    // room once and writes through a pointer instead of appending byte by byte.
    QByteArray m_out;
    qsizetype m_size = 0;
    QVarLengthArray<Scope, 16> m_scopes;
    bool m_needComma = false; // a value was just finished in the current container
    bool m_afterKey = false;  // a key was written; its value comes next
};

} // namespace haitao::server
