#pragma once

#include <QWidget>

namespace haitao::widgets {

// One entry of the main window's navigation. A page brings its own controls and shows its own
// errors; the main window only lists and stacks pages.
class Page : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    // The navigation text, from tr(): the main window asks again on language change.
    virtual QString title() const = 0;
};

} // namespace haitao::widgets
