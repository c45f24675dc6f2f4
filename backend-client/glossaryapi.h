#pragma once

#include "backend-client/apiclient.h"
#include "backend-client/glossarytypes.h"
#include "core/page.h"

namespace haitao::client {

// The glossary endpoints (/api/v1/catalog/glossary...), one async call each, on top of an
// ApiClient. A small value that only points at the client: copy it freely.
class GlossaryApi
{
public:
    template <typename T> using Callback = ApiClient::Callback<T>;

    explicit GlossaryApi(ApiClient *client)
        : m_client(client)
    {}

    // One page of the pair's entries; `search` filters by term or translation substring.
    void list(const QString &source, const QString &target, const QString &search,
              const QString &cursor, int limit, QObject *context,
              Callback<Page<GlossaryEntry>> done) const;
    void create(const GlossaryEntry &entry, QObject *context, Callback<GlossaryEntry> done) const;
    // Sends entry.version as If-Match: PreconditionFailed when someone else changed it.
    void update(const GlossaryEntry &entry, QObject *context, Callback<GlossaryEntry> done) const;
    void remove(const GlossaryEntry &entry, QObject *context, Callback<Done> done) const;
    // The pair's entries as CSV bytes (term,translation,kind,note).
    void exportCsv(const QString &source, const QString &target, QObject *context,
                   Callback<QByteArray> done) const;
    void importCsv(const QString &source, const QString &target, const QByteArray &csv,
                   QObject *context, Callback<GlossaryImportResult> done) const;
    // The pair's terms (and forbidden words) found in `text`, in text order.
    void match(const QString &source, const QString &target, const QString &text, QObject *context,
               Callback<QList<GlossaryMatch>> done) const;

private:
    ApiClient *m_client;
};

} // namespace haitao::client
