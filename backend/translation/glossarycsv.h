#pragma once

#include "backend/translation/glossary.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace haitao::server::translation {

// The glossary's CSV form: header term,translation,kind,note; RFC 4180 (CRLF, quotes where
// needed); UTF-8 with a BOM so that Excel opens Chinese text correctly.
QByteArray glossaryCsv(const QList<GlossaryEntry> &entries);

struct CsvRowError
{
    qint64 line = 0;
    QString field; // "term", "translation", "kind", "note"; empty for the record as a whole
    QString reason;
};

struct ParsedGlossaryCsv
{
    QString fileError;         // set when nothing can be read (no header, no term column)
    QList<GlossaryEntry> rows; // entries checked with checkEntry, in file order
    QList<qint64> rowLines;    // the line each of `rows` starts on
    QList<CsvRowError> errors; // rows that were not read, each with why
    qint64 rejected = 0;       // records with at least one error
};

// Reads an uploaded glossary (csvreader.* does the RFC 4180 part). Header names are
// case-insensitive; `term` is required, `kind` defaults to term; other columns are ignored.
// Every entry gets the given language pair.
ParsedGlossaryCsv parseGlossaryCsv(const QByteArray &bytes, const QString &sourceLanguage,
                                   const QString &targetLanguage);

} // namespace haitao::server::translation
