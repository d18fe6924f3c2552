#pragma once
// Where the console reads each table from, for the connected role. On PostgreSQL the finance, auditor and
// reader roles may not read most base tables: they read the read-only views of migration 2
// (openai_admin_readonly.*), and tables their role may not see at all (key material; the audit log for
// roles without ViewAuditLog; sync cursors for auditors and readers) read as empty relations of the same
// row type, so every pane's SQL still runs and the console hides what would show them.
#include "core/result.h"
#include "security/roles.h"

#include <QHash>
#include <QString>

namespace orgward {

class Database;

// The FROM-clause source of `table` for `role` on PostgreSQL: the table itself, a view, or a derived table
// (starts with '(' and needs an alias). Owner and admin (and every SQLite user) read the tables.
QString sourceTable(ConsoleRole role, const QString &table);

// Rewrites every table reference of a statement for `role` (aliasing derived tables where the statement
// gives no alias). Table names inside quotes or qualified by a schema are left alone.
QString rewriteForRole(ConsoleRole role, const QString &sql);

// Installs (or removes) the statement rewriter on the connection for the role. Does nothing on SQLite, for
// owners and admins, and when the view schema does not exist (roles not installed: the grants decide).
// Returns whether reads are now redirected.
Result<bool> applyRoleSources(Database &db, ConsoleRole role);

} // namespace orgward
