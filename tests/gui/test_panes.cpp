// Opens every pane of the console on the fixture org (imported through FixtureImporter), checks that
// each shows real data, follows dashboard tiles to their filtered panes, and saves a screenshot per pane.
#include "compliance/auditreach.h"
#include "finance/asof.h"
#include "finance/dashboard.h"
#include "finance/governance.h"
#include "fixtures/generator.h"
#include "models/accessmodels.h"
#include "models/sqlfetch.h"
#include "models/sqltablemodel.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"
#include "ui/accesspanes.h"
#include "ui/chartpanes.h"
#include "ui/dashboardpane.h"
#include "ui/entitypanes.h"
#include "ui/mainwindow.h"
#include "ui/reportspane.h"
#include "ui/tablepane.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <algorithm>

using namespace orgward;

namespace {
// Holds the table worker's one thread until released. A read that still completes meanwhile did not go
// through the worker: it ran on the GUI thread.
class WorkerGate
{
public:
    explicit WorkerGate(Database &db) : m_worker(SqlFetchWorker::forDatabase(db))
    {
        m_worker->submitJob(
            this,
            [this](Database *, const QString &) {
                m_entered.release();
                m_open.acquire();
                return std::shared_ptr<void>();
            },
            false);
        m_entered.acquire(); // the worker is now inside the gate
    }
    ~WorkerGate() { m_open.release(); }
    WorkerGate(const WorkerGate &) = delete;
    WorkerGate &operator=(const WorkerGate &) = delete;

private:
    std::shared_ptr<SqlFetchWorker> m_worker;
    QSemaphore m_entered, m_open;
};

QFileDevice::Permissions ownerOnly()
{
    return QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser;
}

// Rows the access and governance views are checked against, added to the fixture org (ids of their own, so
// the fixture's own groups and roles stay as they are).
const QString kUser = QStringLiteral("user-access-test");
const QString kProject = QStringLiteral("proj_gov_test");
const QString kBareProject = QStringLiteral("proj_gov_bare"); // no controls stored
const QString kAuditors = QStringLiteral("group_test_auditors");
const QString kVendors = QStringLiteral("group_test_vendors");
const QString kReviewer = QStringLiteral("role_test_reviewer");
const QString kKeeper = QStringLiteral("role_test_keeper");
const QString kReviewerPermissions =
    QStringLiteral(R"(["api.groups.read","api.roles.read","api.audit.read"])");
const QString kKeeperPermissions = QStringLiteral(R"(["api.billing.read","api.billing.write"])");

QVariant null()
{
    return QVariant(QMetaType(QMetaType::QString));
}

// Every row of a table model, as its shown text joined by " | " per row (the model must be idle).
QStringList shownRows(const QAbstractItemModel *m)
{
    QStringList rows;
    for (int r = 0; r < m->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m->columnCount(); ++c)
            cells << m->index(r, c).data().toString();
        rows << cells.join(QStringLiteral(" | "));
    }
    return rows;
}

QString jsonLength(Database &db, const QString &sql, const QVariantList &binds)
{
    auto v = db.scalar(sql, binds);
    return v && !v->isNull() ? QString::number(governance::jsonStrings(*v).size()) : QString();
}
} // namespace

class TestPanes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyPaneHasData_data();
    void everyPaneHasData();
    void dashboardTilesOpenFilteredPanes();
    void refreshKeepsSelection();
    void panesReadOffTheGuiThread();
    void tableExportRunsOnTheWorker();
    void chartExports();
    void groupsPaneShowsGroupsAndRoles();
    void memberAccessExplainsEveryGrant();
    void projectGovernanceTabs();
    void dashboardSpendControls();
    void cleanupTestCase();

private:
    void shoot(const QString &name);
    void insertAccessRows(Database &db);
    // Filters the pane's table to text and selects its first row (the detail tables follow).
    void selectOnly(ConsolePane *pane, TablePane *table, const QString &text);
    QTemporaryDir m_dir;
    QString m_shots;
    QString m_org;
    MainWindow *m_window = nullptr;
};

void TestPanes::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // window settings go to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("orgward-test"));
    QString fixtures = test::fixturesDir();
    if (!QFileInfo::exists(fixtures + QStringLiteral("/manifest.json"))) {
        // The bundled org is generated with these options; write the same org when the folder is absent.
        GeneratorOptions o;
        o.scale = 1;
        o.seed = 1;
        fixtures = m_dir.filePath(QStringLiteral("fixtures"));
        auto w = FixtureGenerator(o).write(fixtures);
        QVERIFY2(w.ok(), qPrintable(w.errorMessage()));
    }
    auto db = test::openSqlite(m_dir);
    auto imported = FixtureImporter(*db).run(fixtures);
    QVERIFY2(imported.ok(), qPrintable(imported.errorMessage()));
    m_org = imported->orgKey;
    insertAccessRows(*db);
    if (QTest::currentTestFailed()) return;
    m_shots = QStringLiteral(ORGWARD_BINARY_DIR) + QStringLiteral("/screenshots");
    QDir().mkpath(m_shots);
    m_window = new MainWindow(std::move(db), m_org);
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QCOMPARE(m_window->currentOrg(), m_org);
    QVERIFY(m_window->orgNow() > 0);
}

