// Times the console's interactive actions on a large store and the longest GUI-thread stall while a
// sync commits pages and the panes refresh: a fixture import on its own thread and connection
// (--sync-fixtures), and a live sync from the local Admin API server through the window's SyncRunner
// (--live-sync; the server runs on its own thread, so its page building is not counted as a GUI stall).
// Prints one JSON object.
#include "fakeapiserver.h"
#include "finance/usagequery.h"
#include "models/sqltablemodel.h"
#include "store/database.h"
#include "sync/fixtureimporter.h"
#include "sync/syncrunner.h"
#include "ui/chartpanes.h"
#include "ui/entitypanes.h"
#include "ui/mainwindow.h"
#include "ui/tablepane.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <atomic>

using namespace orgward;

namespace {
double peakRssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:")) return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

// Runs fn, then lets the event loop run until every given model has its answer (table queries run on a
// worker thread); returns milliseconds until the rows are there. The longest time the GUI thread was
// busy without returning to its event loop (fn itself included) goes to *stall.
struct Timing
{
    double ms = 0;
    double stallMs = 0;
};
template <typename F> Timing timed(F fn, QList<SqlTableModel *> models = {}, QList<ConsolePane *> panes = {})
{
    QElapsedTimer t;
    t.start();
    qint64 last = 0, worst = 0;
    QTimer probe;
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
        const qint64 now = t.nsecsElapsed();
        worst = qMax(worst, now - last);
        last = now;
    });
    probe.start();
    fn();
    worst = qMax(worst, t.nsecsElapsed());
    last = t.nsecsElapsed();
    QApplication::processEvents();
    auto busy = [&] {
        for (SqlTableModel *m : std::as_const(models))
            if (!m->isIdle()) return true;
        for (ConsolePane *p : std::as_const(panes)) // charts: until the chart is built
            if (p->isBusy()) return true;
        return false;
    };
    while (busy() && t.elapsed() < 60000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    QApplication::processEvents(); // paint what arrived
    const qint64 end = t.nsecsElapsed();
    worst = qMax(worst, end - last);
    return {double(end) / 1e6, double(worst) / 1e6};
}

