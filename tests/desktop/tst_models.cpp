// UsersModel and AuditModel against the real server in-process, each checked by
// QAbstractItemModelTester while pages load.

#include "models/auditmodel.h"
#include "models/itemroles.h"
#include "models/usersmodel.h"
#include "tests/support/syncclient.h"
#include "tests/support/testserver.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace haitao;
using models::AuditModel;
using models::UsersModel;

namespace {

const QString staffPassword = QStringLiteral("staff-password-1");
constexpr int staffCount = 7; // with the admin: 8 users, 3 pages of 3

QString staffName(int i)
{
    return QStringLiteral("ops%1").arg(i, 2, 10, QLatin1Char('0'));
}

// Records errorOccurred() without needing ApiError in QVariant.
struct ErrorRecorder
{
    explicit ErrorRecorder(models::PagedTableModel *model)
    {
        QObject::connect(model, &models::PagedTableModel::errorOccurred, model,
                         [this](const client::ApiError &e) { errors.append(e); });
    }
    QList<client::ApiError> errors;
};

QList<qint64> ids(const QAbstractItemModel &model)
{
    QList<qint64> result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(models::IdRole).toLongLong());
    return result;
}

} // namespace

class TstModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void usersLoadFirstPageOnlyOnReload();
    void usersPaging();
    void usersFilters();
    void usersRawValues();
    void staleAnswersAreDropped();
    void roleChangeRoundTrip();
    void invalidRoleIsRefused();
    void disableRoundTrip();
    void refusedChangeKeepsRowAndReportsError();
    void nonAdminGetsForbidden();
    void auditNewestFirst();
    void auditFilters();
    void auditPaging();
    void retranslateEmitsHeaderDataChanged();

private:
    int userCountOnServer();
    int rowOf(const UsersModel &model, const QString &username);
    void loadAll(models::PagedTableModel &model);
    // Changes a fresh user through the API, so audit tests do not depend on earlier ones.
    qint64 changedUser(const QString &username, const client::UserPatch &patch);

    std::unique_ptr<testing::TestServer> m_server;
    std::unique_ptr<testing::SyncClient> m_admin;
};

void TstModels::initTestCase()
{
    m_server = std::make_unique<testing::TestServer>();
    QVERIFY(m_server->start());
    for (int i = 1; i <= staffCount; ++i)
        QVERIFY(m_server->createUser(staffName(i), staffPassword, Role::Ops) > 0);
    m_admin = std::make_unique<testing::SyncClient>(m_server->url());
    QCOMPARE(m_admin->login(QStringLiteral("admin"), testing::TestServer::adminPassword()),
             QString());
}

qint64 TstModels::changedUser(const QString &username, const client::UserPatch &patch)
{
    const qint64 id = m_server->createUser(username, staffPassword, Role::Ops);
    const auto r = m_admin->wait<UserInfo>(
        [&](QObject *context, auto done) { m_admin->api().updateUser(id, patch, context, done); });
    return r.ok() ? id : 0;
}

int TstModels::userCountOnServer()
{
    client::UserQuery query;
    query.limit = 200; // the server's maximum for users
    const auto page = m_admin->wait<Page<UserInfo>>(
        [&](QObject *context, auto done) { m_admin->api().listUsers(query, context, done); });
    return page.ok() ? int(page.value().items.size()) : -1;
}

int TstModels::rowOf(const UsersModel &model, const QString &username)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.userAt(row).username == username)
            return row;
    }
    return -1;
}

void TstModels::loadAll(models::PagedTableModel &model)
{
    QTRY_VERIFY(!model.isLoading());
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QVERIFY(model.isLoading());
        QTRY_VERIFY(!model.isLoading());
    }
}

void TstModels::usersLoadFirstPageOnlyOnReload()
{
    UsersModel model(&m_admin->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loading(&model, &UsersModel::loadingChanged);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(UsersModel::ColumnCount));
    QVERIFY(!model.canFetchMore({})); // idle until reload()
    const int total = userCountOnServer();

    model.reload();
    QVERIFY(model.isLoading());
    QCOMPARE(loading.count(), 1);
    QTRY_COMPARE(model.rowCount(), total);
    QVERIFY(!model.isLoading());
    QCOMPARE(loading.count(), 2);
    QCOMPARE(loading.at(1).at(0).toBool(), false);
    QVERIFY(!model.canFetchMore({}));
}