void TestPanes::insertAccessRows(Database &db)
{
    const qint64 now = orgNowSecs(db, m_org);
    auto firstId = [&db, this](const char *table) {
        auto v = db.scalar(QStringLiteral("SELECT MIN(id) FROM %1 WHERE org_key = ? AND deleted_at IS NULL")
                               .arg(QLatin1String(table)),
                           {m_org});
        return v ? v->toString() : QString();
    };
    const QString otherUser = firstId("openai_users"), otherProject = firstId("openai_projects");
    QVERIFY(!otherUser.isEmpty() && !otherProject.isEmpty());
    QVERIFY(db.begin());
    using Columns = QList<std::pair<const char *, QVariant>>;
    const QList<std::pair<const char *, Columns>> rows{
        {"openai_users",
         {{"id", kUser},
          {"name", QStringLiteral("Access Tester")},
          {"email", QStringLiteral("access-tester@example.test")},
          {"role", QStringLiteral("reader")},
          {"added_at", now - 86400}}},
        {"openai_projects",
         {{"id", kProject},
          {"name", QStringLiteral("Governance test project")},
          {"status", QStringLiteral("active")},
          {"created_at", now - 10 * 86400}}},
        {"openai_projects",
         {{"id", kBareProject},
          {"name", QStringLiteral("Governance bare project")},
          {"status", QStringLiteral("active")},
          {"created_at", now - 10 * 86400}}},
        {"openai_project_members",
         {{"project_id", kProject},
          {"user_id", kUser},
          {"role", QStringLiteral("owner")},
          {"added_at", now}}},
        {"openai_groups",
         {{"id", kAuditors},
          {"name", QStringLiteral("Test Auditors")},
          {"group_type", QStringLiteral("group")},
          {"is_scim_managed", true},
          {"created_at", now - 5 * 86400}}},
        {"openai_groups",
         {{"id", kVendors},
          {"name", QStringLiteral("Test Vendors")},
          {"group_type", QStringLiteral("tenant_group")},
          {"is_scim_managed", false},
          {"created_at", now - 5 * 86400}}},
        {"openai_group_users", {{"group_id", kAuditors}, {"user_id", kUser}}},
        {"openai_group_users", {{"group_id", kAuditors}, {"user_id", otherUser}}},
        {"openai_group_users", {{"group_id", kVendors}, {"user_id", kUser}}},
        {"openai_group_users", // gone: not shown anywhere
         {{"group_id", kVendors}, {"user_id", otherUser}, {"removed_at", now}}},
        {"openai_roles",
         {{"id", kReviewer},
          {"name", QStringLiteral("Access Reviewer")},
          {"description", QStringLiteral("Reviews who can do what.")},
          {"permissions", kReviewerPermissions},
          {"resource_type", QStringLiteral("api.organization")},
          {"predefined_role", false}}},
        {"openai_roles",
         {{"id", kKeeper},
          {"name", QStringLiteral("Budget Keeper")},
          {"description", QStringLiteral("Keeps the budget.")},
          {"permissions", kKeeperPermissions},
          {"resource_type", QStringLiteral("api.organization")},
          {"predefined_role", false}}},
        {"openai_group_roles",
         {{"group_id", kAuditors},
          {"role_id", kReviewer},
          {"name", QStringLiteral("Access Reviewer")},
          {"permissions", kReviewerPermissions},
          {"resource_type", QStringLiteral("api.organization")},
          {"predefined_role", false}}},
        // Inherited from Test Auditors: shown with the group, not twice.
        {"openai_user_roles",
         {{"user_id", kUser},
          {"role_id", kReviewer},
          {"name", QStringLiteral("Access Reviewer")},
          {"permissions", kReviewerPermissions},
          {"resource_type", QStringLiteral("api.organization")},
          {"predefined_role", false},
          {"assignment_sources",
           QStringLiteral(R"([{"principal_id":"group_test_auditors","principal_type":"group"}])")}}},
        // Held directly and (by the API's account) through Test Vendors, which stores no such group role.
        {"openai_user_roles",
         {{"user_id", kUser},
          {"role_id", kKeeper},
          {"name", QStringLiteral("Budget Keeper")},
          {"permissions", kKeeperPermissions},
          {"resource_type", QStringLiteral("api.organization")},
          {"predefined_role", false},
          {"assignment_sources",
           QStringLiteral(R"([{"principal_id":"user-access-test","principal_type":"user"},)"
                          R"({"principal_id":"group_test_vendors","principal_type":"group"}])")}}},
        {"openai_project_groups",
         {{"project_id", kProject},
          {"group_id", kAuditors},
          {"group_name", QStringLiteral("Test Auditors")},
          {"group_type", QStringLiteral("group")},
          {"created_at", now - 86400}}},
        {"openai_project_groups",
         {{"project_id", otherProject},
          {"group_id", kVendors},
          {"group_name", QStringLiteral("Test Vendors")},
          {"group_type", QStringLiteral("tenant_group")},
          {"created_at", now - 86400}}},
        {"openai_project_model_permissions",
         {{"project_id", kProject},
          {"mode", QStringLiteral("allow_list")},
          {"model_ids", QStringLiteral(R"(["gpt-4o","o3"])")}}},
        {"openai_project_hosted_tool_permissions",
         {{"project_id", kProject},
          {"file_search", true},
          {"web_search", false},
          {"image_generation", true},
          {"mcp", false},
          {"code_interpreter", QVariant(QMetaType(QMetaType::Bool))}}},
        {"openai_data_retention",
         {{"project_id", kProject}, {"type", QStringLiteral("zero_data_retention")}}},
        {"openai_spend_alerts",
         {{"project_id", kProject},
          {"id", QStringLiteral("alert_test_1")},
          {"threshold_amount", qint64(100000)},
          {"currency", QStringLiteral("USD")},
          {"interval", QStringLiteral("month")},
          {"channel_type", QStringLiteral("email")},
          {"recipients", QStringLiteral(R"(["a@example.test","b@example.test"])")},
          {"subject_prefix", QStringLiteral("[Gov]")}}},
        {"openai_spend_alerts",
         {{"project_id", kProject},
          {"id", QStringLiteral("alert_test_2")},
          {"threshold_amount", qint64(250000050)},
          {"currency", QStringLiteral("USD")},
          {"interval", QStringLiteral("month")},
          {"channel_type", QStringLiteral("email")},
          {"recipients", QStringLiteral(R"(["c@example.test"])")},
          {"subject_prefix", null()}}},
        {"openai_spend_alerts", // deleted: not shown
         {{"project_id", kProject},
          {"id", QStringLiteral("alert_test_3")},
          {"threshold_amount", qint64(5)},
          {"currency", QStringLiteral("USD")},
          {"interval", QStringLiteral("month")},
          {"deleted_at", now}}},
        {"openai_spend_limits",
         {{"project_id", kProject},
          {"threshold_amount", qint64(5000000)},
          {"currency", QStringLiteral("USD")},
          {"interval", QStringLiteral("month")},
          {"enforcement_status", QStringLiteral("enforcing")}}},
        // The organization's own (project_id ''), replacing whatever the fixtures hold.
        {"openai_data_retention",
         {{"project_id", QStringLiteral("")}, {"type", QStringLiteral("enhanced_zero_data_retention")}}},
        {"openai_spend_alerts",
         {{"project_id", QStringLiteral("")},
          {"id", QStringLiteral("alert_test_org")},
          {"threshold_amount", qint64(2500000)},
          {"currency", QStringLiteral("USD")},
          {"interval", QStringLiteral("month")},
          {"channel_type", QStringLiteral("email")},
          {"recipients", QStringLiteral(R"(["finance@example.test","cfo@example.test"])")}}},
        {"openai_spend_limits",
         {{"project_id", QStringLiteral("")},
          {"threshold_amount", qint64(10000000)},
          {"currency", QStringLiteral("USD")},
          {"interval", QStringLiteral("month")},
          {"enforcement_status", QStringLiteral("inactive")}}},
    };
    for (const char *table : {"openai_data_retention", "openai_spend_alerts", "openai_spend_limits"})
        QVERIFY(db.run(
            QStringLiteral("DELETE FROM %1 WHERE org_key = ? AND project_id = ?").arg(QLatin1String(table)),
            {m_org, QStringLiteral("")}));
    for (const auto &[table, columns] : rows) {
        QVariantMap cols;
        for (const auto &[name, value] : columns)
            cols.insert(QLatin1String(name), value);
        auto r = test::insertSyncedRow(db, m_org, QLatin1String(table), cols, now);
        QVERIFY2(r.ok(), qPrintable(QLatin1String(table) + u": " + r.errorMessage()));
    }
    QVERIFY(db.commit());
}

