#pragma once

#include "core/role.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace haitao::server::catalog {

// The listing workflow (issue: imported -> in_translation -> in_review -> published,
// in_review -> in_translation with a reason, published -> unpublished). Price refresh also
// moves a published listing back to in_review, and an unpublished one can be reworked.
enum class ListingStatus { Imported, InTranslation, InReview, Published, Unpublished };

QString listingStatusName(ListingStatus status); // "in_translation", ...
std::optional<ListingStatus> listingStatusFromName(QStringView name);

// Whether `role` may move a listing from `from` to `to`; nullopt when the move is allowed,
// else why not (English, for the 409 or 403 detail).
struct TransitionCheck
{
    bool allowed = false;
    bool forbiddenForRole = false; // the move exists, but not for this role (403)
    bool needsComment = false;     // a rejection must say why
};
TransitionCheck checkTransition(ListingStatus from, ListingStatus to, Role role);

} // namespace haitao::server::catalog
