#pragma once
// What a live sync fetches, in order: organization lists, then per non-archived project its five
// sub-lists, certificates, admin keys, audit logs, every usage kind and costs, each bucketed endpoint
// under a fixed set of group_by sets (including the ungrouped, total-only one). Also the query each
// request carries.
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
    qint64 finalizationGraceSecs = 24 * 3600;
    bool dryRun = false;
    int pageCap = 1000; // pages per chain before it is an error
    int listLimit = 100;
    int usageBucketLimit = 31; // 1d buckets per page (API max)
    int costBucketLimit = 180;
};

// True when endpoints (empty = all) includes this kind's name.
bool planIncludes(const QStringList &endpoints, EndpointKind kind);
QList<EndpointRef> organizationPlan(const QStringList &endpoints); // before projects' sub-lists
QList<EndpointRef> projectPlan(const QString &projectId, const QStringList &endpoints); // five sub-lists
QList<EndpointRef> trailingPlan(const QStringList &endpoints); // certs, keys, audit, usage, costs
QList<QStringList> groupBySets(const QString &usageKindOrCosts);

// Query parameters of a cursor list (without the cursor).
QUrlQuery listQuery(const EndpointRef &ref, int limit);
// Query of a bucketed page (without the page token).
QUrlQuery bucketQuery(const EndpointRef &ref, qint64 start, qint64 end, int limit);

qint64 alignDay(qint64 secs); // 00:00 UTC of that day

} // namespace orgward
