// F5 in the window runs the sync (SyncRunner: a thread the window owns) against the local fake Admin API:
// the status bar shows endpoints done of the planned total and Cancel while it runs, no nested event loop
// is entered on the GUI thread, the panes show the new org after, and closing the window during a sync
// cancels it and joins its thread.
#include "compliance/auditreach.h"
#include "fakeapiserver.h"
#include "models/sqltablemodel.h"
#include "sync/syncengine.h"
#include "sync/syncrunner.h"
#include "testsupport/testsupport.h"
#include "ui/entitypanes.h"
#include "ui/mainwindow.h"
#include "ui/tablepane.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace orgward;

namespace {
constexpr int kSyncTimeoutMs = 180000;
constexpr qint64 kPromptCloseMs = 5000; // far below the 60 s a held request would otherwise wait

// Threads of this process whose (OS) name is the sync thread's.
int syncThreads()
{
    int n = 0;
    const QStringList tasks =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &t : tasks) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(t));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "orgward-sync") ++n;
    }
    return n;
}

std::shared_ptr<const FixtureOrg> smallOrg()
{
    GeneratorOptions go;
    go.scale = 1;
    go.seed = 1;
    return std::make_shared<const FixtureOrg>(FixtureOrg::generate(go));
}
} // namespace

class TestSyncWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("OPENAI_ADMIN_KEY", "sk-admin-test");
        qputenv("ORGWARD_SYNC_RATE", "1000");
    }
    void theGuardSeesANestedLoop();
    void f5SyncsAndPanesFollow();
    void closingDuringASyncJoinsItsThread();
    void auditPaneShowsHowFarBackEachReaches();
};

// The guard the window's tests rely on fails when code under test runs a local QEventLoop.
void TestSyncWindow::theGuardSeesANestedLoop()
{
    test::NestedLoopGuard guard;
    QTest::qWait(1);
    QCOMPARE(guard.deepest(), 0); // QTRY_*/qWait process events without a nested loop
    bool ran = false;
    QTimer::singleShot(0, this, [&] {
        QEventLoop loop; // what a keychain wait or a dialog's exec() does
        QTimer::singleShot(0, &loop, &QEventLoop::quit);
        loop.exec();
        ran = true;
    });
    QTRY_VERIFY(ran);
    QCOMPARE(guard.deepest(), 1);
    QVERIFY(!guard.where().isEmpty());
}

void TestSyncWindow::f5SyncsAndPanesFollow()
{
    auto org = smallOrg();
    test::FakeApiServer server(org);
    QVERIFY(server.start() != 0);
    qputenv("ORGWARD_API_BASE", server.baseUrl().toUtf8());
    QTemporaryDir dir;
    auto w = std::make_unique<MainWindow>(test::openSqlite(dir), QString());
    w->resize(1200, 800);
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    w->showPane(MainWindow::Members);
    QCOMPARE(w->currentOrg(), QString()); // empty database

    // From here on the GUI thread must never enter a nested event loop: starting the sync, the whole
    // sync, opening each pane, closing the window.
    test::NestedLoopGuard guard;
    auto *progress = w->findChild<QProgressBar *>(QStringLiteral("syncProgress"));
    auto *cancel = w->findChild<QPushButton *>(QStringLiteral("syncCancel"));
    QVERIFY(progress && cancel);
    QSignalSpy progressSpy(w->syncRunner(), &SyncRunner::progress);
    QSignalSpy doneSpy(w->syncRunner(), &SyncRunner::finished);
    // The bar as each endpoint finishes (the window has handled it: connected after the window).
    QList<QPair<int, int>> bar; // value, maximum
    connect(w->syncRunner(), &SyncRunner::endpointFinished, this,
            [&] { bar << qMakePair(progress->value(), progress->maximum()); });
    QTest::keyClick(w.get(), Qt::Key_F5);
    QVERIFY2(w->isSyncing(), qPrintable(w->statusText()));
    QVERIFY(progress->isVisible());
    QVERIFY(cancel->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!w->isSyncing(), kSyncTimeoutMs);
    QVERIFY2(w->statusText().startsWith(QStringLiteral("Sync finished")), qPrintable(w->statusText()));
    QVERIFY(!progress->isVisible());
    QVERIFY2(guard.deepest() == 0,
             qPrintable(QStringLiteral("nested event loop during the sync: ") + guard.where()));

    // Real progress: the planned total is known while the sync runs, and the bar reaches it.
    QCOMPARE(doneSpy.size(), 1);
    const auto summary = doneSpy.first().first().value<SyncSummary>();
    const int planned = int(summary.endpoints.size());
    QVERIFY(planned > 0);
    QVERIFY(progressSpy.size() > 0);
    const auto last = progressSpy.last().first().value<SyncProgress>();
    QCOMPARE(last.endpointsTotal, planned);
    // Unknown (0) only until the project list is in; from then on the whole plan.
    int known = 0;
    for (const QList<QVariant> &args : std::as_const(progressSpy)) {
        const auto p = args.first().value<SyncProgress>();
        if (p.endpointsTotal == 0) {
            QCOMPARE(known, 0);
            continue;
        }
        QCOMPARE(p.endpointsTotal, planned);
        ++known;
    }
    QVERIFY(known > progressSpy.size() / 2);
    QCOMPARE(bar.size(), planned);
    QCOMPARE(bar.last().first, planned);  // value
    QCOMPARE(bar.last().second, planned); // maximum

    QCOMPARE(w->currentOrg(), QStringLiteral("default"));
    auto *members = static_cast<MembersPane *>(w->pane(MainWindow::Members));
    QTRY_VERIFY(members->members()->model()->totalRows() > 0);
    QTRY_VERIFY(members->members()->model()->isIdle());
    EndpointRef users;
    users.kind = EndpointKind::Users;
    QCOMPARE(members->members()->model()->totalRows(), qint64(org->listObjects(users).size()));

    for (int i = 0; i < MainWindow::PaneCount; ++i) {
        if (!w->isPaneAvailable(i)) continue;
        w->showPane(i);
        QTRY_VERIFY(!w->pane(i)->isBusy());
    }
    w->close();
    w.reset();
    QVERIFY2(guard.deepest() == 0, qPrintable(QStringLiteral("nested event loop: ") + guard.where()));
}

