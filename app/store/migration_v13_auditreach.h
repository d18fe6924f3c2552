#pragma once
// Migration 13: how far back the API's audit log reached (issue #13). Audit events age out of the API's
// retention window while Orgward keeps every event it stored, so the local copy can reach further back than
// the API does. orgward_audit_reach holds, per organization, what the last sync that read the whole audit
// log (no effective_at filter, to its end) saw: api_oldest_at, the oldest event the API returned (NULL: it
// returned none), and read_at, when that read's last page landed. The sync writes it with that page
// (SyncState::saveAuditReach); compliance/auditreach.h reads it beside the local copy.
#include "core/result.h"

namespace orgward {

class Database;

Status migrateV13AuditReach(Database &db);
// Grants on orgward_audit_reach (admins write it through the sync; finance reads it like the cursors;
// auditors through openai_admin_readonly.audit_reach). Also run by `orgward db install-roles`.
Status grantAuditReach(Database &db);

} // namespace orgward
