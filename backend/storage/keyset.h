#pragma once

#include "backend/storage/database.h"
#include "core/page.h"

#include <QList>
#include <QStringList>
#include <QVariant>

#include <utility>

namespace haitao::server::sql {

// The optional conditions of a list query, each with its bound value, kept together so that
// the WHERE text and the bindings cannot drift apart.
class Conditions
{
public:
    // `clause` uses `placeholder` (":state") once.
    void add(const QString &clause, const QString &placeholder, const QVariant &value)
    {
        m_clauses << clause;
        m_bindings.append({placeholder, value});
    }
    // " WHERE a AND b", or nothing without conditions.
    QString where() const
    {
        return m_clauses.isEmpty()
                   ? QString()
                   : QStringLiteral(" WHERE ") + m_clauses.join(QStringLiteral(" AND "));
    }
    void bind(Statement &statement) const
    {
        for (const auto &[placeholder, value] : m_bindings)
            statement.bindValue(placeholder, value);
    }

private:
    QStringList m_clauses;
    QList<std::pair<QString, QVariant>> m_bindings;
};

// The rows of a keyset query ordered by id that asked for limit + 1 rows: the extra row only
// says that a next page exists, whose cursor is the last kept item's id.
template <typename T, typename Read> Page<T> readKeysetPage(Statement &q, int limit, Read read)
{
    Page<T> page;
    while (q.next())
        page.items.append(read(q.query()));
    if (page.items.size() > limit) {
        page.items.removeLast();
        page.nextCursor = QString::number(page.items.constLast().id);
    }
    return page;
}

// A page of `select` ("SELECT cols FROM table") with the conditions, newest (highest id) first.
template <typename T, typename Read>
Page<T> newestFirst(const QSqlDatabase &db, const QString &select, const Conditions &conditions,
                    int limit, Read read, const char *what)
{
    Statement q = prepareOrThrow(db, select + conditions.where() +
                                         QStringLiteral(" ORDER BY id DESC LIMIT :limit"));
    conditions.bind(q);
    q.bindValue(QStringLiteral(":limit"), limit + 1);
    execOrThrow(q, what);
    return readKeysetPage<T>(q, limit, read);
}

} // namespace haitao::server::sql
