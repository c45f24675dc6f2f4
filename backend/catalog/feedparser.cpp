#include "backend/catalog/feedparser.h"

#include <algorithm>

namespace haitao::server::catalog {

std::optional<FeedFormat> feedFormatFromName(QStringView name)
{
    const QString n = name.trimmed().toString().toLower();
    if (n == u"csv")
        return FeedFormat::Csv;
    if (n == u"jsonl" || n == u"ndjson")
        return FeedFormat::Jsonl;
    return std::nullopt;
}

FeedParser::FeedParser(FeedFormat format, FeedEncoding declared, qsizetype maxRecordBytes)
    : m_format(format)
    , m_sniffer(declared)
    , m_csv(maxRecordBytes)
    , m_jsonl(maxRecordBytes)
{}

void FeedParser::feed(QByteArrayView chunk, const RowFn &onRow, const ErrorFn &onError)
{
    if (m_finished || !m_fileError.isEmpty())
        return;
    const QByteArray bytes = m_sniffer.feed(chunk);
    if (checkSniffer())
        pass(bytes, false, onRow, onError);
}

void FeedParser::finish(const RowFn &onRow, const ErrorFn &onError)
{
    if (m_finished || !m_fileError.isEmpty())
        return;
    const QByteArray bytes = m_sniffer.finish();
    if (checkSniffer())
        pass(bytes, true, onRow, onError);
    m_finished = true;
    if (m_fileError.isEmpty() && m_format == FeedFormat::Csv && !m_columns)
        m_fileError = QStringLiteral("the file is empty: a CSV feed starts with a header line");
}

// Applies the sniffer's decision once it is made; false when the file cannot be read.
bool FeedParser::checkSniffer()
{
    if (!m_sniffer.error().isEmpty()) {
        m_fileError = m_sniffer.error();
        return false;
    }
    const FeedEncoding encoding = m_sniffer.encoding();
    if (encoding == m_applied)
        return true;
    m_applied = encoding;
    if (encoding == FeedEncoding::Gbk && !gbkAvailable()) {
        m_fileError = QStringLiteral("this server cannot decode GBK (its Qt was built without "
                                     "ICU); convert the file to UTF-8");
        return false;
    }
    m_decoder.setEncoding(encoding);
    m_jsonl.setEncoding(encoding);
    if (!m_sniffer.note().isEmpty())
        m_warnings.append(m_sniffer.note());
    return true;
}

void FeedParser::pass(QByteArrayView bytes, bool atEnd, const RowFn &onRow, const ErrorFn &onError)
{
    if (m_format == FeedFormat::Csv) {
        const auto record = [&](CsvRecord &&r) { csvRecord(std::move(r), onRow, onError); };
        const auto error = [&](const RowError &e) {
            if (!m_fileError.isEmpty())
                return;
            if (!m_columns) {
                m_fileError = QStringLiteral("the header (line %1) cannot be read: %2")
                                  .arg(e.line)
                                  .arg(e.reason);
                return;
            }
            reject(e, onError);
        };
        m_csv.feed(bytes, record, error);
        if (atEnd)
            m_csv.finish(record, error);
    } else {
        const auto record = [&](JsonlRecord &&r) {
            deliver(mapRow(m_jsonRows.rawRow(r.line, r.object, &m_warnings)), onRow, onError);
        };
        const auto error = [&](const RowError &e) { reject(e, onError); };
        m_jsonl.feed(bytes, record, error);
        if (atEnd)
            m_jsonl.finish(record, error);
    }
}

void FeedParser::csvRecord(CsvRecord &&record, const RowFn &onRow, const ErrorFn &onError)
{
    if (!m_fileError.isEmpty())
        return; // the rest of a refused file
    if (!m_columns) {
        QStringList names;
        for (const QByteArray &field : std::as_const(record.fields)) {
            const std::optional<QString> name = m_decoder.decode(field);
            if (!name) {
                m_fileError =
                    QStringLiteral("the header (line %1) is not valid %2")
                        .arg(record.line)
                        .arg(m_decoder.encoding() == FeedEncoding::Gbk ? QStringLiteral("GBK")
                                                                       : QStringLiteral("UTF-8"));
                return;
            }
            names.append(*name);
        }
        m_columns = CsvColumns::fromHeader(names);
        m_fileError = m_columns->fileError();
        m_warnings.append(m_columns->warnings());
        return;
    }
    // ",,,," lines, as spreadsheets leave them below the data, are blank lines too.
    const bool blank = std::all_of(record.fields.cbegin(), record.fields.cend(),
                                   [](const auto &f) { return f.trimmed().isEmpty(); });
    if (!blank)
        deliver(mapRow(m_columns->rawRow(record, m_decoder)), onRow, onError);
}

void FeedParser::deliver(MappedRow &&mapped, const RowFn &onRow, const ErrorFn &onError)
{
    if (mapped.row) {
        ++m_accepted;
        onRow(std::move(*mapped.row));
        return;
    }
    ++m_rejected;
    for (const RowError &e : std::as_const(mapped.errors))
        onError(e);
}

void FeedParser::reject(const RowError &error, const ErrorFn &onError)
{
    ++m_rejected;
    onError(error);
}

} // namespace haitao::server::catalog
