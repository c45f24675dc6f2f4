#include "backend/translation/similarity.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace haitao::server::translation {

namespace {

QHash<QStringView, int> trigramCounts(const QString &s)
{
    QHash<QStringView, int> counts;
    if (s.size() < 3) {
        if (!s.isEmpty())
            counts.insert(QStringView(s), 1); // short texts compare whole
        return counts;
    }
    for (qsizetype i = 0; i + 3 <= s.size(); ++i)
        ++counts[QStringView(s).mid(i, 3)];
    return counts;
}

} // namespace

QString normalizedForMatch(const QString &text)
{
    return text.simplified().toCaseFolded();
}

int similarity(const QString &a, const QString &b)
{
    const QString na = normalizedForMatch(a);
    const QString nb = normalizedForMatch(b);
    if (na == nb)
        return 100;
    const QHash<QStringView, int> ta = trigramCounts(na);
    const QHash<QStringView, int> tb = trigramCounts(nb);
    qint64 sizeA = 0, sizeB = 0, shared = 0;
    for (auto it = ta.begin(); it != ta.end(); ++it) {
        sizeA += it.value();
        shared += std::min(it.value(), tb.value(it.key(), 0));
    }
    for (const int n : tb)
        sizeB += n;
    if (sizeA + sizeB == 0)
        return 0;
    // Floor, and never 100 for texts that differ (a reordering can share every trigram).
    return std::min(99, int(200 * shared / (sizeA + sizeB)));
}

QStringList searchTrigrams(const QString &text, int max)
{
    const QString n = normalizedForMatch(text);
    QStringList all;
    QSet<QString> seen;
    for (qsizetype i = 0; i + 3 <= n.size(); ++i) {
        const QString t = n.mid(i, 3);
        if (!seen.contains(t)) {
            seen.insert(t);
            all.append(t);
        }
    }
    if (all.size() <= max)
        return all;
    QStringList picked;
    for (int i = 0; i < max; ++i)
        picked.append(all.at(qsizetype(i) * all.size() / max));
    return picked;
}

} // namespace haitao::server::translation
