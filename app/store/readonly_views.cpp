#include "readonly_views.h"

#include "database.h"
#include "migration_v2_roles.h"

#include <QRegularExpression>
#include <QStringList>

namespace orgward {

namespace {

struct ViewDef
{
    const char *view;
    const char *table;
    const char *columns;
    bool auditOnly = false;
    const char *where = nullptr; // rows the view leaves out
};

// org_key first, then the API's fields in table order, then when Orgward first and last saw the row.
const QList<ViewDef> &viewDefs()
{
    static const QList<ViewDef> defs{
        {"organizations", "organizations",
         "org_key, display_name, openai_org_id, source, snapshot_at, created_at"},
        {"users", "openai_users",
         "org_key, id, name, email, role, added_at, created, is_default, is_service_account, "
         "is_scim_managed, "
         "api_key_last_used_at, technical_level, developer_persona, deleted_at, first_seen_at, updated_at"},
        {"invites", "openai_invites",
         "org_key, id, email, role, status, created_at, expires_at, accepted_at, projects, deleted_at, "
         "first_seen_at, updated_at"},
        {"projects", "openai_projects",
         "org_key, id, name, status, created_at, archived_at, external_key_id, residency, "
         "billing_reference_type, billing_reference_id, deleted_at, first_seen_at, updated_at"},
        {"project_members", "openai_project_members",
         "org_key, project_id, user_id, name, email, role, added_at, removed_at, first_seen_at, updated_at"},
        {"service_accounts", "openai_service_accounts",
         "org_key, project_id, id, name, role, created_at, deleted_at, first_seen_at, updated_at"},
        {"project_rate_limits", "openai_project_rate_limits",
         "org_key, project_id, id, model, max_requests_per_1_minute, max_tokens_per_1_minute, "
         "max_images_per_1_minute, max_audio_megabytes_per_1_minute, max_requests_per_1_day, "
         "batch_1_day_max_input_tokens, deleted_at, first_seen_at, updated_at"},
        {"certificates", "openai_certificates",
         "org_key, id, name, active, created_at, valid_at, expires_at, deleted_at, first_seen_at, "
         "updated_at"},
        {"project_certificates", "openai_project_certificates",
         "org_key, project_id, certificate_id, name, active, created_at, valid_at, expires_at, deleted_at, "
         "first_seen_at, updated_at"},
        {"usage_events", "usage_events",
         "org_key, id, kind, group_by, bucket_width, bucket_start, bucket_end, project_id, user_id, "
         "api_key_id, "
         "model, batch, service_tier, size, source, vector_store_id, context_level, input_tokens, "
         "output_tokens, input_cached_tokens, input_cache_write_tokens, input_uncached_tokens, "
         "input_text_tokens, output_text_tokens, input_cached_text_tokens, input_audio_tokens, "
         "input_cached_audio_tokens, output_audio_tokens, input_image_tokens, input_cached_image_tokens, "
         "output_image_tokens, num_model_requests, images, characters, seconds, usage_bytes, num_sessions, "
         "num_requests, provisional, first_seen_at, updated_at"},
        {"costs", "openai_costs",
         "org_key, id, group_by, bucket_width, bucket_start, bucket_end, project_id, line_item, api_key_id, "
         "amount, currency, quantity, quantity_unit, organization_id, provisional, first_seen_at, "
         "updated_at"},
        // The page tokens (cursors) stay out: not secret, but nothing a reader needs.
        {"sync_runs", "openai_admin_sync_runs",
         "id, org_key, source, dry_run, started_at, finished_at, status, requests, retries, counts, errors, "
         "message"},
        {"audit_logs", "openai_audit_logs",
         "org_key, id, type, effective_at, project_id, project_name, actor_type, actor_id, actor_email, "
         "actor_ip, payload, raw, first_seen_at, updated_at",
         true},
        {"certificate_events", "openai_certificate_events",
         "org_key, id, certificate_id, action, actor_id, occurred_at, metadata, first_seen_at, updated_at",
         true},
        // Migration 11: RBAC, governance and spend controls (an access review reads all of them).
        {"groups", "openai_groups",
         "org_key, id, name, created_at, is_scim_managed, group_type, deleted_at, first_seen_at, updated_at"},
        {"group_users", "openai_group_users",
         "org_key, group_id, user_id, name, email, removed_at, first_seen_at, updated_at"},
        {"group_roles", "openai_group_roles",
         "org_key, group_id, role_id, name, resource_type, predefined_role, permissions, description, "
         "assignment_sources, removed_at, first_seen_at, updated_at"},
        {"roles", "openai_roles",
         "org_key, id, name, description, permissions, resource_type, predefined_role, deleted_at, "
         "first_seen_at, updated_at"},
        {"user_roles", "openai_user_roles",
         "org_key, user_id, role_id, name, resource_type, predefined_role, permissions, description, "
         "assignment_sources, removed_at, first_seen_at, updated_at"},
        {"project_groups", "openai_project_groups",
         "org_key, project_id, group_id, group_name, group_type, created_at, removed_at, first_seen_at, "
         "updated_at"},
        {"project_model_permissions", "openai_project_model_permissions",
         "org_key, project_id, mode, model_ids, deleted_at, first_seen_at, updated_at"},
        {"project_hosted_tool_permissions", "openai_project_hosted_tool_permissions",
         "org_key, project_id, file_search, web_search, image_generation, mcp, code_interpreter, deleted_at, "
         "first_seen_at, updated_at"},
        {"data_retention", "openai_data_retention",
         "org_key, project_id, type, deleted_at, first_seen_at, updated_at"},
        {"spend_alerts", "openai_spend_alerts",
         "org_key, project_id, id, threshold_amount, currency, interval, channel_type, recipients, "
         "subject_prefix, deleted_at, first_seen_at, updated_at"},
        // Migration 12: row history, for auditors; key tables' versions stay out as the key tables do.
        {"history", "orgward_history",
         "org_key, id, entity, row_key, change, valid_from, valid_to, pass_id, data", true,
         "entity NOT IN ('openai_project_api_keys', 'openai_admin_api_keys')"},
        {"spend_limits", "openai_spend_limits",
         "org_key, project_id, threshold_amount, currency, interval, enforcement_status, deleted_at, "
         "first_seen_at, updated_at"},
        // Migration 13: how far back the API's audit log reached on the last full read (audit log readers).
        {"audit_reach", "orgward_audit_reach", "org_key, api_oldest_at, read_at", true},
    };
    return defs;
}

Status replaceView(Database &db, const QString &name, const QString &select, bool auditOnly)
{
    if (auto r = db.run(QStringLiteral("DROP VIEW IF EXISTS openai_admin_readonly.%1").arg(name)); !r)
        return r;
    return addReadonlyView(db, name, select, auditOnly);
}

} // namespace

Result<QString> plainCurrentSchema(Database &db)
{
    auto schema = db.scalar(QStringLiteral("SELECT current_schema()"));
    if (!schema) return schema.error();
    const QString base = schema->toString();
    // Spliced into DDL (identifiers cannot be bound): only a plain lower-case name passes.
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    if (!plain.match(base).hasMatch())
        return err(Error::Code::Database, QStringLiteral("unexpected schema name '%1'").arg(base));
    return base;
}

Status installReadonlyViews(Database &db)
{
    if (!consoleRolesInstalled(db)) return {};
    auto schema = plainCurrentSchema(db);
    if (!schema) return schema.error();
    const QString base = *schema;
    for (const ViewDef &v : viewDefs()) {
        // `db install-roles` runs this on a database at any version: a table a later migration adds gets its
        // view when that migration runs.
        auto exists = db.scalar(QStringLiteral("SELECT to_regclass(?) IS NOT NULL"),
                                {QString(base + u'.' + QString::fromLatin1(v.table))});
        if (!exists) return exists.error();
        if (!exists->toBool()) continue;
        if (auto r = replaceView(
                db, QString::fromLatin1(v.view),
                QStringLiteral("SELECT %1 FROM %2.%3%4")
                    .arg(QString::fromLatin1(v.columns), base, QString::fromLatin1(v.table),
                         v.where ? QStringLiteral(" WHERE ") + QLatin1String(v.where) : QString()),
                v.auditOnly);
            !r)
            return r;
    }
    // Migration 5's member summary, once it exists: project counts, key figures masked (key material).
    auto stats = db.scalar(QStringLiteral("SELECT to_regclass('openai_member_stats') IS NOT NULL"));
    if (!stats) return stats.error();
    if (!stats->toBool()) return {};
    return replaceView(db, QStringLiteral("member_stats"),
                       QStringLiteral("SELECT org_key, user_id, projects, CAST(0 AS BIGINT) AS api_keys, "
                                      "CAST(NULL AS timestamptz) AS last_key_use FROM %1.openai_member_stats")
                           .arg(base),
                       false);
}

} // namespace orgward
