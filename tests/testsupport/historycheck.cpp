#include "historycheck.h"

#include "domain/tables.h"
#include "store/database.h"
#include "store/migration_v12_history.h"

#include <QtDebug>

namespace orgward::test {

bool historyConsistent(Database &db)
{
    auto twice = db.scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT org_key, entity, row_key FROM "
                                          "orgward_history WHERE valid_to IS NULL GROUP BY org_key, entity, "
                                          "row_key HAVING COUNT(*) > 1) t"));
    if (!twice || twice->toLongLong() != 0) {
        qWarning() << "history: rows with more than one open version:" << (twice ? *twice : QVariant());
        return false;
    }
    bool ok = true;
    for (const QString &table : historyTables()) {
        QString gone;
        for (const TableSpec *t : allSyncedTables())
            if (t->table == table) gone = t->goneColumn;
        auto rows = db.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
        auto live = db.scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 IS NULL").arg(table, gone));
        auto open = db.scalar(
            QStringLiteral("SELECT COUNT(*) FROM orgward_history WHERE entity = ? AND valid_to IS NULL"),
            {table});
        auto openLive = db.scalar(QStringLiteral("SELECT COUNT(*) FROM orgward_history WHERE entity = ? AND "
                                                 "valid_to IS NULL AND change <> 'removed'"),
                                  {table});
        if (!rows || !live || !open || !openLive || rows->toLongLong() != open->toLongLong() ||
            live->toLongLong() != openLive->toLongLong()) {
            qWarning() << "history:" << table << "rows" << (rows ? *rows : QVariant()) << "open versions"
                       << (open ? *open : QVariant()) << "live" << (live ? *live : QVariant())
                       << "open live versions" << (openLive ? *openLive : QVariant());
            ok = false;
        }
    }
    return ok;
}

} // namespace orgward::test
