#pragma once

#include "backend/http/query.h"
#include "backend/http/request.h"
#include "core/page.h"

#include <QJsonArray>
#include <QJsonObject>

namespace haitao::server {

// The keyset cursor and page size shared by list endpoints (`cursor`, `limit`).
struct Paging
{
    qint64 cursor = 0;
    int limit = 0;
};

// Throws ApiError MalformedRequest naming the bad parameter.
Paging readPaging(const Request &request, int defaultLimit, int maxLimit);
// The same, with its problems collected among the route's other query parameters.
Paging readPaging(QueryFields &query, int defaultLimit, int maxLimit);

// {items, nextCursor}; `toJson` turns one item into JSON (a view of it, e.g. the public one).
template <typename T, typename ToJson> QJsonObject pageJson(const Page<T> &page, ToJson toJson)
{
    QJsonArray items;
    for (const T &item : page.items)
        items.append(toJson(item));
    QJsonObject o{{QStringLiteral("items"), items}};
    o.insert(QStringLiteral("nextCursor"),
             page.nextCursor.isEmpty() ? QJsonValue() : QJsonValue(page.nextCursor));
    return o;
}

template <typename T> QJsonObject pageJson(const Page<T> &page)
{
    return pageJson(page, [](const T &item) { return item.toJson(); });
}

} // namespace haitao::server
