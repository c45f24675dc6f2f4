#pragma once

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

template <typename T> QJsonObject pageJson(const Page<T> &page)
{
    QJsonArray items;
    for (const T &item : page.items)
        items.append(item.toJson());
    QJsonObject o{{QStringLiteral("items"), items}};
    o.insert(QStringLiteral("nextCursor"),
             page.nextCursor.isEmpty() ? QJsonValue() : QJsonValue(page.nextCursor));
    return o;
}

} // namespace haitao::server
