#pragma once
// The read-only view set in schema openai_admin_readonly (PostgreSQL), read by the finance, auditor and
// reader roles (see migration_v2_roles.h). Every view names its columns: a column added to a base table,
// or a field the Admin API starts to send, reaches these readers only when someone adds it here (in a new
// migration that calls installReadonlyViews again).
//
// Left out everywhere: row_hash and last_seen_pass (the sync's bookkeeping) and raw, the object exactly
// as received, which carries every field the API sends, reviewed or not. One exception: audit_logs keeps
// raw, because the audit event as received is the evidence an auditor reads (the Audit log pane shows
// COALESCE(raw, payload)); that view is for auditors only, never readers.
#include "core/result.h"

namespace orgward {

class Database;

// Drops and recreates every view (a view's column list cannot shrink in place) with its grants. A no-op
// without the console roles. Idempotent; `orgward db install-roles` runs it again through migration 2.
Status installReadonlyViews(Database &db);
// The connection's current schema, refused unless it is a plain identifier (it is spliced into DDL).
Result<QString> plainCurrentSchema(Database &db);

} // namespace orgward
