#pragma once
#include "core/result.h"

namespace orgward {
class Database;
// v4: indexes that keep the console's 100,000-row tables quick: the sort indexes (again, IF NOT EXISTS:
// databases migrated by an early v3 lack them), covering indexes for the text filter (the scan reads a
// narrow index instead of rows with their raw JSON), and one that answers members' key counts and last key
// use from the index alone.
Status migrateV4Perf(Database &db);
} // namespace orgward
