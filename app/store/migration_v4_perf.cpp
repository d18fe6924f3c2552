#include "migration_v4_perf.h"

#include "database.h"

namespace orgward {

Status migrateV4Perf(Database &db)
{
    const QStringList statements{
        // Sortable columns: a sorted block is an index walk that stops after one block.
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS openai_users_name_idx ON openai_users (org_key, name, id)"),
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS openai_users_added_idx ON openai_users (org_key, added_at, id)"),
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS openai_users_role_idx ON openai_users (org_key, role, id)"),
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS openai_project_api_keys_name_idx ON openai_project_api_keys "
            "(org_key, name, id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS openai_project_api_keys_created_idx ON "
                       "openai_project_api_keys (org_key, created_at, id)"),
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS openai_project_api_keys_used_idx ON openai_project_api_keys "
            "(org_key, last_used_at, id)"),
        // Text filter (LIKE '%word%' cannot seek): every filterable column of the members and keys tables
        // in one narrow index, so the scan and its COUNT never touch the wide rows.
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS openai_users_text_idx ON openai_users (org_key, name, email, "
            "role, deleted_at, id)"),
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS openai_project_api_keys_text_idx ON openai_project_api_keys "
            "(org_key, deleted_at, name, owner_email, owner_name, owner_id, owner_type, "
            "redacted_value, id)"),
        // "Owned by removed members" (keys) and "removed" muting look members up by id for deleted_at only.
        QStringLiteral("CREATE INDEX IF NOT EXISTS openai_users_id_deleted_idx ON openai_users (org_key, id, "
                       "deleted_at)"),
        // Members' "API keys" and "Last key use" columns: counted from the index alone.
        QStringLiteral("CREATE INDEX IF NOT EXISTS openai_project_api_keys_owner_stats_idx ON "
                       "openai_project_api_keys (org_key, owner_id, deleted_at, last_used_at)"),
    };
    for (const QString &s : statements)
        if (auto r = db.run(s); !r) return r;
    return {};
}

} // namespace orgward
