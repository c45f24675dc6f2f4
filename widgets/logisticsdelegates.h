#pragma once

#include <QStyledItemDelegate>

namespace haitao::widgets {

// The shipments table: the status cell in its status colour, the quiet age as text, amber then
// red when an open parcel has been quiet long (ShipmentsModel::QuietRole).
class ShipmentsDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

// The timeline: times in the carrier's zone with their offset, the status in its colour, and a
// checkpoint whose raw status has no mapping marked (italic, amber, "?").
class CheckpointsDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

// The alert queue: the age as text, open alerts in bold.
class AlertsDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace haitao::widgets
