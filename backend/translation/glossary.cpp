#include "backend/translation/glossary.h"

#include "core/wiretime.h"

#include <QRegularExpression>

#include <algorithm>

namespace haitao::server::translation {

namespace {

// Letters and digits of Latin script (and ASCII digits): where words need boundaries.
bool isLatinWordChar(QChar c)
{
    if (c.isDigit() && c.unicode() < 0x80)
        return true;
    return c.isLetterOrNumber() && c.script() == QChar::Script_Latin;
}

bool boundaryAt(const QString &text, qsizetype index)
{
    return index < 0 || index >= text.size() || !isLatinWordChar(text.at(index));
}

} // namespace

QJsonObject GlossaryEntry::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("sourceLanguage"), sourceLanguage},
            {QStringLiteral("targetLanguage"), targetLanguage},
            {QStringLiteral("term"), term},
            {QStringLiteral("translation"), translation},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("note"), note},
            {QStringLiteral("updatedBy"), updatedBy},
            {QStringLiteral("updatedAt"), toWireTime(updatedAtMs)},
            {QStringLiteral("version"), version}};
}

bool isLanguageCode(const QString &code)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"));
    return pattern.match(code).hasMatch();
}

QList<QPair<QString, QString>> checkEntry(GlossaryEntry &e)
{
    QList<QPair<QString, QString>> errors;
    e.term = e.term.simplified();
    e.translation = e.translation.simplified();
    e.note = e.note.trimmed();
    e.kind = e.kind.trimmed().toLower();
    if (e.kind.isEmpty())
        e.kind = QStringLiteral("term");
    if (!isLanguageCode(e.sourceLanguage))
        errors.append({QStringLiteral("sourceLanguage"),
                       QStringLiteral("must be a language code such as en")});
    if (!isLanguageCode(e.targetLanguage))
        errors.append({QStringLiteral("targetLanguage"),
                       QStringLiteral("must be a language code such as zh")});
    if (e.term.isEmpty())
        errors.append({QStringLiteral("term"), QStringLiteral("is required")});
    else if (e.term.size() > 200)
        errors.append({QStringLiteral("term"), QStringLiteral("must be at most 200 characters")});
    if (e.kind == QLatin1String("term")) {
        if (e.translation.isEmpty())
            errors.append(
                {QStringLiteral("translation"), QStringLiteral("is required for a term")});
        else if (e.translation.size() > 200)
            errors.append(
                {QStringLiteral("translation"), QStringLiteral("must be at most 200 characters")});
    } else if (e.kind == QLatin1String("forbidden")) {
        if (!e.translation.isEmpty())
            errors.append({QStringLiteral("translation"),
                           QStringLiteral("must be empty for a forbidden word")});
    } else {
        errors.append({QStringLiteral("kind"), QStringLiteral("must be term or forbidden")});
    }
    if (e.note.size() > 1000)
        errors.append({QStringLiteral("note"), QStringLiteral("must be at most 1000 characters")});
    return errors;
}

QList<GlossaryMatch> findTerms(const QString &text, const QList<GlossaryEntry> &entries)
{
    QList<GlossaryMatch> out;
    for (const GlossaryEntry &e : entries) {
        const QString &term = e.term;
        if (term.isEmpty())
            continue;
        const bool wordStart = isLatinWordChar(term.front());
        const bool wordEnd = isLatinWordChar(term.back());
        qsizetype from = 0;
        while (from < text.size()) {
            const qsizetype at = text.indexOf(term, from, Qt::CaseInsensitive);
            if (at < 0)
                break;
            const qsizetype end = at + term.size();
            if ((!wordStart || boundaryAt(text, at - 1)) && (!wordEnd || boundaryAt(text, end))) {
                out.append({e, at, term.size()});
                from = end;
            } else {
                from = at + 1;
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const GlossaryMatch &a, const GlossaryMatch &b) {
        return a.start != b.start ? a.start < b.start : a.length > b.length;
    });
    return out;
}

} // namespace haitao::server::translation
