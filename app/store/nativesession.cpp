#include "nativesession.h"

#include "core/clock.h"
#include "database.h"

#include <QCryptographicHash>
#include <QSqlDriver>
#include <libpq-fe.h>
#include <sqlite3.h>

namespace orgward {

namespace {
template <typename T> T *driverHandle(QSqlDatabase &db, const char *typeName)
{
    const QVariant h = db.driver()->handle();
    if (!h.isValid() || qstrcmp(h.typeName(), typeName) != 0) return nullptr;
    return *static_cast<T *const *>(h.data());
}
} // namespace

NativeSession::NativeSession(Database &db) : m_db(db)
{
    if (db.isPostgres()) {
        m_pg = driverHandle<pg_conn>(db.handle(), "pg_conn*");
        // For the bulk merges this session runs: a page's rows sort in memory (the 4 MB default spilled a
        // 12,000-row usage page to disk), and each statement is planned for its own page and the table's
        // present size. A generic plan made while a table was empty (and reused, as it is after five
        // runs) scanned the whole table for every row's lookup once the table had grown: a first sync
        // of a scale-100 org took three times as long.
        if (m_pg) PQclear(PQexec(m_pg, "SET work_mem = '64MB'; SET plan_cache_mode = force_custom_plan"));
        // C.UTF-8 on libc is code point order, which is UTF-8 byte order.
        if (m_pg) {
            PGresult *r =
                PQexec(m_pg, "SELECT datlocprovider = 'c' AND datcollate IN ('C', 'POSIX', 'C.UTF-8', "
                             "'C.utf8') FROM pg_database WHERE datname = current_database()");
            m_byteOrder = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 &&
                          qstrcmp(PQgetvalue(r, 0, 0), "t") == 0;
            PQclear(r);
        }
    } else
        m_sqlite = driverHandle<sqlite3>(db.handle(), "sqlite3*");
}

NativeSession::~NativeSession()
{
    for (sqlite3_stmt *s : std::as_const(m_statements))
        sqlite3_finalize(s);
}

Result<sqlite3_stmt *> NativeSession::statement(const QByteArray &sql)
{
    if (!m_sqlite)
        return err(Error::Code::Database, QStringLiteral("no SQLite handle on %1").arg(m_db.describe()));
    if (sqlite3_stmt *s = m_statements.value(sql)) return s;
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v3(m_sqlite, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &s,
                           nullptr) != SQLITE_OK) {
        sqlite3_finalize(s);
        return sqlError(QStringLiteral("SQL failed on %1").arg(m_db.describe()),
                        QString::fromUtf8(sqlite3_errmsg(m_sqlite)) + QStringLiteral(" [") +
                            QString::fromUtf8(sql.left(200)) + u']');
    }
    m_statements.insert(sql, s);
    return s;
}

Error NativeSession::sqliteError(const QString &what) const
{
    return sqlError(QStringLiteral("%1 on %2").arg(what, m_db.describe()),
                    QString::fromUtf8(m_sqlite ? sqlite3_errmsg(m_sqlite) : "no SQLite handle"));
}

Error NativeSession::postgresError(const QString &what) const
{
    if (!m_pg || PQstatus(m_pg) == CONNECTION_BAD)
        return err(Error::Code::Database,
                   QStringLiteral("lost the connection to %1 in the middle of a transaction; "
                                  "nothing of it was kept. Run the operation again.")
                       .arg(m_db.describe()));
    return sqlError(QStringLiteral("%1 on %2").arg(what, m_db.describe()),
                    QString::fromUtf8(PQerrorMessage(m_pg)));
}

Status NativeSession::prepare(const QByteArray &name, const QByteArray &sql, int params)
{
    if (!m_pg) return postgresError(QStringLiteral("preparing a statement"));
    PGresult *r = PQprepare(m_pg, name.constData(), sql.constData(), params, nullptr);
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    const QString message = ok ? QString() : QString::fromUtf8(PQresultErrorMessage(r));
    PQclear(r);
    if (!ok) {
        if (PQstatus(m_pg) == CONNECTION_BAD) return postgresError(QString());
        return sqlError(QStringLiteral("SQL failed on %1").arg(m_db.describe()),
                        message + QStringLiteral(" [") + QString::fromUtf8(sql.left(200)) + u']');
    }
    m_preparedPg.insert(name);
    return {};
}

