#pragma once
// How far back the local copy of an organization's audit log reaches compared with the API (issue #13).
// Audit events age out of the API's retention window; Orgward never deletes a stored one, so the local copy
// can reach further back than the API. The API's reach is what the last sync that read the whole audit log
// saw (orgward_audit_reach, store/migration_v13_auditreach.h): the store knows no network, the sync
// records it. Read by the Audit log pane (on the table worker) and `orgward status`.
#include "core/result.h"

#include <QString>

namespace orgward {

class Database;

struct AuditReach
{
    qint64 localEvents = 0;
    qint64 localOldest = 0; // effective_at of the oldest stored event (0: none stored)
    qint64 localNewest = 0;
    bool apiRead = false; // a sync has read the whole audit log (to its end) at least once
    qint64 apiOldest = 0; // the oldest event that read returned (0: it returned none)
    qint64 apiReadAt = 0; // when that read's last page landed
    qint64 onlyLocal = 0; // stored events older than apiOldest (all stored at apiReadAt if it returned none)
};

Result<AuditReach> readAuditReach(Database &db, const QString &orgKey);

// One plain sentence pair for people: "Local copy: 14 Mar 2026 – 20 Nov 2026 (12,345 events). The API still
// returned events back to 21 Aug 2026 on the last full read (sync of 20 Nov 2026); 4,310 older events exist
// only here." Days in UTC, numbers in the default locale; says so when the API's reach is not known yet.
QString describeAuditReach(const AuditReach &reach);

} // namespace orgward
