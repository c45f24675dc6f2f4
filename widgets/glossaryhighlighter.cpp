#include "widgets/glossaryhighlighter.h"

#include <QHelpEvent>
#include <QTextBlock>
#include <QToolTip>

namespace haitao::widgets {

GlossaryHighlighter::GlossaryHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{}

void GlossaryHighlighter::setMatches(const QList<client::GlossaryMatch> &matches)
{
    m_matches = matches;
    rehighlight();
}

QString GlossaryHighlighter::toolTipAt(int position) const
{
    for (const client::GlossaryMatch &m : m_matches) {
        if (position < m.start || position >= m.start + m.length)
            continue;
        if (m.entry.kind == u"forbidden")
            return tr("Glossary: \"%1\" must not appear in the translation").arg(m.entry.term);
        QString text =
            tr("Glossary: \"%1\" is translated as \"%2\"").arg(m.entry.term, m.entry.translation);
        if (!m.entry.note.isEmpty())
            text += QLatin1Char('\n') + m.entry.note;
        return text;
    }
    return {};
}

void GlossaryHighlighter::highlightBlock(const QString &text)
{
    const int blockStart = currentBlock().position();
    const int blockEnd = blockStart + int(text.size());
    QTextCharFormat format;
    format.setBackground(QColor(0xff, 0xf3, 0xc4));
    format.setUnderlineStyle(QTextCharFormat::DotLine);
    format.setUnderlineColor(QColor(0xb2, 0x6a, 0x00));
    for (const client::GlossaryMatch &m : m_matches) {
        if (m.entry.kind != u"term")
            continue;
        const int start = std::max(m.start, blockStart);
        const int end = std::min(m.start + m.length, blockEnd);
        if (start < end)
            setFormat(start - blockStart, end - start, format);
    }
}

SourceView::SourceView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new GlossaryHighlighter(document()))
{
    setReadOnly(true);
    setTabChangesFocus(true);
}

bool SourceView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = m_highlighter->toolTipAt(cursorForPosition(help->pos()).position());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

} // namespace haitao::widgets
