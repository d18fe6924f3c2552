// SQLite: prepared statements per table (insert, lookup, upsert), stepped row by row with UTF-8 text
// bound in place. They stay prepared for the connection's lifetime (NativeSession).
#include "rowwriter_p.h"

#include <sqlite3.h>

namespace orgward::rowwriter {

namespace {
// Resets the statement (and drops the bindings that point into the cells) however the step ended.
struct StepGuard
{
    sqlite3_stmt *s;
    ~StepGuard()
    {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
    }
};
} // namespace

Result<WriteCounts> upsertSqlite(Database &db, const Shape &shape, const Cells &cells)
{
    NativeSession &native = db.native();
    const TableSpec &spec = shape.spec;
    QStringList where;
    for (const QString &k : shape.keyColumns)
        where << k + QStringLiteral(" = ?");
    const QByteArray lookupSql = QStringLiteral("SELECT row_hash, %1 FROM %2 WHERE %3")
                                     .arg(shape.goneCol >= 0 ? spec.goneColumn : QStringLiteral("NULL"),
                                          spec.table, where.join(QStringLiteral(" AND ")))
                                     .toUtf8();
    const QByteArray upsertSql =
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO UPDATE SET %5")
            .arg(spec.table, shape.cols.join(u','),
                 QStringList(shape.cols.size(), QStringLiteral("?")).join(u','), shape.conflict,
                 shape.updates)
            .toUtf8();
    // A new row costs one statement: the plain insert succeeds. Only a row already stored (a re-sync, the
    // trailing usage window) is looked up, classified and updated.
    const QByteArray insertSql =
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO NOTHING")
            .arg(spec.table, shape.cols.join(u','),
                 QStringList(shape.cols.size(), QStringLiteral("?")).join(u','), shape.conflict)
            .toUtf8();
    auto insert = native.statement(insertSql);
    if (!insert) return insert.error();
    auto lookup = native.statement(lookupSql);
    if (!lookup) return lookup.error();
    auto upsert = native.statement(upsertSql);
    if (!upsert) return upsert.error();

    WriteCounts counts;
    sqlite3 *handle = native.sqlite();
    for (qsizetype r = 0; r < cells.rows(); ++r) {
        {
            StepGuard g{*insert};
            for (int c = 0; c < cells.width; ++c)
                NativeSession::bind(*insert, c + 1, cells.at(r, c));
            if (sqlite3_step(*insert) != SQLITE_DONE)
                return native.sqliteError(QStringLiteral("writing %1").arg(spec.table));
            if (sqlite3_changes(handle) == 1) {
                ++counts.added;
                continue;
            }
        }
        {
            StepGuard g{*lookup};
            for (int k = 0; k < shape.keyCells.size(); ++k)
                NativeSession::bind(*lookup, k + 1, cells.at(r, shape.keyCells[k]));
            const int rc = sqlite3_step(*lookup);
            if (rc == SQLITE_ROW) {
                const Cell &hash = cells.at(r, shape.hashCell);
                const bool same = sqlite3_column_bytes(*lookup, 0) == hash.text.size() &&
                                  memcmp(sqlite3_column_text(*lookup, 0), hash.text.constData(),
                                         size_t(hash.text.size())) == 0;
                if (!same || sqlite3_column_type(*lookup, 1) != SQLITE_NULL)
                    ++counts.changed;
                else
                    ++counts.unchanged;
            } else if (rc == SQLITE_DONE) {
                ++counts.added; // not reachable while the conflict target is the key looked up
            } else {
                return native.sqliteError(QStringLiteral("reading %1").arg(spec.table));
            }
        }
        StepGuard g{*upsert};
        for (int c = 0; c < cells.width; ++c)
            NativeSession::bind(*upsert, c + 1, cells.at(r, c));
        if (sqlite3_step(*upsert) != SQLITE_DONE)
            return native.sqliteError(QStringLiteral("writing %1").arg(spec.table));
    }
    return counts;
}

} // namespace orgward::rowwriter
