#include "syncplan.h"

#include "core/clock.h"
#include "domain/groupbyplan.h"

#include <algorithm>

namespace orgward {

bool planIncludes(const QStringList &endpoints, EndpointKind kind)
{
    return endpoints.isEmpty() || endpoints.contains(EndpointRef::kindName(kind));
}

namespace {
EndpointRef make(EndpointKind k, const QString &project = {})
{
    EndpointRef r;
    r.kind = k;
    r.projectId = project;
    return r;
}
} // namespace

bool planIncludesAny(const QStringList &e, std::initializer_list<EndpointKind> kinds)
{
    return std::any_of(kinds.begin(), kinds.end(), [&e](EndpointKind k) { return planIncludes(e, k); });
}

QList<EndpointRef> organizationPlan(const QStringList &e)
{
    QList<EndpointRef> out;
    // A parent list is always read when any of its sub-lists is asked for: the plan needs its ids.
    const bool projectSubs = planIncludesAny(
        e, {EndpointKind::ProjectUsers, EndpointKind::ServiceAccounts, EndpointKind::ProjectApiKeys,
            EndpointKind::RateLimits, EndpointKind::ProjectCertificates, EndpointKind::ProjectGroups,
            EndpointKind::ProjectModelPermissions, EndpointKind::ProjectHostedToolPermissions,
            EndpointKind::DataRetention, EndpointKind::SpendAlerts, EndpointKind::SpendLimit});
    const bool groupSubs = planIncludesAny(e, {EndpointKind::GroupUsers, EndpointKind::GroupRoles});
    const bool userSubs = planIncludes(e, EndpointKind::UserRoles);
    for (EndpointKind k : {EndpointKind::Users, EndpointKind::Invites, EndpointKind::Projects,
                           EndpointKind::Groups, EndpointKind::Roles})
        if (planIncludes(e, k) || (k == EndpointKind::Projects && projectSubs) ||
            (k == EndpointKind::Groups && groupSubs) || (k == EndpointKind::Users && userSubs))
            out << make(k);
    // The organization's own retention, spend alerts and hard limit (the projects' come per project).
    for (EndpointKind k : {EndpointKind::DataRetention, EndpointKind::SpendAlerts, EndpointKind::SpendLimit})
        if (planIncludes(e, k)) out << make(k, QStringLiteral(""));
    return out;
}

bool isParentList(EndpointKind kind)
{
    return kind == EndpointKind::Projects || kind == EndpointKind::Users || kind == EndpointKind::Groups;
}

QList<EndpointRef> projectPlan(const QString &projectId, const QStringList &e)
{
    QList<EndpointRef> out;
    for (EndpointKind k :
         {EndpointKind::ProjectUsers, EndpointKind::ServiceAccounts, EndpointKind::ProjectApiKeys,
          EndpointKind::RateLimits, EndpointKind::ProjectCertificates, EndpointKind::ProjectGroups,
          EndpointKind::ProjectModelPermissions, EndpointKind::ProjectHostedToolPermissions,
          EndpointKind::DataRetention, EndpointKind::SpendAlerts, EndpointKind::SpendLimit})
        if (planIncludes(e, k)) out << make(k, projectId);
    return out;
}

QList<EndpointRef> groupPlan(const QString &groupId, const QStringList &e)
{
    QList<EndpointRef> out;
    for (EndpointKind k : {EndpointKind::GroupUsers, EndpointKind::GroupRoles})
        if (planIncludes(e, k)) {
            EndpointRef r = make(k);
            r.groupId = groupId;
            out << r;
        }
    return out;
}

QList<EndpointRef> userPlan(const QString &userId, const QStringList &e)
{
    QList<EndpointRef> out;
    if (planIncludes(e, EndpointKind::UserRoles)) {
        EndpointRef r = make(EndpointKind::UserRoles);
        r.userId = userId;
        out << r;
    }
    return out;
}

QList<QStringList> groupBySets(const QString &kind)
{
    // Each set is stored separately (rows of different sets describe the same traffic) so readers pick
    // one; which sets, and for which pane or report, is domain/groupbyplan.h's one table.
    return groupBySetsFor(kind);
}

QList<EndpointRef> trailingPlan(const QStringList &e)
{
    QList<EndpointRef> out;
    for (EndpointKind k : {EndpointKind::Certificates, EndpointKind::AdminApiKeys, EndpointKind::AuditLogs})
        if (planIncludes(e, k)) out << make(k);
    if (planIncludes(e, EndpointKind::Usage)) {
        for (const QString &kind : usageKinds()) {
            for (const QStringList &g : groupBySets(kind)) {
                EndpointRef r = make(EndpointKind::Usage);
                r.usageKind = kind;
                r.groupBy = g;
                out << r;
            }
        }
    }
    if (planIncludes(e, EndpointKind::Costs)) {
        for (const QStringList &g : groupBySets(QStringLiteral("costs"))) {
            EndpointRef r = make(EndpointKind::Costs);
            r.groupBy = g;
            out << r;
        }
    }
    return out;
}

// Lists carry no cursor here: SyncEngine::syncChain adds after=<last id> (audit logs too; why there).
QUrlQuery listQuery(const EndpointRef &ref, int limit)
{
    QUrlQuery q;
    if (ref.isSingleObject()) return q; // one object: no paging parameters
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (ref.kind == EndpointKind::Projects)
        q.addQueryItem(QStringLiteral("include_archived"), QStringLiteral("true"));
    if (ref.kind == EndpointKind::ProjectApiKeys)
        q.addQueryItem(QStringLiteral("owner_project_access"), QStringLiteral("any"));
    return q;
}

QUrlQuery bucketQuery(const EndpointRef &ref, qint64 start, qint64 end, int limit)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("start_time"), QString::number(start));
    q.addQueryItem(QStringLiteral("end_time"), QString::number(end));
    q.addQueryItem(QStringLiteral("bucket_width"), ref.bucketWidth);
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    // The SDK's bracket form, percent-encoded.
    for (const QString &g : ref.groupBy)
        q.addQueryItem(QStringLiteral("group_by%5B%5D"), g);
    return q;
}

qint64 alignDay(qint64 secs)
{
    return secs - (((secs % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay);
}

} // namespace orgward
