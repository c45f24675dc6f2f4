#pragma once

#include "backend-client/apiclient.h"
#include "backend-client/listingtypes.h"

#include <functional>

namespace haitao::client {

// The translation side of the catalog API: a product as a listing (with its ETag), saving its
// Chinese text, workflow moves, the listing's events, translation memory and machine
// translation. A small value that only points at the client: copy it freely.
class ListingApi
{
public:
    template <typename T> using Callback = ApiClient::Callback<T>;
    // Someone else saved since `etag`: the server's listing as it is now.
    using ConflictCallback = std::function<void(const Listing &theirs)>;

    explicit ListingApi(ApiClient *client)
        : m_client(client)
    {}
    ApiClient *client() const { return m_client; }

    void listing(qint64 productId, QObject *context, Callback<Listing> done) const;

    // PUT .../listing with If-Match `etag`. On 412 the current listing is fetched and handed
    // to `conflict` instead of `done` (when that fetch fails, `done` gets the 412).
    void save(qint64 productId, const ListingText &text, const QByteArray &etag, QObject *context,
              Callback<Listing> done, ConflictCallback conflict) const;

    // A workflow move (to: a listingstatus name); rejections need a comment.
    void transition(qint64 productId, const QString &to, const QString &comment,
                    const QByteArray &etag, QObject *context, Callback<Listing> done) const;

    void events(qint64 productId, QObject *context, Callback<QList<ListingEvent>> done) const;

    // Earlier published translations of similar text, best first.
    void translationMemory(const QString &source, const QString &target, const QString &text,
                           int limit, QObject *context, Callback<QList<TmSuggestion>> done) const;

    // Machine translation of each text; Unavailable when the server has no engine.
    void machineTranslate(const QStringList &texts, const QString &source, const QString &target,
                          QObject *context, Callback<MtResult> done) const;

private:
    ApiClient *m_client;
};

} // namespace haitao::client
