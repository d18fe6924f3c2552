#include "migration_v3_console.h"

#include "database.h"

namespace orgward {

Status migrateV3Console(Database &db)
{
    const QStringList statements{
        QStringLiteral("CREATE INDEX usage_events_set_idx ON usage_events (org_key, kind, group_by, "
                       "bucket_width, bucket_start)"),
        QStringLiteral("CREATE INDEX openai_costs_set_idx ON openai_costs (org_key, group_by, bucket_width, "
                       "bucket_start)"),
        QStringLiteral(
            "CREATE INDEX openai_project_api_keys_id_idx ON openai_project_api_keys (org_key, id)"),
        QStringLiteral("CREATE INDEX openai_project_api_keys_project_idx ON openai_project_api_keys "
                       "(org_key, project_id, deleted_at)"),
        QStringLiteral("CREATE INDEX openai_project_members_user_active_idx ON openai_project_members "
                       "(org_key, user_id, removed_at)"),
        QStringLiteral("CREATE INDEX openai_audit_logs_actor_idx ON openai_audit_logs (org_key, actor_id, "
                       "effective_at)"),
        QStringLiteral("CREATE INDEX openai_audit_logs_project_idx ON openai_audit_logs (org_key, "
                       "project_id, effective_at)"),
        QStringLiteral(
            "CREATE INDEX openai_certificates_expiry_idx ON openai_certificates (org_key, expires_at)"),
        QStringLiteral("CREATE INDEX openai_invites_status_idx ON openai_invites (org_key, status)"),
        // Sortable table columns: a sorted block is an index walk that stops after 400 rows.
        QStringLiteral("CREATE INDEX openai_users_name_idx ON openai_users (org_key, name, id)"),
        QStringLiteral("CREATE INDEX openai_users_added_idx ON openai_users (org_key, added_at, id)"),
        QStringLiteral("CREATE INDEX openai_users_role_idx ON openai_users (org_key, role, id)"),
        QStringLiteral(
            "CREATE INDEX openai_project_api_keys_name_idx ON openai_project_api_keys (org_key, name, id)"),
        QStringLiteral("CREATE INDEX openai_project_api_keys_created_idx ON openai_project_api_keys "
                       "(org_key, created_at, id)"),
        QStringLiteral("CREATE INDEX openai_project_api_keys_used_idx ON openai_project_api_keys (org_key, "
                       "last_used_at, id)"),
    };
    for (const QString &s : statements)
        if (auto r = db.run(s); !r) return r;
    return {};
}

} // namespace orgward