void TestSyncWindow::closingDuringASyncJoinsItsThread()
{
    auto org = smallOrg();
    test::FakeApiServer server(org);
    QVERIFY(server.start() != 0);
    constexpr int kHeldRequest = 3;
    server.setHoldFrom(kHeldRequest); // the sync waits at its third request until it is cancelled
    qputenv("ORGWARD_API_BASE", server.baseUrl().toUtf8());
    QTemporaryDir dir;
    auto w = std::make_unique<MainWindow>(test::openSqlite(dir), QString());
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    QCOMPARE(syncThreads(), 0);
    test::NestedLoopGuard guard;
    w->startSync();
    QVERIFY2(w->isSyncing(), qPrintable(w->statusText()));
    QTRY_COMPARE_WITH_TIMEOUT(server.requestCount(), kHeldRequest, kSyncTimeoutMs);
    QCOMPARE(syncThreads(), 1);
    QVERIFY(w->syncRunner()->isRunning());

    QElapsedTimer clock;
    clock.start();
    w->close();
    w.reset(); // cancels the sync and joins its thread
    const qint64 closeMs = clock.elapsed();
    QVERIFY2(closeMs < kPromptCloseMs, qPrintable(QString::number(closeMs)));
    QCOMPARE(syncThreads(), 0); // joined, not left running against a window that is gone
    QVERIFY2(guard.deepest() == 0, qPrintable(guard.where()));
    server.setHoldFrom(0);
}

// Issue #13: the Audit log pane says how far back the local copy reaches and how far the API did on its last
// whole read, read on the table worker. Here the API has since dropped the older half of the events.
void TestSyncWindow::auditPaneShowsHowFarBackEachReaches()
{
    auto org = smallOrg();
    EndpointRef audit;
    audit.kind = EndpointKind::AuditLogs;
    const QList<QJsonObject> served = org->listObjects(audit); // newest first
    QVERIFY(served.size() > 2);
    const qint64 cutoff =
        qint64(served.at(served.size() / 2).value(QLatin1String("effective_at")).toDouble());
    QTemporaryDir dir;
    auto db = test::openSqlite(dir);
    QVERIFY(db);
    SyncOptions o;
    o.endpoints = QStringList{QStringLiteral("audit_logs")};
    for (bool agedOut : {false, true}) {
        test::FakeApiServer server(org);
        if (agedOut) server.setAuditRetentionStart(cutoff);
        QVERIFY(server.start() != 0);
        ApiOptions api;
        api.baseUrl = server.baseUrl();
        api.adminKey = QStringLiteral("sk-admin-test");
        api.requestsPerSecond = 1000;
        ApiClient client(api);
        o.fullAuditRead = agedOut;
        auto s = SyncEngine(*db, client, o).run();
        QVERIFY2(s, qPrintable(s.errorMessage()));
        QVERIFY2(s->status == SyncStatus::Complete, qPrintable(s->message));
    }
    auto expected = readAuditReach(*db, o.orgKey);
    QVERIFY(expected && expected->apiRead && expected->onlyLocal > 0);

    auto w = std::make_unique<MainWindow>(std::move(db), o.orgKey);
    w->resize(1200, 800);
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    test::NestedLoopGuard guard;
    w->showPane(MainWindow::Audit);
    auto *pane = static_cast<AuditPane *>(w->pane(MainWindow::Audit));
    QTRY_VERIFY(!pane->isBusy());
    QTRY_VERIFY(pane->activeTable()->model()->isIdle());
    QVERIFY(pane->reachLabel()->isVisible());
    QCOMPARE(pane->reachLabel()->text(), describeAuditReach(*expected));
    QCOMPARE(guard.deepest(), 0);
    const QString shots = QStringLiteral(ORGWARD_BINARY_DIR) + QStringLiteral("/screenshots");
    QDir().mkpath(shots);
    QApplication::processEvents(); // the label's new text re-lays the pane out (a posted layout request)
    QVERIFY(w->grab().save(shots + QStringLiteral("/audit-reach.png")));
}

QTEST_MAIN(TestSyncWindow)
#include "test_syncwindow.moc"
