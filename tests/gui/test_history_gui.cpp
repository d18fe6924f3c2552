// Row history in the console (issue #13): an organization imported at T0 (the bundled fixtures) and again
// a week later at T1 (fixture revision 1: members removed, a role changed). The entity panes show it as of
// any instant ("as of" picker, banner, a message before the first observation) and the Changes pane lists
// what changed between two instants, exports it and opens each change in its pane as it was. A review of a
// range marked there lands in the journal, and "since the last review" (pane and CLI) starts at it.
#include "cli/command.h"
#include "compliance/history.h"
#include "compliance/journal.h"
#include "compliance/review.h"
#include "core/clock.h"
#include "fixtures/generator.h"
#include "models/asofdetailmodel.h"
#include "models/asofmodel.h"
#include "models/changesmodel.h"
#include "models/detailmodels.h"
#include "models/membersmodel.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"
#include "ui/accesspanes.h"
#include "ui/asofbar.h"
#include "ui/changespane.h"
#include "ui/entitypanes.h"
#include "ui/mainwindow.h"
#include "ui/tablepane.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDateTimeEdit>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace orgward;

namespace {
// Revision 0 is captured 2026-11-20T00:00Z (the generator's fixed time); Orgward observes it an hour later
// and revision 1 (captured a week later) a week after that. The clock stays frozen two days after T1, so
// the instants are in the past whatever the machine's clock says.
const qint64 kT0 = QDateTime(QDate(2026, 11, 20), QTime(1, 0), Qt::UTC).toSecsSinceEpoch();
const qint64 kT1 = kT0 + 7 * kSecondsPerDay;
const qint64 kNow = kT1 + 2 * kSecondsPerDay;

const QStringList kEntityTables{QStringLiteral("openai_users"),
                                QStringLiteral("openai_invites"),
                                QStringLiteral("openai_projects"),
                                QStringLiteral("openai_project_api_keys"),
                                QStringLiteral("openai_service_accounts"),
                                QStringLiteral("openai_certificates"),
                                QStringLiteral("openai_groups"),
                                QStringLiteral("openai_roles")};

// What the store held after each import, read from the live tables.
struct Expected
{
    QString org;
    QHash<QString, qint64> liveAt0, liveAt1; // rows not soft-deleted, per entity table
    qint64 allUsersAt1 = 0;                  // the live Members table (removed members shown muted)
    QStringList removedUsers;                // active at T0, removed at T1
    QString roleChangedUser, roleBefore, roleAfter;
    QHash<QString, QString> emailOf;
    // The detail tables (the Members pane's "Projects and roles", the Projects pane's "Members").
    QHash<QString, QStringList> memberProjectsAt0, memberProjectsAt1; // user → project names, sorted
    QString removedWithProjects;       // a removed member who was in projects at T0
    QString archivedProject;           // active at T0, archived at T1
    qint64 archivedProjectMembers = 0; // its members as last seen (its lists are not read once archived)
};

qint64 liveCount(Database &db, const QString &org, const QString &table)
{
    auto n = db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM %1 WHERE org_key = ? AND deleted_at IS NULL").arg(table), {org});
    return n ? n->toLongLong() : -1;
}

// id → (role, active) of every user.
QHash<QString, QPair<QString, bool>> users(Database &db, const QString &org, QHash<QString, QString> *emails)
{
    QHash<QString, QPair<QString, bool>> out;
    auto q = db.exec(
        QStringLiteral("SELECT id, role, deleted_at IS NULL, email FROM openai_users WHERE org_key = ?"),
        {org});
    while (q && q->next()) {
        out.insert(q->value(0).toString(), qMakePair(q->value(1).toString(), q->value(2).toBool()));
        emails->insert(q->value(0).toString(), q->value(3).toString());
    }
    return out;
}

// user → the projects (name, else id) of each active membership, sorted: what "Projects and roles" lists.
QHash<QString, QStringList> memberProjects(Database &db, const QString &org)
{
    QHash<QString, QStringList> out;
    auto q = db.exec(QStringLiteral("SELECT pm.user_id, COALESCE(p.name, pm.project_id) FROM "
                                    "openai_project_members pm LEFT JOIN openai_projects p ON p.org_key = "
                                    "pm.org_key AND p.id = pm.project_id WHERE pm.org_key = ? AND "
                                    "pm.removed_at IS NULL"),
                     {org});
    while (q && q->next())
        out[q->value(0).toString()] << q->value(1).toString();
    for (QStringList &l : out)
        l.sort();
    return out;
}

QStringList activeProjects(Database &db, const QString &org)
{
    QStringList out;
    auto q =
        db.exec(QStringLiteral("SELECT id FROM openai_projects WHERE org_key = ? AND archived_at IS NULL "
                               "AND deleted_at IS NULL"),
                {org});
    while (q && q->next())
        out << q->value(0).toString();
    return out;
}

// What the detail tables held after each import: the memberships of a removed member, the project archived.
void noteDetails(Database &db, const QStringList &activeAt0, Expected *e)
{
    e->memberProjectsAt1 = memberProjects(db, e->org);
    for (const QString &u : std::as_const(e->removedUsers))
        if (e->removedWithProjects.isEmpty() && !e->memberProjectsAt0.value(u).isEmpty())
            e->removedWithProjects = u;
    const QStringList activeAt1 = activeProjects(db, e->org);
    for (const QString &p : activeAt0)
        if (!activeAt1.contains(p)) e->archivedProject = p;
    auto n = db.scalar(QStringLiteral("SELECT COUNT(*) FROM openai_project_members WHERE org_key = ? AND "
                                      "project_id = ? AND removed_at IS NULL"),
                       {e->org, e->archivedProject});
    e->archivedProjectMembers = n ? n->toLongLong() : -1;
    QVERIFY(!e->removedWithProjects.isEmpty());
    QVERIFY(!e->archivedProject.isEmpty());
    QVERIFY(e->archivedProjectMembers > 0);
}

// For each detail kind, the parent with the most rows in the table behind it (table, parent column, gone
// column): a detail test then reads a full table, not an empty one.
QString busiestParent(Database &db, const QString &org, DetailTableModel::Kind kind)
{
    using K = DetailTableModel::Kind;
    static const QHash<K, std::tuple<const char *, const char *, const char *>> sources{
        {K::MemberProjects, {"openai_project_members", "user_id", "removed_at"}},
        {K::MemberAccess, {"openai_project_members", "user_id", "removed_at"}},
        {K::MemberKeys, {"openai_project_api_keys", "owner_id", "deleted_at"}},
        {K::MemberAuditEvents, {"openai_audit_logs", "actor_id", nullptr}},
        {K::ProjectMembers, {"openai_project_members", "project_id", "removed_at"}},
        {K::ProjectServiceAccounts, {"openai_service_accounts", "project_id", "deleted_at"}},
        {K::ProjectKeys, {"openai_project_api_keys", "project_id", "deleted_at"}},
        {K::ProjectRateLimits, {"openai_project_rate_limits", "project_id", "deleted_at"}},
        {K::ProjectCertificates, {"openai_project_certificates", "project_id", "deleted_at"}},
        {K::ProjectGroups, {"openai_project_groups", "project_id", "removed_at"}},
        {K::ProjectSpendAlerts, {"openai_spend_alerts", "project_id", "deleted_at"}},
        {K::CertificateEvents, {"openai_certificate_events", "certificate_id", nullptr}},
        {K::GroupMembers, {"openai_group_users", "group_id", "removed_at"}},
        {K::GroupRoles, {"openai_group_roles", "group_id", "removed_at"}},
        {K::GroupProjects, {"openai_project_groups", "group_id", "removed_at"}},
        {K::RolePermissions, {"openai_user_roles", "role_id", "removed_at"}},
        {K::RoleHolders, {"openai_user_roles", "role_id", "removed_at"}}};
    const auto [table, column, gone] = sources.value(kind);
    auto q =
        db.exec(QStringLiteral("SELECT %2 FROM %1 WHERE org_key = ? AND %2 <> '' %3 GROUP BY %2 ORDER BY "
                               "COUNT(*) DESC, %2 LIMIT 1")
                    .arg(QLatin1String(table), QLatin1String(column),
                         gone ? QStringLiteral("AND %1 IS NULL").arg(QLatin1String(gone)) : QString()),
                {org});
    return q && q->next() ? q->value(0).toString() : QString();
}

// Every row of m (all blocks fetched) as the cells of the columns named headers, joined; sorted.
QStringList rowTexts(SqlTableModel &m, const QStringList &headers)
{
    while (m.canFetchMore({}))
        m.fetchMore({});
    QList<int> columns;
    for (int c = 0; c < m.columnCount(); ++c)
        if (headers.contains(m.headerData(c, Qt::Horizontal).toString())) columns << c;
    QStringList rows;
    for (int r = 0; r < m.rowCount(); ++r) {
        QStringList cells;
        for (int c : std::as_const(columns))
            cells << m.index(r, c).data().toString();
        rows << cells.join(u'|');
    }
    rows.sort();
    return rows;
}

QStringList headers(const SqlTableModel &m)
{
    QStringList out;
    for (int c = 0; c < m.columnCount(); ++c)
        out << m.headerData(c, Qt::Horizontal).toString();
    return out;
}

// Imports revision 0 at T0 and revision 1 at T1 under a frozen clock, noting what each left live.
void buildHistory(Database &db, const QString &rev0, const QString &rev1, Expected *e)
{
    Clock::freezeAt(kT0);
    auto first = FixtureImporter(db).run(rev0);
    QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
    e->org = first->orgKey;
    for (const QString &t : kEntityTables)
        e->liveAt0.insert(t, liveCount(db, e->org, t));
    const auto before = users(db, e->org, &e->emailOf);
    e->memberProjectsAt0 = memberProjects(db, e->org);
    const QStringList activeAt0 = activeProjects(db, e->org);

    Clock::freezeAt(kT1);
    auto second = FixtureImporter(db).run(rev1);
    QVERIFY2(second.ok(), qPrintable(second.errorMessage()));
    QCOMPARE(second->orgKey, e->org);
    for (const QString &t : kEntityTables)
        e->liveAt1.insert(t, liveCount(db, e->org, t));
    const auto after = users(db, e->org, &e->emailOf);
    e->allUsersAt1 = after.size();
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const auto now = after.value(it.key());
        if (it->second && !now.second) e->removedUsers << it.key();
        if (it->second && now.second && it->first != now.first) {
            e->roleChangedUser = it.key();
            e->roleBefore = it->first;
            e->roleAfter = now.first;
        }
    }
    e->removedUsers.sort();
    noteDetails(db, activeAt0, e);
    Clock::freezeAt(kNow);
    QVERIFY(!e->removedUsers.isEmpty());
    QVERIFY(!e->roleChangedUser.isEmpty());
    QVERIFY(e->liveAt0.value(QStringLiteral("openai_users")) !=
            e->liveAt1.value(QStringLiteral("openai_users")));
}

