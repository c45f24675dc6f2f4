#include "widgets/tableviews.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QTableView>

#include <memory>

namespace haitao::widgets {

void setUpTableView(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setStretchLastSection(true);

    QAbstractItemModel *model = view->model();
    auto fitted = std::make_shared<bool>(false);
    QObject::connect(model, &QAbstractItemModel::modelReset, view, [fitted] { *fitted = false; });
    QObject::connect(model, &QAbstractItemModel::rowsInserted, view, [view, fitted] {
        if (*fitted)
            return;
        *fitted = true;
        // The last column keeps stretching to the view's edge.
        for (int column = 0; column < view->model()->columnCount() - 1; ++column)
            view->resizeColumnToContents(column);
    });
}

} // namespace haitao::widgets
