#include "models/translationchecks.h"

#include "backend-client/listingtypes.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace haitao::models {

namespace {

CheckResult result(const CheckSegment &s, CheckSeverity severity, CheckKind kind,
                   const QString &message)
{
    return {s.field, severity, kind, message};
}

// Full-width digits and points (１２．５) as ASCII, so both sides compare.
QString asciiDigits(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= 0xFF10 && u <= 0xFF19)
            c = QChar(u'0' + (u - 0xFF10));
        else if (u == 0xFF0E)
            c = QLatin1Char('.');
        else if (u == 0xFF0C)
            c = QLatin1Char(',');
    }
    return out;
}

QString normaliseNumber(QString n)
{
    // "1,000" and "1,000,000": thousands separators; "1,5": a decimal comma.
    static const QRegularExpression thousands(QStringLiteral("^\\d{1,3}(,\\d{3})+$"));
    if (thousands.match(n).hasMatch())
        n.remove(QLatin1Char(','));
    else
        n.replace(QLatin1Char(','), QLatin1Char('.'));
    if (n.contains(QLatin1Char('.'))) {
        while (n.endsWith(QLatin1Char('0')))
            n.chop(1);
        if (n.endsWith(QLatin1Char('.')))
            n.chop(1);
    }
    return n;
}

struct Unit
{
    const char16_t *text;
    const char *canonical;
};

// Longest first within each script so that "毫升" wins over "升" and "kg" over "g".
constexpr Unit kUnits[] = {
    {u"毫升", "ml"},
    {u"公斤", "kg"},
    {u"千克", "kg"},
    {u"毫米", "mm"},
    {u"厘米", "cm"},
    {u"英寸", "in"},
    {u"盎司", "oz"},
    {u"升", "l"},
    {u"克", "g"},
    {u"米", "m"},
    {u"磅", "lb"},
    {u"件", "pcs"},
    {u"个", "pcs"},
    {u"片", "pcs"},
    {u"只", "pcs"},
    {u"支", "pcs"},
    {u"包", "pcs"},
    {u"%", "%"},
    {u"％", "%"},
    {u"ml", "ml"},
    {u"millilitres", "ml"},
    {u"milliliters", "ml"},
    {u"l", "l"},
    {u"litre", "l"},
    {u"litres", "l"},
    {u"liter", "l"},
    {u"liters", "l"},
    {u"g", "g"},
    {u"gram", "g"},
    {u"grams", "g"},
    {u"kg", "kg"},
    {u"mm", "mm"},
    {u"cm", "cm"},
    {u"m", "m"},
    {u"oz", "oz"},
    {u"lb", "lb"},
    {u"lbs", "lb"},
    {u"inch", "in"},
    {u"inches", "in"},
    {u"pc", "pcs"},
    {u"pcs", "pcs"},
    {u"piece", "pcs"},
    {u"pieces", "pcs"},
    {u"pack", "pcs"},
    {u"stück", "pcs"},
    {u"stk", "pcs"},
};

// The canonical unit at the start of `rest` (after optional spaces), empty when none.
QString unitAt(QStringView rest)
{
    qsizetype i = 0;
    while (i < rest.size() && rest.at(i).isSpace())
        ++i;
    rest = rest.mid(i);
    if (rest.isEmpty())
        return {};
    if (rest.at(0).isLetter() && rest.at(0).unicode() < 0x2E80) {
        // A latin word: the whole word must be a unit ("3 mangos" has none).
        qsizetype end = 0;
        while (end < rest.size() && rest.at(end).isLetter() && rest.at(end).unicode() < 0x2E80)
            ++end;
        const QString word = rest.first(end).toString().toLower();
        for (const Unit &u : kUnits) {
            if (word == QStringView(u.text))
                return QString::fromLatin1(u.canonical);
        }
        return {};
    }
    for (const Unit &u : kUnits) {
        const QStringView text(u.text);
        if (text.at(0).unicode() >= 0x2E80 || !text.at(0).isLetter()) {
            if (rest.startsWith(text))
                return QString::fromLatin1(u.canonical);
        }
    }
    return {};
}

