#include "widgets/celldelegates.h"

#include "models/fxratesmodel.h"
#include "models/itemroles.h"

namespace haitao::widgets {

void ValidationDelegate::initStyleOption(QStyleOptionViewItem *option,
                                         const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(models::ErrorRole).toString().isEmpty())
        return;
    option->backgroundBrush = QColor(0xfd, 0xec, 0xea);
    option->palette.setColor(QPalette::Text, QColor(0x8a, 0x1c, 0x1c));
}

void FxRateDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool stale = index.data(models::StaleRole).toBool();
    switch (index.column()) {
    case models::FxRatesModel::AgeColumn:
        option->text = tr("%n h", nullptr, int(index.data(models::RawRole).toLongLong()));
        break;
    case models::FxRatesModel::StaleColumn:
        option->text = stale ? tr("Stale: not used for quotes") : tr("Current");
        break;
    default:
        break;
    }
    if (stale) {
        option->backgroundBrush = QColor(0xff, 0xf4, 0xd6);
        option->palette.setColor(QPalette::Text, QColor(0x7a, 0x4b, 0x00));
        if (index.column() == models::FxRatesModel::StaleColumn)
            option->font.setBold(true);
    }
}

} // namespace haitao::widgets
