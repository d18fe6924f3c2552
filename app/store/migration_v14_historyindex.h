#pragma once
// Migration 14: row history by entity and time (issue #14). An as-of read asks for one entity's versions
// valid at an instant (org_key, entity, valid_from <= t); with only (org_key, valid_from) and the per-row
// index to choose from, both engines scanned every entity's versions up to t. Reports read several
// entities of a 100k-member org this way.
#include "core/result.h"

namespace orgward {

class Database;

Status migrateV14HistoryIndex(Database &db);

} // namespace orgward
