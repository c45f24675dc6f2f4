#include "widgets/placementdelegates.h"

#include "models/itemroles.h"
#include "models/placementattemptsmodel.h"
#include "models/placementqueuemodel.h"

#include <QCoreApplication>

namespace haitao::widgets {

namespace sla {

Level levelOf(qint64 ageSeconds)
{
    if (ageSeconds >= kRedAfterSeconds)
        return Level::Red;
    if (ageSeconds >= kAmberAfterSeconds)
        return Level::Amber;
    return Level::Normal;
}

QColor background(Level level)
{
    switch (level) {
    case Level::Amber:
        return QColor(0xff, 0xf4, 0xd6);
    case Level::Red:
        return QColor(0xfd, 0xec, 0xea);
    case Level::Normal:
        break;
    }
    return {};
}

QColor foreground(Level level)
{
    switch (level) {
    case Level::Amber:
        return QColor(0x7a, 0x4b, 0x00);
    case Level::Red:
        return QColor(0x8a, 0x1c, 0x1c);
    case Level::Normal:
        break;
    }
    return {};
}

} // namespace sla

// Free functions have no tr(): the literal context lets lupdate find the strings.

QString ageText(qint64 seconds)
{
    const char *context = "haitao::widgets::PlacementDelegates";
    if (seconds < 60)
        return QCoreApplication::translate(context, "%1 s").arg(qMax<qint64>(seconds, 0));
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return QCoreApplication::translate(context, "%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24) {
        return QCoreApplication::translate(context, "%1 h %2 min")
            .arg(hours)
            .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    }
    return QCoreApplication::translate(context, "%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

QString durationText(qint64 ms)
{
    const char *context = "haitao::widgets::PlacementDelegates";
    if (ms < 0)
        return {};
    if (ms < 1000)
        return QCoreApplication::translate(context, "%1 ms").arg(ms);
    if (ms < 60000) {
        // Exact text from integers: 1250 ms -> "1.25 s".
        return QCoreApplication::translate(context, "%1.%2 s")
            .arg(ms / 1000)
            .arg((ms % 1000) / 10, 2, 10, QLatin1Char('0'));
    }
    const qint64 seconds = ms / 1000;
    return QCoreApplication::translate(context, "%1 min %2 s")
        .arg(seconds / 60)
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

void PlacementQueueDelegate::initStyleOption(QStyleOptionViewItem *option,
                                             const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const qint64 age = index.data(models::PlacementQueueModel::AgeRole).toLongLong();
    if (index.column() == models::PlacementQueueModel::AgeColumn)
        option->text = ageText(age);
    const sla::Level level = sla::levelOf(age);
    if (level == sla::Level::Normal)
        return;
    option->backgroundBrush = sla::background(level);
    option->palette.setColor(QPalette::Text, sla::foreground(level));
    if (level == sla::Level::Red && index.column() == models::PlacementQueueModel::AgeColumn)
        option->font.setBold(true);
}

void PlacementAttemptsDelegate::initStyleOption(QStyleOptionViewItem *option,
                                                const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == models::PlacementAttemptsModel::DurationColumn)
        option->text = durationText(index.data(models::RawRole).toLongLong());
    const QString outcome = index.siblingAtColumn(models::PlacementAttemptsModel::OutcomeColumn)
                                .data(models::RawRole)
                                .toString();
    if (outcome == QLatin1String("failed") || outcome == QLatin1String("needs_manual"))
        option->palette.setColor(QPalette::Text, sla::foreground(sla::Level::Red));
    else if (outcome == QLatin1String("ambiguous") || outcome == QLatin1String("interrupted"))
        option->palette.setColor(QPalette::Text, sla::foreground(sla::Level::Amber));
}

} // namespace haitao::widgets