void TestPanes::selectOnly(ConsolePane *pane, TablePane *table, const QString &text)
{
    table->filterEdit()->setText(text); // debounced: the model re-queries once typing pauses
    QTRY_COMPARE(table->model()->filterText(), text);
    QTRY_VERIFY(!pane->isBusy());
    QVERIFY2(table->model()->lastError().isEmpty(), qPrintable(table->model()->lastError()));
    QCOMPARE(table->model()->rowCount(), 1);
    table->view()->selectRow(0);
    QTRY_VERIFY(!pane->isBusy());
}

void TestPanes::shoot(const QString &name)
{
    QApplication::processEvents();
    const QString path = m_shots + u'/' + name + QStringLiteral(".png");
    QVERIFY2(m_window->grab().save(path), qPrintable(path));
}

void TestPanes::everyPaneHasData_data()
{
    QTest::addColumn<int>("pane");
    QTest::addColumn<QString>("shot");
    const QStringList names{
        QStringLiteral("dashboard"), QStringLiteral("members"), QStringLiteral("groups"),
        QStringLiteral("projects"),  QStringLiteral("keys"),    QStringLiteral("certificates"),
        QStringLiteral("usage"),     QStringLiteral("costs"),   QStringLiteral("budgets"),
        QStringLiteral("audit"),     QStringLiteral("changes"), QStringLiteral("reports"),
        QStringLiteral("sync")};
    QCOMPARE(names.size(), int(MainWindow::PaneCount));
    for (int i = 0; i < names.size(); ++i)
        QTest::newRow(qPrintable(names[i])) << i << names[i];
}