void TstModels::usersPaging()
{
    UsersModel model(&m_admin->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    client::UserQuery query;
    query.limit = 3;
    model.setQuery(query);

    QTRY_COMPARE(model.rowCount(), 3);
    QVERIFY(!model.isLoading());
    QVERIFY(model.canFetchMore({}));

    model.fetchMore({});
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore({})); // one request at a time
    QTRY_COMPARE(model.rowCount(), 6);

    loadAll(model);
    const int total = userCountOnServer();
    QCOMPARE(model.rowCount(), total);
    QVERIFY(total > 2 * query.limit);
    const QList<qint64> loaded = ids(model);
    QCOMPARE(QSet<qint64>(loaded.begin(), loaded.end()).size(), total); // no duplicates
}

void TstModels::usersFilters()
{
    UsersModel model(&m_admin->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    client::UserQuery query;
    query.search = staffName(3);
    model.setQuery(query);
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.userAt(0).username, staffName(3));

    query.search.clear();
    query.role = Role::Admin;
    model.setQuery(query);
    QTRY_VERIFY(!model.isLoading());
    QVERIFY(model.rowCount() >= 1);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.userAt(row).role, Role::Admin);
}

void TstModels::usersRawValues()
{
    UsersModel model(&m_admin->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QTRY_VERIFY(model.rowCount() > 0 && !model.isLoading());
    const int row = rowOf(model, staffName(1));
    QVERIFY(row >= 0);
    const UserInfo user = model.userAt(row);

    QCOMPARE(model.index(row, UsersModel::UserNameColumn).data().toString(), staffName(1));
    QCOMPARE(model.index(row, UsersModel::RoleColumn).data(Qt::EditRole).toString(),
             QStringLiteral("ops"));
    QCOMPARE(model.index(row, UsersModel::RoleColumn).data(models::RawRole).toInt(),
             int(Role::Ops));
    QCOMPARE(model.index(row, UsersModel::DisabledColumn).data(Qt::CheckStateRole).toInt(),
             int(Qt::Unchecked));
    QCOMPARE(model.index(row, UsersModel::DisabledColumn).data(models::RawRole).toBool(), false);
    QCOMPARE(model.index(row, UsersModel::CreatedAtColumn).data(models::RawRole).toDateTime(),
             user.createdAt);
    QVERIFY(user.createdAt.isValid());
    QCOMPARE(model.index(row, UsersModel::CreatedAtColumn).data(models::IdRole).toLongLong(),
             user.id);
    QVERIFY(model.flags(model.index(row, UsersModel::RoleColumn)) & Qt::ItemIsEditable);
    QVERIFY(model.flags(model.index(row, UsersModel::DisabledColumn)) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(model.index(row, UsersModel::UserNameColumn)) & Qt::ItemIsEditable));
}

