#include "backend/catalog/jsonlreader.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace haitao::server::catalog {

JsonlReader::JsonlReader(qsizetype maxLineBytes)
    : m_maxLineBytes(maxLineBytes)
{}

void JsonlReader::feed(QByteArrayView chunk, const RecordFn &onRecord, const ErrorFn &onError)
{
    if (m_finished)
        return;
    qsizetype from = 0;
    while (from < chunk.size()) {
        const qsizetype lf = chunk.indexOf('\n', from);
        if (lf < 0) {
            if (!m_skipping) {
                m_partial.append(chunk.sliced(from));
                if (m_partial.size() > m_maxLineBytes)
                    tooLong(onError);
            }
            return;
        }
        const QByteArrayView piece = chunk.sliced(from, lf - from);
        if (m_skipping) {
            m_skipping = false;
        } else if (m_partial.isEmpty()) {
            readLine(piece, onRecord, onError);
        } else {
            m_partial.append(piece);
            readLine(m_partial, onRecord, onError);
            m_partial.clear();
        }
        ++m_line;
        from = lf + 1;
    }
}

void JsonlReader::finish(const RecordFn &onRecord, const ErrorFn &onError)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!m_skipping && !m_partial.isEmpty())
        readLine(m_partial, onRecord, onError);
    m_partial = {};
}

void JsonlReader::tooLong(const ErrorFn &onError)
{
    onError({m_line, {}, QStringLiteral("the line is longer than %1 bytes").arg(m_maxLineBytes)});
    m_partial = {};
    m_skipping = true;
}

void JsonlReader::readLine(QByteArrayView bytes, const RecordFn &onRecord, const ErrorFn &onError)
{
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    if (std::all_of(bytes.begin(), bytes.end(),
                    [](char c) { return c == ' ' || c == '\t' || c == '\r'; })) {
        return;
    }
    if (bytes.size() > m_maxLineBytes) {
        onError(
            {m_line, {}, QStringLiteral("the line is longer than %1 bytes").arg(m_maxLineBytes)});
        return;
    }
    QByteArray utf8;
    if (m_decoder.encoding() == FeedEncoding::Gbk) {
        const std::optional<QString> text = m_decoder.decode(bytes);
        if (!text) {
            onError({m_line, {}, QStringLiteral("the line is not valid GBK")});
            return;
        }
        utf8 = text->toUtf8();
    } else {
        if (!bytes.isValidUtf8()) {
            onError({m_line,
                     {},
                     QStringLiteral("the line is not valid UTF-8 (a GBK file needs "
                                    "encoding=gbk)")});
            return;
        }
        utf8 = bytes.toByteArray();
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        onError({m_line,
                 {},
                 QStringLiteral("not valid JSON: %1 at byte %2")
                     .arg(error.errorString())
                     .arg(error.offset + 1)});
        return;
    }
    if (!doc.isObject()) {
        onError({m_line, {}, QStringLiteral("the line is not a JSON object")});
        return;
    }
    onRecord({m_line, doc.object()});
}

} // namespace haitao::server::catalog
