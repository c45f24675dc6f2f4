#include "backend/translation/glossarycsv.h"

#include "backend/catalog/csvreader.h"

#include <QHash>
#include <QStringDecoder>

namespace haitao::server::translation {

namespace {

QByteArray csvField(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\r') ||
        bytes.contains('\n') || value != value.trimmed()) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

std::optional<QString> decodeUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

} // namespace

QByteArray glossaryCsv(const QList<GlossaryEntry> &entries)
{
    QByteArray out = "\xEF\xBB\xBFterm,translation,kind,note\r\n";
    for (const GlossaryEntry &e : entries)
        out += csvField(e.term) + ',' + csvField(e.translation) + ',' + csvField(e.kind) + ',' +
               csvField(e.note) + "\r\n";
    return out;
}

ParsedGlossaryCsv parseGlossaryCsv(const QByteArray &bytes, const QString &sourceLanguage,
                                   const QString &targetLanguage)
{
    ParsedGlossaryCsv out;
    QByteArrayView input(bytes);
    if (input.startsWith("\xEF\xBB\xBF"))
        input = input.sliced(3);

    enum Column { Term, Translation, Kind, Note, Ignored };
    QList<Column> columns;
    bool haveHeader = false;
    QHash<qint64, int> errorsPerLine;
    const auto onError = [&](const catalog::RowError &e) {
        out.errors.append({e.line, e.field, e.reason});
        if (errorsPerLine[e.line]++ == 0)
            ++out.rejected;
    };
    const auto onRecord = [&](catalog::CsvRecord &&record) {
        if (!haveHeader) {
            haveHeader = true;
            for (const QByteArray &name : std::as_const(record.fields)) {
                const QByteArray n = name.trimmed().toLower();
                columns << (n == "term"          ? Term
                            : n == "translation" ? Translation
                            : n == "kind"        ? Kind
                            : n == "note"        ? Note
                                                 : Ignored);
            }
            if (!columns.contains(Term))
                out.fileError = QStringLiteral("the header has no term column (columns: term, "
                                               "translation, kind, note)");
            return;
        }
        if (!out.fileError.isEmpty())
            return;
        GlossaryEntry e;
        e.sourceLanguage = sourceLanguage;
        e.targetLanguage = targetLanguage;
        e.kind.clear();
        bool undecodable = false;
        for (qsizetype i = 0; i < record.fields.size() && i < columns.size(); ++i) {
            if (columns.at(i) == Ignored)
                continue;
            const auto value = decodeUtf8(record.fields.at(i));
            if (!value) {
                undecodable = true;
                continue;
            }
            switch (columns.at(i)) {
            case Term:
                e.term = *value;
                break;
            case Translation:
                e.translation = *value;
                break;
            case Kind:
                e.kind = *value;
                break;
            case Note:
                e.note = *value;
                break;
            case Ignored:
                break;
            }
        }
        if (undecodable) {
            onError({record.line, QString(), QStringLiteral("is not valid UTF-8")});
            return;
        }
        const auto problems = checkEntry(e);
        if (!problems.isEmpty()) {
            for (const auto &[field, reason] : problems)
                onError({record.line, field, reason});
            return;
        }
        out.rows.append(e);
        out.rowLines.append(record.line);
    };
    catalog::CsvReader reader;
    reader.feed(input, onRecord, onError);
    reader.finish(onRecord, onError);
    if (!haveHeader && out.fileError.isEmpty())
        out.fileError = QStringLiteral("the file is empty: send a header line "
                                       "term,translation,kind,note and one line per entry");
    return out;
}

} // namespace haitao::server::translation
