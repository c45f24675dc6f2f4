#include "widgets/productdelegate.h"

#include "models/itemroles.h"
#include "models/productsmodel.h"
#include "widgets/productlabels.h"
#include "widgets/thumbnailcache.h"

#include <QApplication>
#include <QPainter>

namespace haitao::widgets {

using models::ProductsModel;

ProductDelegate::ProductDelegate(ThumbnailCache *thumbnails, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_thumbnails(thumbnails)
{}

void ProductDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(models::LoadingRole).toBool()) {
        option->text = index.column() == ProductsModel::TitleColumn ? tr("Loading…") : QString();
        option->palette.setColor(QPalette::Text, QColor(0x9e, 0x9e, 0x9e));
        return;
    }
    if (index.column() == ProductsModel::StatusColumn)
        option->text =
            productStatusLabel(client::ProductStatus(index.data(models::StatusRole).toInt()));
    if (index.column() == ProductsModel::ImageColumn)
        option->text.clear();
    if (index.data(models::StaleRole).toBool())
        option->palette.setColor(QPalette::Text, QColor(0x7a, 0x4b, 0x00));
}

void ProductDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index); // background, selection, text
    if (index.column() != ProductsModel::ImageColumn)
        return;
    const QPixmap pixmap = m_thumbnails->pixmap(index.data(models::ThumbnailRole).toString());
    if (pixmap.isNull())
        return;
    const QSize size = pixmap.deviceIndependentSize().toSize().scaled(
        option.rect.size() - QSize(4, 4), Qt::KeepAspectRatio);
    QRect target(QPoint(), size);
    target.moveCenter(option.rect.center());
    painter->drawPixmap(target, pixmap);
}

QSize ProductDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() == ProductsModel::ImageColumn)
        return {ThumbnailCache::kSize + 4, ThumbnailCache::kSize + 4};
    return QStyledItemDelegate::sizeHint(option, index);
}

} // namespace haitao::widgets
