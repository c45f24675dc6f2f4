#pragma once

#include <QStyledItemDelegate>

namespace haitao::widgets {

class ThumbnailCache;

// The products table's cells: thumbnails from the cache, statuses as translated words, rows
// still loading as a grey placeholder, and stale products (source unreadable) in amber.
class ProductDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    ProductDelegate(ThumbnailCache *thumbnails, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    ThumbnailCache *m_thumbnails;
};

} // namespace haitao::widgets
