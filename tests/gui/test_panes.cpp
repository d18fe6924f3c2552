// Opens every pane of the console on the fixture org (imported through FixtureImporter), checks that
// each shows real data, follows dashboard tiles to their filtered panes, and saves a screenshot per pane.
#include "finance/dashboard.h"
#include "fixtures/generator.h"
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
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <algorithm>

using namespace orgward;

class TestPanes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyPaneHasData_data();
    void everyPaneHasData();
    void dashboardTilesOpenFilteredPanes();
    void refreshKeepsSelection();
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
    const QString csv = m_dir.filePath(QStringLiteral("members.csv"));
    QVERIFY2(m_window->pane(MainWindow::Members)->exportCsv(csv, &error), qPrintable(error));
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly));
    QTRY_VERIFY(m_window->pane(MainWindow::Members)->activeTable()->model()->isIdle());
    const qint64 lines = c.readAll().count('\n');
    QCOMPARE(lines, m_window->pane(MainWindow::Members)->activeTable()->model()->totalRows() + 1);
}

void TestPanes::cleanupTestCase()
{
    delete m_window;
}

QTEST_MAIN(TestPanes)
#include "test_panes.moc"
