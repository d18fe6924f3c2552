#include "migration_v14_historyindex.h"

#include "database.h"

namespace orgward {

Status migrateV14HistoryIndex(Database &db)
{
    // IF NOT EXISTS: re-run after a rolled-back version row.
    return db.run(
        QStringLiteral("CREATE INDEX IF NOT EXISTS orgward_history_entity_time_idx ON orgward_history "
                       "(org_key, entity, valid_from)"));
}

} // namespace orgward
