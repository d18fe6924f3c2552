// The console adapts to the connected role: on PostgreSQL a finance, auditor or reader login opens every
// pane it can see without one SQL error (reads go through the read-only views), and the panes, columns,
// tabs and actions it may not use are hidden or disabled. SQLite opened read-only is an auditor.
#include "core/clock.h"
#include "fakeapiserver.h"
#include "fixtures/generator.h"
#include "models/certificatesmodel.h"
#include "models/membersmodel.h"
#include "models/projectsmodel.h"
#include "models/sqltablemodel.h"
#include "security/orgprofiles.h"
#include "security/tablesource.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"
#include "ui/asofbar.h"
#include "ui/changespane.h"
#include "ui/dashboardpane.h"
#include "ui/entitypanes.h"
#include "ui/mainwindow.h"
#include "ui/settings/orgprofilesdialog.h"
#include "ui/tablepane.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace orgward;

namespace {
// Every SQL failure is logged (SqlTableModel, Database): collect them while a window is in use.
QStringList g_sqlErrors;
QtMessageHandler g_previous = nullptr;
void collect(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    if (type >= QtWarningMsg &&
        (msg.contains(QLatin1String("permission denied")) || msg.contains(QLatin1String("SQL failed"))))
        g_sqlErrors << msg;
    if (g_previous) g_previous(type, ctx, msg);
}
} // namespace

