#pragma once
// Console roles. On PostgreSQL the database enforces them (group roles from migration 2, see
// store/migration_v2_roles.h); the console only detects the role to hide or disable what it cannot do.
// On SQLite the local user is the owner, except in auditor mode (file opened read-only).
#include "core/result.h"

#include <QString>

namespace orgward {

class Database;

enum class ConsoleRole
{
    Owner,
    Admin,
    Finance,
    Auditor,
    Reader
};

enum class Capability
{
    Sync,           // write synced tables (sync, import)
    ManageMembers,  // invite/remove users, change project membership (Admin API writes)
    ManageKeys,     // see key metadata tables, rotate/delete keys
    ViewCosts,      // costs and usage
    EditBudgets,    // finance tables (budgets, allocations)
    ViewAuditLog,   // audit log and certificate events
    Export,         // evidence/finance exports
    ManageDatabase, // run migrations, manage connection roles
    RecordReview,   // mark an access review done (a journal entry: needs a writable connection too)
};

QString roleName(ConsoleRole role); // "owner", "admin", …
Result<ConsoleRole> roleFromName(const QString &name);
bool roleAllows(ConsoleRole role, Capability capability);

// The connected user's role. SQLite: Owner, or Auditor when the database is open read-only.
// PostgreSQL: superuser or database/schema owner → Owner; else membership (pg_has_role) of orgward_admin,
// orgward_finance, orgward_auditor, orgward_reader, in that order; a read-only session is at most Auditor;
// a user in none of them is a Reader.
Result<ConsoleRole> detectRole(Database &db);

} // namespace orgward