void TestPanes::everyPaneHasData()
{
    QFETCH(int, pane);
    QFETCH(QString, shot);
    m_window->showPane(pane);
    ConsolePane *p = m_window->pane(pane);
    QVERIFY(p->isVisible());
    QTRY_VERIFY(!p->isBusy()); // charts read on the table worker too
    if (TablePane *t = p->activeTable()) {
        QVERIFY(t->model()->isAsync()); // the console's tables query on a worker thread
        QTRY_VERIFY(t->model()->isIdle());
        QVERIFY2(t->model()->lastError().isEmpty(), qPrintable(t->model()->lastError()));
        QVERIFY2(t->model()->totalRows() > 0, qPrintable(p->title()));
        QVERIFY(t->model()->rowCount() > 0);
        t->view()->selectRow(0); // fills the detail area
        QVERIFY(!t->currentId().isEmpty());
        // The detail tables answer asynchronously too: the screenshot waits for them.
        const QList<SqlTableModel *> models = p->findChildren<SqlTableModel *>();
        QTRY_VERIFY(
            std::all_of(models.cbegin(), models.cend(), [](SqlTableModel *m) { return m->isIdle(); }));
        if (pane == MainWindow::Members) {
            // The first member's "Projects" figure and its "Projects and roles" detail agree.
            const int projects = t->model()->data(t->model()->index(0, 4)).toInt();
            QVERIFY(projects > 0);
            QCOMPARE(static_cast<MembersPane *>(p)->detailModel(0)->rowCount(), projects);
        }
    }
    if (pane == MainWindow::Dashboard) {
        auto *d = static_cast<DashboardPane *>(p);
        for (int i = 0; i < DashboardPane::TileCount; ++i)
            QVERIFY(d->tileText(DashboardPane::Tile(i)).count(u'\n') >= 2);
        auto s = loadDashboard(m_window->database(), m_org);
        QVERIFY(s.ok());
        QVERIFY(!s->spendMonthToDate.isZero());
        QVERIFY(d->tileText(DashboardPane::Spend).contains(s->spendMonthToDate.toFixed(2)));
    }
    if (pane == MainWindow::Reports) {
        // A report is built and its first pages previewed off the GUI thread; the journal head is shown.
        auto *r = static_cast<ReportsPane *>(p);
        QSignalSpy done(r, &ReportsPane::jobFinished);
        r->selectReport(QStringLiteral("access-review"));
        r->runPreview();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        QVERIFY2(done.first().at(1).toBool(), qPrintable(done.first().at(0).toString()));
        QVERIFY(r->report() && r->report()->rowCount() > 0);
        QVERIFY(r->previewPages() > 0);
        QTRY_VERIFY(!p->isBusy());
        QVERIFY(p->findChild<QLabel *>(QStringLiteral("journalHead"))
                    ->text()
                    .contains(QStringLiteral("Journal head")));
    }
    if (pane == MainWindow::Audit) {
        // Imported, never synced: how far back the local copy reaches, and that the API's reach is unknown.
        auto reach = readAuditReach(m_window->database(), m_org);
        QVERIFY(reach && reach->localEvents > 0 && !reach->apiRead);
        QCOMPARE(static_cast<AuditPane *>(p)->reachLabel()->text(), describeAuditReach(*reach));
    }
    if (pane == MainWindow::Usage) {
        auto *u = static_cast<UsagePane *>(p);
        u->configure(QStringLiteral("completions"), QStringLiteral("input_tokens"), QStringLiteral("model"),
                     30, Granularity::Day);
        QVERIFY(u->isBusy());
        QTRY_VERIFY(!u->isBusy());
        QVERIFY(u->series().set.groupBy.split(u',').contains(QStringLiteral("model")));
        QVERIFY(u->series().total() > 0);
        QCOMPARE(u->series().buckets.size(), 30);
    }
    shoot(shot);
}

void TestPanes::dashboardTilesOpenFilteredPanes()
{
    auto s = loadDashboard(m_window->database(), m_org);
    QVERIFY(s.ok());
    m_window->showPane(MainWindow::Dashboard);
    auto *d = static_cast<DashboardPane *>(m_window->pane(MainWindow::Dashboard));
    QTest::mouseClick(d->tileButton(DashboardPane::UnusedKeys), Qt::LeftButton);
    auto *keys = static_cast<KeysPane *>(m_window->pane(MainWindow::Keys));
    QVERIFY(keys->isVisible());
    QTRY_VERIFY(keys->keys()->model()->isIdle());
    QCOMPARE(keys->keys()->model()->totalRows(), s->keysUnused90Days);
    shoot(QStringLiteral("keys-unused"));
    keys->keys()->selectPreset(KeysPane::All);

    m_window->showPane(MainWindow::Dashboard);
    QTest::mouseClick(d->tileButton(DashboardPane::MembersWithoutProject), Qt::LeftButton);
    auto *members = static_cast<MembersPane *>(m_window->pane(MainWindow::Members));
    QVERIFY(members->isVisible());
    QTRY_VERIFY(members->members()->model()->isIdle());
    QCOMPARE(members->members()->model()->totalRows(), s->membersWithoutProject);
    members->members()->selectPreset(MembersPane::All);

    m_window->showPane(MainWindow::Dashboard);
    QTest::mouseClick(d->tileButton(DashboardPane::PendingInvites), Qt::LeftButton);
    QVERIFY(members->isVisible());
    QTRY_VERIFY(members->activeTable()->model()->isIdle());
    QCOMPARE(members->activeTable()->model()->totalRows(), s->invitesPending);
    shoot(QStringLiteral("invites-pending"));

    m_window->showPane(MainWindow::Dashboard);
    QTest::mouseClick(d->tileButton(DashboardPane::ExpiringCertificates), Qt::LeftButton);
    QTRY_VERIFY(m_window->pane(MainWindow::Certificates)->activeTable()->model()->isIdle());
    QCOMPARE(m_window->pane(MainWindow::Certificates)->activeTable()->model()->totalRows(),
             s->certificatesExpiring14Days);
    m_window->pane(MainWindow::Certificates)->activeTable()->selectPreset(CertificatesPane::All);
}

