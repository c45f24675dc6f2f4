#pragma once

#include "backend-client/listingtypes.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace haitao::client {

// An unsaved edit of one listing, kept on this machine until the server has it.
struct ListingDraft
{
    QString serverUrl;
    QString user;
    qint64 productId = 0;
    qint64 baseVersion = 0; // the listing version the editor loaded
    ListingText base;       // the text the editor loaded (the "original" of a merge)
    ListingText text;       // the translator's text
    QDateTime savedAt;
};

// The local store of unsaved listing drafts: one SQLite file (Qt Sql, its own connection),
// one row per (server URL, user, product). Each write is one transaction with
// synchronous=FULL in WAL mode, so a crash right after save() loses nothing.
// Use from one thread (the GUI thread).
class DraftStore
{
public:
    // `path` empty: drafts.sqlite in QStandardPaths::AppLocalDataLocation.
    explicit DraftStore(const QString &path = {});
    ~DraftStore();
    DraftStore(const DraftStore &) = delete;
    DraftStore &operator=(const DraftStore &) = delete;

    static QString defaultPath();

    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }

    // Inserts or replaces the draft of (serverUrl, user, productId); sets savedAt when invalid.
    bool save(const ListingDraft &draft);
    std::optional<ListingDraft> load(const QString &serverUrl, const QString &user,
                                     qint64 productId);
    bool remove(const QString &serverUrl, const QString &user, qint64 productId);

private:
    bool open();
    bool fail(const QString &what, const QString &error);

    QString m_path;
    QString m_connection;
    QString m_error;
    bool m_open = false;
};

} // namespace haitao::client