QString iso(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

// `orgward diff ARGS…` in this process: its exit code, *output its stdout (and stderr unless errors is
// given).
int runDiff(const QStringList &args, QString *output, QString *errors = nullptr)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    cli::Context ctx{QStringList{QStringLiteral("orgward diff")} + args, o, e};
    const int code = cli::cmdDiff(ctx);
    o.flush();
    e.flush();
    *output = errors ? out : out + err;
    if (errors) *errors = err;
    return code;
}

// The ids `orgward diff --format json` listed, sorted.
QStringList jsonIds(const QString &output)
{
    QStringList ids;
    const QJsonArray a = QJsonDocument::fromJson(output.toUtf8()).array();
    for (const QJsonValue &v : a)
        ids << v.toObject().value(QStringLiteral("entity")).toString() + u'/' +
                   v.toObject().value(QStringLiteral("id")).toString();
    ids.sort();
    return ids;
}

// The same for the changes a pane's model holds.
QStringList paneIds(ChangesPane *pane)
{
    QStringList ids;
    const ChangesModel *m = pane->model();
    for (int g = 0; g < m->rowCount(); ++g)
        for (int r = 0; r < m->rowCount(m->index(g, 0)); ++r) {
            const EntityChange *c = m->changeAt(m->index(r, 0, m->index(g, 0)));
            ids << c->entity.name + u'/' + c->id;
        }
    ids.sort();
    return ids;
}

// Marks the pane's range reviewed as a person does: the button, then the confirmation's own button. The
// confirmation is saved as shot (a PNG path) when given.
void markThroughPane(ChangesPane *pane, const QString &shot = {})
{
    auto *button = pane->findChild<QPushButton *>(QStringLiteral("changesMarkReviewed"));
    QVERIFY(button && button->isVisible());
    QTRY_VERIFY(button->isEnabled());
    QSignalSpy marked(pane, &ChangesPane::reviewMarked);
    QTest::mouseClick(button, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = pane->findChild<QMessageBox *>(QStringLiteral("changesConfirmReview"))) &&
                box->isVisible());
    QVERIFY2(box->text().contains(AsOfController::instantText(pane->from())), qPrintable(box->text()));
    if (!shot.isEmpty()) QVERIFY2(box->grab().save(shot), qPrintable(shot));
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("changesConfirmReviewButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(marked.count(), 1);
    QVERIFY2(marked[0][1].toString().isEmpty(), qPrintable(marked[0][1].toString()));
    QVERIFY(marked[0][0].toLongLong() > 0);
    QTRY_VERIFY(!pane->isBusy());
}

