#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace haitao::client {

// A glossary entry of one language pair: a source term and the translation it must get, or
// (kind "forbidden") a word that must not appear in the target text.
struct GlossaryEntry
{
    qint64 id = 0;
    QString sourceLanguage; // "en"
    QString targetLanguage; // "zh"
    QString term;
    QString translation; // empty for "forbidden"
    QString kind;        // "term" or "forbidden"
    QString note;
    QString updatedBy;
    QDateTime updatedAt;
    qint64 version = 0; // the ETag's number: writes send it as If-Match

    static std::optional<GlossaryEntry> fromJson(const QJsonObject &json, QString *why);
    // The writable fields only (sourceLanguage, targetLanguage, term, translation, kind, note).
    QJsonObject toWriteJson() const;
};

// A glossary term found in a text; positions in UTF-16 code units of that text.
struct GlossaryMatch
{
    GlossaryEntry entry;
    int start = 0;
    int length = 0;
};

// What a CSV import did.
struct GlossaryImportResult
{
    int added = 0, updated = 0, unchanged = 0, rejected = 0;
    struct RowError
    {
        qint64 line = 0;
        QString field, reason;
    };
    QList<RowError> errors;
};

} // namespace haitao::client
