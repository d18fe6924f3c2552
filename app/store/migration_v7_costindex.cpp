#include "migration_v7_costindex.h"

#include "database.h"

namespace orgward {

Status migrateV7CostIndex(Database &db)
{
    return db.run(QStringLiteral(
        "CREATE INDEX IF NOT EXISTS openai_costs_project_idx ON openai_costs (org_key, group_by, "
        "bucket_width, project_id, bucket_start, amount)"));
}

} // namespace orgward
