#pragma once

#include <QStyledItemDelegate>

namespace haitao::widgets {

// The warehouse tables' numbers: a cell with models::UnitRole shows its RawRole as grams
// ("1,250 g") or as a signed amount in that currency ("+CNY 12.00"); a time as hh:mm:ss local.
class WarehouseDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace haitao::widgets
