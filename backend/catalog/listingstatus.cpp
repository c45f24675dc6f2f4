#include "backend/catalog/listingstatus.h"

namespace haitao::server::catalog {

namespace {

struct Name
{
    ListingStatus status;
    const char *name;
};

constexpr Name kNames[] = {
    {ListingStatus::Imported, "imported"},       {ListingStatus::InTranslation, "in_translation"},
    {ListingStatus::InReview, "in_review"},      {ListingStatus::Published, "published"},
    {ListingStatus::Unpublished, "unpublished"},
};

// Who may make each move. Translators do the translation work; publishing, rejecting and
// unpublishing are review decisions for ops and admins.
struct Move
{
    ListingStatus from;
    ListingStatus to;
    bool translatorMay;
    bool needsComment;
};

constexpr Move kMoves[] = {
    {ListingStatus::Imported, ListingStatus::InTranslation, true, false},
    {ListingStatus::InTranslation, ListingStatus::InReview, true, false},
    {ListingStatus::InReview, ListingStatus::Published, false, false},
    {ListingStatus::InReview, ListingStatus::InTranslation, false, true}, // rejected
    {ListingStatus::Published, ListingStatus::Unpublished, false, false},
    {ListingStatus::Published, ListingStatus::InReview, false, true}, // e.g. a price change
    {ListingStatus::Unpublished, ListingStatus::InTranslation, true, false},
};

} // namespace

QString listingStatusName(ListingStatus status)
{
    for (const Name &n : kNames) {
        if (n.status == status)
            return QLatin1String(n.name);
    }
    return {};
}

std::optional<ListingStatus> listingStatusFromName(QStringView name)
{
    for (const Name &n : kNames) {
        if (name == QLatin1String(n.name))
            return n.status;
    }
    return std::nullopt;
}

TransitionCheck checkTransition(ListingStatus from, ListingStatus to, Role role)
{
    for (const Move &m : kMoves) {
        if (m.from != from || m.to != to)
            continue;
        TransitionCheck c;
        c.needsComment = m.needsComment;
        c.forbiddenForRole =
            role == Role::Customer || (role == Role::Translator && !m.translatorMay);
        c.allowed = !c.forbiddenForRole;
        return c;
    }
    return {};
}

} // namespace haitao::server::catalog