void TestPanes::refreshKeepsSelection()
{
    m_window->showPane(MainWindow::Members);
    auto *members = static_cast<MembersPane *>(m_window->pane(MainWindow::Members));
    TablePane *t = members->members();
    QTRY_VERIFY(t->model()->isIdle());
    QVERIFY(t->model()->rowCount() > 3);
    t->view()->selectRow(3);
    const QString id = t->currentId();
    QSignalSpy refreshed(t->model(), &SqlTableModel::reloaded);
    m_window->refreshAll();
    QCOMPARE(t->currentId(), id); // the rows stay while the refresh runs
    QVERIFY(refreshed.wait());
    QTRY_VERIFY(t->model()->isIdle());
    QCOMPARE(t->currentId(), id);
    QCOMPARE(t->view()->selectionModel()->selectedRows().value(0).row(), 3);
}

void TestPanes::panesReadOffTheGuiThread()
{
    Database &db = m_window->database();
    // Dashboard: the figures are computed on the worker; while it is held, the pane waits (busy).
    m_window->showPane(MainWindow::Dashboard);
    auto *d = static_cast<DashboardPane *>(m_window->pane(MainWindow::Dashboard));
    QTRY_VERIFY(!d->isBusy());
    const QString spend = d->tileText(DashboardPane::Spend);
    {
        WorkerGate gate(db);
        d->setOrg(m_org, m_window->orgNow());
        QVERIFY(d->isBusy());
        QTest::qWait(50);
        QVERIFY(d->isBusy());
        QVERIFY(d->tileText(DashboardPane::Spend).contains(QStringLiteral("…")));
        QCOMPARE(d->controlText(DashboardPane::SpendLimit), QStringLiteral("…"));
    }
    QTRY_VERIFY(!d->isBusy());
    QCOMPARE(d->tileText(DashboardPane::Spend), spend);

    // Project sparkline: the selected project's usage arrives from the worker.
    m_window->showPane(MainWindow::Projects);
    auto *projects = static_cast<ProjectsPane *>(m_window->pane(MainWindow::Projects));
    QTRY_VERIFY(!projects->isBusy());
    TablePane *pt = projects->activeTable();
    QVERIFY(pt->model()->rowCount() > 1);
    {
        WorkerGate gate(db);
        pt->view()->selectRow(1);
        QVERIFY(projects->isBusy());
        QTest::qWait(50);
        QVERIFY(projects->sparklineValues().isEmpty());
        QCOMPARE(projects->controlText(ProjectsPane::DataRetention), QStringLiteral("…"));
    }
    QTRY_VERIFY(!projects->isBusy());
    QCOMPARE(projects->sparklineValues().size(), 30);
    QVERIFY(projects->controlText(ProjectsPane::DataRetention) != QStringLiteral("…"));

    // Member details: each detail table fills from the worker.
    m_window->showPane(MainWindow::Members);
    auto *members = static_cast<MembersPane *>(m_window->pane(MainWindow::Members));
    members->showMembers();
    TablePane *mt = members->members();
    QTRY_VERIFY(!members->isBusy());
    int row = 0;
    while (row < mt->model()->rowCount() && mt->model()->data(mt->model()->index(row, 4)).toInt() == 0)
        ++row;
    QVERIFY(row < mt->model()->rowCount());
    const int selected = row == mt->view()->currentIndex().row() ? row + 1 : row;
    {
        WorkerGate gate(db);
        mt->view()->selectRow(selected);
        QVERIFY(members->isBusy());
        QVERIFY(members->detailModel(MembersPane::ProjectsAndRoles)->isLoading());
        QTest::qWait(50);
        QCOMPARE(members->detailModel(MembersPane::ProjectsAndRoles)->rowCount(), 0);
    }
    QTRY_VERIFY(!members->isBusy());
    QCOMPARE(members->detailModel(MembersPane::ProjectsAndRoles)->rowCount(),
             mt->model()->data(mt->model()->index(selected, 4)).toInt());
}

