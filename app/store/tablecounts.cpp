#include "tablecounts.h"

#include "domain/tables.h"

namespace orgward {

Result<QList<TableCount>> tableCounts(Database &db, const QString &orgKey)
{
    QList<TableCount> out;
    for (const TableSpec *t : allSyncedTables()) {
        const QString active =
            t->goneColumn.isEmpty()
                ? QStringLiteral("COUNT(*)")
                : QStringLiteral("SUM(CASE WHEN %1 IS NULL THEN 1 ELSE 0 END)").arg(t->goneColumn);
        auto q = db.exec(
            QStringLiteral("SELECT COUNT(*), %1 FROM %2 WHERE org_key = ?").arg(active, t->table), {orgKey});
        if (!q) return q.error();
        TableCount c{t->table, 0, 0};
        if (q->next()) {
            c.total = q->value(0).toLongLong();
            c.active = q->value(1).toLongLong();
        }
        out << c;
    }
    return out;
}

} // namespace orgward