// The change row (in the view's model) of rowKey of table; invalid when not shown.
QModelIndex changeRow(ChangesPane *pane, const QString &table, const QString &rowKey)
{
    const QAbstractItemModel *m = pane->view()->model();
    for (int g = 0; g < m->rowCount(); ++g) {
        const QModelIndex group = m->index(g, 0);
        if (group.data(ChangesModel::EntityTableRole).toString() != table) continue;
        for (int r = 0; r < m->rowCount(group); ++r) {
            const QModelIndex i = m->index(r, 0, group);
            if (i.data(ChangesModel::RowKeyRole).toString() == rowKey) return i;
        }
    }
    return {};
}
} // namespace

class TestHistoryGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void asOfModelsMatchTheLiveTables_data();
    void asOfModelsMatchTheLiveTables();
    void asOfDetailModels_data();
    void asOfDetailModels();
    void membersAsOf();
    void everyEntityPaneReadsAsOf();
    void changesPane();
    void changesReview();
    void reviewMarks_data();
    void reviewMarks();
    void cleanup();
    void cleanupTestCase();

private:
    void shoot(const QString &name);
    void openWindow();
    void setAsOf(TablePane *table, qint64 at); // through the picker, as a user would
    QTemporaryDir m_dir;
    QString m_rev0, m_rev1, m_shots;
    Expected m_e;
    MainWindow *m_window = nullptr;
    std::unique_ptr<test::NestedLoopGuard> m_guard;
};

void TestHistoryGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("orgward-test-history"));
    GeneratorOptions o; // the bundled org's options
    o.scale = 1;
    o.seed = 1;
    m_rev0 = test::fixturesDir();
    if (!QFileInfo::exists(m_rev0 + QStringLiteral("/manifest.json"))) {
        m_rev0 = m_dir.filePath(QStringLiteral("rev0"));
        auto w = FixtureGenerator(o).write(m_rev0);
        QVERIFY2(w.ok(), qPrintable(w.errorMessage()));
    }
    o.revision = 1;
    m_rev1 = m_dir.filePath(QStringLiteral("rev1"));
    auto w = FixtureGenerator(o).write(m_rev1);
    QVERIFY2(w.ok(), qPrintable(w.errorMessage()));
    m_shots = QStringLiteral(ORGWARD_BINARY_DIR) + QStringLiteral("/screenshots");
    QDir().mkpath(m_shots);
    m_guard = std::make_unique<test::NestedLoopGuard>();
}

void TestHistoryGui::cleanup()
{
    QVERIFY2(!m_guard || m_guard->deepest() == 0,
             qPrintable(QStringLiteral("nested event loop: ") + m_guard->where()));
}

void TestHistoryGui::cleanupTestCase()
{
    delete m_window;
    m_window = nullptr;
    Clock::reset();
}

void TestHistoryGui::shoot(const QString &name)
{
    QApplication::processEvents();
    const QString path = m_shots + u'/' + name + QStringLiteral(".png");
    QVERIFY2(m_window->grab().save(path), qPrintable(path));
}

void TestHistoryGui::asOfModelsMatchTheLiveTables_data()
{
    test::addEngineRows();
}

// Headless, on both engines: each as-of table holds, at each instant, the rows the live table held then.
void TestHistoryGui::asOfModelsMatchTheLiveTables()
{
    QFETCH(bool, postgres);
    QTemporaryDir dir;
    auto db = test::openEngine(dir, QStringLiteral("test_history_gui"));
    if (!db) return;
    Expected e;
    buildHistory(*db, m_rev0, m_rev1, &e);
    if (QTest::currentTestFailed()) return;
    using E = AsOfTableModel::Entity;
    for (E entity : {E::Members, E::Invites, E::Projects, E::ApiKeys, E::ServiceAccounts, E::Certificates,
                     E::Groups, E::Roles}) {
        AsOfTableModel m(*db, entity);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString table = AsOfTableModel::tableOf(entity);
        for (const auto &[at, live] : {std::pair{kT0 + 60, e.liveAt0}, std::pair{kT1 + 60, e.liveAt1}}) {
            m.setAsOf(at);
            m.setOrgKey(e.org);
            QVERIFY2(m.lastError().isEmpty(), qPrintable(table + u": " + m.lastError()));
            QCOMPARE(m.totalRows(), live.value(table));
            for (int c = 0; c < m.columnCount(); ++c) // every column reads (and sorts) on this engine
                m.sort(c, Qt::DescendingOrder);
            QVERIFY2(m.lastError().isEmpty(), qPrintable(table + u": " + m.lastError()));
        }
        m.setAsOf(kT0 - kSecondsPerDay); // before the first observation: nothing
        m.reload();
        QCOMPARE(m.totalRows(), 0);
    }
    // Values as the live table shows them: the changed member's role then and now, her date the same.
    AsOfTableModel asOf(*db, E::Members);
    MembersModel live(*db);
    for (SqlTableModel *m : {static_cast<SqlTableModel *>(&asOf), static_cast<SqlTableModel *>(&live)})
        m->setFilterText(e.emailOf.value(e.roleChangedUser));
    live.setOrgKey(e.org);
    QCOMPARE(live.rowCount(), 1);
    for (const auto &[at, role] : {std::pair{kT0 + 60, e.roleBefore}, std::pair{kT1 + 60, e.roleAfter}}) {
        asOf.setAsOf(at);
        asOf.setOrgKey(e.org);
        QCOMPARE(asOf.rowCount(), 1);
        QCOMPARE(asOf.index(0, 2).data().toString(), role);
        QCOMPARE(asOf.idAt(0), e.roleChangedUser);
        QCOMPARE(asOf.index(0, 3).data().toString(), live.index(0, MembersModel::Added).data().toString());
    }
    // The diff the Changes pane shows, computed on this engine.
    auto changes = diffBetween(*db, e.org, kT0, kT1 + 60);
    QVERIFY2(changes.ok(), qPrintable(changes.errorMessage()));
    ChangesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ChangesFilterModel proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setChanges(*changes);
    QCOMPARE(model.changeCount(), int(changes->size()));
    proxy.sort(ChangesModel::ObservedAt, Qt::DescendingOrder);
    // The member's id: her own row and the memberships removed with her (each row key holds the id).
    proxy.setFilterWords(e.removedUsers.first() + QStringLiteral(" REMOVED"));
    QVERIFY(proxy.shownChanges() >= 1);
    for (int g = 0; g < proxy.rowCount(); ++g)
        for (int r = 0; r < proxy.rowCount(proxy.index(g, 0)); ++r) {
            const QModelIndex i = proxy.index(r, 0, proxy.index(g, 0));
            QVERIFY(i.siblingAtColumn(ChangesModel::Id).data().toString().contains(e.removedUsers.first()));
            QCOMPARE(i.siblingAtColumn(ChangesModel::Change).data().toString(), QStringLiteral("removed"));
        }
    proxy.setFilterWords(QString());
    QCOMPARE(proxy.shownChanges(), model.changeCount());
    Clock::freezeAt(kNow);
    Q_UNUSED(postgres);
}

