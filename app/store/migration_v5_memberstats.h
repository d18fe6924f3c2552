#pragma once
#include "core/result.h"

namespace orgward {
class Database;
// v5: openai_member_stats, one row per org user with the figures the Members pane shows and sorts by
// (active project memberships, active API keys, last key use). Computing them per row made sorting
// 100,000 members by key count a full scan and sort (~0.4 s); as indexed columns a sorted block is an
// index walk. Triggers on users, project members and project keys keep the table exact inside the
// writing transaction, whoever writes (sync, import, tests' plain SQL); their WHEN clauses skip rows a
// re-sync rewrites unchanged, so a steady-state sync pays nothing.
Status migrateV5MemberStats(Database &db);
} // namespace orgward
