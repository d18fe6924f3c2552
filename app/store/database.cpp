#include "database.h"

#include "nativesession.h"

#include "core/decimal.h"
#include "core/logging.h"
#include "core/sanitizer.h"
#include "migrations.h"
#include "sqlitefile.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QUuid>
#include <cstring>
#include <sqlite3.h>

namespace orgward {

Error sqlError(const QString &what, const QString &detail)
{
    // SQLite's own words for a full disk, a read-only file or a damaged one say neither which file nor what
    // to do: put that first. Every caller names the database last in what ("SQL failed on sqlite:///…").
    static const QString kSqlite = QStringLiteral("sqlite://");
    const qsizetype at = what.indexOf(kSqlite);
    const QString why =
        at < 0 ? QString() : sqlitefile::explainFailure(what.mid(at + kSqlite.size()), detail);
    const QString text = why.isEmpty() ? QStringLiteral("%1: %2").arg(what, detail.trimmed())
                                       : QStringLiteral("%1 (%2: %3)").arg(why, what, detail.trimmed());
    return err(Error::Code::Database, Sanitizer::mask(text));
}

namespace {

// Exact money sums on SQLite: an aggregate over canonical decimal strings (SQLite would use doubles).
// SQLite hands out aggregate memory aligned to 8 bytes only, while a 128-bit integer wants 16: the
// state is kept as raw bytes and copied in and out (a direct Int128 member crashes optimised builds).
struct DecSumCtx
{
    unsigned char raw[sizeof(Int128)];
    bool any;
};

Int128 loadSum(const DecSumCtx *c)
{
    Int128 v;
    std::memcpy(&v, c->raw, sizeof v);
    return v;
}

void decSumStep(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    auto *acc = static_cast<DecSumCtx *>(sqlite3_aggregate_context(ctx, sizeof(DecSumCtx)));
    if (!acc || sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const auto d = Decimal::parse(QString::fromLatin1(text));
    if (!d) {
        sqlite3_result_error(ctx, "dec_sum: value is not a decimal", -1);
        return;
    }
    const Int128 sum = (acc->any ? loadSum(acc) : Int128(0)) + d->raw();
    std::memcpy(acc->raw, &sum, sizeof sum);
    acc->any = true;
}

void decSumFinal(sqlite3_context *ctx)
{
    auto *acc = static_cast<DecSumCtx *>(sqlite3_aggregate_context(ctx, 0));
    if (!acc || !acc->any) {
        sqlite3_result_null(ctx);
        return;
    }
    const QByteArray s = Decimal::fromUnits(loadSum(acc)).toString().toLatin1();
    sqlite3_result_text(ctx, s.constData(), int(s.size()), SQLITE_TRANSIENT);
}

bool registerSqliteFunctions(QSqlDatabase &db)
{
    const QVariant h = db.driver()->handle();
    if (!h.isValid() || qstrcmp(h.typeName(), "sqlite3*") != 0) return false;
    sqlite3 *handle = *static_cast<sqlite3 *const *>(h.data());
    if (!handle) return false;
    return sqlite3_create_function_v2(handle, "dec_sum", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                      nullptr, decSumStep, decSumFinal, nullptr) == SQLITE_OK;
}

QString explainPostgresError(const DatabaseUrl &url, const QString &raw)
{
    const QString where = url.display();
    const QString l = raw.toLower();
    if (l.contains(QLatin1String("password authentication failed")) ||
        l.contains(QLatin1String("no password supplied")))
        return QStringLiteral(
                   "PostgreSQL at %1 refused the password for user '%2'. Check the password stored for this "
                   "connection (orgward db set-password) or the server's pg_hba.conf.")
            .arg(where, url.user);
    if (l.contains(QLatin1String("connection refused")))
        return QStringLiteral(
                   "nothing accepts connections at %1:%2 (connection refused). Is the PostgreSQL server "
                   "running and listening on that port?")
            .arg(url.host)
            .arg(url.port);
    if (l.contains(QLatin1String("could not translate host name")) ||
        l.contains(QLatin1String("timeout expired")) || l.contains(QLatin1String("no route to host")) ||
        l.contains(QLatin1String("network is unreachable")))
        return QStringLiteral("PostgreSQL host %1 is unreachable (%2). Check the host name, the network and "
                              "any firewall.")
            .arg(url.host, raw.trimmed());
    if (l.contains(QLatin1String("ssl")) || l.contains(QLatin1String("certificate")))
        return QStringLiteral(
                   "TLS to PostgreSQL at %1 failed: %2. Check sslmode and the CA file (sslrootcert).%3")
            .arg(where, raw.trimmed(),
                 url.options.contains(QStringLiteral("sslmode")) || DatabaseUrl::isLocalHost(url.host)
                     ? QString()
                     : QStringLiteral(" Orgward checks a remote server's certificate unless told otherwise "
                                      "(sslmode=verify-full): give the CA file that signed it "
                                      "(?sslrootcert=/path/ca.pem, or --sslrootcert for a saved connection), "
                                      "or choose another sslmode explicitly."));
    if (l.contains(QLatin1String("does not exist")))
        return QStringLiteral("PostgreSQL at %1: %2. Create the database or role first.")
            .arg(where, raw.trimmed());
    return QStringLiteral("cannot open PostgreSQL database %1: %2").arg(where, raw.trimmed());
}

} // namespace

Database::~Database()
{
    m_prepared.clear(); // queries must go before the connection
    m_native.reset();
    if (m_db.isValid()) {
        while (m_depth > 0)
            rollback();
        m_db.close();
    }
    m_db = QSqlDatabase();
    if (!m_name.isEmpty()) QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseUrl &url, const OpenOptions &options)
{
    std::unique_ptr<Database> d(new Database);
    d->m_url = url;
    d->m_readOnly = options.readOnly;
    d->m_name = QStringLiteral("orgward-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto r = url.isPostgres() ? d->openPostgres() : d->openSqlite(options); !r) return r.error();
    if (options.migrate && !options.readOnly) {
        if (auto r = Migrations::apply(*d); !r) return r.error();
    }
    return d;
}

Status Database::openPostgres()
{
    const DatabaseUrl &url = m_url;
    auto options = url.connectOptions(); // before anything reaches libpq
    if (!options) return options.error();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    if (!m_db.isValid())
        return err(
            Error::Code::Database,
            QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not installed; install libqt6sql6-psql"));
    m_db.setHostName(url.host);
    m_db.setPort(url.port);
    m_db.setDatabaseName(url.database);
    m_db.setUserName(url.user);
    m_db.setPassword(url.password);
    m_db.setConnectOptions(*options);
    if (!url.password.isEmpty()) Sanitizer::addSecret(url.password);
    if (!m_db.open())
        return err(Error::Code::Database,
                   Sanitizer::mask(explainPostgresError(url, m_db.lastError().text())));
    if (!setupSession())
        return err(Error::Code::Database, QStringLiteral("cannot set up the session on %1: %2")
                                              .arg(url.display(), m_db.lastError().text()));
    return {};
}

Status Database::openSqlite(const OpenOptions &options)
{
    const QString &path = m_url.path;
    bool created = false;
    if (options.readOnly || !options.create) {
        if (!QFileInfo::exists(path))
            return err(Error::Code::NotFound, QStringLiteral("database file %1 does not exist").arg(path));
    } else {
        auto c = sqlitefile::createPrivate(path);
        if (!c) return c.error();
        created = *c;
    }
    if (!created) m_warnings << sqlitefile::exposureWarnings(path);
    for (const QString &w : std::as_const(m_warnings))
        qCWarning(lcStore).noquote() << w;
    auto r = connectSqlite(options);
    // A failed open leaves no trace: the empty file made above goes; a file that was there stays untouched.
    if (!r && created && QFileInfo(path).size() == 0) {
        m_db.close();
        QFile::remove(path);
    }
    return r;
}

Status Database::connectSqlite(const OpenOptions &options)
{
    const QString &path = m_url.path;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    if (!m_db.isValid())
        return err(Error::Code::Database,
                   QStringLiteral("the Qt SQLite driver is not installed; install libqt6sql6-sqlite"));
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(options.readOnly
                               ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000")
                               : QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    auto failed = [&path](const QString &detail) {
        const QString why = sqlitefile::explainFailure(path, detail);
        return err(Error::Code::Database,
                   why.isEmpty() ? QStringLiteral("cannot open SQLite database %1: %2").arg(path, detail)
                                 : QStringLiteral("%1 (SQLite: %2)").arg(why, detail.trimmed()));
    };
    if (!m_db.open()) return failed(m_db.lastError().text());
    if (!registerSqliteFunctions(m_db))
        return err(Error::Code::Database, QStringLiteral("cannot register SQL functions on %1").arg(path));
    // A file that is not a database, or not Orgward's, fails here with a clear message rather than deep in
    // a query (or, worse, after migrations added Orgward's tables to another program's database).
    QSqlQuery q(m_db); // not exec(): its errors are already explained, and this wants SQLite's own words
    if (!q.exec(
            QStringLiteral("SELECT COUNT(*), COALESCE(SUM(type = 'table' AND name = 'schema_migrations'), 0) "
                           "FROM sqlite_master")) ||
        !q.next())
        return failed(q.lastError().text());
    const int objects = q.value(0).toInt(), ours = q.value(1).toInt();
    q.finish();
    if (objects > 0 && ours == 0)
        return err(
            Error::Code::Database,
            QStringLiteral("%1 is not an Orgward database or is damaged (it has tables but no Orgward "
                           "schema); nothing was written to it. Point --db at an Orgward database or at a "
                           "new file.")
                .arg(path));
    if (options.readOnly) return run(QStringLiteral("PRAGMA query_only=ON"));
    for (const char *p : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                          // A sync commits every page and touches the same index pages again and again: with
                          // SQLite's 2 MB default cache they were re-read from the OS on every commit, and a
                          // WAL checkpoint every 1000 pages rewrote them (a third of the ingest time was
                          // those syscalls). 64 MB and checkpoints every ~40 MB of WAL coalesce that.
                          "PRAGMA cache_size=-65536", "PRAGMA wal_autocheckpoint=10000"})
        if (auto r = run(QString::fromLatin1(p)); !r) return r;
    return {};
}

namespace {
// The connection itself is gone (server restart, admin kill, network drop), as opposed to a bad statement.
bool isConnectionLost(const QSqlDatabase &db, const QSqlError &e)
{
    if (!db.isOpen() || e.type() == QSqlError::ConnectionError) return true;
    const QString t = e.text().toLower();
    for (const char *needle : {"server closed the connection", "terminating connection",
                               "no connection to the server", "connection to server was lost",
                               "could not send data", "could not receive data", "connection not open"})
        if (t.contains(QLatin1String(needle))) return true;
    return false;
}
} // namespace

Result<QSqlQuery> Database::execOnce(const QString &sql, const QVariantList &binds, QSqlError *error)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const bool ok = binds.isEmpty() ? q.exec(sql) : [&] {
        if (!q.prepare(sql)) return false;
        for (const QVariant &b : binds)
            q.addBindValue(b);
        return q.exec();
    }();
    if (ok) return q;
    *error = q.lastError();
    return sqlError(QStringLiteral("SQL failed on %1").arg(describe()),
                    error->text() + QStringLiteral(" [") + sql.left(200) + u']');
}

Result<QSqlQuery> Database::exec(const QString &statement, const QVariantList &binds)
{
    const QString sql = m_rewriter ? m_rewriter(statement) : statement;
    QSqlError error;
    auto r = execOnce(sql, binds, &error);
    // After a PostgreSQL restart the session is gone. Outside a transaction nothing is lost: reconnect
    // once and run the statement again. Inside one, the transaction died with the session — report it.
    if (!r && isPostgres() && m_depth == 0 && isConnectionLost(m_db, error)) {
        qCWarning(lcStore).noquote() << "connection to" << describe() << "lost; reconnecting";
        m_prepared.clear();
        m_native.reset();
        m_db.close();
        if (m_db.open() && setupSession()) {
            QSqlError again;
            return execOnce(sql, binds, &again);
        }
        return err(Error::Code::Database,
                   QStringLiteral("lost the connection to %1 and could not reconnect: %2")
                       .arg(describe(), Sanitizer::mask(m_db.lastError().text())));
    }
    if (!r && isPostgres() && m_depth > 0 && isConnectionLost(m_db, error))
        return err(Error::Code::Database,
                   QStringLiteral("lost the connection to %1 in the middle of a transaction; "
                                  "nothing of it was kept. Run the operation again.")
                       .arg(describe()));
    return r;
}

Result<QSqlQuery *> Database::execCached(const QString &sql, const QVariantList &binds)
{
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql)) {
            auto r = exec(sql, binds); // reports the error, or reconnects and succeeds
            if (!r) return r.error();
            it = m_prepared.insert(sql, std::move(*r));
            return &it.value();
        }
        it = m_prepared.insert(sql, std::move(q));
    }
    QSqlQuery &q = it.value();
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (q.exec()) return &q;
    const QSqlError e = q.lastError();
    m_prepared.erase(it);
    if (isPostgres() && m_depth == 0 && isConnectionLost(m_db, e)) {
        auto r = exec(sql, binds); // reconnects once
        if (!r) return r.error();
        it = m_prepared.insert(sql, std::move(*r));
        return &it.value();
    }
    if (isPostgres() && isConnectionLost(m_db, e))
        return err(Error::Code::Database,
                   QStringLiteral("lost the connection to %1 in the middle of a transaction; "
                                  "nothing of it was kept. Run the operation again.")
                       .arg(describe()));
    return sqlError(QStringLiteral("SQL failed on %1").arg(describe()),
                    e.text() + QStringLiteral(" [") + sql.left(200) + u']');
}

