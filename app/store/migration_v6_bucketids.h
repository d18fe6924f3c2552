#pragma once
#include "core/result.h"

namespace orgward {
class Database;
// v6: usage and cost row ids lead with their group-by set and bucket start ("<set tag>-1795132800-<sha1>",
// see bucketRowId), so the rows a sync page writes are neighbours in the (org_key, id) primary key and its
// commit dirties a few index pages instead of one per row. Stored ids get exactly the id the parser now
// computes for that row: the next sync updates them in place (counted once as changed, since the id is
// part of the row hash) and never duplicates a bucket.
Status migrateV6BucketIds(Database &db);
} // namespace orgward
