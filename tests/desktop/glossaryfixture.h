#pragma once

// Direct calls to the glossary endpoints for the glossary model and page tests: setting up
// entries and reading back what the server holds, through a signed-in SyncClient.

#include "backend-client/glossaryapi.h"
#include "tests/support/syncclient.h"

#include <QList>

namespace haitao::testing {

class GlossaryFixture
{
public:
    explicit GlossaryFixture(SyncClient *client)
        : m_client(client)
        , m_api(&client->api())
    {}

    client::GlossaryApi &api() { return m_api; }

    // The created entry, or one with id 0 when the server refused it.
    client::GlossaryEntry create(const QString &source, const QString &term,
                                 const QString &translation, const QString &kind = {},
                                 const QString &note = {})
    {
        client::GlossaryEntry e;
        e.sourceLanguage = source;
        e.targetLanguage = QStringLiteral("zh");
        e.term = term;
        e.translation = translation;
        e.kind = kind.isEmpty() ? QStringLiteral("term") : kind;
        e.note = note;
        const auto r = m_client->wait<client::GlossaryEntry>(
            [&](QObject *ctx, auto done) { m_api.create(e, ctx, done); });
        if (!r.ok()) {
            qWarning("create %s failed: %s", qPrintable(term), qPrintable(r.error().message()));
            return {};
        }
        return r.value();
    }

    client::Result<client::GlossaryEntry> update(const client::GlossaryEntry &e)
    {
        return m_client->wait<client::GlossaryEntry>(
            [&](QObject *ctx, auto done) { m_api.update(e, ctx, done); });
    }

    client::Result<client::Done> remove(const client::GlossaryEntry &e)
    {
        return m_client->wait<client::Done>(
            [&](QObject *ctx, auto done) { m_api.remove(e, ctx, done); });
    }

    // Every entry of the pair, all pages; empty on error (with a warning).
    QList<client::GlossaryEntry> all(const QString &source, const QString &search = {})
    {
        QList<client::GlossaryEntry> entries;
        QString cursor;
        do {
            const auto r =
                m_client->wait<Page<client::GlossaryEntry>>([&](QObject *ctx, auto done) {
                    m_api.list(source, QStringLiteral("zh"), search, cursor, 100, ctx, done);
                });
            if (!r.ok()) {
                qWarning("list failed: %s", qPrintable(r.error().message()));
                return {};
            }
            entries += r.value().items;
            cursor = r.value().nextCursor;
        } while (!cursor.isEmpty());
        return entries;
    }

    client::GlossaryEntry find(const QString &source, const QString &term)
    {
        for (const client::GlossaryEntry &e : all(source)) {
            if (e.term == term)
                return e;
        }
        return {};
    }

    // Deletes every entry of the pair, so each test starts from an empty glossary.
    bool wipe(const QString &source)
    {
        for (const client::GlossaryEntry &e : all(source)) {
            if (!remove(e).ok())
                return false;
        }
        return all(source).isEmpty();
    }

private:
    SyncClient *m_client;
    client::GlossaryApi m_api;
};

} // namespace haitao::testing
