#pragma once
// Migration 9: the journal's table (compliance/journal.h): orgward_journal, append-only on both engines.
// - SQLite: triggers abort every UPDATE and DELETE.
// - PostgreSQL: a trigger rejects UPDATE, DELETE and TRUNCATE for every role, the owner included; the four
//   console group roles get SELECT and INSERT only (every role records its exports and reports).
#include "core/result.h"

namespace orgward {

class Database;

Status migrateV9Journal(Database &db);
// SELECT and INSERT for the four console roles (when installed); also run by `orgward db install-roles`.
Status grantJournal(Database &db);

} // namespace orgward
