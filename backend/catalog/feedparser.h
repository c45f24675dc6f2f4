#pragma once

#include "backend/catalog/csvreader.h"
#include "backend/catalog/feedencoding.h"
#include "backend/catalog/feedmapper.h"
#include "backend/catalog/feedrow.h"
#include "backend/catalog/jsonlreader.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace haitao::server::catalog {

enum class FeedFormat { Csv, Jsonl };

// "csv" -> Csv, "jsonl"/"ndjson" -> Jsonl (any case); nullopt for anything else.
std::optional<FeedFormat> feedFormatFromName(QStringView name);

// The one entry point for importing a partner feed (docs/feeds.md): bytes in, in chunks of any
// size as they arrive from a request body or a file; checked rows and row errors out, in feed
// order, as soon as each record is complete. Nothing is buffered beyond one record, one chunk
// and the encoding sniffer's window, so a feed of any length streams in bounded memory.
//
//     FeedParser parser(FeedFormat::Csv, FeedEncoding::Auto);
//     while (read a chunk)
//         parser.feed(chunk, onRow, onError);   // onRow may batch rows into a transaction
//     parser.finish(onRow, onError);
//     if (!parser.fileError().isEmpty()) ...    // the feed as a whole was refused
//
// A bad record gives one or more RowErrors (same line) and does not stop the feed. A file
// error (unreadable header, missing required column, UTF-16, GBK without ICU) stops it: from
// then on feed() and finish() do nothing. Callbacks run inside feed()/finish().
class FeedParser
{
public:
    using RowFn = std::function<void(FeedRow &&)>;
    using ErrorFn = std::function<void(const RowError &)>;

    static constexpr qsizetype DefaultMaxRecordBytes = 1024 * 1024;

    explicit FeedParser(FeedFormat format, FeedEncoding declared = FeedEncoding::Auto,
                        qsizetype maxRecordBytes = DefaultMaxRecordBytes);

    void feed(QByteArrayView chunk, const RowFn &onRow, const ErrorFn &onError);
    void finish(const RowFn &onRow, const ErrorFn &onError);

    QString fileError() const { return m_fileError; }
    // Ignored columns or keys (once each) and how the encoding was settled, for the report.
    QStringList warnings() const { return m_warnings; }
    // The encoding in use: Auto until the first byte above 0x7F (an all-ASCII file reads
    // the same either way; after finish() it says Utf8).
    FeedEncoding encoding() const { return m_sniffer.encoding(); }
    qint64 rowsAccepted() const { return m_accepted; }
    qint64 rowsRejected() const { return m_rejected; } // records with at least one RowError

private:
    void pass(QByteArrayView bytes, bool atEnd, const RowFn &onRow, const ErrorFn &onError);
    bool checkSniffer();
    void csvRecord(CsvRecord &&record, const RowFn &onRow, const ErrorFn &onError);
    void deliver(MappedRow &&mapped, const RowFn &onRow, const ErrorFn &onError);
    void reject(const RowError &error, const ErrorFn &onError);

    FeedFormat m_format;
    EncodingSniffer m_sniffer;
    FeedEncoding m_applied = FeedEncoding::Auto;
    TextDecoder m_decoder;
    CsvReader m_csv;
    JsonlReader m_jsonl;
    std::optional<CsvColumns> m_columns; // once the CSV header is read
    JsonRows m_jsonRows;
    QString m_fileError;
    QStringList m_warnings;
    qint64 m_accepted = 0;
    qint64 m_rejected = 0;
    bool m_finished = false;
};

} // namespace haitao::server::catalog
