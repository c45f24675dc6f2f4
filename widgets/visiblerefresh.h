#pragma once

#include <QObject>

class QTimer;
class QWidget;

namespace haitao::widgets {

// Polls for a page only while it is visible: `shown` each time the page appears, then `tick`
// every interval until it is hidden (nobody looks at a hidden page, so it asks nothing).
class VisibleRefresh : public QObject
{
    Q_OBJECT

public:
    VisibleRefresh(QWidget *page, int intervalMs);

    QTimer *timer() const { return m_timer; } // for tests: interval, isActive

signals:
    void shown();
    void tick();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTimer *m_timer;
};

} // namespace haitao::widgets
