#include "models/textdiff.h"

#include <cstdint>
#include <vector>

namespace haitao::models {

namespace {

// Chinese, Japanese and Korean text has no spaces: each character is a token of its own.
bool isCjk(char32_t c)
{
    return c >= 0x2E80;
}

void append(QList<DiffPart> &parts, DiffPart::Kind kind, const QString &text)
{
    if (text.isEmpty())
        return;
    if (!parts.isEmpty() && parts.last().kind == kind)
        parts.last().text += text;
    else
        parts.append({kind, text});
}

} // namespace

QStringList diffTokens(const QString &text)
{
    QStringList tokens;
    QString word;
    const auto flushWord = [&] {
        if (!word.isEmpty())
            tokens.append(word);
        word.clear();
    };
    for (qsizetype i = 0; i < text.size();) {
        char32_t c = text.at(i).unicode();
        qsizetype len = 1;
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() &&
            text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            len = 2;
        }
        const QString piece = text.mid(i, len);
        if (!isCjk(c) && (QChar::isLetterOrNumber(c) || c == U'\'' || c == U'_')) {
            word += piece;
        } else {
            flushWord();
            tokens.append(piece);
        }
        i += len;
    }
    flushWord();
    return tokens;
}

QList<DiffPart> diffText(const QString &before, const QString &after)
{
    const QStringList a = diffTokens(before);
    const QStringList b = diffTokens(after);
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.at(prefix) == b.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
        ++suffix;

    QList<DiffPart> parts;
    append(parts, DiffPart::Equal, a.mid(0, prefix).join(QString()));
    const qsizetype n = a.size() - prefix - suffix;
    const qsizetype m = b.size() - prefix - suffix;
    if (n * m > 4'000'000) {
        append(parts, DiffPart::Deleted, a.mid(prefix, n).join(QString()));
        append(parts, DiffPart::Inserted, b.mid(prefix, m).join(QString()));
    } else if (n > 0 || m > 0) {
        // Longest common subsequence of the middle, filled from the end so that the walk
        // forward can read the table directly. min(n, m) <= 2000 here, so 16 bits suffice.
        const qsizetype w = m + 1;
        std::vector<std::uint16_t> lcs(std::size_t((n + 1) * w), 0);
        for (qsizetype i = n - 1; i >= 0; --i) {
            for (qsizetype j = m - 1; j >= 0; --j) {
                lcs[std::size_t(i * w + j)] =
                    a.at(prefix + i) == b.at(prefix + j)
                        ? std::uint16_t(lcs[std::size_t((i + 1) * w + j + 1)] + 1)
                        : std::max(lcs[std::size_t((i + 1) * w + j)],
                                   lcs[std::size_t(i * w + j + 1)]);
            }
        }
        QString deleted, inserted;
        const auto flush = [&] {
            append(parts, DiffPart::Deleted, deleted);
            append(parts, DiffPart::Inserted, inserted);
            deleted.clear();
            inserted.clear();
        };
        qsizetype i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.at(prefix + i) == b.at(prefix + j)) {
                flush();
                append(parts, DiffPart::Equal, a.at(prefix + i));
                ++i;
                ++j;
            } else if (j >= m || (i < n && lcs[std::size_t((i + 1) * w + j)] >=
                                               lcs[std::size_t(i * w + j + 1)])) {
                deleted += a.at(prefix + i++);
            } else {
                inserted += b.at(prefix + j++);
            }
        }
        flush();
    }
    append(parts, DiffPart::Equal, a.mid(a.size() - suffix).join(QString()));
    return parts;
}

} // namespace haitao::models
