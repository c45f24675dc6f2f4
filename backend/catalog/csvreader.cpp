#include "backend/catalog/csvreader.h"

#include <algorithm>
#include <utility>

namespace haitao::server::catalog {

namespace {

bool isBlank(const QByteArray &field)
{
    return std::all_of(field.cbegin(), field.cend(), [](char c) { return c == ' ' || c == '\t'; });
}

} // namespace

CsvReader::CsvReader(qsizetype maxRecordBytes)
    : m_maxRecordBytes(maxRecordBytes)
{}

void CsvReader::feed(QByteArrayView chunk, const RecordFn &onRecord, const ErrorFn &onError)
{
    if (m_finished)
        return;
    m_buf.append(chunk);
    run(false, onRecord, onError);
    compact();
}

void CsvReader::finish(const RecordFn &onRecord, const ErrorFn &onError)
{
    if (m_finished)
        return;
    run(true, onRecord, onError);
    m_finished = true;
    m_buf = {};
    m_fields = {};
    m_field = {};
}

void CsvReader::startRecord()
{
    m_recordStart = m_pos;
    m_recordLine = m_line;
    m_fields.clear();
    m_field.clear();
    m_recordHasQuotes = false;
    m_state = State::FieldStart;
}

void CsvReader::endField()
{
    m_fields.append(std::exchange(m_field, {}));
}

void CsvReader::endRecord(const RecordFn &onRecord, const ErrorFn &onError)
{
    CsvRecord record{m_recordLine, std::exchange(m_fields, {})};
    const bool blank = record.fields.size() == 1 && !m_recordHasQuotes && isBlank(record.fields[0]);
    startRecord();
    if (blank)
        return;
    const int count = int(record.fields.size());
    if (m_width < 0) {
        m_width = count;
    } else if (count != m_width) {
        onError({record.line,
                 {},
                 QStringLiteral("the record has %1 fields but the header has %2")
                     .arg(count)
                     .arg(m_width)});
        return;
    }
    onRecord(std::move(record));
}

void CsvReader::fail(const QString &reason, const ErrorFn &onError)
{
    onError({m_recordLine, {}, reason});
    // Start again at the line after the record's first line when the record got that far;
    // otherwise drop the rest of this line.
    const auto begin = m_buf.cbegin() + m_recordStart;
    const auto lf = std::find(begin, m_buf.cbegin() + m_pos, '\n');
    if (lf != m_buf.cbegin() + m_pos) {
        m_pos = (lf - m_buf.cbegin()) + 1;
        m_line = m_recordLine + 1;
        startRecord();
    } else {
        m_fields.clear();
        m_field.clear();
        m_state = State::SkipLine;
    }
}

void CsvReader::compact()
{
    if (m_state == State::SkipLine) {
        m_buf.clear(); // all of it read and unwanted
        m_pos = m_recordStart = m_spanStart = 0;
        return;
    }
    if (m_recordStart == 0)
        return;
    m_buf.remove(0, m_recordStart);
    m_pos -= m_recordStart;
    m_spanStart = std::max<qsizetype>(0, m_spanStart - m_recordStart);
    m_recordStart = 0;
}

void CsvReader::run(bool atEnd, const RecordFn &onRecord, const ErrorFn &onError)
{
    const auto flushSpan = [this] {
        m_field.append(QByteArrayView(m_buf).sliced(m_spanStart, m_pos - m_spanStart));
    };
    for (;;) {
        const qsizetype size = m_buf.size();
        const char *const data = m_buf.constData();
        if (m_pos >= size) {
            if (!atEnd)
                return;
            switch (m_state) {
            case State::SkipLine:
                return;
            case State::FieldStart:
                if (m_fields.isEmpty())
                    return; // nothing after the last line end
                endField(); // "a,b," ends with an empty field
                endRecord(onRecord, onError);
                return;
            case State::Unquoted:
                flushSpan();
                endField();
                endRecord(onRecord, onError);
                return;
            case State::QuoteInQuoted:
            case State::AfterCr: // a final CR without LF is a line end too
                endField();
                endRecord(onRecord, onError);
                return;
            case State::Quoted:
                fail(QStringLiteral("a quoted field is not closed before the end of the file"),
                     onError);
                continue; // a rescan may have more to read
            }
        }
        if (m_state != State::SkipLine && m_pos - m_recordStart > m_maxRecordBytes) {
            fail(QStringLiteral("the record is longer than %1 bytes").arg(m_maxRecordBytes),
                 onError);
            continue;
        }
        // Scanning stops one byte past the size limit, so an endless field cannot run on.
        const qsizetype scanEnd = std::min(size, m_recordStart + m_maxRecordBytes + 1);
        const char c = data[m_pos];
        switch (m_state) {
        case State::SkipLine: {
            const char *lf = std::find(data + m_pos, data + size, '\n');
            m_pos = lf - data;
            if (m_pos < size) {
                ++m_pos;
                ++m_line;
                startRecord();
            }
            break;
        }
        case State::FieldStart:
            if (c == '"') {
                m_recordHasQuotes = true;
                ++m_pos;
                m_state = State::Quoted;
            } else {
                m_state = State::Unquoted;
            }
            m_spanStart = m_pos;
            break;
        case State::Unquoted: {
            qsizetype p = m_pos;
            while (p < scanEnd) {
                const char ch = data[p];
                if (ch == ',' || ch == '\n' || ch == '\r' || ch == '"')
                    break;
                ++p;
            }
            m_pos = p;
            if (p == scanEnd)
                break; // out of bytes, or the size limit: the loop's top decides
            const char ch = data[p];
            if (ch == '"') {
                fail(QStringLiteral("a quote inside an unquoted field (quote the whole field "
                                    "and double the quote: \"5\"\" screen\")"),
                     onError);
                break;
            }
            flushSpan();
            ++m_pos;
            if (ch == ',') {
                endField();
                m_state = State::FieldStart;
            } else if (ch == '\n') {
                ++m_line;
                endField();
                endRecord(onRecord, onError);
            } else {
                m_state = State::AfterCr;
            }
            break;
        }
        case State::Quoted: {
            qsizetype p = m_pos;
            while (p < scanEnd && data[p] != '"') {
                if (data[p] == '\n')
                    ++m_line;
                ++p;
            }
            m_pos = p;
            if (p == scanEnd)
                break;
            flushSpan();
            ++m_pos;
            m_state = State::QuoteInQuoted;
            break;
        }
        case State::QuoteInQuoted:
            if (c == '"') {
                m_field.append('"');
                ++m_pos;
                m_spanStart = m_pos;
                m_state = State::Quoted;
            } else if (c == ',') {
                ++m_pos;
                endField();
                m_state = State::FieldStart;
            } else if (c == '\n') {
                ++m_pos;
                ++m_line;
                endField();
                endRecord(onRecord, onError);
            } else if (c == '\r') {
                ++m_pos;
                m_state = State::AfterCr;
            } else {
                fail(QStringLiteral("a closing quote must be followed by a comma or the end of "
                                    "the line"),
                     onError);
            }
            break;
        case State::AfterCr:
            if (c == '\n') {
                ++m_pos;
                ++m_line;
                endField();
                endRecord(onRecord, onError);
            } else {
                fail(QStringLiteral("a carriage return must be followed by a line feed"), onError);
            }
            break;
        }
    }
}

} // namespace haitao::server::catalog
