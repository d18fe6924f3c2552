#include "migration_v11_rbac.h"

#include "database.h"
#include "migration_v2_roles.h"
#include "migrations.h"
#include "readonly_views.h"

namespace orgward {

namespace {

using T = SqlType;

ColumnDef c(const char *n, SqlType t, bool notNull = false, const char *def = nullptr)
{
    return {QString::fromLatin1(n), t, notNull, def ? QString::fromLatin1(def) : QString()};
}

// The bookkeeping every synced table carries around the API's fields. A copy of migration 1's helper on
// purpose: that one is frozen with migration 1, and this one is frozen with migration 11.
TableDef synced(const char *name, QList<ColumnDef> cols, QStringList key)
{
    TableDef t;
    t.name = QString::fromLatin1(name);
    t.columns << c("org_key", T::Text, true);
    t.columns += cols;
    t.columns << c("raw", T::Json) << c("row_hash", T::Text, true) << c("first_seen_at", T::Timestamp, true)
              << c("updated_at", T::Timestamp, true) << c("last_seen_pass", T::Text);
    t.primaryKey = QStringList{QStringLiteral("org_key")} + key;
    return t;
}

QList<ColumnDef> assignedRole(const char *principal)
{
    return {c(principal, T::Text, true), c("role_id", T::Text, true),      c("name", T::Text),
            c("resource_type", T::Text), c("predefined_role", T::Bool),    c("permissions", T::Json),
            c("description", T::Text),   c("assignment_sources", T::Json), c("removed_at", T::Timestamp)};
}

QList<TableDef> tables()
{
    const QStringList id{QStringLiteral("id")};
    const QStringList project{QStringLiteral("project_id")};
    QList<TableDef> t;
    t << synced("openai_groups",
                {c("id", T::Text, true), c("name", T::Text), c("created_at", T::Timestamp),
                 c("is_scim_managed", T::Bool), c("group_type", T::Text), c("deleted_at", T::Timestamp)},
                id);
    t << synced("openai_group_users",
                {c("group_id", T::Text, true), c("user_id", T::Text, true), c("name", T::Text),
                 c("email", T::Text), c("removed_at", T::Timestamp)},
                {QStringLiteral("group_id"), QStringLiteral("user_id")});
    t << synced("openai_group_roles", assignedRole("group_id"),
                {QStringLiteral("group_id"), QStringLiteral("role_id")});
    t << synced("openai_roles",
                {c("id", T::Text, true), c("name", T::Text), c("description", T::Text),
                 c("permissions", T::Json), c("resource_type", T::Text), c("predefined_role", T::Bool),
                 c("deleted_at", T::Timestamp)},
                id);
    t << synced("openai_user_roles", assignedRole("user_id"),
                {QStringLiteral("user_id"), QStringLiteral("role_id")});
    t << synced("openai_project_groups",
                {c("project_id", T::Text, true), c("group_id", T::Text, true), c("group_name", T::Text),
                 c("group_type", T::Text), c("created_at", T::Timestamp), c("removed_at", T::Timestamp)},
                {QStringLiteral("project_id"), QStringLiteral("group_id")});
    t << synced("openai_project_model_permissions",
                {c("project_id", T::Text, true), c("mode", T::Text), c("model_ids", T::Json),
                 c("deleted_at", T::Timestamp)},
                project);
    t << synced("openai_project_hosted_tool_permissions",
                {c("project_id", T::Text, true), c("file_search", T::Bool), c("web_search", T::Bool),
                 c("image_generation", T::Bool), c("mcp", T::Bool), c("code_interpreter", T::Bool),
                 c("deleted_at", T::Timestamp)},
                project);
    t << synced("openai_data_retention",
                {c("project_id", T::Text, true, "''"), c("type", T::Text), c("deleted_at", T::Timestamp)},
                project);
    t << synced("openai_spend_alerts",
                {c("project_id", T::Text, true, "''"), c("id", T::Text, true),
                 c("threshold_amount", T::BigInt), c("currency", T::Text), c("interval", T::Text),
                 c("channel_type", T::Text), c("recipients", T::Json), c("subject_prefix", T::Text),
                 c("deleted_at", T::Timestamp)},
                {QStringLiteral("project_id"), QStringLiteral("id")});
    t << synced("openai_spend_limits",
                {c("project_id", T::Text, true, "''"), c("threshold_amount", T::BigInt),
                 c("currency", T::Text), c("interval", T::Text), c("enforcement_status", T::Text),
                 c("deleted_at", T::Timestamp)},
                project);
    return t;
}

} // namespace

QStringList rbacTables()
{
    QStringList out;
    for (const TableDef &t : tables())
        out << t.name;
    return out;
}

Status grantRbacTables(Database &db)
{
    for (const QString &t : rbacTables())
        if (auto r = grantTable(db, t, TableClass::Synced); !r) return r;
    return {};
}

Status migrateV11Rbac(Database &db)
{
    const bool pg = db.isPostgres();
    QStringList s;
    for (const TableDef &t : tables())
        s << Migrations::render(t, pg).replace(QStringLiteral("CREATE TABLE "),
                                               QStringLiteral("CREATE TABLE IF NOT EXISTS "));
    // Who is in a group, and which groups and roles a user holds: the access review reads by user.
    s << QStringLiteral("CREATE INDEX IF NOT EXISTS openai_group_users_user_idx ON openai_group_users "
                        "(org_key, user_id)")
      << QStringLiteral("CREATE INDEX IF NOT EXISTS openai_project_groups_group_idx ON openai_project_groups "
                        "(org_key, group_id)")
      << QStringLiteral("CREATE INDEX IF NOT EXISTS openai_group_roles_role_idx ON openai_group_roles "
                        "(org_key, role_id)")
      << QStringLiteral("CREATE INDEX IF NOT EXISTS openai_user_roles_role_idx ON openai_user_roles "
                        "(org_key, role_id)");
    for (const QString &statement : std::as_const(s))
        if (auto r = db.run(statement); !r) return r;
    if (auto r = grantRbacTables(db); !r) return r;
    return installReadonlyViews(db);
}

} // namespace orgward
