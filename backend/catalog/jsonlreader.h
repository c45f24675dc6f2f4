#pragma once

#include "backend/catalog/feedencoding.h"
#include "backend/catalog/feedrow.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

#include <functional>

namespace haitao::server::catalog {

struct JsonlRecord
{
    qint64 line = 0; // 1-based
    QJsonObject object;
};

// A streaming JSON Lines reader: one JSON object per line (LF or CRLF), chunks split anywhere.
// Lines of only whitespace are skipped. A line that does not decode in the encoding, is not
// JSON, is not an object or is longer than maxLineBytes is an error for that line alone.
class JsonlReader
{
public:
    using RecordFn = std::function<void(JsonlRecord &&)>;
    using ErrorFn = std::function<void(const RowError &)>; // field empty

    static constexpr qsizetype DefaultMaxLineBytes = 1024 * 1024;

    explicit JsonlReader(qsizetype maxLineBytes = DefaultMaxLineBytes);

    // Set before the first non-ASCII line arrives (Auto reads as UTF-8).
    void setEncoding(FeedEncoding encoding) { m_decoder.setEncoding(encoding); }

    void feed(QByteArrayView chunk, const RecordFn &onRecord, const ErrorFn &onError);
    void finish(const RecordFn &onRecord, const ErrorFn &onError); // feed() no more after

private:
    void readLine(QByteArrayView bytes, const RecordFn &onRecord, const ErrorFn &onError);
    void tooLong(const ErrorFn &onError);

    qsizetype m_maxLineBytes;
    TextDecoder m_decoder;
    QByteArray m_partial;    // the line begun but not ended
    qint64 m_line = 1;       // line of the next byte
    bool m_skipping = false; // inside a line already reported too long
    bool m_finished = false;
};

} // namespace haitao::server::catalog
