#pragma once
#include "core/result.h"

namespace orgward {
class Database;
// v7: a covering index for one project's costs over a window (the Projects pane's month-to-date column,
// project detail): without project_id in the key, each project's sum scanned every project's cost rows of
// the month (3.5 s for 812 projects at scale 100; 6 ms with it).
Status migrateV7CostIndex(Database &db);
} // namespace orgward
