#pragma once
// Upserts parsed rows into a synced table and soft-deletes what a complete list no longer contains.
// Each row's hash decides whether it changed, so replays and re-imports report (and change) nothing.
// Rows go through the engine's C API (store/nativesession.h): SQLite steps one prepared upsert per row,
// PostgreSQL merges the page in one unnest statement (rowwriter_postgres.cpp).
#include "database.h"
#include "domain/tables.h"

#include <memory>

namespace orgward {

struct WriteCounts
{
    qint64 added = 0;
    qint64 changed = 0;
    qint64 unchanged = 0;
    qint64 gone = 0; // soft-deleted (deleted_at/removed_at set)

    WriteCounts &operator+=(const WriteCounts &o)
    {
        added += o.added;
        changed += o.changed;
        unchanged += o.unchanged;
        gone += o.gone;
        return *this;
    }
    qint64 seen() const { return added + changed + unchanged; }
};

namespace rowwriter {
struct Prepared;
}

class RowWriter
{
public:
    // A page's rows as the engine receives them (cells, row hashes, a key seen twice kept once as its last
    // occurrence). No database access, so the sync thread prepares a page while the helper thread writes
    // the one before. All rows share the same scope values (one page of one list); passId marks them seen.
    using Prepared = std::shared_ptr<const rowwriter::Prepared>;
    static Prepared prepare(const TableSpec &spec, bool postgres, const QString &orgKey,
                            const QList<Row> &rows, const QString &passId, qint64 now);

    explicit RowWriter(Database &db) : m_db(db) {}

    // Upserts prepared rows. Through the native handle only, inside the caller's transaction (Qt's
    // Database::begin() or a native BEGIN): the page's rows land together with whatever else it writes.
    Result<WriteCounts> write(const rowwriter::Prepared &rows);
    // After a complete list: rows of that scope not seen in passId get their gone column set (native, in
    // the caller's transaction like write()).
    Result<qint64> markGone(const TableSpec &spec, const QString &orgKey, const QStringList &scopeValues,
                            const QString &passId, qint64 now);
    // A parent row gone (a deleted user, group or project) takes its children with it: rows of `child`
    // (scoped by its one scope column) under a parent of `parent` whose gone column is set. The API lists
    // no children for a parent that no longer exists, so nothing else would ever mark them.
    Result<qint64> markOrphansGone(const TableSpec &child, const TableSpec &parent, const QString &orgKey,
                                   qint64 now);

private:
    Database &m_db;
};

} // namespace orgward