void TestPanes::tableExportRunsOnTheWorker()
{
    Database &db = m_window->database();
    m_window->showPane(MainWindow::Members);
    auto *members = static_cast<MembersPane *>(m_window->pane(MainWindow::Members));
    TablePane *t = members->activeTable(); // what File → Export table writes: the tab on show
    QCOMPARE(t, members->members());
    t->selectPreset(MembersPane::All);
    QTRY_VERIFY(!members->isBusy());
    const QString csv = m_dir.filePath(QStringLiteral("members.csv"));
    QSignalSpy done(members, &ConsolePane::csvExportFinished);
    {
        WorkerGate gate(db);
        members->startCsvExport(csv);
        // Nothing is written on the GUI thread: the file appears once the worker gets to it.
        QVERIFY(t->isExporting());
        QVERIFY(members->isBusy());
        QVERIFY(t->exportDialog());
        QVERIFY(!t->exportDialog()->isModal());
        QTest::qWait(50);
        QCOMPARE(done.count(), 0);
        QVERIFY(!QFile::exists(csv));
    }
    QTRY_COMPARE(done.count(), 1);
    QCOMPARE(done[0][0].toString(), csv);
    QVERIFY2(done[0][1].toString().isEmpty(), qPrintable(done[0][1].toString()));
    QCOMPARE(done[0][2].toLongLong(), t->model()->totalRows());
    QVERIFY(!members->isBusy());
    QTRY_VERIFY(!t->exportDialog());
    QCOMPARE(QFileInfo(csv).permissions() & ~ownerOnly(), QFileDevice::Permissions());
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly));
    const QByteArray bytes = c.readAll();
    QCOMPARE(bytes.count("\r\n"), t->model()->totalRows() + 1);
    QVERIFY(bytes.startsWith("Name,Email,Role,"));

    // Cancel: the worker stops between rows and no file is left behind.
    const QString cancelled = m_dir.filePath(QStringLiteral("cancelled.csv"));
    {
        WorkerGate gate(db);
        members->startCsvExport(cancelled);
        QVERIFY(t->exportDialog());
        emit t->exportDialog()->canceled(); // what the dialog's Cancel button sends
    }
    QTRY_COMPARE(done.count(), 2);
    QVERIFY(done[1][1].toString().contains(QLatin1String("cancelled")));
    QVERIFY(!QFile::exists(cancelled));
    QVERIFY(!t->isExporting());
}

void TestPanes::chartExports()
{
    m_window->showPane(MainWindow::Costs);
    QTRY_VERIFY(!m_window->pane(MainWindow::Costs)->isBusy());
    QWidget *chart = m_window->pane(MainWindow::Costs)->chartWidget();
    QVERIFY(chart);
    QString error;
    const QString png = m_dir.filePath(QStringLiteral("costs.png")),
                  svg = m_dir.filePath(QStringLiteral("costs.svg"));
    QVERIFY2(exportWidgetImage(chart, png, &error), qPrintable(error));
    QVERIFY2(exportWidgetImage(chart, svg, &error), qPrintable(error));
    QVERIFY(QFileInfo(png).size() > 1000);
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("<svg"));
    // A chart's numbers are written at once (a few hundred cells), owner-only like every export.
    const QString csv = m_dir.filePath(QStringLiteral("costs.csv"));
    QSignalSpy done(m_window->pane(MainWindow::Costs), &ConsolePane::csvExportFinished);
    m_window->pane(MainWindow::Costs)->startCsvExport(csv);
    QCOMPARE(done.count(), 1);
    QVERIFY2(done[0][1].toString().isEmpty(), qPrintable(done[0][1].toString()));
    QVERIFY(done[0][2].toLongLong() > 0);
    QCOMPARE(QFileInfo(csv).permissions() & ~ownerOnly(), QFileDevice::Permissions());
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly));
    QCOMPARE(c.readAll().count("\r\n"), done[0][2].toLongLong() + 1);
}

