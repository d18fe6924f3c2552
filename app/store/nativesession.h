#pragma once
// The engine's own C API under a Database connection (sqlite3 / libpq), for the one path where Qt's
// generic binding is the bottleneck: the sync's bulk upserts. Qt 6.4 formats every bound value through
// QSqlResult::bindValue (and QPSQL re-sends each as SQL text), which cost most of the ingest time.
// The session borrows the connection Qt opened (same transaction, same settings); Database owns it and
// drops it before the connection closes or reconnects, which finalizes the statements it prepared.
#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;
struct pg_conn;

namespace orgward {

class Database;

// One value as the engine receives it: SQL NULL, an integer, or UTF-8 text.
struct Cell
{
    enum class Kind : quint8
    {
        Null,
        Int,
        Text
    };
    Kind kind = Kind::Null;
    qint64 integer = 0;
    QByteArray text;

    static Cell null() { return {}; }
    static Cell of(qint64 v) { return {Kind::Int, v, {}}; }
    static Cell of(QByteArray v) { return {Kind::Text, 0, std::move(v)}; }
};

class NativeSession
{
public:
    explicit NativeSession(Database &db);
    ~NativeSession();
    NativeSession(const NativeSession &) = delete;
    NativeSession &operator=(const NativeSession &) = delete;

    sqlite3 *sqlite() const { return m_sqlite; }
    pg_conn *postgres() const { return m_pg; }

    // SQLite: a statement prepared once for the life of the connection (reset, bindings cleared).
    Result<sqlite3_stmt *> statement(const QByteArray &sql);
    static void bind(sqlite3_stmt *statement, int index, const Cell &value);
    Error sqliteError(const QString &what) const;

    // PostgreSQL: a named statement prepared once per connection (prepared statements outlive
    // transactions, so a rollback does not drop them), executed with text parameters; its rows come back
    // as text (NULL as a null QByteArray).
    bool isPrepared(const QByteArray &name) const { return m_preparedPg.contains(name); }
    Status prepare(const QByteArray &name, const QByteArray &sql, int params);
    // changed (optional): the rows an INSERT, UPDATE or DELETE changed.
    Result<QList<QList<QByteArray>>> execPrepared(const QByteArray &name, const QList<QByteArray> &params,
                                                  qint64 *changed = nullptr);
    Error postgresError(const QString &what) const;
    // PostgreSQL: the database's default collation orders text by its bytes (C, POSIX, C.UTF-8 on libc).
    bool textSortsByBytes() const { return m_byteOrder; }

    // Either engine: one statement with positional parameters written $1, $2, … (rewritten to ?1, ?2, …
    // for SQLite), kept prepared for the connection's life. Timestamps go as seconds (SQLite) or
    // utcTimestampText (PostgreSQL), as the caller's cells say. For the page commits that run on a helper
    // thread (sync/pagecommitter.h), where Qt's side of the connection must stay untouched.
    // Returns the rows it changed.
    Result<qint64> execute(const QByteArray &sql, const QList<Cell> &params);
    // A statement without parameters or rows (BEGIN, COMMIT, ROLLBACK), not prepared.
    Status command(const char *sql);

private:
    Database &m_db;
    sqlite3 *m_sqlite = nullptr;
    pg_conn *m_pg = nullptr;
    QHash<QByteArray, sqlite3_stmt *> m_statements;
    QSet<QByteArray> m_preparedPg;
    bool m_byteOrder = false;
};

// Seconds since the epoch as an ISO timestamp in UTC ("2026-11-20 00:00:00+00"), as PostgreSQL reads it.
QByteArray utcTimestampText(qint64 secs);
// A timestamp as the engine stores it: Unix seconds on SQLite, utcTimestampText on PostgreSQL.
inline Cell timestampCell(qint64 secs, bool postgres)
{
    return postgres ? Cell::of(utcTimestampText(secs)) : Cell::of(secs);
}

} // namespace orgward
