#pragma once
// Migration 10: openai_costs.amount may be NULL. The spec's CostsResult requires only `object`, so a
// result without `amount` (or without `amount.value`) is valid and must be stored, not refused; sums skip
// NULL on both engines (dec_sum, SUM).
#include "core/result.h"

namespace orgward {

class Database;

Status migrateV10NullableCost(Database &db);

} // namespace orgward
