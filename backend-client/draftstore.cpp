#include "backend-client/draftstore.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace haitao::client {

namespace {

QAtomicInteger<int> connectionCounter;

QString textJson(const ListingText &text)
{
    return QString::fromUtf8(QJsonDocument(text.toJson()).toJson(QJsonDocument::Compact));
}

ListingText textFromJson(const QString &json)
{
    return ListingText::fromJson(QJsonDocument::fromJson(json.toUtf8()).object());
}

} // namespace

QString DraftStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/drafts.sqlite");
}

DraftStore::DraftStore(const QString &path)
    : m_path(path.isEmpty() ? defaultPath() : path)
    , m_connection(QStringLiteral("haitao-drafts-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
{
    m_open = open();
}

DraftStore::~DraftStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isValid())
            db.close();
    }
    // Every QSqlDatabase copy is gone by now (scope above), so removal does not warn.
    QSqlDatabase::removeDatabase(m_connection);
}

bool DraftStore::fail(const QString &what, const QString &error)
{
    m_error = what + QStringLiteral(": ") + error;
    return false;
}

bool DraftStore::open()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open())
        return fail(QStringLiteral("open"), db.lastError().text());
    QSqlQuery q(db);
    // WAL with synchronous=FULL: a committed draft survives a crash of the app or the machine.
    for (const char *sql :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=5000",
          "CREATE TABLE IF NOT EXISTS listing_drafts ("
          " server_url TEXT NOT NULL, user_name TEXT NOT NULL, product_id INTEGER NOT NULL,"
          " base_version INTEGER NOT NULL, base_text TEXT NOT NULL, draft_text TEXT NOT NULL,"
          " saved_at INTEGER NOT NULL, PRIMARY KEY (server_url, user_name, product_id))"}) {
        if (!q.exec(QString::fromLatin1(sql)))
            return fail(QString::fromLatin1(sql), q.lastError().text());
    }
    return true;
}

bool DraftStore::save(const ListingDraft &draft)
{
    if (!m_open)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return fail(QStringLiteral("begin"), db.lastError().text());
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO listing_drafts (server_url, user_name, product_id, base_version,"
        " base_text, draft_text, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(draft.serverUrl);
    q.addBindValue(draft.user);
    q.addBindValue(draft.productId);
    q.addBindValue(draft.baseVersion);
    q.addBindValue(textJson(draft.base));
    q.addBindValue(textJson(draft.text));
    const QDateTime at = draft.savedAt.isValid() ? draft.savedAt : QDateTime::currentDateTimeUtc();
    q.addBindValue(at.toMSecsSinceEpoch());
    if (!q.exec()) {
        const QString error = q.lastError().text();
        db.rollback();
        return fail(QStringLiteral("save"), error);
    }
    if (!db.commit()) {
        const QString error = db.lastError().text();
        db.rollback();
        return fail(QStringLiteral("commit"), error);
    }
    return true;
}

std::optional<ListingDraft> DraftStore::load(const QString &serverUrl, const QString &user,
                                             qint64 productId)
{
    if (!m_open)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT base_version, base_text, draft_text, saved_at FROM "
                             "listing_drafts WHERE server_url = ? AND user_name = ? AND "
                             "product_id = ?"));
    q.addBindValue(serverUrl);
    q.addBindValue(user);
    q.addBindValue(productId);
    if (!q.exec()) {
        fail(QStringLiteral("load"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    ListingDraft d;
    d.serverUrl = serverUrl;
    d.user = user;
    d.productId = productId;
    d.baseVersion = q.value(0).toLongLong();
    d.base = textFromJson(q.value(1).toString());
    d.text = textFromJson(q.value(2).toString());
    d.savedAt = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
    return d;
}

bool DraftStore::remove(const QString &serverUrl, const QString &user, qint64 productId)
{
    if (!m_open)
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM listing_drafts WHERE server_url = ? AND user_name = ? "
                             "AND product_id = ?"));
    q.addBindValue(serverUrl);
    q.addBindValue(user);
    q.addBindValue(productId);
    if (!q.exec())
        return fail(QStringLiteral("remove"), q.lastError().text());
    return true;
}

} // namespace haitao::client
