#include "widgets/messagelabel.h"

namespace haitao::widgets {

MessageLabel::MessageLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setVisible(false);
}

void MessageLabel::showError(const QString &text)
{
    showText(text, true);
}

void MessageLabel::showInfo(const QString &text)
{
    showText(text, false);
}

void MessageLabel::clearMessage()
{
    showText(QString(), false);
}

void MessageLabel::showText(const QString &text, bool error)
{
    m_error = error;
    setText(text);
    setStyleSheet(error ? QStringLiteral("QLabel { color: #8a1c1c; background: #fdecea;"
                                         " border: 1px solid #f1b8b4; padding: 4px; }")
                        : QStringLiteral("QLabel { color: #1d5e20; background: #edf7ed;"
                                         " border: 1px solid #b7dfb9; padding: 4px; }"));
    setVisible(!text.isEmpty());
}

} // namespace haitao::widgets
