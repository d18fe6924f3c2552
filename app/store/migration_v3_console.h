#pragma once
#include "core/result.h"

namespace orgward {
class Database;
// v3: indexes behind the console's panes and charts (one group_by set and bucket width per chart read,
// key lookups by id, members' project counts, audit filters, certificate expiry).
Status migrateV3Console(Database &db);
} // namespace orgward
