#pragma once

#include <QStyledItemDelegate>

namespace haitao::widgets {

// Marks cells whose ErrorRole is set (a refused value) with a red background; the model's
// tooltip says why. Editors are plain line edits, committed on Enter or focus change.
class ValidationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

// The FX table: stale rows in amber, ages as "5 h", the status column as a word.
class FxRateDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace haitao::widgets