Result<QList<QList<QByteArray>>> NativeSession::execPrepared(const QByteArray &name,
                                                             const QList<QByteArray> &params, qint64 *changed)
{
    if (!m_pg) return postgresError(QStringLiteral("a query"));
    std::vector<const char *> values;
    std::vector<int> lengths, formats;
    for (const QByteArray &p : params) {
        values.push_back(p.isNull() ? nullptr : p.constData());
        lengths.push_back(int(p.size()));
        formats.push_back(0);
    }
    PGresult *r = PQexecPrepared(m_pg, name.constData(), int(params.size()), values.data(), lengths.data(),
                                 formats.data(), 0);
    const ExecStatusType st = PQresultStatus(r);
    QList<QList<QByteArray>> rows;
    if (st == PGRES_TUPLES_OK) {
        for (int i = 0; i < PQntuples(r); ++i) {
            QList<QByteArray> row;
            for (int c = 0; c < PQnfields(r); ++c)
                row << (PQgetisnull(r, i, c) ? QByteArray() : QByteArray(PQgetvalue(r, i, c)));
            rows << row;
        }
    }
    if (changed) *changed = QByteArray(PQcmdTuples(r)).toLongLong();
    const QString message = QString::fromUtf8(PQresultErrorMessage(r));
    PQclear(r);
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) return rows;
    if (PQstatus(m_pg) == CONNECTION_BAD) return postgresError(QString());
    return sqlError(QStringLiteral("SQL failed on %1").arg(m_db.describe()),
                    message + QStringLiteral(" [statement ") + QString::fromUtf8(name) + u']');
}

void NativeSession::bind(sqlite3_stmt *statement, int index, const Cell &value)
{
    switch (value.kind) {
    case Cell::Kind::Null:
        sqlite3_bind_null(statement, index);
        break;
    case Cell::Kind::Int:
        sqlite3_bind_int64(statement, index, value.integer);
        break;
    case Cell::Kind::Text:
        sqlite3_bind_text(statement, index, value.text.constData(), int(value.text.size()), SQLITE_STATIC);
        break;
    }
}

Result<qint64> NativeSession::execute(const QByteArray &sql, const QList<Cell> &params)
{
    if (m_sqlite) {
        QByteArray lite = sql;
        lite.replace('$', '?'); // SQLite reads ?NNN as the NNN-th parameter
        auto s = statement(lite);
        if (!s) return s.error();
        for (int i = 0; i < params.size(); ++i)
            bind(*s, i + 1, params[i]);
        int rc;
        while ((rc = sqlite3_step(*s)) == SQLITE_ROW) {
        }
        Result<qint64> result = qint64(sqlite3_changes(m_sqlite));
        if (rc != SQLITE_DONE) result = sqliteError(QStringLiteral("a statement"));
        sqlite3_reset(*s);
        sqlite3_clear_bindings(*s);
        return result;
    }
    const QByteArray name = QByteArrayLiteral("orgward_exec_") +
                            QCryptographicHash::hash(sql, QCryptographicHash::Sha1).toHex().left(16);
    if (!isPrepared(name))
        if (auto r = prepare(name, sql, 0); !r) return r.error();
    QList<QByteArray> values; // a null QByteArray is SQL NULL
    values.reserve(params.size());
    for (const Cell &c : params)
        values << (c.kind == Cell::Kind::Null  ? QByteArray()
                   : c.kind == Cell::Kind::Int ? QByteArray::number(c.integer)
                   : c.text.isNull()           ? QByteArray("")
                                               : c.text);
    qint64 changed = 0;
    if (auto r = execPrepared(name, values, &changed); !r) return r.error();
    return changed;
}

Status NativeSession::command(const char *sql)
{
    if (m_sqlite) {
        if (sqlite3_exec(m_sqlite, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            return sqliteError(QString::fromLatin1(sql));
        return {};
    }
    if (!m_pg) return postgresError(QString::fromLatin1(sql));
    PGresult *r = PQexec(m_pg, sql);
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok) return postgresError(QString::fromLatin1(sql));
    return {};
}

QByteArray utcTimestampText(qint64 secs)
{
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm): no time zone, no locale.
    qint64 days = secs / kSecondsPerDay, rem = secs % kSecondsPerDay;
    if (rem < 0) {
        rem += kSecondsPerDay;
        --days;
    }
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 d = doy - (153 * mp + 2) / 5 + 1;
    const qint64 m = mp < 10 ? mp + 3 : mp - 9;
    const qint64 y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buf[40];
    const int n = std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld %02lld:%02lld:%02lld+00", (long long)y,
                                (long long)m, (long long)d, (long long)(rem / 3600),
                                (long long)(rem % 3600 / 60), (long long)(rem % 60));
    return QByteArray(buf, n);
}

} // namespace orgward
