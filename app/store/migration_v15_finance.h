#pragma once
// Migration 15: finance (issue #15). Tables finance users edit, shared by everyone on one database:
// - orgward_budgets: one row per budget (name unique); org_key '' means every organization in the database.
//   scope is "org", "project:ID", "cost-centre:NAME" or "workload:NAME"; period "month", "quarter", "year" or
//   "custom" with period_from/period_to ([from, to)); thresholds "70,85,95" (percent, ascending).
// - orgward_budget_crossings: each threshold of a budget's period the first time it was seen crossed, so a
//   crossing is reported once however often budgets are evaluated (crossed_on: the UTC day the billed spend
//   reached it; recorded_at: when Orgward first saw it).
// - orgward_allocations: a project's (or service account's, or key's) cost centre and workload.
// - orgward_allocation_rules: project-name patterns that allocate projects without an explicit row.
// - orgward_model_allowlists: the declared model policy per project or workload.
// Finance and admin roles write them; auditors and readers read them (TableClass::Finance).
#include "core/result.h"

namespace orgward {

class Database;

Status migrateV15Finance(Database &db);
// Grants on the finance tables. Also run by `orgward db install-roles`.
Status grantFinanceTables(Database &db);

} // namespace orgward
