#include "widgets/roledelegate.h"

#include "core/role.h"
#include "widgets/rolelabel.h"

#include <QComboBox>

namespace haitao::widgets {

QString RoleDelegate::displayText(const QVariant &value, const QLocale &locale) const
{
    if (value.typeId() == QMetaType::QString)
        return roleLabel(value.toString());
    return QStyledItemDelegate::displayText(value, locale);
}

QWidget *RoleDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                    const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("roleEditor"));
    for (const QString &name : allRoleNames())
        combo->addItem(roleLabel(name), name);
    // One pick is the whole edit: commit it at once instead of waiting for focus to leave.
    // (createEditor() is const, but emitting the delegate's signals is how Qt expects it.)
    auto *self = const_cast<RoleDelegate *>(this);
    connect(combo, &QComboBox::activated, self, [self, combo] {
        emit self->commitData(combo);
        emit self->closeEditor(combo);
    });
    return combo;
}

void RoleDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return;
    const int i = combo->findData(index.data(Qt::EditRole).toString());
    combo->setCurrentIndex(qMax(i, 0));
}

void RoleDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace haitao::widgets
