#include "migration_v2_roles.h"

#include "core/logging.h"
#include "database.h"
#include "readonly_views.h"

#include <QStringList>

namespace orgward {

namespace {

const QStringList &groupRoles()
{
    static const QStringList r{QStringLiteral("orgward_admin"), QStringLiteral("orgward_finance"),
                               QStringLiteral("orgward_auditor"), QStringLiteral("orgward_reader")};
    return r;
}

// Identifiers here come from this file, never from users; still, refuse anything that is not a plain name.
bool plainIdentifier(const QString &s)
{
    if (s.isEmpty() || s.size() > 63) return false;
    for (QChar ch : s)
        if (!(ch.isLetterOrNumber() || ch == u'_') || ch.unicode() > 127) return false;
    return !s.front().isDigit();
}

Status runAll(Database &db, const QStringList &statements)
{
    for (const QString &s : statements)
        if (auto r = db.run(s); !r) return r;
    return {};
}

const QString kViewSchema = QStringLiteral("openai_admin_readonly");

// How many of the four group roles exist (cluster-wide).
int existingGroupRoles(Database &db)
{
    auto n = db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM pg_roles WHERE rolname IN ('orgward_admin', 'orgward_finance', "
                       "'orgward_auditor', 'orgward_reader')"));
    return n ? n->toInt() : 0;
}

} // namespace

bool consoleRolesInstalled(Database &db)
{
    return db.isPostgres() && existingGroupRoles(db) == 4;
}

Status grantTable(Database &db, const QString &table, TableClass cls)
{
    if (!consoleRolesInstalled(db)) return {}; // SQLite, or a PostgreSQL owner who may not create roles
    if (!plainIdentifier(table))
        return err(Error::Code::Usage,
                   QStringLiteral("grantTable: '%1' is not a plain table name").arg(table));
    QStringList s{QStringLiteral("REVOKE ALL ON %1 FROM PUBLIC").arg(table),
                  QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON %1 TO orgward_admin").arg(table)};
    switch (cls) {
    case TableClass::Synced:
        s << QStringLiteral("GRANT SELECT ON %1 TO orgward_finance").arg(table);
        break;
    case TableClass::KeyMaterial:
    case TableClass::Audit:
        break; // admins only; auditors read audit data through the views
    case TableClass::Finance:
        s << QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON %1 TO orgward_finance").arg(table)
          // Budgets, allocations and policies are no secret: auditors and readers see what finance decided.
          << QStringLiteral("GRANT SELECT ON %1 TO orgward_auditor, orgward_reader").arg(table);
        break;
    case TableClass::Bookkeeping:
        s << QStringLiteral("GRANT SELECT ON %1 TO orgward_finance").arg(table);
        break;
    }
    return runAll(db, s);
}

Status addReadonlyView(Database &db, const QString &name, const QString &select, bool auditOnly)
{
    if (!consoleRolesInstalled(db)) return {};
    if (!plainIdentifier(name))
        return err(Error::Code::Usage, QStringLiteral("addReadonlyView: '%1' is not a plain name").arg(name));
    const QString view = kViewSchema + u'.' + name;
    QStringList s{
        QStringLiteral("CREATE OR REPLACE VIEW %1 AS %2").arg(view, select),
        QStringLiteral("REVOKE ALL ON %1 FROM PUBLIC").arg(view),
        QStringLiteral("GRANT SELECT ON %1 TO orgward_admin, orgward_finance, orgward_auditor").arg(view)};
    if (!auditOnly) s << QStringLiteral("GRANT SELECT ON %1 TO orgward_reader").arg(view);
    return runAll(db, s);
}

Status migrateV2Roles(Database &db)
{
    if (!db.isPostgres()) return {}; // SQLite: the file's owner is the owner; nothing to create

    // Roles are cluster-wide and several databases may migrate at once: create-if-missing, tolerating a race.
    // An owner without CREATEROLE (common on managed servers) cannot create them: the database still opens,
    // without database-enforced roles, and a superuser can install them later (orgward db install-roles).
    if (existingGroupRoles(db) < 4) {
        auto may = db.scalar(
            QStringLiteral("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"));
        if (!may) return may.error();
        if (!may->toBool()) {
            qCWarning(lcStore)
                << "console roles not installed on" << db.describe()
                << ": the user may not create roles; a superuser can run 'orgward db install-roles'";
            return {};
        }
    }
    QStringList s;
    for (const QString &r : groupRoles())
        s << QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1') THEN "
                            "CREATE ROLE %1 NOLOGIN; END IF; EXCEPTION WHEN duplicate_object OR "
                            "unique_violation THEN NULL; END $$")
                 .arg(r);
    auto schema = db.scalar(QStringLiteral("SELECT current_schema()"));
    if (!schema) return schema.error();
    const QString base = schema->toString();
    if (!plainIdentifier(base))
        return err(Error::Code::Database, QStringLiteral("unexpected schema name '%1'").arg(base));
    s << QStringLiteral(
             "GRANT USAGE ON SCHEMA %1 TO orgward_admin, orgward_finance, orgward_auditor, orgward_reader")
             .arg(base)
      << QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(kViewSchema)
      << QStringLiteral("REVOKE ALL ON SCHEMA %1 FROM PUBLIC").arg(kViewSchema)
      << QStringLiteral(
             "GRANT USAGE ON SCHEMA %1 TO orgward_admin, orgward_finance, orgward_auditor, orgward_reader")
             .arg(kViewSchema);
    if (auto r = runAll(db, s); !r) return r;

    const QList<QPair<const char *, TableClass>> tables{
        {"organizations", TableClass::Bookkeeping},
        {"openai_users", TableClass::Synced},
        {"openai_invites", TableClass::Synced},
        {"openai_projects", TableClass::Synced},
        {"openai_project_members", TableClass::Synced},
        {"openai_service_accounts", TableClass::Synced},
        {"openai_project_api_keys", TableClass::KeyMaterial},
        {"openai_project_rate_limits", TableClass::Synced},
        {"openai_certificates", TableClass::Synced},
        {"openai_project_certificates", TableClass::Synced},
        {"openai_admin_api_keys", TableClass::KeyMaterial},
        {"openai_service_account_keys", TableClass::KeyMaterial}, // a view over project keys
        {"openai_audit_logs", TableClass::Audit},
        {"openai_certificate_events", TableClass::Audit},
        {"usage_events", TableClass::Synced},
        {"openai_costs", TableClass::Synced},
        {"openai_admin_cursors", TableClass::Bookkeeping},
        {"openai_admin_sync_runs", TableClass::Bookkeeping},
    };
    for (const auto &[t, cls] : tables)
        if (auto r = grantTable(db, QString::fromLatin1(t), cls); !r) return r;
    // Everyone may see the schema version: opening a database checks it before doing anything else.
    if (auto r = db.run(QStringLiteral("GRANT SELECT ON schema_migrations TO orgward_admin, orgward_finance, "
                                       "orgward_auditor, orgward_reader"));
        !r)
        return r;

    // The read-only view set (the seed's openai_admin_readonly): everything an auditor or an analytics
    // user needs, without the key tables (admin keys, project keys, service-account keys). Written here as
    // `SELECT *` until migration 8 named every column; this body is also `orgward db install-roles`, so it
    // installs today's set (readonly_views.h), never an older one.
    return installReadonlyViews(db);
}

} // namespace orgward
