#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace haitao::models {

// A word and character diff for reviewers: latin words and numbers are compared whole, each
// Chinese (CJK) character, space and punctuation mark on its own. Pure functions.
struct DiffPart
{
    enum Kind { Equal, Deleted, Inserted };
    Kind kind = Equal;
    QString text;
    friend bool operator==(const DiffPart &, const DiffPart &) = default;
};

QStringList diffTokens(const QString &text);

// The parts that turn `before` into `after`: joining Equal and Deleted gives `before`, Equal
// and Inserted gives `after`. Adjacent parts of one kind are merged; in a change, the deleted
// part comes before the inserted one. Past 4 million token pairs (after the common start and
// end are set aside) the middle is shown as one deletion and one insertion.
QList<DiffPart> diffText(const QString &before, const QString &after);

} // namespace haitao::models
