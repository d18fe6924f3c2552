// orgward-bench-sync [scale]: syncs a generated org served by orgward-fakeapi (a child process) into
// SQLite and, when $ORGWARD_TEST_PG is set, PostgreSQL, then bulk-loads the very rows that sync stored
// straight into a fresh database of the same schema (indexes included) as the physical reference:
// SQLite through one prepared INSERT per table, bound and stepped row by row in one transaction (the
// sqlite3 C API, no Qt in the loop); PostgreSQL through COPY ... FROM STDIN (libpq). Each phase runs in
// its own process (this binary with --phase), so each reports its own peak RSS (VmHWM). Prints one JSON
// object; the exit code is 0 whether or not the targets are met ("targets" says).
#include "api/apiclient.h"
#include "core/clock.h"
#include "core/memory.h"
#include "domain/tables.h"
#include "store/database.h"
#include "store/migration_v12_history.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <string>
#include <sys/resource.h>
#include <variant>
#include <vector>

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

// CPU time (user + system, every thread) this process has used: unlike wall time it hardly moves when
// other work shares the cores, so history's cost is compared on it too.
qint64 cpuMs()
{
    rusage u{};
    if (getrusage(RUSAGE_SELF, &u) != 0) return 0;
    auto ms = [](const timeval &t) { return qint64(t.tv_sec) * 1000 + t.tv_usec / 1000; };
    return ms(u.ru_utime) + ms(u.ru_stime);
}

QJsonObject failure(const QString &message)
{
    return {{QStringLiteral("error"), message}};
}

qint64 perSecond(qint64 rows, qint64 ms)
{
    return qint64(double(rows) * 1000.0 / double(std::max<qint64>(1, ms)));
}

// --phase sync -------------------------------------------------------------------------------------
// The reference run for history's cost: the same sync with the row-history triggers dropped.
Status dropHistoryTriggers(Database &db)
{
    for (const QString &t : historyTables())
        for (const char *suffix : {"_ins", "_upd"}) {
            const QString trigger = QStringLiteral("orgward_history_") + t + QLatin1String(suffix);
            if (auto r =
                    db.run(db.isPostgres() ? QStringLiteral("DROP TRIGGER IF EXISTS %1 ON %2").arg(trigger, t)
                                           : QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(trigger));
                !r)
                return r;
        }
    return {};
}

