#include "widgets/visiblerefresh.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace haitao::widgets {

VisibleRefresh::VisibleRefresh(QWidget *page, int intervalMs)
    : QObject(page)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &VisibleRefresh::tick);
    page->installEventFilter(this);
}

bool VisibleRefresh::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Show) {
        emit shown();
        m_timer->start();
    } else if (event->type() == QEvent::Hide) {
        m_timer->stop();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace haitao::widgets