void TestPanes::groupsPaneShowsGroupsAndRoles()
{
    m_window->showPane(MainWindow::Groups);
    auto *p = static_cast<GroupsPane *>(m_window->pane(MainWindow::Groups));
    QVERIFY(p->isVisible());
    p->showTab(GroupsPane::GroupsTab);
    TablePane *groups = p->groups();
    QCOMPARE(p->activeTable(), groups);
    SqlTableModel *m = groups->model();
    auto cell = [m](int column) { return m->index(0, column).data().toString(); };
    auto count = [m](int column) { return m->index(0, column).data(SqlTableModel::RawRole).toInt(); };

    selectOnly(p, groups, QStringLiteral("Test Auditors"));
    QCOMPARE(groups->currentId(), kAuditors);
    QCOMPARE(cell(GroupsModel::Name), QStringLiteral("Test Auditors"));
    QCOMPARE(cell(GroupsModel::Type), QStringLiteral("group"));
    QCOMPARE(cell(GroupsModel::ScimManaged), QStringLiteral("yes"));
    QVERIFY(!cell(GroupsModel::Created).isEmpty());
    QCOMPARE(count(GroupsModel::Members), 2);
    QCOMPARE(count(GroupsModel::Projects), 1);
    QCOMPARE(count(GroupsModel::Roles), 1);
    const QStringList members = shownRows(p->groupDetailModel(GroupsPane::GroupMembers));
    QCOMPARE(members.size(), 2);
    QVERIFY(members.filter(QStringLiteral("Access Tester | access-tester@example.test | reader")).size() ==
            1);
    // Permissions read as a list, never as JSON.
    QCOMPARE(
        shownRows(p->groupDetailModel(GroupsPane::GroupRoles)),
        QStringList{QStringLiteral(
            "Access Reviewer | organization | custom | api.groups.read, api.roles.read, api.audit.read")});
    const QStringList projects = shownRows(p->groupDetailModel(GroupsPane::GroupProjects));
    QCOMPARE(projects.size(), 1);
    QVERIFY(projects[0].startsWith(QStringLiteral("Governance test project | ")));
    p->findChild<QTabWidget *>(QStringLiteral("groupDetails"))->setCurrentIndex(GroupsPane::GroupRoles);
    shoot(QStringLiteral("groups-detail"));
    p->findChild<QTabWidget *>(QStringLiteral("groupDetails"))->setCurrentIndex(GroupsPane::GroupMembers);

    // A tenant group kept by hand; its removed member counts nowhere.
    selectOnly(p, groups, QStringLiteral("Test Vendors"));
    QCOMPARE(cell(GroupsModel::Type), QStringLiteral("tenant group"));
    QCOMPARE(cell(GroupsModel::ScimManaged), QStringLiteral("no"));
    QCOMPARE(count(GroupsModel::Members), 1);
    QCOMPARE(count(GroupsModel::Roles), 0);
    QCOMPARE(p->groupDetailModel(GroupsPane::GroupMembers)->rowCount(), 1);
    QCOMPARE(p->groupDetailModel(GroupsPane::GroupRoles)->rowCount(), 0);
    groups->filterEdit()->clear();

    p->showTab(GroupsPane::RolesTab);
    TablePane *roles = p->roles();
    QCOMPARE(p->activeTable(), roles);
    SqlTableModel *r = roles->model();
    selectOnly(p, roles, QStringLiteral("Access Reviewer"));
    QCOMPARE(roles->currentId(), kReviewer);
    QCOMPARE(shownRows(r),
             QStringList{QStringLiteral(
                 "Access Reviewer | Reviews who can do what. | organization | custom | 3 | 1 | 1")});
    QCOMPARE(shownRows(p->roleDetailModel(GroupsPane::RolePermissions)),
             (QStringList{QStringLiteral("api.audit.read"), QStringLiteral("api.groups.read"),
                          QStringLiteral("api.roles.read")}));
    // Held through Test Auditors only: the group holds it, not the user directly.
    QCOMPARE(shownRows(p->roleDetailModel(GroupsPane::RoleHolders)),
             QStringList{QStringLiteral("Test Auditors | group |  | 2")});
    shoot(QStringLiteral("roles"));
    selectOnly(p, roles, QStringLiteral("Budget Keeper"));
    QCOMPARE(shownRows(p->roleDetailModel(GroupsPane::RoleHolders)),
             QStringList{QStringLiteral("Access Tester | user | access-tester@example.test | ")});
    roles->filterEdit()->clear();
    p->showTab(GroupsPane::GroupsTab);
}

void TestPanes::memberAccessExplainsEveryGrant()
{
    Database &db = m_window->database();
    m_window->showPane(MainWindow::Members);
    auto *members = static_cast<MembersPane *>(m_window->pane(MainWindow::Members));
    members->showMembers();
    selectOnly(members, members->members(), QStringLiteral("access-tester@example.test"));
    QCOMPARE(members->members()->currentId(), kUser);
    QVERIFY(members->isDetailTabVisible(MembersPane::Access));
    SqlTableModel *access = members->detailModel(MembersPane::Access);
    QVERIFY2(access->lastError().isEmpty(), qPrintable(access->lastError()));
    // The predefined roles the plain role names stand for, as the fixtures define them.
    const QString readerPermissions = jsonLength(
        db,
        QStringLiteral(
            "SELECT permissions FROM openai_roles WHERE org_key = ? AND resource_type = "
            "'api.organization' AND predefined_role AND LOWER(name) = 'reader' ORDER BY id LIMIT 1"),
        {m_org});
    const QString ownerPermissions = jsonLength(
        db,
        QStringLiteral(
            "SELECT permissions FROM openai_roles WHERE org_key = ? AND resource_type = 'api.project' "
            "AND predefined_role AND LOWER(name) IN ('owner', 'project owner') ORDER BY id LIMIT 1"),
        {m_org});
    auto other =
        db.scalar(QStringLiteral("SELECT p.name FROM openai_project_groups g JOIN openai_projects p ON "
                                 "p.org_key = g.org_key AND p.id = g.project_id WHERE g.org_key = ? AND "
                                 "g.group_id = ?"),
                  {m_org, kVendors});
    QVERIFY(other);
    const QStringList rows = shownRows(access);
    QCOMPARE(rows.size(), 8);
    // The organization first, in a stable order; then each project.
    QCOMPARE(rows.mid(0, 5),
             (QStringList{QStringLiteral("organization | Access Reviewer | Test Auditors | 3"),
                          QStringLiteral("organization | group member | Test Vendors | "),
                          QStringLiteral("organization | reader | direct | ") + readerPermissions,
                          QStringLiteral("organization | Budget Keeper | direct | 2"),
                          QStringLiteral("organization | Budget Keeper | Test Vendors | 2")}));
    QStringList projects = rows.mid(5);
    projects.sort();
    QStringList expected{QStringLiteral("Governance test project | group access | Test Auditors | "),
                         QStringLiteral("Governance test project | owner | direct | ") + ownerPermissions,
                         other->toString() + QStringLiteral(" | group access | Test Vendors | ")};
    expected.sort();
    QCOMPARE(projects, expected);
    members->findChild<QTabWidget *>(QStringLiteral("memberDetails"))->setCurrentIndex(MembersPane::Access);
    shoot(QStringLiteral("members-access"));
    members->findChild<QTabWidget *>(QStringLiteral("memberDetails"))
        ->setCurrentIndex(MembersPane::ProjectsAndRoles);
    members->members()->filterEdit()->clear();
}