QString describe(const NumberToken &t)
{
    return t.unit.isEmpty() ? t.value : t.value + QLatin1Char(' ') + t.unit;
}

// Runs of latin words (letters, digits, apostrophes, hyphens) separated by spaces or light
// punctuation, with no other script between them.
QList<QString> latinRuns(const QString &text)
{
    static const QRegularExpression run(
        QStringLiteral("[A-Za-z][A-Za-z0-9'\\-]*(?:[ \\t,&/]+[A-Za-z0-9][A-Za-z0-9'\\-]*)*"));
    QList<QString> runs;
    auto it = run.globalMatch(text);
    while (it.hasNext())
        runs.append(it.next().captured(0));
    return runs;
}

int latinWordCount(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    int n = 0;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

QString fieldLimitText(int count, int limit)
{
    return TranslationChecks::tr("%1 characters, more than the limit of %2").arg(count).arg(limit);
}

} // namespace

int TranslationChecks::characterCount(const QString &text)
{
    return int(text.toUcs4().size());
}

QList<NumberToken> TranslationChecks::numberTokens(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("\\d+(?:[.,]\\d+)*"));
    const QString ascii = asciiDigits(text);
    QList<NumberToken> tokens;
    auto it = number.globalMatch(ascii);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        // Part of a word such as a model number ("XR200") is not a quantity: skip it.
        if (m.capturedStart() > 0 && ascii.at(m.capturedStart() - 1).isLetter() &&
            ascii.at(m.capturedStart() - 1).unicode() < 0x2E80)
            continue;
        tokens.append(
            {normaliseNumber(m.captured(0)), unitAt(QStringView(ascii).mid(m.capturedEnd()))});
    }
    return tokens;
}

QList<CheckResult> TranslationChecks::empty(const CheckSegment &s)
{
    if (!s.target.trimmed().isEmpty())
        return {};
    if (s.field == u"title")
        return {result(s, CheckSeverity::Error, CheckKind::Empty, tr("The title is empty"))};
    if (s.source.trimmed().isEmpty())
        return {};
    if (s.field == u"description")
        return {result(s, CheckSeverity::Error, CheckKind::Empty,
                       tr("The description is not translated"))};
    return {result(s, CheckSeverity::Warning, CheckKind::Empty, tr("Not translated"))};
}

QList<CheckResult> TranslationChecks::untranslated(const CheckSegment &s)
{
    const QString target = s.target.trimmed();
    if (target.isEmpty())
        return {};
    if (target.compare(s.source.trimmed(), Qt::CaseInsensitive) == 0 &&
        latinWordCount(target) >= 2) {
        return {result(s, CheckSeverity::Error, CheckKind::Untranslated,
                       tr("The text is the source text, untranslated"))};
    }
    QList<CheckResult> out;
    for (const QString &run : latinRuns(target)) {
        const QString trimmed = run.trimmed();
        if (latinWordCount(trimmed) >= copiedRunWords &&
            s.source.contains(trimmed, Qt::CaseInsensitive)) {
            out.append(result(s, CheckSeverity::Warning, CheckKind::Untranslated,
                              tr("Copied from the source, untranslated: \"%1\"").arg(trimmed)));
        }
    }
    return out;
}

