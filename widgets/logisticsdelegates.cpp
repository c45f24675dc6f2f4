#include "widgets/logisticsdelegates.h"

#include "models/alertsmodel.h"
#include "models/checkpointsmodel.h"
#include "models/itemroles.h"
#include "models/shipmentsmodel.h"
#include "widgets/logisticslabels.h"
#include "widgets/placementdelegates.h"

namespace haitao::widgets {

namespace {

void paintStatus(QStyleOptionViewItem *option, const QString &status)
{
    const StatusColours colours = statusColours(status);
    if (colours.background.isValid())
        option->backgroundBrush = colours.background;
    if (colours.foreground.isValid())
        option->palette.setColor(QPalette::Text, colours.foreground);
}

} // namespace

void ShipmentsDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString status = index.data(models::ShipmentsModel::StatusRole).toString();
    if (index.column() == models::ShipmentsModel::StatusColumn) {
        paintStatus(option, status);
        return;
    }
    if (index.column() != models::ShipmentsModel::QuietColumn)
        return;
    const qint64 seconds = index.data(models::ShipmentsModel::QuietRole).toLongLong();
    option->text = ageText(seconds);
    // The same amber and red as the manual queue's SLA: one visual language for "late".
    switch (quiet::levelOf(seconds, status)) {
    case quiet::Level::Amber:
        option->backgroundBrush = sla::background(sla::Level::Amber);
        option->palette.setColor(QPalette::Text, sla::foreground(sla::Level::Amber));
        break;
    case quiet::Level::Red:
        option->backgroundBrush = sla::background(sla::Level::Red);
        option->palette.setColor(QPalette::Text, sla::foreground(sla::Level::Red));
        option->font.setBold(true);
        break;
    case quiet::Level::Normal:
        break;
    }
}

void CheckpointsDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool checkpoint = index.parent().isValid();
    if (!checkpoint) {
        option->font.setBold(true); // a leg heading
        if (index.column() == models::CheckpointsModel::StatusColumn)
            paintStatus(option, index.data(models::RawRole).toString());
        return;
    }
    if (index.column() == models::CheckpointsModel::TimeColumn)
        option->text = zonedTimeText(index.data(models::RawRole).toDateTime());
    const bool unknown = index.data(models::CheckpointsModel::UnknownRole).toBool();
    if (index.column() == models::CheckpointsModel::StatusColumn) {
        paintStatus(option, index.data(models::RawRole).toString());
        if (unknown)
            option->text = QStringLiteral("? ") + option->text;
    }
    if (unknown) {
        option->font.setItalic(true);
        if (index.column() == models::CheckpointsModel::RawStatusColumn ||
            index.column() == models::CheckpointsModel::RawTextColumn)
            option->palette.setColor(QPalette::Text, statusColours(QString()).foreground);
    }
}

void AlertsDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == models::AlertsModel::AgeColumn)
        option->text = ageText(index.data(models::AlertsModel::AgeRole).toLongLong());
    const QString state =
        index.siblingAtColumn(models::AlertsModel::StateColumn).data(models::RawRole).toString();
    if (state == QLatin1String("open"))
        option->font.setBold(true);
    if (index.column() == models::AlertsModel::KindColumn) {
        const QString kind = index.data(models::RawRole).toString();
        paintStatus(option, kind == QLatin1String("quiet") ? QStringLiteral("unknown") : kind);
    }
}

} // namespace haitao::widgets
