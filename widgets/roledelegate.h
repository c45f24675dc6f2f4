#pragma once

#include <QStyledItemDelegate>

namespace haitao::widgets {

// Shows a role column's API names ("ops") as translated labels and edits them with a combo
// box; the chosen API name goes to the model with Qt::EditRole.
class RoleDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QString displayText(const QVariant &value, const QLocale &locale) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
};

} // namespace haitao::widgets