QList<CheckResult> TranslationChecks::numbers(const CheckSegment &s)
{
    if (s.target.trimmed().isEmpty())
        return {};
    QList<NumberToken> source = numberTokens(s.source);
    QList<NumberToken> target = numberTokens(s.target);
    QList<CheckResult> out;
    // Pair equal values first (the multiset intersection); what is left differs.
    QStringList units;
    for (qsizetype i = 0; i < source.size();) {
        const auto match = std::find_if(target.begin(), target.end(), [&](const NumberToken &t) {
            return t.value == source.at(i).value;
        });
        if (match == target.end()) {
            ++i;
            continue;
        }
        if (!source.at(i).unit.isEmpty() && !match->unit.isEmpty() &&
            source.at(i).unit != match->unit) {
            units.append(tr("%1 in the source, %2 in the target")
                             .arg(describe(source.at(i)), describe(*match)));
        }
        target.erase(match);
        source.removeAt(i);
    }
    if (!units.isEmpty()) {
        out.append(result(s, CheckSeverity::Warning, CheckKind::Units,
                          tr("Units differ: %1").arg(units.join(QStringLiteral("; ")))));
    }
    if (!source.isEmpty() || !target.isEmpty()) {
        QStringList missing, extra;
        for (const NumberToken &t : source)
            missing.append(describe(t));
        for (const NumberToken &t : target)
            extra.append(describe(t));
        QString text;
        if (!missing.isEmpty() && !extra.isEmpty())
            text = tr("Numbers differ: the source has %1, the target has %2")
                       .arg(missing.join(QStringLiteral(", ")), extra.join(QStringLiteral(", ")));
        else if (!missing.isEmpty())
            text =
                tr("Numbers missing from the target: %1").arg(missing.join(QStringLiteral(", ")));
        else
            text = tr("Numbers not in the source: %1").arg(extra.join(QStringLiteral(", ")));
        out.append(result(s, CheckSeverity::Warning, CheckKind::Numbers, text));
    }
    return out;
}

QList<CheckResult> TranslationChecks::glossary(const CheckSegment &s)
{
    if (s.target.trimmed().isEmpty())
        return {};
    QList<CheckResult> out;
    QStringList seen;
    for (const client::GlossaryEntry &e : s.terms) {
        if (e.kind != u"term" || e.translation.isEmpty())
            continue;
        const QString key = e.term.toLower();
        if (seen.contains(key))
            continue;
        seen.append(key);
        if (!s.target.contains(e.translation, Qt::CaseInsensitive)) {
            out.append(result(
                s, CheckSeverity::Warning, CheckKind::Glossary,
                tr("Glossary: \"%1\" should be translated as \"%2\"").arg(e.term, e.translation)));
        }
    }
    return out;
}

QList<CheckResult> TranslationChecks::length(const CheckSegment &s)
{
    const int n = characterCount(s.target);
    if (s.field == u"title" && n > titleLimit)
        return {result(s, CheckSeverity::Error, CheckKind::Length, fieldLimitText(n, titleLimit))};
    if (s.field == u"description") {
        if (n > descriptionLimit)
            return {result(s, CheckSeverity::Error, CheckKind::Length,
                           fieldLimitText(n, descriptionLimit))};
        if (n > descriptionWarnLimit)
            return {result(s, CheckSeverity::Warning, CheckKind::Length,
                           fieldLimitText(n, descriptionWarnLimit))};
    }
    if (client::isAttributeKey(s.field) && n > attributeWarnLimit)
        return {result(s, CheckSeverity::Warning, CheckKind::Length,
                       fieldLimitText(n, attributeWarnLimit))};
    return {};
}

QList<CheckResult> TranslationChecks::forbiddenWords(const CheckSegment &s,
                                                     const QList<client::GlossaryEntry> &forbidden)
{
    QList<CheckResult> out;
    for (const client::GlossaryEntry &e : forbidden) {
        if (e.kind != u"forbidden" || e.term.isEmpty() ||
            !s.target.contains(e.term, Qt::CaseInsensitive))
            continue;
        QString text = tr("Forbidden word: \"%1\"").arg(e.term);
        if (!e.note.isEmpty())
            text += QStringLiteral(" (") + e.note + QLatin1Char(')');
        out.append(result(s, CheckSeverity::Error, CheckKind::Forbidden, text));
    }
    return out;
}

QList<CheckResult> TranslationChecks::run(const QList<CheckSegment> &segments,
                                          const QList<client::GlossaryEntry> &forbidden)
{
    QList<CheckResult> out;
    for (const CheckSegment &s : segments) {
        out += empty(s);
        out += untranslated(s);
        out += numbers(s);
        out += glossary(s);
        out += length(s);
        out += forbiddenWords(s, forbidden);
    }
    return out;
}

bool TranslationChecks::hasErrors(const QList<CheckResult> &results)
{
    return std::any_of(results.begin(), results.end(),
                       [](const CheckResult &r) { return r.severity == CheckSeverity::Error; });
}

} // namespace haitao::models
