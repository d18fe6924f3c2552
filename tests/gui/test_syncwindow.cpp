// F5 in the window runs the sync worker against the local fake Admin API: the status bar shows
// progress and Cancel while it runs, the event loop keeps turning, and the panes show the new org after.
#include "fakeapiserver.h"
#include "models/sqltablemodel.h"
#include "testsupport/testsupport.h"
#include "ui/entitypanes.h"
#include "ui/mainwindow.h"
#include "ui/tablepane.h"

#include <QElapsedTimer>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace orgward;

class TestSyncWindow : public QObject
{
    Q_OBJECT
private slots:
    void f5SyncsAndPanesFollow();
};

void TestSyncWindow::f5SyncsAndPanesFollow()
{
    QStandardPaths::setTestModeEnabled(true);
    GeneratorOptions go;
    go.scale = 1;
    go.seed = 1;
    auto org = std::make_shared<const FixtureOrg>(FixtureOrg::generate(go));
    test::FakeApiServer server(org);
    QVERIFY(server.start() != 0);
    qputenv("OPENAI_ADMIN_KEY", "sk-admin-test");
    qputenv("ORGWARD_API_BASE", server.baseUrl().toUtf8());
    qputenv("ORGWARD_SYNC_RATE", "1000");
    QTemporaryDir dir;
    MainWindow w(test::openSqlite(dir), QString());
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showPane(MainWindow::Members);
    QCOMPARE(w.currentOrg(), QString()); // empty database

    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, worst = 0;
    QTimer probe;
    probe.setInterval(5);
    connect(&probe, &QTimer::timeout, this, [&] {
        worst = qMax(worst, clock.elapsed() - last);
        last = clock.elapsed();
    });
    probe.start();
    QTest::keyClick(&w, Qt::Key_F5);
    QVERIFY2(w.isSyncing(), qPrintable(w.statusText()));
    auto *progress = w.findChild<QProgressBar *>(QStringLiteral("syncProgress"));
    auto *cancel = w.findChild<QPushButton *>(QStringLiteral("syncCancel"));
    QVERIFY(progress && progress->isVisible());
    QVERIFY(cancel && cancel->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!w.isSyncing(), 180000);
    probe.stop();
    qInfo("longest event-loop gap during the sync: %lld ms (%d requests)", worst, server.requestCount());
    QVERIFY2(w.statusText().startsWith(QStringLiteral("Sync finished")), qPrintable(w.statusText()));
    QVERIFY(!progress->isVisible());
    QCOMPARE(w.currentOrg(), QStringLiteral("default"));
    auto *members = static_cast<MembersPane *>(w.pane(MainWindow::Members));
    QTRY_VERIFY(members->members()->model()->totalRows() > 0);
    QTRY_VERIFY(members->members()->model()->isIdle());
    EndpointRef users;
    users.kind = EndpointKind::Users;
    QCOMPARE(members->members()->model()->totalRows(), qint64(org->listObjects(users).size()));
}

QTEST_MAIN(TestSyncWindow)
#include "test_syncwindow.moc"
