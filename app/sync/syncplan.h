#pragma once
// What a live sync fetches, in order: the parent lists (projects, users, groups), the other organization
// lists (invites, roles, the org's retention and spend controls), per non-archived project its sub-lists,
// per group its members and roles, per user their roles, certificates, admin keys, audit logs, every usage
// kind and costs, each bucketed endpoint under a fixed set of group_by sets (including the ungrouped,
// total-only one). Also the query each request carries.
#include "core/clock.h"
#include "domain/endpoint.h"

#include <QList>

namespace orgward {

struct SyncOptions
{
    QString orgKey = QStringLiteral("default");
    QString orgName;
    QStringList endpoints; // kind names (users, projects, usage, costs, …); empty = all
    qint64 since = 0;      // first day (Unix s) for usage/costs on a first run; 0 = historyDays back
    int historyDays = 30;
    int trailingDays = 2; // re-fetched every sync: recent buckets still change
    qint64 finalizationGraceSecs = kSecondsPerDay;
    bool dryRun = false;
    // Read the whole audit log (no effective_at filter) instead of only events at or after the newest one
    // stored: the oldest event it returns is recorded as how far back the API reaches (migration 13).
    // Stored events it no longer returns (aged out of the API's retention) are kept.
    bool fullAuditRead = false;
    int pageCap = 1000; // pages per chain before it is an error
    int listLimit = 100;
    // 1d buckets per page (the API allows 31 for usage, 180 for costs). A week per page bounds memory: a
    // page is parsed and written whole, and one day of a large org's usage grouped by model and project
    // runs to thousands of rows (at scale 100 a 180-day cost page alone held 128k rows).
    int usageBucketLimit = 7;
    int costBucketLimit = 7;
};

// True when endpoints (empty = all) includes this kind's name.
bool planIncludes(const QStringList &endpoints, EndpointKind kind);
// Organization lists; the parent lists among them (projects, users, groups) are read first, their
// sub-lists planned from what they stored.
QList<EndpointRef> organizationPlan(const QStringList &endpoints);
bool isParentList(EndpointKind kind);
QList<EndpointRef> projectPlan(const QString &projectId, const QStringList &endpoints); // its sub-lists
QList<EndpointRef> groupPlan(const QString &groupId, const QStringList &endpoints);     // members, roles
QList<EndpointRef> userPlan(const QString &userId, const QStringList &endpoints);       // the user's roles
QList<EndpointRef> trailingPlan(const QStringList &endpoints); // certs, keys, audit, usage, costs
QList<QStringList> groupBySets(const QString &usageKindOrCosts);

// Query parameters of a cursor list (without the cursor).
QUrlQuery listQuery(const EndpointRef &ref, int limit);
// Query of a bucketed page (without the page token).
QUrlQuery bucketQuery(const EndpointRef &ref, qint64 start, qint64 end, int limit);

qint64 alignDay(qint64 secs); // 00:00 UTC of that day

} // namespace orgward
