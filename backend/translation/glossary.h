#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace haitao::server::translation {

// One glossary entry of a language pair: a source term and the translation it must get, or
// (kind "forbidden") a word that must not appear in the target text (no translation).
struct GlossaryEntry
{
    qint64 id = 0;
    QString sourceLanguage = QStringLiteral("en");
    QString targetLanguage = QStringLiteral("zh");
    QString term;
    QString translation;
    QString kind = QStringLiteral("term"); // "term" or "forbidden"
    QString note;
    QString updatedBy;
    qint64 updatedAtMs = 0;
    qint64 version = 1; // bumped by every change; the ETag

    QJsonObject toJson() const;
    // The fields an import or an edit sets; equal ones change nothing.
    bool sameContent(const GlossaryEntry &other) const
    {
        return term == other.term && translation == other.translation && note == other.note;
    }
};

// Normalises an entry written by staff (whitespace collapsed, kind defaulting to "term") and
// says what is wrong with it: (field name, reason) pairs.
QList<QPair<QString, QString>> checkEntry(GlossaryEntry &entry);

// Whether `code` is a language code the glossary and memory accept ("en", "zh", "zh-Hans").
bool isLanguageCode(const QString &code);

// An entry's term found in a text, in UTF-16 code units of that text.
struct GlossaryMatch
{
    GlossaryEntry entry;
    qsizetype start = 0;
    qsizetype length = 0;
};

// Every occurrence of every entry's term in `text`: case-insensitive, and for terms that
// start or end with a Latin letter or digit only as a whole word there (so "cotton" is not
// found in "cottonwood"). In text order; at the same position the longer term first.
QList<GlossaryMatch> findTerms(const QString &text, const QList<GlossaryEntry> &entries);

} // namespace haitao::server::translation
