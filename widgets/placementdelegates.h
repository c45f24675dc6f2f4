#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace haitao::widgets {

// The manual queue's service levels: how long a sub-order may wait in its status before its
// row turns amber, then red. The one place these limits live.
namespace sla {
constexpr qint64 kAmberAfterSeconds = 30 * 60;
constexpr qint64 kRedAfterSeconds = 2 * 60 * 60;
enum class Level { Normal, Amber, Red };
Level levelOf(qint64 ageSeconds);
QColor background(Level level); // invalid for Normal
QColor foreground(Level level);
} // namespace sla

// "45 s", "12 min", "3 h 05 min", "2 d 4 h".
QString ageText(qint64 seconds);
// "850 ms", "1.25 s", "2 min 03 s"; empty for a negative (still running) duration.
QString durationText(qint64 ms);

// The placement queue: rows coloured by their SLA age (PlacementQueueModel::AgeRole) and the
// age column as text.
class PlacementQueueDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

// The attempts timeline: durations as text, failed and ambiguous outcomes marked.
class PlacementAttemptsDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace haitao::widgets
