// Opens every pane of the console on the fixture org (imported through FixtureImporter), checks that
// each shows real data, follows dashboard tiles to their filtered panes, and saves a screenshot per pane.
#include "finance/dashboard.h"
#include "fixtures/generator.h"
#include "models/sqlfetch.h"
#include "models/sqltablemodel.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"
#include "ui/chartpanes.h"
#include "ui/dashboardpane.h"
#include "ui/entitypanes.h"
#include "ui/mainwindow.h"
#include "ui/tablepane.h"

#include <QApplication>
#include <QDir>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
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
    void cleanupTestCase();

private:
    void shoot(const QString &name);
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
    m_shots = QStringLiteral(ORGWARD_BINARY_DIR) + QStringLiteral("/screenshots");
    QDir().mkpath(m_shots);
    m_window = new MainWindow(std::move(db), m_org);
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QCOMPARE(m_window->currentOrg(), m_org);
    QVERIFY(m_window->orgNow() > 0);
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
        QStringLiteral("dashboard"), QStringLiteral("members"),      QStringLiteral("projects"),
        QStringLiteral("keys"),      QStringLiteral("certificates"), QStringLiteral("usage"),
        QStringLiteral("costs"),     QStringLiteral("audit"),        QStringLiteral("sync")};
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
    }
    QTRY_VERIFY(!projects->isBusy());
    QCOMPARE(projects->sparklineValues().size(), 30);

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

void TestPanes::cleanupTestCase()
{
    delete m_window;
}

QTEST_MAIN(TestPanes)
#include "test_panes.moc"
