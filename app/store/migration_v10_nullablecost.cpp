#include "migration_v10_nullablecost.h"

#include "database.h"

#include <QRegularExpression>
#include <QStringList>

namespace orgward {

namespace {

const QString kTable = QStringLiteral("openai_costs");
const QString kRebuilt = QStringLiteral("orgward_rebuild_openai_costs");

// SQLite cannot drop a NOT NULL in place: the documented way is to build the table anew under its final
// definition, copy the rows, swap the names and re-create its indexes (its keys come with the definition).
Status rebuildSqlite(Database &db)
{
    auto ddl = db.scalar(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?"),
                         {kTable});
    if (!ddl) return ddl.error();
    QString create = ddl->toString();
    static const QRegularExpression notNull(QStringLiteral("\\bamount (\\w+) NOT NULL"));
    if (!create.contains(notNull)) return {}; // already nullable
    create.replace(notNull, QStringLiteral("amount \\1"));
    create.replace(QRegularExpression(QStringLiteral("^CREATE TABLE \"?openai_costs\"?")),
                   QStringLiteral("CREATE TABLE ") + kRebuilt);
    auto idx =
        db.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', "
                               "'trigger') AND sql IS NOT NULL"),
                {kTable});
    if (!idx) return idx.error();
    QStringList recreate;
    while (idx->next())
        recreate << idx->value(0).toString();
    QStringList s{create, QStringLiteral("INSERT INTO %1 SELECT * FROM %2").arg(kRebuilt, kTable),
                  QStringLiteral("DROP TABLE %1").arg(kTable),
                  QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(kRebuilt, kTable)};
    s += recreate;
    for (const QString &statement : s)
        if (auto r = db.run(statement); !r) return r;
    return {};
}

} // namespace

Status migrateV10NullableCost(Database &db)
{
    if (db.isPostgres())
        return db.run(QStringLiteral("ALTER TABLE openai_costs ALTER COLUMN amount DROP NOT NULL"));
    return rebuildSqlite(db);
}

} // namespace orgward