QJsonObject syncPhase(const DatabaseUrl &url, const QString &base, qint64 since, bool history)
{
    auto db = Database::open(url);
    if (!db) return failure(db.errorMessage());
    if (!history)
        if (auto r = dropHistoryTriggers(**db); !r) return failure(r.errorMessage());
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
    const qint64 cpu0 = cpuMs();
    auto s = engine.run();
    const qint64 ms = std::max<qint64>(1, t.elapsed());
    const qint64 cpu = cpuMs() - cpu0;
    if (!s) return failure(s.errorMessage());
    qint64 stored = 0;
    for (const TableSpec *spec : allSyncedTables())
        if (auto n = (*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(spec->table)))
            stored += n->toLongLong();
    auto versions = (*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM orgward_history"));
    return {{QStringLiteral("status"), statusText(s->status)},
            {QStringLiteral("history_versions"), versions ? versions->toLongLong() : -1},
            {QStringLiteral("wall_ms"), ms},
            {QStringLiteral("cpu_ms"), cpu},
            {QStringLiteral("rows"), s->rows()},
            {QStringLiteral("stored_rows"), stored},
            {QStringLiteral("rows_per_s"), perSecond(s->rows(), ms)},
            {QStringLiteral("requests"), s->requests},
            {QStringLiteral("retries"), s->retries},
            {QStringLiteral("peak_rss_kb"), peakRssKb()}};
}

// --phase bulk, SQLite ----------------------------------------------------------------------------
using Cell = std::variant<std::monostate, sqlite3_int64, double, std::string>;

QJsonObject bulkSqlite(const QString &src, const QString &dst)
{
    // The destination gets the schema (and indexes) through the normal open path, then Qt lets go.
    {
        auto d = Database::open(DatabaseUrl::sqlite(dst));
        if (!d) return failure(d.errorMessage());
    }
    sqlite3 *in = nullptr, *out = nullptr;
    if (sqlite3_open_v2(src.toUtf8().constData(), &in, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        sqlite3_open_v2(dst.toUtf8().constData(), &out, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
        return failure(QStringLiteral("cannot open the SQLite files"));
    // The connection settings Orgward itself uses.
    sqlite3_exec(out, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
    qint64 rows = 0, readMs = 0, insertMs = 0;
    QString error;
    QElapsedTimer t;
    for (const TableSpec *spec : allSyncedTables()) {
        // Read the whole table first (untimed), then time only the inserts.
        t.restart();
        sqlite3_stmt *sel = nullptr;
        const QByteArray selSql = QStringLiteral("SELECT * FROM %1").arg(spec->table).toUtf8();
        if (sqlite3_prepare_v2(in, selSql.constData(), -1, &sel, nullptr) != SQLITE_OK) {
            error = QString::fromUtf8(sqlite3_errmsg(in));
            break;
        }
        const int cols = sqlite3_column_count(sel);
        QStringList names;
        for (int c = 0; c < cols; ++c)
            names << QString::fromUtf8(sqlite3_column_name(sel, c));
        std::vector<Cell> cells;
        while (sqlite3_step(sel) == SQLITE_ROW) {
            for (int c = 0; c < cols; ++c) {
                switch (sqlite3_column_type(sel, c)) {
                case SQLITE_NULL:
                    cells.emplace_back(std::monostate{});
                    break;
                case SQLITE_INTEGER:
                    cells.emplace_back(sqlite3_column_int64(sel, c));
                    break;
                case SQLITE_FLOAT:
                    cells.emplace_back(sqlite3_column_double(sel, c));
                    break;
                default:
                    cells.emplace_back(
                        std::string(reinterpret_cast<const char *>(sqlite3_column_text(sel, c)),
                                    size_t(sqlite3_column_bytes(sel, c))));
                }
            }
        }
        sqlite3_finalize(sel);
        readMs += t.elapsed();
        t.restart();
        const QString sql =
            QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                .arg(spec->table, names.join(u','), QStringList(cols, QStringLiteral("?")).join(u','));
        sqlite3_stmt *ins = nullptr;
        sqlite3_exec(out, "BEGIN", nullptr, nullptr, nullptr);
        if (sqlite3_prepare_v2(out, sql.toUtf8().constData(), -1, &ins, nullptr) != SQLITE_OK) {
            error = QString::fromUtf8(sqlite3_errmsg(out));
            break;
        }
        for (size_t at = 0; at < cells.size(); at += size_t(cols)) {
            for (int c = 0; c < cols; ++c) {
                const Cell &v = cells[at + size_t(c)];
                if (const auto *i = std::get_if<sqlite3_int64>(&v))
                    sqlite3_bind_int64(ins, c + 1, *i);
                else if (const auto *d = std::get_if<double>(&v))
                    sqlite3_bind_double(ins, c + 1, *d);
                else if (const auto *s = std::get_if<std::string>(&v))
                    sqlite3_bind_text(ins, c + 1, s->data(), int(s->size()), SQLITE_STATIC);
                else
                    sqlite3_bind_null(ins, c + 1);
            }
            if (sqlite3_step(ins) != SQLITE_DONE) {
                error = QString::fromUtf8(sqlite3_errmsg(out));
                break;
            }
            sqlite3_reset(ins);
            ++rows;
        }
        sqlite3_finalize(ins);
        sqlite3_exec(out, "COMMIT", nullptr, nullptr, nullptr);
        insertMs += t.elapsed();
        if (!error.isEmpty()) break;
    }
    sqlite3_close(in);
    sqlite3_close(out);
    if (!error.isEmpty()) return failure(error);
    return {{QStringLiteral("method"), QStringLiteral("prepared INSERT per row, one transaction per table")},
            {QStringLiteral("rows"), rows},
            {QStringLiteral("read_ms"), readMs},
            {QStringLiteral("insert_ms"), insertMs},
            {QStringLiteral("rows_per_s"), perSecond(rows, insertMs)},
            {QStringLiteral("peak_rss_kb"), peakRssKb()}};
}

// --phase bulk, PostgreSQL ------------------------------------------------------------------------
QByteArray conninfo(const DatabaseUrl &u)
{
    auto quote = [](const QString &v) {
        QString s = v;
        s.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        return QString(u'\'' + s + u'\'');
    };
    QString c = QStringLiteral("host=%1 port=%2 dbname=%3 user=%4")
                    .arg(quote(u.host))
                    .arg(u.port)
                    .arg(quote(u.database), quote(u.user));
    if (!u.password.isEmpty()) c += QStringLiteral(" password=") + quote(u.password);
    return c.toUtf8();
}

QJsonObject bulkPostgres(const DatabaseUrl &src, const DatabaseUrl &dst)
{
    {
        auto d = Database::open(dst); // schema and indexes
        if (!d) return failure(d.errorMessage());
    }
    PGconn *in = PQconnectdb(conninfo(src).constData());
    PGconn *out = PQconnectdb(conninfo(dst).constData());
    auto done = [&](const QJsonObject &o) {
        PQfinish(in);
        PQfinish(out);
        return o;
    };
    if (PQstatus(in) != CONNECTION_OK) return done(failure(QString::fromUtf8(PQerrorMessage(in))));
    if (PQstatus(out) != CONNECTION_OK) return done(failure(QString::fromUtf8(PQerrorMessage(out))));
    auto command = [](PGconn *c, const char *sql, ExecStatusType want) {
        PGresult *r = PQexec(c, sql);
        const bool ok = PQresultStatus(r) == want;
        PQclear(r);
        return ok ? QString() : QString::fromUtf8(PQerrorMessage(c));
    };
    qint64 rows = 0, readMs = 0, insertMs = 0, bytes = 0;
    QElapsedTimer t;
    for (const TableSpec *spec : allSyncedTables()) {
        // COPY out of the synced database into memory (untimed), then COPY it in (timed).
        t.restart();
        const QByteArray outSql = QStringLiteral("COPY %1 TO STDOUT").arg(spec->table).toUtf8();
        if (QString e = command(in, outSql.constData(), PGRES_COPY_OUT); !e.isEmpty())
            return done(failure(e));
        QByteArray data;
        qint64 tableRows = 0;
        for (;;) {
            char *buf = nullptr;
            const int n = PQgetCopyData(in, &buf, 0);
            if (n < 0) break;
            data.append(buf, n);
            ++tableRows; // text COPY hands out one row per call
            PQfreemem(buf);
        }
        if (PGresult *r = PQgetResult(in)) {
            const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
            PQclear(r);
            if (!ok) return done(failure(QString::fromUtf8(PQerrorMessage(in))));
        }
        readMs += t.elapsed();
        t.restart();
        if (QString e = command(out, "BEGIN", PGRES_COMMAND_OK); !e.isEmpty()) return done(failure(e));
        const QByteArray inSql = QStringLiteral("COPY %1 FROM STDIN").arg(spec->table).toUtf8();
        if (QString e = command(out, inSql.constData(), PGRES_COPY_IN); !e.isEmpty()) return done(failure(e));
        constexpr qsizetype chunk = 1 << 20;
        for (qsizetype at = 0; at < data.size(); at += chunk)
            if (PQputCopyData(out, data.constData() + at, int(std::min(chunk, data.size() - at))) != 1)
                return done(failure(QString::fromUtf8(PQerrorMessage(out))));
        if (PQputCopyEnd(out, nullptr) != 1) return done(failure(QString::fromUtf8(PQerrorMessage(out))));
        while (PGresult *r = PQgetResult(out)) {
            const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
            PQclear(r);
            if (!ok) return done(failure(QString::fromUtf8(PQerrorMessage(out))));
        }
        if (QString e = command(out, "COMMIT", PGRES_COMMAND_OK); !e.isEmpty()) return done(failure(e));
        insertMs += t.elapsed();
        rows += tableRows;
        bytes += data.size();
    }
    return done(
        {{QStringLiteral("method"), QStringLiteral("COPY FROM STDIN (text), one transaction per table")},
         {QStringLiteral("rows"), rows},
         {QStringLiteral("bytes"), bytes},
         {QStringLiteral("read_ms"), readMs},
         {QStringLiteral("insert_ms"), insertMs},
         {QStringLiteral("rows_per_s"), perSecond(rows, insertMs)},
         {QStringLiteral("peak_rss_kb"), peakRssKb()}});
}

// Orchestration ----------------------------------------------------------------------------------
QJsonObject runPhase(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QCoreApplication::applicationFilePath(), args);
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit)
        return failure(QStringLiteral("phase process died: %1").arg(args.join(u' ')));
    const QJsonDocument doc = QJsonDocument::fromJson(p.readAllStandardOutput());
    if (!doc.isObject()) return failure(QStringLiteral("phase printed no JSON: %1").arg(args.join(u' ')));
    return doc.object();
}

bool recreatePostgres(const DatabaseUrl &admin, const QStringList &names, QString *why)
{
    auto conn = Database::open(admin, OpenOptions{false, false, true});
    if (!conn) {
        *why = conn.errorMessage();
        return false;
    }
    for (const QString &n : names) {
        (void)(*conn)->run(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(n));
        if (auto r = (*conn)->run(QStringLiteral("CREATE DATABASE %1").arg(n)); !r) {
            *why = r.errorMessage();
            return false;
        }
    }
    return true;
}

QJsonObject engineResult(const QString &engine, const QString &syncUrl, const QString &bulkUrl,
                         const QString &base, qint64 since)
{
    QJsonObject sync =
        runPhase({QStringLiteral("--phase"), QStringLiteral("sync"), QStringLiteral("--db"), syncUrl,
                  QStringLiteral("--base"), base, QStringLiteral("--since"), QString::number(since)});
    QJsonObject bulk = runPhase({QStringLiteral("--phase"), QStringLiteral("bulk"), QStringLiteral("--db"),
                                 syncUrl, QStringLiteral("--bulk-db"), bulkUrl});
    const double ratio = bulk.value(QLatin1String("rows_per_s")).toDouble() > 0
                             ? sync.value(QLatin1String("rows_per_s")).toDouble() /
                                   bulk.value(QLatin1String("rows_per_s")).toDouble()
                             : 0;
    return {{QStringLiteral("engine"), engine},
            {QStringLiteral("sync"), sync},
            {QStringLiteral("bulk_reference"), bulk},
            {QStringLiteral("ingest_to_bulk_ratio"), std::round(ratio * 1000) / 1000},
            {QStringLiteral("meets_half_bulk_rate"), ratio >= 0.5},
            {QStringLiteral("sync_peak_rss_under_300mb"),
             sync.value(QLatin1String("peak_rss_kb")).toInteger() > 0 &&
                 sync.value(QLatin1String("peak_rss_kb")).toInteger() < 300 * 1024}};
}
} // namespace

int main(int argc, char **argv)
{
    returnLargeBlocksToSystem(); // as the orgward executable does
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("scale"), QStringLiteral("Fixture scale (default 100)"));
    for (const char *o : {"phase", "db", "bulk-db", "base", "since", "no-history"})
        p.addOption({QString::fromLatin1(o), QString::fromLatin1(o), QStringLiteral("value")});
    p.process(app);
    // The fixture is captured at 2026-11-20; sync its whole 92-day history as of then.
    const qint64 captured = QDateTime(QDate(2026, 11, 20), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    Clock::freezeAt(captured);

    if (p.isSet(QStringLiteral("phase"))) {
        auto url = DatabaseUrl::parse(p.value(QStringLiteral("db")));
        if (!url) {
            std::fprintf(stderr, "%s\n", qPrintable(url.errorMessage()));
            return 2;
        }
        QJsonObject o;
        if (p.value(QStringLiteral("phase")) == u"sync") {
            o = syncPhase(*url, p.value(QStringLiteral("base")),
                          p.value(QStringLiteral("since")).toLongLong(),
                          !p.isSet(QStringLiteral("no-history")));
        } else {
            auto bulk = DatabaseUrl::parse(p.value(QStringLiteral("bulk-db")));
            if (!bulk) {
                std::fprintf(stderr, "%s\n", qPrintable(bulk.errorMessage()));
                return 2;
            }
            o = url->isPostgres() ? bulkPostgres(*url, *bulk) : bulkSqlite(url->path, bulk->path);
        }
        std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
        return 0;
    }

    const int scale = p.positionalArguments().isEmpty() ? 100 : p.positionalArguments().first().toInt();
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QStringLiteral(ORGWARD_BINARY_DIR "/bin/orgward-fakeapi"),
                 {QStringLiteral("--scale"), QString::number(scale)});
    QElapsedTimer gen;
    gen.start();
    if (!server.waitForReadyRead(600000)) {
        std::fprintf(stderr, "fake server did not start\n");
        return 1;
    }
    const QByteArray line = server.readLine().trimmed();
    const QString base = QStringLiteral("http://127.0.0.1:%1/v1").arg(QString::fromLatin1(line.mid(5)));
    const qint64 since = captured - 92 * kSecondsPerDay;
    QTemporaryDir dir;
    QJsonObject out{{QStringLiteral("scale"), scale},
                    {QStringLiteral("fixture_generation_ms"), gen.elapsed()},
                    {QStringLiteral("cores"), QThread::idealThreadCount()}};
    QJsonArray engines;
    engines << engineResult(
        QStringLiteral("sqlite"), QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("sync.db")),
        QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("bulk.db")), base, since);
    {
        // What history costs: the same SQLite sync without the row-history triggers.
        const QString plain = dir.filePath(QStringLiteral("nohistory.db"));
        const QJsonObject without = runPhase(
            {QStringLiteral("--phase"), QStringLiteral("sync"), QStringLiteral("--db"),
             QStringLiteral("sqlite://") + plain, QStringLiteral("--base"), base, QStringLiteral("--since"),
             QString::number(since), QStringLiteral("--no-history"), QStringLiteral("1")});
        const QJsonObject with = engines.first().toObject().value(QLatin1String("sync")).toObject();
        const double withMs = with.value(QLatin1String("wall_ms")).toDouble();
        const double withoutMs = without.value(QLatin1String("wall_ms")).toDouble();
        const qint64 versions = with.value(QLatin1String("history_versions")).toInteger();
        const qint64 extraBytes =
            QFileInfo(dir.filePath(QStringLiteral("sync.db"))).size() - QFileInfo(plain).size();
        const double cost = withoutMs > 0 ? (withMs - withoutMs) / withoutMs * 100 : 0;
        const double withCpu = with.value(QLatin1String("cpu_ms")).toDouble();
        const double withoutCpu = without.value(QLatin1String("cpu_ms")).toDouble();
        const double cpuCost = withoutCpu > 0 ? (withCpu - withoutCpu) / withoutCpu * 100 : 0;
        out.insert(QStringLiteral("history_cost_sqlite"),
                   QJsonObject{{QStringLiteral("sync_ms_with_history"), withMs},
                               {QStringLiteral("sync_ms_without_history"), withoutMs},
                               {QStringLiteral("slower_percent"), std::round(cost * 10) / 10},
                               {QStringLiteral("versions"), versions},
                               {QStringLiteral("bytes_per_version"),
                                versions > 0 ? double(extraBytes) / versions : 0},
                               {QStringLiteral("sync_cpu_ms_with_history"), withCpu},
                               {QStringLiteral("sync_cpu_ms_without_history"), withoutCpu},
                               {QStringLiteral("slower_percent_cpu"), std::round(cpuCost * 10) / 10},
                               {QStringLiteral("under_10_percent"), cost < 10},
                               {QStringLiteral("under_10_percent_cpu"), cpuCost < 10}});
    }
    const QString pg = qEnvironmentVariable("ORGWARD_TEST_PG");
    if (!pg.isEmpty()) {
        auto admin = DatabaseUrl::parse(pg);
        QString why;
        if (admin &&
            recreatePostgres(*admin, {QStringLiteral("orgward_bench"), QStringLiteral("orgward_bench_bulk")},
                             &why)) {
            DatabaseUrl s = *admin, b = *admin;
            s.database = QStringLiteral("orgward_bench");
            b.database = QStringLiteral("orgward_bench_bulk");
            engines << engineResult(QStringLiteral("postgresql"), s.toString(), b.toString(), base, since);
        } else {
            engines << QJsonObject{{QStringLiteral("engine"), QStringLiteral("postgresql")},
                                   {QStringLiteral("error"), admin ? why : admin.errorMessage()}};
        }
    }
    out.insert(QStringLiteral("engines"), engines);
    server.kill();
    server.waitForFinished();
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}
