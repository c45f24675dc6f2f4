#pragma once

#include "backend/catalog/feedrow.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>

namespace haitao::server::catalog {

// One CSV record: its fields' bytes (quotes removed, "" made "), not yet decoded.
struct CsvRecord
{
    qint64 line = 0; // 1-based line where the record starts
    QList<QByteArray> fields;
};

// A streaming RFC 4180 reader over bytes. Input comes in chunks of any size, split anywhere;
// records come out as soon as they are complete, in order.
//
// - Fields are separated by ',' and records end with CRLF or LF (a final record may lack it).
//   A field that starts with '"' is quoted: it may hold ',', CR, LF and "" (a quote).
// - Empty lines and lines of only spaces and tabs are skipped.
// - The first record read (the header) fixes the width; a later record with another number
//   of fields is an error.
// - Errors, each reported at the line where the record starts: a quote inside an unquoted
//   field, a character other than ',' or a line end after a closing quote, a CR without LF,
//   a quoted field still open at the end of input, a record longer than maxRecordBytes.
// - Recovery: a record with a wrong field count ends where it ends. After any other error
//   reading starts again at the line after the record's first line, so one stray quote
//   costs one record, not the rest of the file.
//
// Works on bytes, so it is the same for UTF-8 and GBK: neither uses the bytes of '"', ',',
// CR or LF inside a multi-byte character. Memory is bounded by one record plus one chunk.
class CsvReader
{
public:
    using RecordFn = std::function<void(CsvRecord &&)>;
    using ErrorFn = std::function<void(const RowError &)>; // field empty, line of the record

    static constexpr qsizetype DefaultMaxRecordBytes = 1024 * 1024;

    explicit CsvReader(qsizetype maxRecordBytes = DefaultMaxRecordBytes);

    void feed(QByteArrayView chunk, const RecordFn &onRecord, const ErrorFn &onError);
    void finish(const RecordFn &onRecord, const ErrorFn &onError); // feed() no more after

    int width() const { return m_width; } // the header's field count; -1 before it

private:
    enum class State {
        FieldStart,    // at the first byte of a field
        Unquoted,      // inside an unquoted field
        Quoted,        // inside a quoted field
        QuoteInQuoted, // just read a '"' inside a quoted field: "" or the closing quote
        AfterCr,       // read a CR outside quotes: LF must follow
        SkipLine,      // discarding the rest of a malformed line
    };

    void run(bool atEnd, const RecordFn &onRecord, const ErrorFn &onError);
    void startRecord();
    void endField();
    void endRecord(const RecordFn &onRecord, const ErrorFn &onError);
    void fail(const QString &reason, const ErrorFn &onError);
    void compact();

    qsizetype m_maxRecordBytes;
    QByteArray m_buf;    // from the current record's first byte on
    qsizetype m_pos = 0; // next byte to read in m_buf
    qsizetype m_recordStart = 0;
    qsizetype m_spanStart = 0; // start of field bytes not yet copied into m_field
    qint64 m_line = 1;         // line of m_buf[m_pos]
    qint64 m_recordLine = 1;
    State m_state = State::FieldStart;
    bool m_recordHasQuotes = false; // a quoted field: the record is not a blank line
    QByteArray m_field;
    QList<QByteArray> m_fields;
    int m_width = -1;
    bool m_finished = false;
};

} // namespace haitao::server::catalog
