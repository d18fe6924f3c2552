#include "syncplan.h"

#include "core/clock.h"

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

QList<EndpointRef> organizationPlan(const QStringList &e)
{
    QList<EndpointRef> out;
    // Projects are always read when any project sub-list is asked for: the plan needs their ids.
    const bool sub =
        planIncludes(e, EndpointKind::ProjectUsers) || planIncludes(e, EndpointKind::ServiceAccounts) ||
        planIncludes(e, EndpointKind::ProjectApiKeys) || planIncludes(e, EndpointKind::RateLimits) ||
        planIncludes(e, EndpointKind::ProjectCertificates);
    for (EndpointKind k : {EndpointKind::Users, EndpointKind::Invites, EndpointKind::Projects})
        if (planIncludes(e, k) || (k == EndpointKind::Projects && sub)) out << make(k);
    return out;
}

QList<EndpointRef> projectPlan(const QString &projectId, const QStringList &e)
{
    QList<EndpointRef> out;
    for (EndpointKind k :
         {EndpointKind::ProjectUsers, EndpointKind::ServiceAccounts, EndpointKind::ProjectApiKeys,
          EndpointKind::RateLimits, EndpointKind::ProjectCertificates})
        if (planIncludes(e, k)) out << make(k, projectId);
    return out;
}

QList<QStringList> groupBySets(const QString &kind)
{
    // Ungrouped (the organization's totals, stored with group_by ''), per project, and per project and
    // model where the kind has models. Each set is stored separately (rows of different sets describe the
    // same traffic) so reports pick one; the ungrouped set is the cheapest exact total.
    if (kind == u"costs")
        return {QStringList{},
                {QStringLiteral("project_id")},
                {QStringLiteral("line_item"), QStringLiteral("project_id")}};
    QList<QStringList> out{QStringList{}, {QStringLiteral("project_id")}};
    if (groupByDimensions(kind).contains(QStringLiteral("model")))
        out << QStringList{QStringLiteral("model"), QStringLiteral("project_id")};
    return out;
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
