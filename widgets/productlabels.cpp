#include "widgets/productlabels.h"

#include <QCoreApplication>

namespace haitao::widgets {

QString productStatusLabel(client::ProductStatus status)
{
    switch (status) {
    case client::ProductStatus::Imported:
        return QCoreApplication::translate("haitao::widgets::ProductStatus", "Imported");
    case client::ProductStatus::InTranslation:
        return QCoreApplication::translate("haitao::widgets::ProductStatus", "In translation");
    case client::ProductStatus::InReview:
        return QCoreApplication::translate("haitao::widgets::ProductStatus", "In review");
    case client::ProductStatus::Published:
        return QCoreApplication::translate("haitao::widgets::ProductStatus", "Published");
    case client::ProductStatus::Unpublished:
        return QCoreApplication::translate("haitao::widgets::ProductStatus", "Unpublished");
    }
    return {};
}

} // namespace haitao::widgets