void TstModels::staleAnswersAreDropped()
{
    UsersModel model(&m_admin->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int total = userCountOnServer();
    model.reload();
    model.reload();
    model.reload();
    QTRY_COMPARE(model.rowCount(), total);
    QTest::qWait(300); // the first two answers arrive and must be ignored
    QCOMPARE(model.rowCount(), total);
}

void TstModels::roleChangeRoundTrip()
{
    UsersModel model(&m_admin->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QTRY_VERIFY(model.rowCount() > 0 && !model.isLoading());
    const int row = rowOf(model, staffName(2));
    QVERIFY(row >= 0);
    const QModelIndex index = model.index(row, UsersModel::RoleColumn);
    QSignalSpy changed(&model, &UsersModel::dataChanged);

    QVERIFY(model.setData(index, QStringLiteral("translator"), Qt::EditRole));
    // setData() only asks the server; the row changes when it answers.
    QCOMPARE(index.data(models::RawRole).toInt(), int(Role::Ops));
    QTRY_COMPARE(index.data(models::RawRole).toInt(), int(Role::Translator));
    QCOMPARE(index.data(Qt::EditRole).toString(), QStringLiteral("translator"));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(changed.last().at(0).toModelIndex().row(), row);

    // The server has it too.
    UsersModel fresh(&m_admin->api());
    client::UserQuery query;
    query.search = staffName(2);
    fresh.setQuery(query);
    QTRY_COMPARE(fresh.rowCount(), 1);
    QCOMPARE(fresh.userAt(0).role, Role::Translator);
}

void TstModels::invalidRoleIsRefused()
{
    UsersModel model(&m_admin->api());
    model.reload();
    QTRY_VERIFY(model.rowCount() > 0 && !model.isLoading());
    const QModelIndex role = model.index(0, UsersModel::RoleColumn);
    QVERIFY(!model.setData(role, QStringLiteral("pilot"), Qt::EditRole));
    QVERIFY(!model.setData(model.index(0, UsersModel::UserNameColumn), QStringLiteral("x")));
    QVERIFY(!model.setData(role, QStringLiteral("ops"), Qt::DisplayRole));
}

void TstModels::disableRoundTrip()
{
    UsersModel model(&m_admin->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QTRY_VERIFY(model.rowCount() > 0 && !model.isLoading());
    const int row = rowOf(model, staffName(4));
    QVERIFY(row >= 0);
    const QModelIndex index = model.index(row, UsersModel::DisabledColumn);

    QVERIFY(model.setData(index, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(index.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QTRY_COMPARE(index.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(index.data(models::RawRole).toBool(), true);

    // A disabled account cannot sign in.
    testing::SyncClient staff(m_server->url());
    QVERIFY(!staff.login(staffName(4), staffPassword).isEmpty());

    QVERIFY(model.setData(index, Qt::Unchecked, Qt::CheckStateRole));
    QTRY_COMPARE(index.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(staff.login(staffName(4), staffPassword), QString());
}

void TstModels::refusedChangeKeepsRowAndReportsError()
{
    UsersModel model(&m_admin->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ErrorRecorder recorder(&model);
    model.reload();
    QTRY_VERIFY(model.rowCount() > 0 && !model.isLoading());
    const int row = rowOf(model, QStringLiteral("admin"));
    QVERIFY(row >= 0);
    QSignalSpy changed(&model, &UsersModel::dataChanged);

    // The server refuses to let admins demote themselves.
    QVERIFY(model.setData(model.index(row, UsersModel::RoleColumn), QStringLiteral("ops")));
    QTRY_COMPARE(recorder.errors.size(), 1);
    QCOMPARE(recorder.errors.first().status, 409);
    QCOMPARE(recorder.errors.first().kind, ProblemKind::Conflict);
    QCOMPARE(model.userAt(row).role, Role::Admin);
    QCOMPARE(changed.count(), 1); // repainted, so that views drop what they showed
}

void TstModels::nonAdminGetsForbidden()
{
    testing::SyncClient staff(m_server->url());
    QCOMPARE(staff.login(staffName(7), staffPassword), QString());

    UsersModel users(&staff.api());
    QAbstractItemModelTester usersTester(&users,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    ErrorRecorder usersErrors(&users);
    users.reload();
    QTRY_COMPARE(usersErrors.errors.size(), 1);
    QCOMPARE(usersErrors.errors.first().status, 403);
    QCOMPARE(usersErrors.errors.first().kind, ProblemKind::Forbidden);
    QCOMPARE(users.rowCount(), 0);
    QVERIFY(!users.isLoading());
    QVERIFY(!users.canFetchMore({})); // no retry loop from views

    AuditModel audit(&staff.api());
    QAbstractItemModelTester auditTester(&audit,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    ErrorRecorder auditErrors(&audit);
    audit.reload();
    QTRY_COMPARE(auditErrors.errors.size(), 1);
    QCOMPARE(auditErrors.errors.first().status, 403);
    QCOMPARE(audit.rowCount(), 0);
}

void TstModels::auditNewestFirst()
{
    QVERIFY(changedUser(QStringLiteral("auditrole"), client::UserPatch{.role = Role::Translator}));
    AuditModel model(&m_admin->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QTRY_VERIFY(model.rowCount() > 0 && !model.isLoading());
    QCOMPARE(model.columnCount(), int(AuditModel::ColumnCount));
    for (int row = 1; row < model.rowCount(); ++row) {
        const QDateTime newer =
            model.index(row - 1, AuditModel::TimeColumn).data(models::RawRole).toDateTime();
        const QDateTime older =
            model.index(row, AuditModel::TimeColumn).data(models::RawRole).toDateTime();
        QVERIFY(newer.isValid());
        QVERIFY2(newer >= older, qPrintable(QStringLiteral("row %1").arg(row)));
    }
    // The role change made above shows with its target and detail.
    bool found = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const AuditEntry entry = model.entryAt(row);
        if (entry.action != QLatin1String("user.role_changed"))
            continue;
        found = true;
        QCOMPARE(model.index(row, AuditModel::ActorColumn).data().toString(),
                 QStringLiteral("admin"));
        QCOMPARE(model.index(row, AuditModel::TargetColumn).data(models::RawRole).toString(),
                 entry.targetId);
        QVERIFY(model.index(row, AuditModel::DetailColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("translator")));
    }
    QVERIFY(found);
}

void TstModels::auditFilters()
{
    const qint64 disabled =
        changedUser(QStringLiteral("auditdisabled"), client::UserPatch{.disabled = true});
    QVERIFY(disabled);
    AuditModel model(&m_admin->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    client::AuditQuery query;
    query.action = QStringLiteral("user.disabled");
    model.setQuery(query);
    QTRY_VERIFY(!model.isLoading());
    QVERIFY(model.rowCount() >= 1);
    bool sawIt = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, AuditModel::ActionColumn).data().toString(), query.action);
        sawIt = sawIt || model.entryAt(row).targetId == QString::number(disabled);
    }
    QVERIFY(sawIt);

    query.action.clear();
    query.actor = QStringLiteral("admin");
    model.setQuery(query);
    QTRY_VERIFY(!model.isLoading());
    QVERIFY(model.rowCount() >= 2); // at least the sign-in and the disable above
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.entryAt(row).actorName, QStringLiteral("admin"));
}

void TstModels::auditPaging()
{
    AuditModel all(&m_admin->api());
    client::AuditQuery query;
    query.limit = 500;
    all.setQuery(query);
    QTRY_VERIFY(all.rowCount() > 5 && !all.isLoading());

    AuditModel paged(&m_admin->api());
    QAbstractItemModelTester tester(&paged, QAbstractItemModelTester::FailureReportingMode::QtTest);
    query.limit = 2;
    paged.setQuery(query);
    QTRY_COMPARE(paged.rowCount(), 2);
    QVERIFY(paged.canFetchMore({}));
    paged.fetchMore({});
    QTRY_COMPARE(paged.rowCount(), 4);
    loadAll(paged);
    QCOMPARE(ids(paged), ids(all));
}

void TstModels::retranslateEmitsHeaderDataChanged()
{
    UsersModel users(&m_admin->api());
    QSignalSpy usersHeaders(&users, &UsersModel::headerDataChanged);
    users.retranslate();
    QCOMPARE(usersHeaders.count(), 1);
    QCOMPARE(usersHeaders.at(0).at(0).value<Qt::Orientation>(), Qt::Horizontal);
    QCOMPARE(usersHeaders.at(0).at(2).toInt(), UsersModel::ColumnCount - 1);
    QCOMPARE(users.headerData(UsersModel::UserNameColumn, Qt::Horizontal).toString(),
             QStringLiteral("User name"));

    AuditModel audit(&m_admin->api());
    QSignalSpy auditHeaders(&audit, &AuditModel::headerDataChanged);
    audit.retranslate();
    QCOMPARE(auditHeaders.count(), 1);
    QCOMPARE(audit.headerData(AuditModel::ActionColumn, Qt::Horizontal).toString(),
             QStringLiteral("Action"));
}

QTEST_GUILESS_MAIN(TstModels)
#include "tst_models.moc"
