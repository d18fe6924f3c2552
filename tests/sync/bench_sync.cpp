// orgward-bench-sync: syncs a generated org served by orgward-fakeapi (a child process) into SQLite and,
// when $ORGWARD_TEST_PG is set, PostgreSQL, then bulk-loads the same usage rows straight into a copy of
// the table (multi-row prepared INSERT) as a reference. Prints one JSON object.
#include "api/apiclient.h"
#include "core/clock.h"
#include "store/database.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlRecord>
#include <QTemporaryDir>

using namespace orgward;

namespace {
qint64 peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:")) return line.mid(6).trimmed().split(' ').first().toLongLong();
    return 0;
}

QJsonObject bulkReference(Database &db)
{
    // Same rows, straight in: copy usage_events into a fresh table with 500-row prepared INSERTs.
    QElapsedTimer t;
    t.start();
    (void)db.run(QStringLiteral("DROP TABLE IF EXISTS bench_usage_copy"));
    if (auto r =
            db.run(QStringLiteral("CREATE TABLE bench_usage_copy AS SELECT * FROM usage_events WHERE 1 = 0"));
        !r)
        return {{QStringLiteral("error"), r.errorMessage()}};
    auto q = db.exec(QStringLiteral("SELECT * FROM usage_events"));
    if (!q) return {{QStringLiteral("error"), q.errorMessage()}};
    const int cols = q->record().count();
    QList<QVariantList> rows;
    while (q->next()) {
        QVariantList r;
        for (int i = 0; i < cols; ++i)
            r << q->value(i);
        rows << r;
    }
    const qint64 readMs = t.elapsed();
    t.restart();
    const QString one = u'(' + QStringList(cols, QStringLiteral("?")).join(u',') + u')';
    const int chunk = std::max(1, 900 / cols); // the same statement size RowWriter uses
    if (auto r = db.begin(); !r) return {{QStringLiteral("error"), r.errorMessage()}};
    for (int from = 0; from < rows.size(); from += chunk) {
        const int n = std::min<int>(chunk, int(rows.size()) - from);
        QVariantList binds;
        for (int i = 0; i < n; ++i)
            binds += rows[from + i];
        if (auto r = db.run(QStringLiteral("INSERT INTO bench_usage_copy VALUES ") +
                                QStringList(n, one).join(u','),
                            binds);
            !r) {
            db.rollback();
            return {{QStringLiteral("error"), r.errorMessage()}};
        }
    }
    if (auto r = db.commit(); !r) return {{QStringLiteral("error"), r.errorMessage()}};
    const qint64 ms = std::max<qint64>(1, t.elapsed());
    (void)db.run(QStringLiteral("DROP TABLE bench_usage_copy"));
    return {{QStringLiteral("rows"), rows.size()},
            {QStringLiteral("read_ms"), readMs},
            {QStringLiteral("insert_ms"), ms},
            {QStringLiteral("rows_per_s"), qint64(double(rows.size()) * 1000.0 / double(ms))}};
}

QJsonObject syncInto(const DatabaseUrl &url, const QString &base, qint64 since)
{
    auto db = Database::open(url);
    if (!db) return {{QStringLiteral("error"), db.errorMessage()}};
    ApiOptions api;
    api.baseUrl = base;
    api.adminKey = QStringLiteral("sk-admin-test");
    api.requestsPerSecond = 100000;
    ApiClient client(api);
    SyncOptions o;
    o.orgKey = QStringLiteral("acme");
    o.since = since;
    SyncEngine engine(**db, client, o);
    QElapsedTimer t;
    t.start();
    auto s = engine.run();
    const qint64 ms = std::max<qint64>(1, t.elapsed());
    if (!s) return {{QStringLiteral("error"), s.errorMessage()}};
    auto usageRows = (*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events"));
    return {{QStringLiteral("status"), s->status},
            {QStringLiteral("wall_ms"), ms},
            {QStringLiteral("rows"), s->rows()},
            {QStringLiteral("usage_rows"), usageRows ? usageRows->toLongLong() : -1},
            {QStringLiteral("rows_per_s"), qint64(double(s->rows()) * 1000.0 / double(ms))},
            {QStringLiteral("requests"), s->requests},
            {QStringLiteral("retries"), s->retries},
            {QStringLiteral("peak_rss_kb"), peakRssKb()},
            {QStringLiteral("bulk_reference"), bulkReference(**db)}};
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int scale = args.size() > 1 ? args[1].toInt() : 100;
    QProcess server;
    server.start(QStringLiteral(ORGWARD_BINARY_DIR "/bin/orgward-fakeapi"),
                 {QStringLiteral("--scale"), QString::number(scale)});
    if (!server.waitForReadyRead(600000)) {
        std::fprintf(stderr, "fake server did not start\n");
        return 1;
    }
    const QByteArray line = server.readLine().trimmed();
    const QString base = QStringLiteral("http://127.0.0.1:%1/v1").arg(QString::fromLatin1(line.mid(5)));
    // The fixture is captured at 2026-11-20; sync its whole 92-day history as of then.
    const qint64 captured = QDateTime(QDate(2026, 11, 20), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    Clock::freezeAt(captured);
    const qint64 since = captured - 92 * 86400;
    QTemporaryDir dir;
    QJsonObject out{{QStringLiteral("scale"), scale}};
    out.insert(QStringLiteral("sqlite"),
               syncInto(DatabaseUrl::sqlite(dir.filePath(QStringLiteral("bench.db"))), base, since));
    const QString pg = qEnvironmentVariable("ORGWARD_TEST_PG");
    if (!pg.isEmpty()) {
        auto admin = DatabaseUrl::parse(pg);
        if (admin) {
            auto conn = Database::open(*admin, OpenOptions{false, false, true});
            if (conn) {
                (void)(*conn)->run(QStringLiteral("DROP DATABASE IF EXISTS orgward_bench WITH (FORCE)"));
                (void)(*conn)->run(QStringLiteral("CREATE DATABASE orgward_bench"));
            }
            DatabaseUrl u = *admin;
            u.database = QStringLiteral("orgward_bench");
            out.insert(QStringLiteral("postgresql"), syncInto(u, base, since));
        }
    }
    out.insert(QStringLiteral("peak_rss_kb"), peakRssKb());
    server.kill();
    server.waitForFinished();
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}
