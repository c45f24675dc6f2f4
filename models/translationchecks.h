#pragma once

#include "backend-client/glossarytypes.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace haitao::models {

// What the editor checks before a listing goes to review. Pure functions over text: the
// glossary terms come from GlossaryApi::match, the rest is read from the texts themselves.
//
// Limits (characters are Unicode code points, so one Chinese character counts one):
// - title: at most 60 (error): what Chinese marketplaces show in a result list; the server
//   itself takes 500;
// - description: over 5,000 a warning, over 20,000 an error (the server refuses it);
// - attribute value: over 100 a warning.
// Severity: an error blocks the submit; a warning asks first.
// - empty target: error for the title and (when the source has one) the description; a
//   warning for an attribute;
// - untranslated: error when the target is the source unchanged (two or more latin words);
//   warning for a run of three or more latin words copied from the source;
// - numbers and units: warning when a number appears on one side only, or with another unit
//   (500 ml vs 500 g). Chinese numerals are not read;
// - glossary: warning when a term found in the source lacks its required translation;
// - forbidden word in the target: error.
enum class CheckSeverity { Warning, Error };

enum class CheckKind { Empty, Untranslated, Numbers, Units, Glossary, Length, Forbidden };

struct CheckResult
{
    QString field; // the listing field key ("title", "description", "attr:<name>")
    CheckSeverity severity = CheckSeverity::Warning;
    CheckKind kind = CheckKind::Empty;
    QString message; // translated
};

// One field: the source text, the Chinese text and the glossary terms found in the source.
struct CheckSegment
{
    QString field;
    QString source;
    QString target;
    QList<client::GlossaryEntry> terms; // kind "term" entries matched in `source`
};

// A number in a text with its unit, normalised ("1,000" -> "1000", "500 毫升" -> "500", "ml").
struct NumberToken
{
    QString value;
    QString unit; // canonical ("ml", "g", "pcs", ...), empty when none or unknown
    friend bool operator==(const NumberToken &, const NumberToken &) = default;
};

class TranslationChecks
{
    Q_DECLARE_TR_FUNCTIONS(haitao::models::TranslationChecks)

public:
    static constexpr int titleLimit = 60;
    static constexpr int descriptionWarnLimit = 5000;
    static constexpr int descriptionLimit = 20000;
    static constexpr int attributeWarnLimit = 100;
    static constexpr int copiedRunWords = 3;

    // Every check on every segment, in segment order. `forbidden`: the pair's "forbidden"
    // entries (GlossaryApi::match over the target text gives those present).
    static QList<CheckResult> run(const QList<CheckSegment> &segments,
                                  const QList<client::GlossaryEntry> &forbidden);
    static bool hasErrors(const QList<CheckResult> &results);

    static QList<CheckResult> empty(const CheckSegment &s);
    static QList<CheckResult> untranslated(const CheckSegment &s);
    static QList<CheckResult> numbers(const CheckSegment &s);
    static QList<CheckResult> glossary(const CheckSegment &s);
    static QList<CheckResult> length(const CheckSegment &s);
    static QList<CheckResult> forbiddenWords(const CheckSegment &s,
                                             const QList<client::GlossaryEntry> &forbidden);

    static QList<NumberToken> numberTokens(const QString &text);
    static int characterCount(const QString &text); // code points
};

} // namespace haitao::models