class TestRolesGui : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_fixtures;
    QString m_org;
    std::unique_ptr<Database> m_pg;

    void requirePg()
    {
        if (m_pg) return;
        QString why;
        m_pg = test::openPostgres(QStringLiteral("roles_gui"), &why);
        if (!m_pg) {
            if (test::postgresRequired()) QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
    }

    std::unique_ptr<Database> connectAs(const QString &user)
    {
        DatabaseUrl u = m_pg->url();
        u.user = user;
        u.password.clear();
        auto db = Database::open(u); // as the console opens it: migrations are current, so no DDL runs
        if (!db) qWarning("%s", qPrintable(db.errorMessage()));
        return db ? std::move(*db) : nullptr;
    }

    // Opens every pane the role may see, selects the first row of each table (binding detail tables) and
    // checks that nothing failed. Returns the window for role-specific checks.
    static void waitIdle(MainWindow &w)
    {
        // Pane tables load on a worker thread (SqlTableModel::setAsync): wait for every answer.
        for (SqlTableModel *m : w.findChildren<SqlTableModel *>())
            QTRY_VERIFY_WITH_TIMEOUT(m->isIdle(), 20000);
    }

    void openEveryPane(MainWindow &w, bool expectRows)
    {
        QTemporaryDir exports;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.currentOrg(), m_org);
        for (int i = 0; i < MainWindow::PaneCount; ++i) {
            if (!w.isPaneAvailable(i)) continue;
            w.showPane(i);
            ConsolePane *p = w.pane(i);
            QVERIFY2(p->isVisible(), qPrintable(p->title()));
            QTRY_VERIFY_WITH_TIMEOUT(!p->isBusy(), 20000); // tiles, charts and tables read on the worker
            if (i == MainWindow::Dashboard) {
                // Every visible tile computed (a failed dashboard query leaves "—" and an error line).
                auto *d = static_cast<DashboardPane *>(p);
                for (QLabel *l : d->findChildren<QLabel *>())
                    QVERIFY2(!l->text().contains(QLatin1String("Could not")), qPrintable(l->text()));
                for (int tile = 0; tile < DashboardPane::TileCount; ++tile)
                    if (!d->tileButton(DashboardPane::Tile(tile))->isHidden())
                        QVERIFY2(d->tileText(DashboardPane::Tile(tile)).count(u'\n') >= 2,
                                 qPrintable(d->tileText(DashboardPane::Tile(tile))));
            }
            if (TablePane *t = p->activeTable()) {
                waitIdle(w);
                QVERIFY2(t->model()->lastError().isEmpty(), qPrintable(t->model()->lastError()));
                if (expectRows && i != MainWindow::Sync) {
                    QVERIFY2(t->model()->totalRows() > 0, qPrintable(p->title()));
                    t->view()->selectRow(0); // binds the detail tables
                    QVERIFY(!t->currentId().isEmpty());
                    waitIdle(w);
                }
                // The console's CSV export runs the same (rewritten) query over every row, on the worker.
                QSignalSpy done(p, &ConsolePane::csvExportFinished);
                p->startCsvExport(exports.filePath(QString::number(i) + QStringLiteral(".csv")));
                QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
                QVERIFY2(done[0][1].toString().isEmpty(), qPrintable(done[0][1].toString()));
            }
            QApplication::processEvents();
        }
        for (SqlTableModel *m : w.findChildren<SqlTableModel *>())
            QVERIFY2(m->lastError().isEmpty(), qPrintable(m->lastError()));
        QVERIFY2(g_sqlErrors.isEmpty(), qPrintable(g_sqlErrors.join(u'\n')));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("orgward-test-roles"));
        g_previous = qInstallMessageHandler(collect);
        m_fixtures = test::fixturesDir();
        if (!QFileInfo::exists(m_fixtures + QStringLiteral("/manifest.json"))) {
            GeneratorOptions o;
            o.scale = 1;
            o.seed = 1;
            m_fixtures = m_dir.filePath(QStringLiteral("fixtures"));
            auto w = FixtureGenerator(o).write(m_fixtures);
            QVERIFY2(w.ok(), qPrintable(w.errorMessage()));
        }
    }
    void init() { g_sqlErrors.clear(); }

    void rewriteKeepsStatementsValid()
    {
        // Owners and admins read the tables; the others read views, and what they may not read is empty.
        const QString sql = QStringLiteral("SELECT COUNT(*) FROM openai_users u WHERE u.org_key = ?");
        QCOMPARE(rewriteForRole(ConsoleRole::Owner, sql), sql);
        QCOMPARE(rewriteForRole(ConsoleRole::Admin, sql), sql);
        QCOMPARE(rewriteForRole(ConsoleRole::Auditor, sql),
                 QStringLiteral("SELECT COUNT(*) FROM openai_admin_readonly.users u WHERE u.org_key = ?"));
        // No alias: the table's name stays usable as a qualifier.
        QCOMPARE(
            rewriteForRole(ConsoleRole::Reader, QStringLiteral("SELECT 1 FROM organizations WHERE x")),
            QStringLiteral("SELECT 1 FROM openai_admin_readonly.organizations AS organizations WHERE x"));
        const QString keys = rewriteForRole(
            ConsoleRole::Finance, QStringLiteral("SELECT COUNT(*) FROM openai_project_api_keys k WHERE 1=1"));
        QVERIFY(keys.contains(QLatin1String("WHERE false) k WHERE")));
        QVERIFY(!keys.contains(QLatin1String("FROM openai_project_api_keys")));
        QVERIFY(sourceTable(ConsoleRole::Auditor, QStringLiteral("openai_audit_logs"))
                    .startsWith(u"openai_admin"));
        QVERIFY(sourceTable(ConsoleRole::Reader, QStringLiteral("openai_audit_logs")).startsWith(u'('));
        QVERIFY(sourceTable(ConsoleRole::Finance, QStringLiteral("openai_audit_logs")).startsWith(u'('));
        // Quoted names, qualified names and longer identifiers are not table references.
        const QString other = QStringLiteral(
            "SELECT to_regclass('openai_users'), openai_users_name_idx, x.openai_users FROM t");
        QCOMPARE(rewriteForRole(ConsoleRole::Auditor, other), other);
    }

    void postgresSetup()
    {
        requirePg();
        auto imported = FixtureImporter(*m_pg).run(m_fixtures);
        QVERIFY2(imported.ok(), qPrintable(imported.errorMessage()));
        m_org = imported->orgKey;
        const QList<QPair<QString, QString>> logins{
            {QStringLiteral("t_owgui_finance"), QStringLiteral("orgward_finance")},
            {QStringLiteral("t_owgui_auditor"), QStringLiteral("orgward_auditor")},
            {QStringLiteral("t_owgui_reader"), QStringLiteral("orgward_reader")}};
        for (const auto &[login, group] : logins) {
            QVERIFY(
                m_pg->run(QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                                         "'%1') THEN CREATE ROLE %1 LOGIN; END IF; END $$")
                              .arg(login))
                    .ok());
            QVERIFY(m_pg->run(QStringLiteral("GRANT %1 TO %2").arg(group, login)).ok());
        }
    }

    void owner()
    {
        requirePg();
        MainWindow w(connectAs(QStringLiteral("postgres")), m_org);
        QCOMPARE(w.role(), ConsoleRole::Owner);
        openEveryPane(w, true);
        QVERIFY(w.isPaneAvailable(MainWindow::Keys));
        QVERIFY(w.isPaneAvailable(MainWindow::Audit));
        QVERIFY(w.action(QStringLiteral("syncNow"))->isEnabled());
        QVERIFY(w.action(QStringLiteral("settings"))->isEnabled());
        // Ctrl+, opens the organization profiles dialog (window-modal, without a nested event loop).
        w.action(QStringLiteral("settings"))->trigger();
        ui::OrgProfilesDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = w.findChild<ui::OrgProfilesDialog *>()) && dialog->isVisible());
        dialog->reject();
        QCOMPARE(w.action(QStringLiteral("settings"))->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    }

    void auditor()
    {
        requirePg();
        auto db = connectAs(QStringLiteral("t_owgui_auditor"));
        QVERIFY(db);
        // The login itself may read no base table: everything the console shows comes through the views.
        QVERIFY(!db->run(QStringLiteral("SELECT 1 FROM openai_users LIMIT 1")).ok());
        g_sqlErrors.clear();
        MainWindow w(std::move(db), m_org);
        QCOMPARE(w.role(), ConsoleRole::Auditor);
        QVERIFY(w.windowTitle().contains(QLatin1String("auditor")));
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("roleLabel"))->text(), QStringLiteral("Role: auditor"));
        openEveryPane(w, true);
        QVERIFY(!w.isPaneAvailable(MainWindow::Keys));
        QVERIFY(w.isPaneAvailable(MainWindow::Audit));
        auto *sidebar = w.findChild<QListWidget *>();
        QVERIFY(sidebar->item(MainWindow::Keys)->isHidden());
        QVERIFY(!sidebar->item(MainWindow::Audit)->isHidden());
        w.showPane(MainWindow::Keys); // refused: the pane stays hidden
        QVERIFY(!w.pane(MainWindow::Keys)->isVisible());
        QVERIFY(!w.action(QStringLiteral("syncNow"))->isEnabled());
        QVERIFY(!w.action(QStringLiteral("settings"))->isEnabled());
        QVERIFY(w.action(QStringLiteral("exportCsv"))->isEnabled());
        w.startSync();
        QVERIFY(!w.isSyncing());
        auto *dash = static_cast<DashboardPane *>(w.pane(MainWindow::Dashboard));
        QVERIFY(dash->tileButton(DashboardPane::UnusedKeys)->isHidden());
        QVERIFY(!dash->tileButton(DashboardPane::Spend)->isHidden());
        auto *members = static_cast<MembersPane *>(w.pane(MainWindow::Members));
        QVERIFY(members->members()->view()->isColumnHidden(MembersModel::Keys));
        QVERIFY(!members->isDetailTabVisible(MembersPane::KeysOwned));
        QVERIFY(members->isDetailTabVisible(MembersPane::AuditEvents));
        auto *projects = static_cast<ProjectsPane *>(w.pane(MainWindow::Projects));
        QVERIFY(!projects->isDetailTabVisible(ProjectsPane::Keys));
        QVERIFY(projects->isDetailTabVisible(ProjectsPane::Members));
        QVERIFY(projects->activeTable()->view()->isColumnHidden(ProjectsModel::Keys));
        QVERIFY(!w.pane(MainWindow::Certificates)
                     ->findChild<QWidget *>(QStringLiteral("certificateEventsPage"))
                     ->isHidden());
        // Audit events really come through the audit view.
        w.showPane(MainWindow::Audit);
        waitIdle(w);
        QVERIFY(w.pane(MainWindow::Audit)->activeTable()->model()->totalRows() > 0);
        // Row history too (its view): the Changes pane and the members as of a past instant.
        QVERIFY(w.isPaneAvailable(MainWindow::Changes));
        auto *changes = static_cast<ChangesPane *>(w.pane(MainWindow::Changes));
        QVERIFY2(!changes->statusText().contains(QLatin1String("Could not")),
                 qPrintable(changes->statusText()));
        // Reviewing access is an auditor's job: the login's INSERT on the journal takes the mark.
        w.showPane(MainWindow::Changes);
        auto *mark = changes->findChild<QPushButton *>(QStringLiteral("changesMarkReviewed"));
        QTRY_VERIFY2(mark->isEnabled(), qPrintable(mark->toolTip()));
        QSignalSpy marked(changes, &ChangesPane::reviewMarked);
        QTest::mouseClick(mark, Qt::LeftButton);
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = changes->findChild<QMessageBox *>(QStringLiteral("changesConfirmReview"))));
        QTest::mouseClick(confirm->findChild<QPushButton *>(QStringLiteral("changesConfirmReviewButton")),
                          Qt::LeftButton);
        QTRY_COMPARE(marked.count(), 1);
        QVERIFY2(marked[0][1].toString().isEmpty(), qPrintable(marked[0][1].toString()));
        QTRY_VERIFY(changes->findChild<QPushButton *>(QStringLiteral("changesSinceReview"))->isEnabled());
        w.showPane(MainWindow::Members);
        QTRY_VERIFY(members->asOf()->isSpanKnown());
        QVERIFY(members->asOf()->firstObserved() > 0);
        members->asOf()->setAt(Clock::nowSecs() - 1);
        QVERIFY(!members->asOf()->isLive());
        waitIdle(w);
        QTRY_VERIFY(!members->isBusy());
        QVERIFY2(members->members()->shownModel()->lastError().isEmpty(),
                 qPrintable(members->members()->shownModel()->lastError()));
        members->asOf()->setLive();
        QVERIFY2(g_sqlErrors.isEmpty(), qPrintable(g_sqlErrors.join(u'\n')));
    }

    void finance()
    {
        requirePg();
        auto db = connectAs(QStringLiteral("t_owgui_finance"));
        QVERIFY(db);
        MainWindow w(std::move(db), m_org);
        QCOMPARE(w.role(), ConsoleRole::Finance);
        openEveryPane(w, true);
        QVERIFY(!w.isPaneAvailable(MainWindow::Keys));
        QVERIFY(!w.isPaneAvailable(MainWindow::Audit));
        QVERIFY(!w.isPaneAvailable(MainWindow::Changes)); // row history is audit data
        QVERIFY(w.isPaneAvailable(MainWindow::Costs));
        QVERIFY(!w.action(QStringLiteral("syncNow"))->isEnabled());
        QVERIFY(w.action(QStringLiteral("exportCsv"))->isEnabled());
        auto *members = static_cast<MembersPane *>(w.pane(MainWindow::Members));
        QVERIFY(members->members()->view()->isColumnHidden(MembersModel::LastKeyUse));
        QVERIFY(!members->isDetailTabVisible(MembersPane::AuditEvents));
        QVERIFY(!members->isDetailTabVisible(MembersPane::KeysOwned));
        QVERIFY(members->isDetailTabVisible(MembersPane::ProjectsAndRoles));
        QVERIFY(members->members()->findChild<QWidget *>(QStringLiteral("asOfBar"))->isHidden());
        QVERIFY(!members->asOf()->isAvailable());
        auto *certs = w.pane(MainWindow::Certificates)->activeTable();
        QVERIFY(certs->view()->isColumnHidden(CertificatesModel::Events));
        QVERIFY(w.pane(MainWindow::Certificates)
                    ->findChild<QWidget *>(QStringLiteral("certificateEventsPage"))
                    ->isHidden());
        // The cursor positions come from the sync tables, which the finance views do not hide.
        QVERIFY(!w.pane(MainWindow::Sync)->findChild<QWidget *>(QStringLiteral("cursorBox"))->isHidden());
    }

    void reader()
    {
        requirePg();
        MainWindow w(connectAs(QStringLiteral("t_owgui_reader")), m_org);
        QCOMPARE(w.role(), ConsoleRole::Reader);
        openEveryPane(w, true);
        QVERIFY(!w.isPaneAvailable(MainWindow::Keys));
        QVERIFY(!w.isPaneAvailable(MainWindow::Audit));
        QVERIFY(!w.isPaneAvailable(MainWindow::Changes));
        QVERIFY(!w.action(QStringLiteral("syncNow"))->isEnabled());
        QVERIFY(!w.action(QStringLiteral("exportCsv"))->isEnabled());
        // The read-only views expose no cursors: the reader's Sync pane hides them.
        QVERIFY(w.pane(MainWindow::Sync)->findChild<QWidget *>(QStringLiteral("cursorBox"))->isHidden());
        auto *members = static_cast<MembersPane *>(w.pane(MainWindow::Members));
        QVERIFY(members->members()->view()->isColumnHidden(MembersModel::Keys));
        QVERIFY(!members->isDetailTabVisible(MembersPane::AuditEvents));
    }

    void sqliteReadOnlyIsAuditor()
    {
        QTemporaryDir dir;
        {
            auto db = test::openSqlite(dir);
            auto imported = FixtureImporter(*db).run(m_fixtures);
            QVERIFY2(imported.ok(), qPrintable(imported.errorMessage()));
            m_org = imported->orgKey;
            MainWindow owner(std::move(db), m_org);
            QCOMPARE(owner.role(), ConsoleRole::Owner);
            QVERIFY(owner.action(QStringLiteral("syncNow"))->isEnabled());
            QVERIFY(owner.isPaneAvailable(MainWindow::Keys));
        }
        auto ro = Database::open(DatabaseUrl::sqlite(dir.filePath(QStringLiteral("test.db"))),
                                 OpenOptions{true, false, false});
        QVERIFY2(ro.ok(), qPrintable(ro.errorMessage()));
        MainWindow w(std::move(*ro), m_org);
        QCOMPARE(w.role(), ConsoleRole::Auditor);
        QVERIFY(w.windowTitle().contains(QLatin1String("read-only")));
        openEveryPane(w, true);
        QVERIFY(!w.action(QStringLiteral("syncNow"))->isEnabled());
        QVERIFY(!w.action(QStringLiteral("cancelSync"))->isEnabled());
        QVERIFY(!w.action(QStringLiteral("settings"))->isEnabled());
        QVERIFY(!w.isPaneAvailable(MainWindow::Keys));
        w.startSync();
        QVERIFY(!w.isSyncing());
        QVERIFY(w.statusText().contains(QLatin1String("Read-only")));
    }

    // F5 in the console syncs with the org profile's key (here a session-memory store), no variable set.
    void consoleSyncUsesProfileKey()
    {
        const QString key = QStringLiteral("sk-admin-gui-") + QStringLiteral("profileprofileprofile42");
        GeneratorOptions go;
        auto org = std::make_shared<const FixtureOrg>(FixtureOrg::generate(go));
        test::FakeApiServer server(org, key); // accepts only this key
        QVERIFY(server.start() != 0);
        qunsetenv("OPENAI_ADMIN_KEY");
        qunsetenv("ORGWARD_API_BASE");
        qputenv("ORGWARD_SYNC_RATE", "1000");
        QTemporaryDir dir;
        OrgProfiles::setSettingsPathForTesting(dir.filePath(QStringLiteral("profiles.ini")));
        OrgProfile p;
        p.name = QStringLiteral("acme");
        p.displayName = QStringLiteral("Acme");
        p.apiBase = server.baseUrl();
        p.secretStore = SecretStoreRef::memory();
        QVERIFY(OrgProfiles::save(p).ok());
        QVERIFY(writeAdminKey(p, key).ok());
        auto db = test::openSqlite(dir);
        QVERIFY(
            db->run(QStringLiteral("INSERT INTO organizations (org_key, display_name, source, created_at) "
                                   "VALUES ('acme', 'Acme', 'api', 0)"))
                .ok());
        MainWindow w(std::move(db), QStringLiteral("acme"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.currentOrg(), QStringLiteral("acme"));
        w.startSync();
        QVERIFY2(w.isSyncing(), qPrintable(w.statusText()));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isSyncing(), 180000);
        QVERIFY2(w.statusText().startsWith(QLatin1String("Sync finished")), qPrintable(w.statusText()));
        QVERIFY(w.database()
                    .scalar(QStringLiteral("SELECT COUNT(*) FROM openai_users WHERE org_key = 'acme'"))
                    ->toInt() > 0);
        // Without the profile (and without the variable) the console says where a key comes from.
        QVERIFY(OrgProfiles::remove(QStringLiteral("acme")).ok());
        w.startSync();
        QVERIFY(!w.isSyncing());
        QVERIFY2(w.statusText().contains(QLatin1String("Settings")), qPrintable(w.statusText()));
        OrgProfiles::setSettingsPathForTesting(QString());
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previous);
        if (m_pg)
            for (const char *r : {"t_owgui_finance", "t_owgui_auditor", "t_owgui_reader"})
                (void)m_pg->run(QStringLiteral("DROP OWNED BY %1").arg(QLatin1String(r)));
    }
};

QTEST_MAIN(TestRolesGui)
#include "test_rolesgui.moc"
