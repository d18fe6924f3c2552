#pragma once
#include "core/result.h"

namespace orgward {
class Database;
// v6: usage and cost row ids lead with their bucket start ("1795132800-<sha1>", see bucketRowId), so a
// page's rows are neighbours in the (org_key, id) primary key and a page commit dirties a few index pages
// instead of one per row. Stored ids get the same prefix, which is exactly the id the parser now computes
// for that row: the next sync updates them in place (counted once as changed, since the id is part of the
// row hash) and never duplicates a bucket.
Status migrateV6BucketIds(Database &db);
} // namespace orgward