void TestHistoryGui::asOfDetailModels_data()
{
    test::addEngineRows();
}

// Headless, on both engines: each detail table as of an instant holds what the live detail held then.
void TestHistoryGui::asOfDetailModels()
{
    QFETCH(bool, postgres);
    QTemporaryDir dir;
    auto db = test::openEngine(dir, QStringLiteral("test_history_gui_details"));
    if (!db) return;
    Expected e;
    buildHistory(*db, m_rev0, m_rev1, &e);
    if (QTest::currentTestFailed()) return;
    using Kind = DetailTableModel::Kind;
    // A member removed in revision 1: as of T0 her project memberships are there, as of T1 only those the
    // live table still holds (none, or a project archived since, whose lists are no longer read).
    AsOfDetailModel projects(*db, Kind::MemberProjects);
    QAbstractItemModelTester tester(&projects, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString removed = e.removedWithProjects;
    for (const auto &[at, expected] : {std::pair{kT0 + 60, e.memberProjectsAt0.value(removed)},
                                       std::pair{kT1 + 60, e.memberProjectsAt1.value(removed)}}) {
        projects.setAsOf(at);
        projects.showParent(e.org, removed);
        QVERIFY2(projects.lastError().isEmpty(), qPrintable(projects.lastError()));
        QCOMPARE(rowTexts(projects, {QStringLiteral("Project")}), expected);
    }
    QVERIFY(e.memberProjectsAt1.value(removed).size() < e.memberProjectsAt0.value(removed).size());
    projects.showParent(e.org, QString());
    QCOMPARE(projects.rowCount(), 0);

    // The project archived in revision 1: archived as of T1, its members as last seen at both instants.
    AsOfTableModel project(*db, AsOfTableModel::Entity::Projects);
    project.setAsOf(kT1 + 60);
    project.setFilterText(e.archivedProject);
    project.setOrgKey(e.org);
    QCOMPARE(project.rowCount(), 1);
    QCOMPARE(project.index(0, 2).data().toString(), QStringLiteral("archived"));
    AsOfDetailModel members(*db, Kind::ProjectMembers);
    QAbstractItemModelTester membersTester(&members, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (qint64 at : {kT0 + 60, kT1 + 60}) {
        members.setAsOf(at);
        members.showParent(e.org, e.archivedProject);
        QCOMPARE(members.totalRows(), e.archivedProjectMembers);
    }

    // Every kind as of T1 (the last import) holds what its live table holds now, in the columns both
    // show, and sorts by each of its columns.
    qint64 compared = 0;
    for (int k = 0; k <= int(Kind::RoleHolders); ++k) {
        const auto kind = Kind(k);
        const QString parent = busiestParent(*db, e.org, kind);
        QVERIFY2(!parent.isEmpty(), qPrintable(QString::number(k)));
        DetailTableModel live(*db, kind);
        live.showParent(e.org, parent);
        AsOfDetailModel past(*db, kind);
        QAbstractItemModelTester pastTester(&past, QAbstractItemModelTester::FailureReportingMode::QtTest);
        past.setAsOf(kT1 + 60);
        past.showParent(e.org, parent);
        const QString what = QStringLiteral("kind %1, parent %2: ").arg(k).arg(parent);
        QVERIFY2(past.lastError().isEmpty(), qPrintable(what + past.lastError()));
        QCOMPARE(past.totalRows(), live.totalRows());
        QCOMPARE(rowTexts(past, headers(live)), rowTexts(live, headers(past)));
        compared += past.totalRows();
        for (int c = 0; c < past.columnCount(); ++c)
            past.sort(c, Qt::DescendingOrder);
        QVERIFY2(past.lastError().isEmpty(), qPrintable(what + past.lastError()));
    }
    QVERIFY(compared > 100);
    Clock::freezeAt(kNow);
    Q_UNUSED(postgres);
}

void TestHistoryGui::openWindow()
{
    auto db = test::openSqlite(m_dir, QStringLiteral("gui.db"));
    buildHistory(*db, m_rev0, m_rev1, &m_e);
    if (QTest::currentTestFailed()) return;
    m_window = new MainWindow(std::move(db), m_e.org);
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QCOMPARE(m_window->currentOrg(), m_e.org);
}

void TestHistoryGui::setAsOf(TablePane *table, qint64 at)
{
    auto *edit = table->findChild<QDateTimeEdit *>(QStringLiteral("asOfEdit"));
    QVERIFY(edit);
    QVERIFY(edit->isVisible());
    edit->setDateTime(QDateTime::fromSecsSinceEpoch(at)); // applied once editing pauses
    QTRY_VERIFY(table->isAsOf() || !table->noRecordText().isEmpty());
}

void TestHistoryGui::membersAsOf()
{
    openWindow();
    if (QTest::currentTestFailed()) return;
    m_window->showPane(MainWindow::Members);
    auto *pane = static_cast<MembersPane *>(m_window->pane(MainWindow::Members));
    TablePane *t = pane->members();
    QAbstractItemModelTester tester(t->asOfModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(!pane->isBusy());
    // Now: the live table, every member (removed ones muted), no banner.
    QVERIFY(!t->isAsOf());
    QCOMPARE(t->shownModel(), t->model());
    QCOMPARE(t->model()->totalRows(), m_e.allUsersAt1);
    QVERIFY(t->asOfBannerText().isEmpty());
    auto *details = pane->findChild<QTabWidget *>(QStringLiteral("memberDetails"));
    QVERIFY(details && details->isVisible());
    QVERIFY(t->findChild<QToolButton *>(QStringLiteral("asOfNow"))->isChecked());

    // As of T0 (an hour after the first import): revision 0's members.
    setAsOf(t, kT0 + 3600);
    QTRY_VERIFY(!pane->isBusy());
    QVERIFY(t->isAsOf());
    QCOMPARE(t->shownModel(), t->asOfModel());
    QCOMPARE(t->view()->model(), t->asOfModel());
    QVERIFY2(t->shownModel()->lastError().isEmpty(), qPrintable(t->shownModel()->lastError()));
    QCOMPARE(t->shownModel()->totalRows(), m_e.liveAt0.value(QStringLiteral("openai_users")));
    QVERIFY2(t->asOfBannerText().contains(AsOfController::instantText(kT0 + 3600)),
             qPrintable(t->asOfBannerText()));
    QVERIFY(t->asOfBannerText().contains(QStringLiteral("not the present")));
    // Which observation the answer rests on: the first import, and when the next one was.
    QTRY_VERIFY2(
        t->asOfBannerText().contains(
            QStringLiteral("As the import of %1 observed it.").arg(AsOfController::instantText(kT0))),
        qPrintable(t->asOfBannerText()));
    QVERIFY2(t->asOfBannerText().contains(
                 QStringLiteral("before the next observation (%1)").arg(AsOfController::instantText(kT1))),
             qPrintable(t->asOfBannerText()));
    QVERIFY(details->isVisible()); // as of the same instant (filled below, once a row is selected)
    QVERIFY(!t->findChild<QToolButton *>(QStringLiteral("asOfNow"))->isChecked());
    // One instant for the pane: the Invites tab is as of T0 too.
    QCOMPARE(pane->activeTable(), t);
    pane->showInvites(false);
    QTRY_VERIFY(!pane->isBusy());
    TablePane *invites = pane->activeTable();
    QVERIFY(invites->isAsOf());
    QCOMPARE(invites->shownModel()->totalRows(), m_e.liveAt0.value(QStringLiteral("openai_invites")));
    QCOMPARE(invites->findChild<QDateTimeEdit *>(QStringLiteral("asOfEdit"))->dateTime().toSecsSinceEpoch(),
             kT0 + 3600);
    pane->showMembers();
    // A member removed later is still there then.
    const QString removed = m_e.emailOf.value(m_e.removedWithProjects);
    t->filterEdit()->setText(removed);
    QTRY_COMPARE(t->shownModel()->filterText(), removed);
    QTRY_VERIFY(!pane->isBusy());
    QCOMPARE(t->shownModel()->totalRows(), 1);
    // Selected, her detail tabs show her as of T0: the project memberships revision 1 removed.
    t->view()->selectRow(0);
    QTRY_VERIFY(!pane->isBusy());
    for (int tab = 0; tab < MembersPane::DetailTabCount; ++tab) {
        auto *m = qobject_cast<AsOfDetailModel *>(pane->detailModel(tab));
        QVERIFY(m);
        QCOMPARE(m->asOf(), kT0 + 3600);
        QCOMPARE(m->parentId(), m_e.removedWithProjects);
        QVERIFY2(m->lastError().isEmpty(), qPrintable(m->lastError()));
    }
    QCOMPARE(pane->detailModel(MembersPane::ProjectsAndRoles)->totalRows(),
             m_e.memberProjectsAt0.value(m_e.removedWithProjects).size());
    QVERIFY(pane->detailModel(MembersPane::Access)->totalRows() > 0);
    QVERIFY(pane->findChild<QTableView *>(QStringLiteral("memberProjectsAsOf"))->isVisible());
    QVERIFY(!pane->findChild<QTableView *>(QStringLiteral("memberProjects"))->isVisible());
    QVERIFY2(t->asOfBannerText().contains(QStringLiteral("details are as of the same instant")),
             qPrintable(t->asOfBannerText()));
    shoot(QStringLiteral("history-members-as-of"));
    t->filterEdit()->clear();
    QTRY_VERIFY(t->shownModel()->filterText().isEmpty());
    QTRY_VERIFY(!pane->isBusy());
    // File → Export table writes what is shown: the members as of T0.
    QSignalSpy exported(pane, &ConsolePane::csvExportFinished);
    pane->startCsvExport(m_dir.filePath(QStringLiteral("members-t0.csv")));
    QTRY_COMPARE(exported.count(), 1);
    QVERIFY2(exported[0][1].toString().isEmpty(), qPrintable(exported[0][1].toString()));
    QCOMPARE(exported[0][2].toLongLong(), m_e.liveAt0.value(QStringLiteral("openai_users")));

    // As of T1: revision 1's members (the removed ones gone).
    setAsOf(t, kT1 + 3600);
    QTRY_COMPARE(t->asOfModel()->asOf(), kT1 + 3600);
    QTRY_VERIFY(!pane->isBusy());
    QCOMPARE(t->shownModel()->totalRows(), m_e.liveAt1.value(QStringLiteral("openai_users")));
    // A member selected as of T1 stays selected back in the present (below), her details then live.
    t->view()->selectRow(0);
    const QString selected = t->currentId();
    QTRY_VERIFY(!pane->isBusy());
    QCOMPARE(pane->detailModel(MembersPane::ProjectsAndRoles)->totalRows(),
             m_e.memberProjectsAt1.value(selected).size());

    // Before the first observation: a message, not an empty table.
    setAsOf(t, kT0 - kSecondsPerDay);
    QTRY_VERIFY(!t->noRecordText().isEmpty());
    QTRY_VERIFY(!pane->isBusy());
    QVERIFY2(t->noRecordText().contains(
                 QStringLiteral("no record of this organization before %1 (its first sync or import)")
                     .arg(AsOfController::instantText(kT0))),
             qPrintable(t->noRecordText()));
    QVERIFY(!t->view()->isVisible());
    QVERIFY(!t->asOfBannerText().isEmpty());
    shoot(QStringLiteral("history-members-no-record"));

    // Back to now: the live table again, as it was.
    QTest::mouseClick(t->findChild<QPushButton *>(QStringLiteral("asOfBackToNow")), Qt::LeftButton);
    QTRY_VERIFY(!t->isAsOf());
    QTRY_VERIFY(!pane->isBusy());
    QVERIFY(t->noRecordText().isEmpty());
    QVERIFY(t->asOfBannerText().isEmpty());
    QVERIFY(t->view()->isVisible());
    QVERIFY(details->isVisible());
    QCOMPARE(t->view()->model(), t->model());
    QCOMPARE(t->model()->totalRows(), m_e.allUsersAt1);
    QVERIFY(pane->asOf()->isLive());
    QTRY_COMPARE(t->currentId(), selected);
    QTRY_VERIFY(!pane->isBusy());
    QVERIFY(qobject_cast<DetailTableModel *>(pane->detailModel(MembersPane::ProjectsAndRoles)));
    QCOMPARE(pane->detailModel(MembersPane::ProjectsAndRoles)->totalRows(),
             m_e.memberProjectsAt1.value(selected).size());
    QVERIFY(pane->findChild<QTableView *>(QStringLiteral("memberProjects"))->isVisible());
    // A future instant is the present.
    pane->asOf()->setAt(kNow + kSecondsPerDay);
    QVERIFY(pane->asOf()->isLive());
}

void TestHistoryGui::everyEntityPaneReadsAsOf()
{
    if (!m_window) QSKIP("needs the window of membersAsOf");
    for (int i : {int(MainWindow::Members), int(MainWindow::Groups), int(MainWindow::Projects),
                  int(MainWindow::Keys), int(MainWindow::Certificates)}) {
        m_window->showPane(i);
        ConsolePane *p = m_window->pane(i);
        QTRY_VERIFY(!p->isBusy());
        const QList<TablePane *> tables = p->findChildren<TablePane *>();
        QVERIFY(!tables.isEmpty());
        for (TablePane *t : tables)
            QVERIFY2(t->findChild<QDateTimeEdit *>(QStringLiteral("asOfEdit")), qPrintable(t->title()));
        setAsOf(p->activeTable(), kT0 + 3600);
        QTRY_VERIFY(!p->isBusy());
        for (TablePane *t : tables) {
            QVERIFY2(t->isAsOf(), qPrintable(t->title()));
            QVERIFY2(t->shownModel()->lastError().isEmpty(), qPrintable(t->shownModel()->lastError()));
            auto *m = static_cast<AsOfTableModel *>(t->shownModel());
            QCOMPARE(m->totalRows(), m_e.liveAt0.value(m->table()));
        }
        // A row selected: its details as of the same instant (the project archived later: as it was).
        TablePane *active = p->activeTable();
        if (i == MainWindow::Projects)
            active->selectWhenLoaded(m_e.archivedProject);
        else
            active->view()->selectRow(0);
        QTRY_VERIFY(!active->currentId().isEmpty());
        QTRY_VERIFY(!p->isBusy());
        for (const AsOfDetailModel *m : p->findChildren<AsOfDetailModel *>())
            QVERIFY2(m->lastError().isEmpty(), qPrintable(m->lastError()));
        if (i == MainWindow::Projects) {
            auto *projects = static_cast<ProjectsPane *>(p);
            SqlTableModel *members = projects->detailModel(ProjectsPane::Members);
            QVERIFY(qobject_cast<AsOfDetailModel *>(members));
            QCOMPARE(members->totalRows(), m_e.archivedProjectMembers);
            QVERIFY(projects->findChild<QWidget *>(QStringLiteral("projectMembersAsOf"))->isVisible());
            QTRY_VERIFY(projects->controlText(ProjectsPane::ModelPermissions) != QStringLiteral("…"));
            QVERIFY(
                !projects->controlText(ProjectsPane::ModelPermissions).startsWith(QStringLiteral("Could")));
            shoot(QStringLiteral("history-projects-as-of"));
        }
        QTest::mouseClick(p->activeTable()->findChild<QPushButton *>(QStringLiteral("asOfBackToNow")),
                          Qt::LeftButton);
        QTRY_VERIFY(!p->activeTable()->isAsOf());
        QTRY_VERIFY(!p->isBusy());
    }
}

void TestHistoryGui::changesPane()
{
    if (!m_window) QSKIP("needs the window of membersAsOf");
    m_window->showPane(MainWindow::Changes);
    auto *pane = static_cast<ChangesPane *>(m_window->pane(MainWindow::Changes));
    QAbstractItemModelTester tester(pane->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(pane->filterModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(!pane->isBusy());
    // The default: the last 7 days, which hold the second import.
    QCOMPARE(pane->to(), kNow);
    QCOMPARE(pane->from(), kNow - 7 * kSecondsPerDay);
    QVERIFY2(pane->model()->changeCount() > 0, qPrintable(pane->statusText()));
    // Since the first observation: from T0.
    auto *sinceFirst = pane->findChild<QPushButton *>(QStringLiteral("changesSinceFirst"));
    QTRY_VERIFY(sinceFirst->isEnabled());
    QTest::mouseClick(sinceFirst, Qt::LeftButton);
    QCOMPARE(pane->from(), kT0);
    QTRY_VERIFY(!pane->isBusy());

    // Between T0 and T1 through the edits: the removed members and the changed role.
    pane->findChild<QDateTimeEdit *>(QStringLiteral("changesFrom"))
        ->setDateTime(QDateTime::fromSecsSinceEpoch(kT0));
    pane->findChild<QDateTimeEdit *>(QStringLiteral("changesTo"))
        ->setDateTime(QDateTime::fromSecsSinceEpoch(kT1 + 60));
    QTRY_COMPARE(pane->to(), kT1 + 60);
    QTRY_VERIFY(!pane->isBusy());
    QCOMPARE(pane->from(), kT0);
    QVERIFY2(pane->statusText().contains(
                 QStringLiteral("between %1 and %2")
                     .arg(AsOfController::instantText(kT0), AsOfController::instantText(kT1 + 60))),
             qPrintable(pane->statusText()));
    const QString users = QStringLiteral("openai_users");
    for (const QString &id : std::as_const(m_e.removedUsers)) {
        const QModelIndex row = changeRow(pane, users, id);
        QVERIFY2(row.isValid(), qPrintable(id));
        QCOMPARE(row.siblingAtColumn(ChangesModel::Change).data().toString(), QStringLiteral("removed"));
        QCOMPARE(row.siblingAtColumn(ChangesModel::ObservedAt).data().toString(),
                 AsOfController::instantText(kT1));
        // The audit log's user.deleted event explains it.
        QVERIFY(!row.siblingAtColumn(ChangesModel::Evidence).data().toString().isEmpty());
        QVERIFY(!row.siblingAtColumn(ChangesModel::HappenedAt).data().toString().isEmpty());
    }
    const QModelIndex changed = changeRow(pane, users, m_e.roleChangedUser);
    QVERIFY(changed.isValid());
    QCOMPARE(changed.siblingAtColumn(ChangesModel::Change).data().toString(), QStringLiteral("changed"));
    const QString fields = changed.siblingAtColumn(ChangesModel::Fields).data().toString();
    QVERIFY2(fields.contains(QStringLiteral("role: %1 \u2192 %2").arg(m_e.roleBefore, m_e.roleAfter)),
             qPrintable(fields));
    // Grouped by entity: the Members group names its count.
    const QModelIndex group = changed.parent();
    QVERIFY(group.data().toString().startsWith(QStringLiteral("Members (")));
    shoot(QStringLiteral("history-changes"));

    // The filter keeps the rows holding every word.
    const QString words = m_e.removedUsers.first() + QStringLiteral(" removed");
    pane->filterEdit()->setText(words);
    QTRY_COMPARE(pane->filterModel()->filterWords(), words);
    const int shown = pane->filterModel()->shownChanges(); // her row and the memberships removed with her
    QVERIFY(shown >= 1 && shown < pane->model()->changeCount());
    QVERIFY(changeRow(pane, users, m_e.removedUsers.first()).isValid());
    QVERIFY(!changeRow(pane, users, m_e.roleChangedUser).isValid());
    shoot(QStringLiteral("history-changes-filtered"));

    // Export CSV: what is shown, written off the GUI thread.
    const QString path = m_dir.filePath(QStringLiteral("changes.csv"));
    QSignalSpy exported(pane, &ConsolePane::csvExportFinished);
    pane->startCsvExport(path);
    QTRY_COMPARE(exported.count(), 1);
    QVERIFY2(exported[0][1].toString().isEmpty(), qPrintable(exported[0][1].toString()));
    QCOMPARE(exported[0][2].toLongLong(), shown);
    QFile csv(path);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), shown + 1);
    QCOMPARE(lines[0], QStringLiteral("entity,name,id,change,fields,observed_at,happened_at,evidence"));
    // Groups in entity order: the member first.
    QVERIFY2(lines[1].startsWith(QStringLiteral("members,")) &&
                 lines[1].contains(u',' + m_e.removedUsers.first() + QStringLiteral(",removed,,") +
                                   QDateTime::fromSecsSinceEpoch(kT1, Qt::UTC).toString(Qt::ISODate)),
             qPrintable(lines[1]));
    QCOMPARE(csv.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    pane->filterEdit()->clear();
    QTRY_VERIFY(pane->filterModel()->filterWords().isEmpty());

    // Double-click a removed member: the Members pane as of the first instant, the member selected.
    auto dclick = [pane](const QModelIndex &i) {
        QVERIFY(i.isValid());
        pane->view()->scrollTo(i);
        const QPoint at = pane->view()->visualRect(i).center();
        // An item view takes a double click only after a press on the same item.
        QTest::mouseClick(pane->view()->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QTest::mouseDClick(pane->view()->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    };
    dclick(changeRow(pane, users, m_e.removedUsers.first()));
    auto *members = static_cast<MembersPane *>(m_window->pane(MainWindow::Members));
    QTRY_VERIFY(members->isVisible());
    QCOMPARE(members->asOf()->at(), kT0);
    QTRY_VERIFY(!members->isBusy());
    QVERIFY(members->members()->isAsOf());
    QTRY_COMPARE(members->members()->currentId(), m_e.removedUsers.first());
    // The changed role: as of the second instant.
    m_window->showPane(MainWindow::Changes);
    QTRY_VERIFY(pane->isVisible());
    dclick(changeRow(pane, users, m_e.roleChangedUser));
    QTRY_VERIFY(members->isVisible());
    QCOMPARE(members->asOf()->at(), kT1 + 60);
    QTRY_VERIFY(!members->isBusy());
    QTRY_COMPARE(members->members()->currentId(), m_e.roleChangedUser);
    const int row = members->members()->view()->currentIndex().row();
    QCOMPARE(members->members()->shownModel()->index(row, 2).data().toString(), m_e.roleAfter);
    members->asOf()->setLive();
    QTRY_VERIFY(!members->isBusy());
}

// In the window: a review marked through the Changes pane, then the "Since the last review" preset.
void TestHistoryGui::changesReview()
{
    if (!m_window) QSKIP("needs the window of membersAsOf");
    m_window->showPane(MainWindow::Changes);
    auto *pane = static_cast<ChangesPane *>(m_window->pane(MainWindow::Changes));
    QTRY_VERIFY(pane->isVisible());
    QTRY_VERIFY(!pane->isBusy());
    auto *sinceReview = pane->findChild<QPushButton *>(QStringLiteral("changesSinceReview"));
    QVERIFY(sinceReview && sinceReview->isVisible());
    QVERIFY(!sinceReview->isEnabled());
    QCOMPARE(sinceReview->toolTip(), QStringLiteral("No review has been marked for this organization yet"));
    pane->setRange(kT0, kT1 + 60);
    QTRY_VERIFY(!pane->isBusy());
    const int reviewed = pane->model()->changeCount();
    markThroughPane(pane, m_shots + QStringLiteral("/history-changes-review-confirm.png"));
    if (QTest::currentTestFailed()) return;
    QVERIFY2(pane->statusText().contains(QStringLiteral("Marked reviewed by")),
             qPrintable(pane->statusText()));
    QVERIFY(pane->lastReview());
    QCOMPARE(pane->lastReview()->at, kNow);
    QCOMPARE(pane->lastReview()->changes, qint64(reviewed));
    // An hour later: the preset compares from the mark until now, and says so.
    Clock::freezeAt(kNow + 3600);
    QTRY_VERIFY(sinceReview->isEnabled());
    QTest::mouseClick(sinceReview, Qt::LeftButton);
    QCOMPARE(pane->from(), kNow);
    QCOMPARE(pane->to(), kNow + 3600);
    QTRY_VERIFY(!pane->isBusy());
    const QString since = QStringLiteral("Since the last review (marked %1 by %2)")
                              .arg(AsOfController::instantText(kNow), pane->lastReview()->actor);
    QVERIFY2(pane->statusText().startsWith(since), qPrintable(pane->statusText()));
    shoot(QStringLiteral("history-changes-review"));
    // Another range: the line goes.
    QTest::mouseClick(pane->findChild<QPushButton *>(QStringLiteral("changesLast7")), Qt::LeftButton);
    QTRY_VERIFY(!pane->isBusy());
    QVERIFY(!pane->statusText().contains(QStringLiteral("Since the last review")));
    Clock::freezeAt(kNow);
}

void TestHistoryGui::reviewMarks_data()
{
    test::addEngineRows();
}

// On both engines: a review marked through the pane between the two imports is one valid journal entry;
// the preset and `orgward diff --from last-review` then compare exactly from it; --mark-reviewed marks the
// next one headless.
void TestHistoryGui::reviewMarks()
{
    QFETCH(bool, postgres);
    QTemporaryDir dir;
    auto db = test::openEngine(dir, QStringLiteral("test_history_review"));
    if (!db) return;
    const QString url = db->url().toString();
    Clock::freezeAt(kT0);
    auto first = FixtureImporter(*db).run(m_rev0);
    QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
    const QString org = first->orgKey;
    QString out;
    QCOMPARE(
        runDiff({QStringLiteral("--db"), url, QStringLiteral("--from"), QStringLiteral("last-review")}, &out),
        int(cli::ExitFailed));
    QVERIFY2(out.contains(QStringLiteral("no review has been marked for organization %1 yet").arg(org)),
             qPrintable(out));

    // A day after the first import, the pane marks that day reviewed.
    const qint64 markedAt = kT0 + kSecondsPerDay;
    Clock::freezeAt(markedAt);
    auto pane = std::make_unique<ChangesPane>(*db);
    pane->resize(1200, 700);
    pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
    pane->applyRole(ConsoleRole::Auditor); // an auditor may record a review where the journal is writable
    pane->setOrg(org, markedAt);
    QTRY_VERIFY(!pane->isBusy());
    auto *sinceReview = pane->findChild<QPushButton *>(QStringLiteral("changesSinceReview"));
    QVERIFY(!sinceReview->isEnabled());
    pane->setRange(kT0, markedAt);
    QTRY_VERIFY(!pane->isBusy());
    markThroughPane(pane.get());
    if (QTest::currentTestFailed()) return;

    Journal journal(*db);
    auto verified = journal.verify();
    QVERIFY2(verified && verified->ok(), qPrintable(verified ? verified->detail : verified.errorMessage()));
    JournalFilter reviews;
    reviews.kind = JournalKind::Review;
    auto entries = journal.entries(reviews);
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    const JournalEntry entry = entries->first();
    QCOMPARE(entry.kind, QStringLiteral("review"));
    QCOMPARE(entry.orgKey, org);
    QCOMPARE(entry.at, iso(markedAt));
    QCOMPARE(verified->head.entryHash, entry.entryHash); // the newest entry of the chain
    const QJsonObject payload = QJsonDocument::fromJson(entry.payload).object();
    QCOMPARE(payload.value(QStringLiteral("from")).toString(), iso(kT0));
    QCOMPARE(payload.value(QStringLiteral("to")).toString(), iso(markedAt));
    QCOMPARE(payload.value(QStringLiteral("changes")).toInteger(), qint64(pane->model()->changeCount()));
    // What the auditor compared: every entity but the key tables the role may not read.
    const QVariantList compared = payload.value(QStringLiteral("entities")).toArray().toVariantList();
    QCOMPARE(compared.size(), historyEntities().size() - 2);
    QVERIFY(compared.contains(QStringLiteral("members")) && !compared.contains(QStringLiteral("keys")));

    // Revision 1 arrives; two days later "since the last review" holds its changes, from the mark on.
    Clock::freezeAt(kT1);
    auto second = FixtureImporter(*db).run(m_rev1);
    QVERIFY2(second.ok(), qPrintable(second.errorMessage()));
    Clock::freezeAt(kNow);
    pane->refresh();
    QTRY_VERIFY(!pane->isBusy());
    QTRY_VERIFY(sinceReview->isEnabled());
    QTest::mouseClick(sinceReview, Qt::LeftButton);
    QCOMPARE(pane->from(), markedAt);
    QCOMPARE(pane->to(), kNow);
    QTRY_VERIFY(!pane->isBusy());
    QVERIFY2(pane->statusText().startsWith(QStringLiteral("Since the last review (marked %1 by %2)")
                                               .arg(AsOfController::instantText(markedAt), entry.actor)),
             qPrintable(pane->statusText()));
    QVERIFY(pane->model()->changeCount() > 0);
    // The CLI resolves last-review to the same instant: the same changes of the entities the mark covers.
    QStringList entities;
    for (const QVariant &e : compared)
        entities << e.toString();
    QCOMPARE(runDiff({QStringLiteral("--db"), url, QStringLiteral("--from"), QStringLiteral("last-review"),
                      QStringLiteral("--entity"), entities.join(u','), QStringLiteral("--format"),
                      QStringLiteral("json")},
                     &out),
             int(cli::ExitOk));
    QCOMPARE(jsonIds(out), paneIds(pane.get()));
    QCOMPARE(runDiff({QStringLiteral("--db"), url, QStringLiteral("--from"), QStringLiteral("-1d"),
                      QStringLiteral("--to"), QStringLiteral("now"), QStringLiteral("--format"),
                      QStringLiteral("json")},
                     &out),
             int(cli::ExitOk));
    QVERIFY(jsonIds(out) !=
            paneIds(pane.get())); // other instants, other changes: the match above is no accident

    // Headless: --mark-reviewed appends the next mark (every entity: no --entity); the chain still holds
    // and the pane follows it.
    QString errors;
    QCOMPARE(runDiff({QStringLiteral("--db"), url, QStringLiteral("--from"), QStringLiteral("last-review"),
                      QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--mark-reviewed")},
                     &out, &errors),
             int(cli::ExitOk));
    verified = journal.verify();
    QVERIFY2(verified && verified->ok(), qPrintable(verified ? verified->detail : verified.errorMessage()));
    QVERIFY2(errors.contains(QStringLiteral("Marked reviewed: journal entry %1,").arg(verified->head.seq)),
             qPrintable(errors));
    auto last = lastReview(*db, org);
    QVERIFY(last && *last);
    QCOMPARE((*last)->at, kNow);
    QCOMPARE((*last)->from, markedAt);
    QCOMPARE((*last)->to, kNow);
    QCOMPARE((*last)->changes, qint64(jsonIds(out).size())); // the changes it listed
    QCOMPARE((*last)->entities.size(), historyEntities().size());
    QCOMPARE((*last)->seq, verified->head.seq);
    pane->refresh();
    QTRY_VERIFY(!pane->isBusy());
    QCOMPARE(pane->lastReview()->at, kNow);
    // Marked this very second: nothing to compare from it until later.
    QCOMPARE(
        runDiff({QStringLiteral("--db"), url, QStringLiteral("--from"), QStringLiteral("last-review")}, &out),
        int(cli::ExitUsage));

    if (!postgres) {
        // Where the journal cannot be written the button says why instead.
        auto readOnly = Database::open(db->url(), OpenOptions{true, false, false});
        QVERIFY2(readOnly, qPrintable(readOnly.errorMessage()));
        ChangesPane roPane(**readOnly);
        roPane.applyRole(ConsoleRole::Auditor);
        roPane.setOrg(org, kNow);
        QTRY_VERIFY(!roPane.isBusy());
        auto *button = roPane.findChild<QPushButton *>(QStringLiteral("changesMarkReviewed"));
        QVERIFY(!button->isEnabled());
        QVERIFY2(button->toolTip().contains(QStringLiteral("read-only")), qPrintable(button->toolTip()));
        QVERIFY(roPane.lastReview()); // reading it needs no write
    }
    pane->applyRole(ConsoleRole::Reader);
    auto *button = pane->findChild<QPushButton *>(QStringLiteral("changesMarkReviewed"));
    QVERIFY(!button->isEnabled());
    QCOMPARE(button->toolTip(), QStringLiteral("Your role (reader) may not record access reviews."));
}

QTEST_MAIN(TestHistoryGui)
#include "test_history_gui.moc"
