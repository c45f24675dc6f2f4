#pragma once

#include "backend-client/glossarytypes.h"

#include <QPlainTextEdit>
#include <QSyntaxHighlighter>

namespace haitao::widgets {

// Marks the glossary terms found in a source text (GlossaryApi::match, positions in UTF-16
// units of the whole text) and says which translation each requires.
class GlossaryHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit GlossaryHighlighter(QTextDocument *document);

    void setMatches(const QList<client::GlossaryMatch> &matches);
    const QList<client::GlossaryMatch> &matches() const { return m_matches; }
    // The tooltip for the character at `position` of the document; empty off any term.
    QString toolTipAt(int position) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    QList<client::GlossaryMatch> m_matches;
};

// A read-only source text with its glossary terms marked and explained on hover.
class SourceView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit SourceView(QWidget *parent = nullptr);

    GlossaryHighlighter *highlighter() const { return m_highlighter; }

protected:
    bool viewportEvent(QEvent *event) override;

private:
    GlossaryHighlighter *m_highlighter;
};

} // namespace haitao::widgets