void TestPanes::projectGovernanceTabs()
{
    m_window->showPane(MainWindow::Projects);
    auto *projects = static_cast<ProjectsPane *>(m_window->pane(MainWindow::Projects));
    TablePane *t = projects->activeTable();
    selectOnly(projects, t, QStringLiteral("Governance test project"));
    QCOMPARE(t->currentId(), kProject);
    for (auto tab : {ProjectsPane::Groups, ProjectsPane::Controls, ProjectsPane::SpendAlerts})
        QVERIFY(projects->isDetailTabVisible(tab));
    QVERIFY(!projects->detailModel(ProjectsPane::Controls));
    const QStringList groups = shownRows(projects->detailModel(ProjectsPane::Groups));
    QCOMPARE(groups.size(), 1);
    QVERIFY2(groups[0].startsWith(QStringLiteral("Test Auditors | group | 2 | ")), qPrintable(groups[0]));
    QCOMPARE(
        shownRows(projects->detailModel(ProjectsPane::SpendAlerts)),
        (QStringList{QStringLiteral("$1,000.00 / month | a@example.test, b@example.test | email | [Gov]"),
                     QStringLiteral("$2,500,000.50 / month | c@example.test | email | ")}));
    QCOMPARE(projects->controlText(ProjectsPane::ModelPermissions), QStringLiteral("Allow list: gpt-4o, o3"));
    QCOMPARE(projects->controlText(ProjectsPane::HostedTools),
             QStringLiteral("File search: enabled\nWeb search: disabled\nImage generation: enabled\n"
                            "MCP: disabled\nCode interpreter: not reported"));
    QCOMPARE(projects->controlText(ProjectsPane::DataRetention), QStringLiteral("Zero data retention"));
    QCOMPARE(projects->controlText(ProjectsPane::SpendLimitControl),
             QStringLiteral("$50,000.00 / month (enforcing)"));
    auto *tabs = projects->findChild<QTabWidget *>(QStringLiteral("projectDetails"));
    tabs->setCurrentIndex(ProjectsPane::Controls);
    shoot(QStringLiteral("project-controls"));
    tabs->setCurrentIndex(ProjectsPane::SpendAlerts);
    shoot(QStringLiteral("project-spend-alerts"));

    // Nothing stored: said so, nothing fails.
    selectOnly(projects, t, QStringLiteral("Governance bare project"));
    QCOMPARE(projects->controlText(ProjectsPane::ModelPermissions), QStringLiteral("not set"));
    QCOMPARE(projects->controlText(ProjectsPane::HostedTools), QStringLiteral("not set"));
    QCOMPARE(projects->controlText(ProjectsPane::DataRetention), QStringLiteral("Organization default"));
    QCOMPARE(projects->controlText(ProjectsPane::SpendLimitControl), QStringLiteral("not set"));
    QCOMPARE(projects->detailModel(ProjectsPane::SpendAlerts)->rowCount(), 0);
    QCOMPARE(projects->detailModel(ProjectsPane::Groups)->rowCount(), 0);
    tabs->setCurrentIndex(ProjectsPane::Members);
    t->filterEdit()->clear();
    QTRY_VERIFY(!projects->isBusy());
}

void TestPanes::dashboardSpendControls()
{
    m_window->showPane(MainWindow::Dashboard);
    auto *d = static_cast<DashboardPane *>(m_window->pane(MainWindow::Dashboard));
    d->setOrg(m_org, m_window->orgNow());
    QTRY_VERIFY(!d->isBusy());
    QCOMPARE(d->controlText(DashboardPane::DataRetention), QStringLiteral("Enhanced zero data retention"));
    QCOMPARE(d->controlText(DashboardPane::SpendLimit), QStringLiteral("$100,000.00 / month (inactive)"));
    QCOMPARE(d->controlText(DashboardPane::SpendAlerts),
             QStringLiteral("$25,000.00 / month → finance@example.test, cfo@example.test"));
    shoot(QStringLiteral("dashboard-controls"));
    // An organization without any of them.
    d->setOrg(QStringLiteral("no-such-org"), m_window->orgNow());
    QTRY_VERIFY(!d->isBusy());
    for (auto c : {DashboardPane::DataRetention, DashboardPane::SpendLimit, DashboardPane::SpendAlerts})
        QCOMPARE(d->controlText(c), QStringLiteral("not set"));
    d->setOrg(QString(), 0);
    QCOMPARE(d->controlText(DashboardPane::SpendLimit), QStringLiteral("—"));
    d->setOrg(m_org, m_window->orgNow());
    QTRY_VERIFY(!d->isBusy());
}

void TestPanes::cleanupTestCase()
{
    delete m_window;
}

QTEST_MAIN(TestPanes)
#include "test_panes.moc"
