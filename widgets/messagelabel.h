#pragma once

#include <QLabel>

namespace haitao::widgets {

// The line where a page or dialog tells the user what went wrong (or right). Hidden when empty,
// so errors appear where the user is looking instead of in modal boxes.
class MessageLabel : public QLabel
{
    Q_OBJECT

public:
    explicit MessageLabel(QWidget *parent = nullptr);

    void showError(const QString &text);
    void showInfo(const QString &text);
    void clearMessage();
    bool isError() const { return m_error; }

private:
    void showText(const QString &text, bool error);

    bool m_error = false;
};

} // namespace haitao::widgets
