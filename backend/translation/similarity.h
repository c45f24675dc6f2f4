#pragma once

#include <QString>
#include <QStringList>

namespace haitao::server::translation {

// How alike two texts are, 0 to 100: the Dice coefficient of their character trigrams after
// case folding and collapsing whitespace. 100 only for texts equal after that normalisation,
// so an "exact match" in the translation memory means just that. Linear in the lengths, so
// long descriptions cost little (edit distance would be quadratic).
int similarity(const QString &a, const QString &b);

// The normalised text's distinct trigrams, at most `max` of them spread over the text: what
// the memory looks candidates up by.
QStringList searchTrigrams(const QString &text, int max);

// Case-folded, whitespace runs made one space, trimmed.
QString normalizedForMatch(const QString &text);

} // namespace haitao::server::translation
