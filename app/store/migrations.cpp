#include "migrations.h"

#include "core/clock.h"
#include "core/logging.h"
#include "database.h"
#include "migration_v10_nullablecost.h"
#include "migration_v11_rbac.h"
#include "migration_v12_history.h"
#include "migration_v13_auditreach.h"
#include "migration_v14_historyindex.h"
#include "migration_v15_finance.h"
#include "migration_v2_roles.h"
#include "migration_v3_console.h"
#include "migration_v4_perf.h"
#include "migration_v5_memberstats.h"
#include "migration_v6_bucketids.h"
#include "migration_v7_costindex.h"
#include "migration_v8_hardening.h"
#include "migration_v9_journal.h"

namespace orgward {

QString Migrations::typeName(SqlType t, bool pg)
{
    switch (t) {
    case SqlType::Text:
        return QStringLiteral("TEXT");
    case SqlType::BigInt:
        return pg ? QStringLiteral("BIGINT") : QStringLiteral("INTEGER");
    case SqlType::Timestamp:
        return pg ? QStringLiteral("TIMESTAMPTZ") : QStringLiteral("INTEGER"); // SQLite: Unix s
    case SqlType::Bool:
        return pg ? QStringLiteral("BOOLEAN") : QStringLiteral("INTEGER");
    case SqlType::Json:
        return pg ? QStringLiteral("JSONB") : QStringLiteral("TEXT");
    case SqlType::Money:
        return pg ? QStringLiteral("NUMERIC(38,18)") : QStringLiteral("TEXT"); // canonical decimal
    }
    return {};
}

QString Migrations::render(const TableDef &t, bool pg)
{
    QStringList parts;
    for (const ColumnDef &c : t.columns) {
        QString s = c.name + u' ' + typeName(c.type, pg);
        if (c.notNull) s += QStringLiteral(" NOT NULL");
        if (!c.defaultSql.isEmpty()) {
            QString def = c.defaultSql;
            if (c.type == SqlType::Bool && pg)
                def = def == u"0" ? QStringLiteral("false") : QStringLiteral("true");
            s += QStringLiteral(" DEFAULT ") + def;
        }
        parts << s;
    }
    if (!t.primaryKey.isEmpty())
        parts << QStringLiteral("PRIMARY KEY (%1)").arg(t.primaryKey.join(QStringLiteral(", ")));
    for (const QStringList &u : t.uniques)
        parts << QStringLiteral("UNIQUE (%1)").arg(u.join(QStringLiteral(", ")));
    return QStringLiteral("CREATE TABLE %1 (\n  %2\n)").arg(t.name, parts.join(QStringLiteral(",\n  ")));
}

namespace {

using T = SqlType;
ColumnDef c(const char *n, SqlType t, bool nn = false, const char *def = nullptr)
{
    return {QString::fromLatin1(n), t, nn, def ? QString::fromLatin1(def) : QString()};
}

// v1: frozen. Synced tables carry the organization and bookkeeping columns around the API's fields.
TableDef synced(const char *name, QList<ColumnDef> cols, QStringList key, QList<QStringList> uniques = {})
{
    TableDef t;
    t.name = QString::fromLatin1(name);
    t.columns << c("org_key", T::Text, true);
    t.columns += cols;
    t.columns << c("raw", T::Json) << c("row_hash", T::Text, true) << c("first_seen_at", T::Timestamp, true)
              << c("updated_at", T::Timestamp, true) << c("last_seen_pass", T::Text);
    t.primaryKey = QStringList{QStringLiteral("org_key")} + key;
    t.uniques = uniques;
    return t;
}

QList<ColumnDef> usageColumns()
{
    QList<ColumnDef> u{c("id", T::Text, true),
                       c("kind", T::Text, true),
                       c("group_by", T::Text, true),
                       c("bucket_width", T::Text, true),
                       c("bucket_start", T::Timestamp, true),
                       c("bucket_end", T::Timestamp, true),
                       c("project_id", T::Text),
                       c("user_id", T::Text),
                       c("api_key_id", T::Text),
                       c("model", T::Text),
                       c("batch", T::Bool),
                       c("service_tier", T::Text),
                       c("size", T::Text),
                       c("source", T::Text),
                       c("vector_store_id", T::Text),
                       c("context_level", T::Text)};
    for (const char *m : {"input_tokens",
                          "output_tokens",
                          "input_cached_tokens",
                          "input_cache_write_tokens",
                          "input_uncached_tokens",
                          "input_text_tokens",
                          "output_text_tokens",
                          "input_cached_text_tokens",
                          "input_audio_tokens",
                          "input_cached_audio_tokens",
                          "output_audio_tokens",
                          "input_image_tokens",
                          "input_cached_image_tokens",
                          "output_image_tokens",
                          "num_model_requests",
                          "images",
                          "characters",
                          "seconds",
                          "usage_bytes",
                          "num_sessions",
                          "num_requests"})
        u << c(m, T::BigInt);
    u << c("provisional", T::Bool, true, "0");
    return u;
}

QList<TableDef> v1Tables()
{
    const QStringList id{QStringLiteral("id")};
    QList<TableDef> t;
    t << TableDef{QStringLiteral("organizations"),
                  {c("org_key", T::Text, true), c("display_name", T::Text, true), c("openai_org_id", T::Text),
                   c("source", T::Text, true), c("snapshot_at", T::Timestamp),
                   c("created_at", T::Timestamp, true)},
                  {QStringLiteral("org_key")},
                  {}};
    t << synced("openai_users",
                {c("id", T::Text, true), c("name", T::Text), c("email", T::Text), c("role", T::Text),
                 c("added_at", T::Timestamp), c("created", T::Timestamp), c("is_default", T::Bool),
                 c("is_service_account", T::Bool), c("is_scim_managed", T::Bool),
                 c("api_key_last_used_at", T::Timestamp), c("technical_level", T::Text),
                 c("developer_persona", T::Text), c("deleted_at", T::Timestamp)},
                id);
    t << synced("openai_invites",
                {c("id", T::Text, true), c("email", T::Text), c("role", T::Text), c("status", T::Text),
                 c("created_at", T::Timestamp), c("expires_at", T::Timestamp), c("accepted_at", T::Timestamp),
                 c("projects", T::Json), c("deleted_at", T::Timestamp)},
                id);
    t << synced("openai_projects",
                {c("id", T::Text, true), c("name", T::Text), c("status", T::Text),
                 c("created_at", T::Timestamp), c("archived_at", T::Timestamp), c("external_key_id", T::Text),
                 c("residency", T::Text), c("billing_reference_type", T::Text),
                 c("billing_reference_id", T::Text), c("deleted_at", T::Timestamp)},
                id);
    t << synced("openai_project_members",
                {c("project_id", T::Text, true), c("user_id", T::Text, true), c("name", T::Text),
                 c("email", T::Text), c("role", T::Text), c("added_at", T::Timestamp),
                 c("removed_at", T::Timestamp)},
                {QStringLiteral("project_id"), QStringLiteral("user_id")});
    t << synced("openai_service_accounts",
                {c("project_id", T::Text, true), c("id", T::Text, true), c("name", T::Text),
                 c("role", T::Text), c("created_at", T::Timestamp), c("deleted_at", T::Timestamp)},
                {QStringLiteral("project_id"), QStringLiteral("id")});
    t << synced("openai_project_api_keys",
                {c("project_id", T::Text, true), c("id", T::Text, true), c("name", T::Text),
                 c("redacted_value", T::Text), c("created_at", T::Timestamp), c("last_used_at", T::Timestamp),
                 c("owner_type", T::Text), c("owner_id", T::Text), c("owner_name", T::Text),
                 c("owner_email", T::Text), c("owner_role", T::Text), c("owner_project_access", T::Text),
                 c("deleted_at", T::Timestamp)},
                {QStringLiteral("project_id"), QStringLiteral("id")});
    t << synced("openai_project_rate_limits",
                {c("project_id", T::Text, true), c("id", T::Text, true), c("model", T::Text, true),
                 c("max_requests_per_1_minute", T::BigInt), c("max_tokens_per_1_minute", T::BigInt),
                 c("max_images_per_1_minute", T::BigInt), c("max_audio_megabytes_per_1_minute", T::BigInt),
                 c("max_requests_per_1_day", T::BigInt), c("batch_1_day_max_input_tokens", T::BigInt),
                 c("deleted_at", T::Timestamp)},
                {QStringLiteral("project_id"), QStringLiteral("id")});
    t << synced("openai_certificates",
                {c("id", T::Text, true), c("name", T::Text), c("active", T::Bool),
                 c("created_at", T::Timestamp), c("valid_at", T::Timestamp), c("expires_at", T::Timestamp),
                 c("deleted_at", T::Timestamp)},
                id);
    t << synced("openai_project_certificates",
                {c("project_id", T::Text, true), c("certificate_id", T::Text, true), c("name", T::Text),
                 c("active", T::Bool), c("created_at", T::Timestamp), c("valid_at", T::Timestamp),
                 c("expires_at", T::Timestamp), c("deleted_at", T::Timestamp)},
                {QStringLiteral("project_id"), QStringLiteral("certificate_id")});
    t << synced("openai_admin_api_keys",
                {c("id", T::Text, true), c("name", T::Text), c("redacted_value", T::Text),
                 c("created_at", T::Timestamp), c("expires_at", T::Timestamp),
                 c("last_used_at", T::Timestamp), c("owner_type", T::Text), c("owner_id", T::Text),
                 c("owner_name", T::Text), c("owner_role", T::Text), c("deleted_at", T::Timestamp)},
                id);
    t << synced("openai_audit_logs",
                {c("id", T::Text, true), c("type", T::Text, true), c("effective_at", T::Timestamp, true),
                 c("project_id", T::Text), c("project_name", T::Text), c("actor_type", T::Text),
                 c("actor_id", T::Text), c("actor_email", T::Text), c("actor_ip", T::Text),
                 c("payload", T::Json)},
                id);
    t << synced("openai_certificate_events",
                {c("id", T::Text, true), c("certificate_id", T::Text, true), c("action", T::Text, true),
                 c("actor_id", T::Text), c("occurred_at", T::Timestamp, true), c("metadata", T::Json)},
                id);
    t << synced("usage_events", usageColumns(), id);
    t << synced("openai_costs",
                {c("id", T::Text, true), c("group_by", T::Text, true), c("bucket_width", T::Text, true),
                 c("bucket_start", T::Timestamp, true), c("bucket_end", T::Timestamp, true),
                 c("project_id", T::Text), c("line_item", T::Text), c("api_key_id", T::Text),
                 c("amount", T::Money, true), c("currency", T::Text), c("quantity", T::Money),
                 c("quantity_unit", T::Text), c("organization_id", T::Text),
                 c("provisional", T::Bool, true, "0")},
                id);
    t << TableDef{QStringLiteral("openai_admin_cursors"),
                  {c("org_key", T::Text, true), c("endpoint", T::Text, true), c("next_page", T::Text),
                   c("version", T::BigInt, true, "1"), c("pass_id", T::Text),
                   c("last_synced_at", T::Timestamp), c("window_start", T::Timestamp),
                   c("window_end", T::Timestamp), c("error_count", T::BigInt, true, "0"),
                   c("last_error", T::Text)},
                  {QStringLiteral("org_key"), QStringLiteral("endpoint")},
                  {}};
    t << TableDef{QStringLiteral("openai_admin_sync_runs"),
                  {c("id", T::Text, true), c("org_key", T::Text, true), c("source", T::Text, true),
                   c("dry_run", T::Bool, true, "0"), c("started_at", T::Timestamp, true),
                   c("finished_at", T::Timestamp), c("status", T::Text, true),
                   c("requests", T::BigInt, true, "0"), c("retries", T::BigInt, true, "0"),
                   c("counts", T::Json), c("errors", T::Json), c("cursors", T::Json), c("message", T::Text)},
                  {QStringLiteral("id")},
                  {}};
    return t;
}

Status createTables(Database &db, const QList<TableDef> &tables)
{
    for (const TableDef &t : tables)
        if (auto r = db.run(Migrations::render(t, db.isPostgres())); !r) return r;
    return {};
}

Status runAll(Database &db, const QStringList &statements)
{
    for (const QString &s : statements)
        if (auto r = db.run(s); !r) return r;
    return {};
}

Status migrateV1(Database &db)
{
    if (auto r = createTables(db, v1Tables()); !r) return r;
    const bool pg = db.isPostgres();
    const QString falseLit = pg ? QStringLiteral("false") : QStringLiteral("0");
    QStringList s{
        // The seed's replay-safe bucket index, widened by org, kind, group_by and width: rows fetched with
        // different group_by sets describe the same traffic and must never collide or be added together.
        QStringLiteral(
            "CREATE UNIQUE INDEX usage_admin_bucket_idx ON usage_events (org_key, kind, group_by, "
            "bucket_width, "
            "bucket_start, COALESCE(project_id, ''), COALESCE(user_id, ''), COALESCE(api_key_id, ''), "
            "COALESCE(model, ''), COALESCE(batch, %1), COALESCE(service_tier, ''), COALESCE(size, ''), "
            "COALESCE(source, ''), COALESCE(vector_store_id, ''), COALESCE(context_level, ''), id)")
            .arg(falseLit),
        QStringLiteral(
            "CREATE INDEX usage_events_time_idx ON usage_events (org_key, kind, group_by, bucket_start)"),
        QStringLiteral(
            "CREATE INDEX openai_costs_time_idx ON openai_costs (org_key, group_by, bucket_start)"),
        QStringLiteral("CREATE INDEX openai_users_email_idx ON openai_users (org_key, email)"),
        QStringLiteral(
            "CREATE INDEX openai_audit_logs_time_idx ON openai_audit_logs (org_key, effective_at)"),
        QStringLiteral("CREATE INDEX openai_audit_logs_type_idx ON openai_audit_logs (org_key, type)"),
        QStringLiteral(
            "CREATE INDEX openai_project_api_keys_owner_idx ON openai_project_api_keys (org_key, owner_id)"),
        QStringLiteral(
            "CREATE INDEX openai_project_members_user_idx ON openai_project_members (org_key, user_id)"),
        QStringLiteral("CREATE INDEX openai_certificate_events_cert_idx ON openai_certificate_events "
                       "(org_key, certificate_id)"),
        QStringLiteral(
            "CREATE INDEX openai_admin_sync_runs_org_idx ON openai_admin_sync_runs (org_key, started_at)"),
        // The seed's service-account key table, as a view over the keys the API reports with a
        // service-account owner.
        QStringLiteral(
            "CREATE VIEW openai_service_account_keys AS SELECT org_key, id, project_id, owner_id AS "
            "service_account_id, "
            "name, redacted_value, created_at, last_used_at, deleted_at FROM openai_project_api_keys "
            "WHERE owner_type = 'service_account'"),
    };
    return runAll(db, s);
}

} // namespace

const QList<Migration> &Migrations::all()
{
    static const QList<Migration> list{
        {1, QStringLiteral("admin api tables"), migrateV1},
        {2, QStringLiteral("console roles"), migrateV2Roles},
        {3, QStringLiteral("console indexes"), migrateV3Console},
        {4, QStringLiteral("console performance indexes"), migrateV4Perf},
        {5, QStringLiteral("member summary"), migrateV5MemberStats},
        {6, QStringLiteral("time-ordered usage and cost ids"), migrateV6BucketIds},
        {7, QStringLiteral("project cost index"), migrateV7CostIndex},
        {8, QStringLiteral("fixed search_path, no CREATE for PUBLIC, named view columns"),
         migrateV8Hardening},
        {9, QStringLiteral("tamper-evident journal"), migrateV9Journal},
        {10, QStringLiteral("costs without an amount"), migrateV10NullableCost},
        {11, QStringLiteral("groups, roles, permissions, data retention and spend controls"), migrateV11Rbac},
        {12, QStringLiteral("row history"), migrateV12History},
        {13, QStringLiteral("audit log reach"), migrateV13AuditReach},
        {14, QStringLiteral("row history by entity and time"), migrateV14HistoryIndex},
        {15, QStringLiteral("budgets, allocations and model policy"), migrateV15Finance},
    };
    return list;
}

int Migrations::latestVersion()
{
    return all().last().version;
}

Result<int> Migrations::currentVersion(Database &db)
{
    const QString exists =
        db.isPostgres()
            ? QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                             "current_schema() AND table_name = 'schema_migrations'")
            : QStringLiteral(
                  "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
    auto n = db.scalar(exists);
    if (!n) return n.error();
    if (n->toInt() == 0) return 0;
    auto v = db.scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    if (!v) return v.error();
    return v->toInt();
}

Status Migrations::apply(Database &db)
{
    const bool pg = db.isPostgres();
    // Up to date: touch nothing. Non-owner PostgreSQL roles (finance, auditor, …) may not create tables,
    // not even with IF NOT EXISTS, but can read schema_migrations (granted by migration 2).
    if (auto cur = currentVersion(db); cur && *cur == latestVersion()) return {};
    if (auto r = db.begin(); !r) return r;
    // Two processes opening one PostgreSQL database at once: the second waits for the first's migrations.
    if (pg) {
        if (auto r = db.run(QStringLiteral("SELECT pg_advisory_xact_lock(7142023)")); !r) {
            db.rollback();
            return r;
        }
    }
    auto fail = [&db](const Status &s) {
        db.rollback();
        return s;
    };
    if (auto r = db.run(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version %1 PRIMARY "
                                       "KEY, name TEXT NOT NULL, applied_at %2 NOT NULL)")
                            .arg(typeName(SqlType::BigInt, pg), typeName(SqlType::Timestamp, pg)));
        !r)
        return fail(r);
    auto current = currentVersion(db);
    if (!current) return fail(current.error());
    if (*current > latestVersion()) {
        db.rollback();
        return err(Error::Code::Database,
                   QStringLiteral("database %1 has schema version %2, newer than this Orgward (%3). "
                                  "Upgrade Orgward before opening it.")
                       .arg(db.describe())
                       .arg(*current)
                       .arg(latestVersion()));
    }
    for (const Migration &m : all()) {
        if (m.version <= *current) continue;
        qCInfo(lcStore) << "applying migration" << m.version << m.name << "to" << db.describe();
        if (auto r = m.apply(db); !r)
            return fail(err(
                Error::Code::Database,
                QStringLiteral("migration %1 (%2) failed: %3").arg(m.version).arg(m.name, r.errorMessage())));
        if (auto r = db.run(
                QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
                {m.version, m.name, db.bindTimestamp(Clock::nowSecs())});
            !r)
            return fail(r);
    }
    return db.commit();
}

} // namespace orgward