// Measures the longest gap between ticks of a timer on the GUI thread: how late the event loop gets back.
class StallProbe
{
public:
    static constexpr int kIntervalMs = 2;
    StallProbe()
    {
        m_timer.setInterval(kIntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
        m_clock.start();
        m_last = m_clock.nsecsElapsed();
        m_timer.start();
    }
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        m_worst = qMax(m_worst, now - m_last);
        m_last = now;
    }
    double worstMs() const { return double(m_worst) / 1e6; }
    double elapsedMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

// The local Admin API server on a thread of its own.
class ServerThread
{
public:
    explicit ServerThread(const GeneratorOptions &go)
    {
        auto org = std::make_shared<const FixtureOrg>(FixtureOrg::generate(go));
        m_server = new test::FakeApiServer(org);
        m_server->moveToThread(&m_thread);
        m_thread.setObjectName(QStringLiteral("bench-fakeapi"));
        m_thread.start();
        quint16 port = 0;
        QMetaObject::invokeMethod(
            m_server, [&] { port = m_server->start(); }, Qt::BlockingQueuedConnection);
        if (port) m_base = QStringLiteral("http://127.0.0.1:%1/v1").arg(port);
        m_historyStart = org->historyStart();
        m_orgName = org->orgName();
    }
    ~ServerThread()
    {
        m_server->deleteLater(); // on its thread, as the thread ends
        m_thread.quit();
        m_thread.wait();
    }
    QString baseUrl() const { return m_base; } // empty when it could not listen
    qint64 historyStart() const { return m_historyStart; }
    QString orgName() const { return m_orgName; }

private:
    QThread m_thread;
    test::FakeApiServer *m_server = nullptr;
    QString m_base;
    qint64 m_historyStart = 0;
    QString m_orgName;
};

// A live sync of the server's org into the store (org key "bench-live", so the measured org stays as it
// was), run the way the window runs it: SyncRunner's thread, each committed page refreshing the visible
// pane (coalesced) on the GUI thread.
QJsonObject liveSync(MainWindow &w, const DatabaseUrl &url, const GeneratorOptions &go)
{
    QJsonObject out;
    QElapsedTimer gen;
    gen.start();
    ServerThread server(go);
    out.insert(QStringLiteral("fixture_generation_ms"), double(gen.elapsed()));
    if (server.baseUrl().isEmpty()) {
        out.insert(QStringLiteral("error"), QStringLiteral("the local Admin API server could not listen"));
        return out;
    }
    ApiOptions api;
    api.baseUrl = server.baseUrl();
    api.adminKey = QStringLiteral("sk-admin-test");
    api.requestsPerSecond = 10000; // the local server: no rate to respect
    SyncOptions o;
    o.orgKey = QStringLiteral("bench-live");
    o.orgName = server.orgName();
    o.since = server.historyStart();
    SyncRunner runner;
    int pages = 0;
    bool done = false;
    QObject::connect(&runner, &SyncRunner::progress, &w, [&](const SyncProgress &p) {
        pages = p.pagesDone;
        w.onStoreChanged();
    });
    QObject::connect(&runner, &SyncRunner::finished, &w, [&](const SyncSummary &s) {
        out.insert(QStringLiteral("status"), statusText(s.status));
        out.insert(QStringLiteral("rows"), s.rows());
        out.insert(QStringLiteral("requests"), s.requests);
        out.insert(QStringLiteral("endpoints"), int(s.endpoints.size()));
        done = true;
    });
    QObject::connect(&runner, &SyncRunner::failed, &w, [&](const QString &message) {
        out.insert(QStringLiteral("error"), message);
        done = true;
    });
    w.showPane(MainWindow::Members);
    StallProbe probe;
    const double t0 = probe.elapsedMs();
    runner.start(url, api, o);
    while (!done)
        QApplication::processEvents(QEventLoop::AllEvents, StallProbe::kIntervalMs);
    QApplication::processEvents();
    out.insert(QStringLiteral("duration_ms"), probe.elapsedMs() - t0);
    out.insert(QStringLiteral("pages_committed"), pages);
    out.insert(QStringLiteral("gui_stall_during_live_sync_ms"), probe.worstMs());
    return out;
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("orgward-bench"));
    QSettings().clear(); // start on the dashboard with default layout: every pane is opened cold
    QCommandLineParser p;
    p.addOption(
        {QStringLiteral("db"), QStringLiteral("database URL of the generated org"), QStringLiteral("url")});
    p.addOption({QStringLiteral("org"), QStringLiteral("organization key"), QStringLiteral("key")});
    p.addOption({QStringLiteral("sync-fixtures"),
                 QStringLiteral("fixture folder imported on a worker thread as the sync"),
                 QStringLiteral("dir")});
    p.addOption({QStringLiteral("live-sync"),
                 QStringLiteral("also sync live from the local Admin API server serving a generated org")});
    p.addOption({QStringLiteral("live-scale"), QStringLiteral("scale of the served org"), QStringLiteral("n"),
                 QStringLiteral("100")});
    p.addOption({QStringLiteral("live-users"),
                 QStringLiteral("members of the served org (0: from the scale)"), QStringLiteral("n"),
                 QStringLiteral("100000")});
    p.addOption({QStringLiteral("live-keys"),
                 QStringLiteral("project keys of the served org (0: from the scale)"), QStringLiteral("n"),
                 QStringLiteral("120000")});
    p.addOption({QStringLiteral("filter"), QStringLiteral("text filter to apply"), QStringLiteral("text"),
                 QStringLiteral("smith")});
    p.addHelpOption();
    p.process(app);
    auto url = DatabaseUrl::parse(p.value(QStringLiteral("db")));
    if (!url) qFatal("%s", qPrintable(url.errorMessage()));
    auto db = Database::open(*url);
    if (!db) qFatal("%s", qPrintable(db.errorMessage()));
    QJsonObject out;
    QJsonObject counts;
    for (const char *t : {"openai_users", "openai_project_api_keys", "usage_events", "openai_costs"}) {
        auto n = (*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(t)));
        counts.insert(QLatin1String(t), n ? n->toLongLong() : -1);
    }
    out.insert(QStringLiteral("rows"), counts);

    MainWindow w(std::move(*db), p.value(QStringLiteral("org")));
    w.resize(1440, 900);
    w.show();
    QApplication::processEvents();
    auto *members = static_cast<MembersPane *>(w.pane(MainWindow::Members));
    auto *keys = static_cast<KeysPane *>(w.pane(MainWindow::Keys));
    auto *usage = static_cast<UsagePane *>(w.pane(MainWindow::Usage));
    QJsonObject ms, stalls;
    auto record = [&](const char *name, Timing t) {
        ms.insert(QLatin1String(name), t.ms);
        stalls.insert(QLatin1String(name), t.stallMs);
    };
    SqlTableModel *mm = members->members()->model();
    SqlTableModel *km = keys->keys()->model();
    record("open_members", timed([&] { w.showPane(MainWindow::Members); }, {mm}));
    record("members_sort_email_desc",
           timed([&] { members->members()->view()->sortByColumn(1, Qt::DescendingOrder); }, {mm}));
    record("members_sort_added",
           timed([&] { members->members()->view()->sortByColumn(3, Qt::AscendingOrder); }, {mm}));
    record("members_sort_api_key_count",
           timed([&] { members->members()->view()->sortByColumn(5, Qt::DescendingOrder); }, {mm}));
    record(
        "members_filter_text",
        timed([&] { members->members()->model()->setFilterText(p.value(QStringLiteral("filter"))); }, {mm}));
    record("members_clear_filter",
           timed([&] { members->members()->model()->setFilterText(QString()); }, {mm}));
    record("members_scroll_fetch_block", timed([&] { members->members()->model()->fetchMore({}); }, {mm}));
    record("open_keys", timed([&] { w.showPane(MainWindow::Keys); }, {km}));
    record("keys_sort_last_used",
           timed([&] { keys->keys()->view()->sortByColumn(6, Qt::DescendingOrder); }, {km}));
    record("keys_filter_text",
           timed([&] { keys->keys()->model()->setFilterText(p.value(QStringLiteral("filter"))); }, {km}));
    record("keys_preset_unused_90d", timed([&] { keys->keys()->selectPreset(KeysPane::Unused90); }, {km}));
    record("open_usage", timed([&] { w.showPane(MainWindow::Usage); }, {}, {usage}));
    record("usage_90d_by_model", timed(
                                     [&] {
                                         usage->configure(QStringLiteral("completions"),
                                                          QStringLiteral("input_tokens"),
                                                          QStringLiteral("model"), 90, Granularity::Day);
                                     },
                                     {}, {usage}));
    record("open_projects", timed([&] { w.showPane(MainWindow::Projects); },
                                  {w.pane(MainWindow::Projects)->activeTable()->model()}));
    record("open_costs", timed([&] { w.showPane(MainWindow::Costs); }, {}, {w.pane(MainWindow::Costs)}));
    record("open_dashboard", timed([&] { w.showPane(MainWindow::Dashboard); }));
    out.insert(QStringLiteral("action_ms"), ms);
    out.insert(QStringLiteral("action_gui_stall_ms"), stalls);
    out.insert(QStringLiteral("usage_90d_by_model_points"),
               qint64(usage->series().buckets.size() * usage->series().stackKeys.size()));

    // Sync: a worker thread imports pages through its own connection; every committed file refreshes
    // the visible pane on the GUI thread (as a real sync's progress does). A 2 ms timer measures how
    // late the event loop gets to it: the longest gap is the longest stall.
    const QString syncDir = p.value(QStringLiteral("sync-fixtures"));
    if (!syncDir.isEmpty()) {
        w.showPane(MainWindow::Members);
        QElapsedTimer clock;
        clock.start();
        qint64 last = clock.nsecsElapsed(), worst = 0;
        QTimer probe;
        probe.setInterval(2);
        QObject::connect(&probe, &QTimer::timeout, &w, [&] {
            const qint64 now = clock.nsecsElapsed();
            worst = qMax(worst, now - last);
            last = now;
        });
        std::atomic_int commits{0};
        std::atomic_bool done{false};
        QString syncError;
        QThread *worker = QThread::create([&] {
            auto wdb = Database::open(*url);
            if (!wdb) {
                syncError = wdb.errorMessage();
                done = true;
                return;
            }
            ImportOptions o;
            o.orgKey = QStringLiteral("bench-sync"); // its own org: re-runs leave the measured org untouched
            o.progress = [&](int, int, const QString &) {
                ++commits;
                QMetaObject::invokeMethod(&w, &MainWindow::onStoreChanged, Qt::QueuedConnection);
            };
            auto r = FixtureImporter(**wdb).run(syncDir, o);
            if (!r) syncError = r.errorMessage();
            done = true;
        });
        probe.start();
        worker->start();
        const qint64 t0 = clock.nsecsElapsed();
        while (!done)
            QApplication::processEvents(QEventLoop::AllEvents, 5);
        worker->wait();
        QApplication::processEvents();
        probe.stop();
        delete worker;
        QJsonObject sync;
        sync.insert(QStringLiteral("duration_ms"), double(clock.nsecsElapsed() - t0) / 1e6);
        sync.insert(QStringLiteral("files_committed"), commits.load());
        sync.insert(QStringLiteral("longest_gui_stall_ms"), double(worst) / 1e6);
        if (!syncError.isEmpty()) sync.insert(QStringLiteral("error"), syncError);
        out.insert(QStringLiteral("sync"), sync);
    }
    if (p.isSet(QStringLiteral("live-sync"))) {
        GeneratorOptions go;
        go.scale = p.value(QStringLiteral("live-scale")).toInt();
        go.users = p.value(QStringLiteral("live-users")).toInt();
        go.keys = p.value(QStringLiteral("live-keys")).toInt();
        const QJsonObject live = liveSync(w, *url, go);
        out.insert(QStringLiteral("live_sync"), live);
        out.insert(QStringLiteral("gui_stall_during_live_sync_ms"),
                   live.value(QStringLiteral("gui_stall_during_live_sync_ms")));
    }
    out.insert(QStringLiteral("peak_rss_mb"), peakRssMb());
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented);
    return 0;
}
