#pragma once
// Shared test helpers: temporary databases on both engines, fixture paths, table checksums.
#include "store/database.h"

#include <QTemporaryDir>
#include <memory>

namespace orgward::test {

QString sourceDir();
QString fixturesDir(); // the bundled fixture org
// A fresh SQLite database in dir.
std::unique_ptr<Database> openSqlite(const QTemporaryDir &dir,
                                     const QString &name = QStringLiteral("test.db"));
// PostgreSQL from $ORGWARD_TEST_PG (a URL to a server where the user may create databases). Creates a
// fresh database named after the test and returns it. When the variable is unset: nullptr and *why set.
// Under scripts/test it is always set (ORGWARD_REQUIRE_PG=1 turns an unset variable into a failure).
// createOptions go after CREATE DATABASE <name> (e.g. another collation).
std::unique_ptr<Database> openPostgres(const QString &name, QString *why, const QString &createOptions = {});
bool postgresRequired();
// openPostgres() for a test function: when it cannot, the current test has failed (ORGWARD_REQUIRE_PG=1,
// as under scripts/test) or been skipped, and the caller returns at once on nullptr.
std::unique_ptr<Database> openPostgresOrFail(const QString &name, const QString &createOptions = {});
// Data rows "sqlite" and "postgresql" (a bool column "postgres") for a test that runs on both engines.
void addEngineRows();
// A fresh database of the current data row's engine: openSqlite(dir) or openPostgresOrFail(pgName).
std::unique_ptr<Database> openEngine(const QTemporaryDir &dir, const QString &pgName);
// Inserts one synced row of orgKey with its bookkeeping columns (row_hash, first_seen_at, updated_at as of
// now) filled in. Values of columns named *_at are Unix seconds (or null), bound as the engine's timestamps.
Status insertSyncedRow(Database &db, const QString &orgKey, const QString &table, QVariantMap columns,
                       qint64 now);
// Order-independent checksum of a table's logical contents for one org (bookkeeping columns excluded).
QString tableChecksum(Database &db, const QString &table, const QString &orgKey);

} // namespace orgward::test

class QObject;
class QEvent;

namespace orgward::test {

// Records whether the GUI thread enters a nested event loop (QEventLoop::exec: a modal dialog's exec(),
// a keychain job waited for in a local loop, …) while it is alive. Installed as the application's event
// filter, it sees every event delivered on the GUI thread and notes the deepest QThread::loopLevel()
// above the level it started at. Tests drive the window with QTRY_*/qWait, which process events without
// a QEventLoop, so any level above the start is code under test nesting a loop.
class NestedLoopGuard
{
public:
    NestedLoopGuard();
    ~NestedLoopGuard();
    NestedLoopGuard(const NestedLoopGuard &) = delete;
    NestedLoopGuard &operator=(const NestedLoopGuard &) = delete;

    int deepest() const;   // nested levels seen (0: none)
    QString where() const; // the first event seen inside a nested loop: its type and receiver class
    void reset();

private:
    class Filter;
    Filter *m_filter;
};

// An RFC 4180 reader of the tests' own (writers are checked against the format, not against themselves):
// records of fields, quotes undone, CRLF ending a record.
QList<QStringList> parseCsv(const QString &text);

} // namespace orgward::test
