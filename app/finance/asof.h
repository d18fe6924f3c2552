#pragma once
// "Now" for an organization: a fixture org is a snapshot and is read as of the moment it was captured
// (organizations.snapshot_at); a live org is read against the real (injectable) clock.
#include <QString>

namespace orgward {

class Database;

qint64 orgNowSecs(Database &db, const QString &orgKey);
// The org was imported from a fixture snapshot: it is replaced by importing a newer one, never synced.
bool isFixtureOrg(Database &db, const QString &orgKey);

// Start of the UTC month containing secs, and the same offset into the previous month (clamped).
qint64 monthStartSecs(qint64 secs);
qint64 previousMonthSamePoint(qint64 secs);

} // namespace orgward
