#pragma once
// Migration 8: the schema resists a role that may log in but should not shape what Orgward runs.
// - PostgreSQL (CVE-2018-1058 pattern): nobody but the owner may create objects in Orgward's schema
//   (REVOKE CREATE … FROM PUBLIC; the default up to PostgreSQL 14 let every role create there), and every
//   Orgward function runs with a fixed search_path (pg_catalog, the schema, pg_temp last), so a function or
//   operator someone planted elsewhere is never picked instead of the one meant.
// - The read-only views name their columns (readonly_views.h) instead of SELECT *, and leave out raw.
// SQLite: nothing (the file's owner is the only user).
//
// The group roles (orgward_admin, orgward_finance, orgward_auditor, orgward_reader) are cluster-wide:
// one set for every database on the server. Membership granted for one Orgward database applies to every
// other Orgward database on the same server.
#include "core/result.h"

namespace orgward {

class Database;

Status migrateV8Hardening(Database &db);

} // namespace orgward
