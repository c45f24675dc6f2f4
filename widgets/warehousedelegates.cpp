#include "widgets/warehousedelegates.h"

#include "models/warehouseroles.h"
#include "widgets/warehouselabels.h"

#include <QDateTime>
#include <QLocale>

namespace haitao::widgets {

void WarehouseDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant raw = index.data(models::RawRole);
    if (raw.metaType() == QMetaType::fromType<QDateTime>()) {
        option->text =
            QLocale().toString(raw.toDateTime().toLocalTime(), QStringLiteral("HH:mm:ss"));
        return;
    }
    const QString unit = index.data(models::UnitRole).toString();
    if (unit.isEmpty() || !raw.isValid())
        return;
    option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
    if (unit == u"g") {
        option->text = gramsText(raw.toLongLong());
        return;
    }
    if (const std::optional<Currency> currency = Currency::fromCode(unit))
        option->text = signedMoneyText(Money(raw.toLongLong(), *currency));
}

} // namespace haitao::widgets
