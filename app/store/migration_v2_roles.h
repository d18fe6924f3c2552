#pragma once
// Migration 2: database-enforced console roles on PostgreSQL (a no-op on SQLite, where the local user owns
// the file and "auditor mode" is a read-only open).
//
// Group roles (cluster-wide, NOLOGIN, created if missing): orgward_admin, orgward_finance, orgward_auditor,
// orgward_reader. Log-in roles join them: CREATE ROLE alice LOGIN IN ROLE orgward_finance.
// - admin:   read and write every Orgward table (runs sync and imports).
// - finance: reads everything except key tables; writes only finance tables (budgets, … from later
// migrations).
// - auditor: no base tables at all; SELECT on the read-only view set in schema openai_admin_readonly, which
//            excludes key material (openai_admin_api_keys, openai_project_api_keys, service-account keys).
// - reader:  like auditor, minus the audit log views (analytics).
//
// Later migrations that add tables must call grantTable() for each (and addReadonlyView() when auditors
// should see it); both are no-ops on SQLite.
#include "core/result.h"

#include <QString>

namespace orgward {

class Database;

enum class TableClass
{
    Synced,      // data from the Admin API (users, projects, usage, costs, …)
    KeyMaterial, // key metadata tables: admin and project API keys
    Audit,       // audit logs, certificate events
    Finance,     // tables finance users edit (budgets, allocations, …)
    Bookkeeping, // sync cursors, runs, schema_migrations, organizations
};

// Grants on one table to the four group roles according to its class. Idempotent.
Status grantTable(Database &db, const QString &table, TableClass cls);
// CREATE OR REPLACE VIEW openai_admin_readonly.<name> AS <select>, readable by auditors (and readers unless
// auditOnly). The select must not expose key material.
Status addReadonlyView(Database &db, const QString &name, const QString &select, bool auditOnly = false);

// True on PostgreSQL when the four group roles exist. Without them (an owner lacking CREATEROLE), the
// migration and the grant helpers skip quietly and every connection is its own owner.
bool consoleRolesInstalled(Database &db);

// The migration body. Also `orgward db install-roles` (run by a superuser later); re-running is harmless.
Status migrateV2Roles(Database &db);

} // namespace orgward