bool Database::setupSession()
{
    if (!isPostgres()) return true;
    m_db.setNumericalPrecisionPolicy(QSql::HighPrecision);
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SET TIME ZONE 'UTC'"))) return false;
    // libpq prints notices ("... already exists, skipping") straight to stderr.
    if (!q.exec(QStringLiteral("SET client_min_messages = warning"))) return false;
    if (m_readOnly && !q.exec(QStringLiteral("SET default_transaction_read_only = on"))) return false;
    return true;
}

NativeSession &Database::native()
{
    if (!m_native) m_native = std::make_unique<NativeSession>(*this);
    return *m_native;
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &binds)
{
    auto q = exec(sql, binds);
    if (!q) return q.error();
    if (!q->next()) return QVariant();
    return q->value(0);
}

Status Database::begin()
{
    const QString sql = m_depth == 0
                            ? (isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"))
                            : QStringLiteral("SAVEPOINT sp%1").arg(m_depth);
    if (auto r = run(sql); !r) return r;
    ++m_depth;
    return {};
}

Status Database::commit()
{
    if (m_depth <= 0) return err(Error::Code::Database, QStringLiteral("commit without a transaction"));
    const QString sql =
        m_depth == 1 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE SAVEPOINT sp%1").arg(m_depth - 1);
    auto r = run(sql);
    if (!r) {
        rollback();
        return r;
    }
    --m_depth;
    return {};
}

void Database::rollback()
{
    if (m_depth <= 0) return;
    const QString sql = m_depth == 1 ? QStringLiteral("ROLLBACK")
                                     : QStringLiteral("ROLLBACK TO SAVEPOINT sp%1").arg(m_depth - 1);
    QSqlQuery q(m_db);
    if (!q.exec(sql)) qCWarning(lcStore) << "rollback failed:" << q.lastError().text();
    if (m_depth > 1) q.exec(QStringLiteral("RELEASE SAVEPOINT sp%1").arg(m_depth - 1));
    --m_depth;
}

QVariant Database::bindTimestamp(const QVariant &secs) const
{
    if (secs.isNull() || !secs.isValid())
        return isPostgres() ? QVariant(QMetaType(QMetaType::QDateTime))
                            : QVariant(QMetaType(QMetaType::LongLong));
    if (isPostgres()) return QDateTime::fromSecsSinceEpoch(secs.toLongLong(), Qt::UTC);
    return secs.toLongLong();
}

qint64 Database::timestampSecs(const QVariant &v)
{
    if (v.isNull()) return 0;
    if (v.metaType().id() == QMetaType::QDateTime) return v.toDateTime().toSecsSinceEpoch();
    if (v.metaType().id() == QMetaType::QString) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        if (ok) return n;
        return QDateTime::fromString(v.toString(), Qt::ISODate).toSecsSinceEpoch();
    }
    return v.toLongLong();
}

QVariant Database::bindBool(const QVariant &b) const
{
    if (b.isNull() || !b.isValid())
        return isPostgres() ? QVariant(QMetaType(QMetaType::Bool)) : QVariant(QMetaType(QMetaType::Int));
    return isPostgres() ? QVariant(b.toBool()) : QVariant(b.toBool() ? 1 : 0);
}

QString Database::sumDecimal(const QString &expr) const
{
    return isPostgres() ? QStringLiteral("CAST(SUM(%1) AS TEXT)").arg(expr)
                        : QStringLiteral("dec_sum(%1)").arg(expr);
}

QString Database::tsToSecs(const QString &e) const
{
    return isPostgres() ? QStringLiteral("CAST(EXTRACT(EPOCH FROM %1) AS BIGINT)").arg(e) : e;
}

QString Database::secsToTs(const QString &p) const
{
    return isPostgres() ? QStringLiteral("to_timestamp(%1)").arg(p) : p;
}

} // namespace orgward
