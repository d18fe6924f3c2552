#pragma once
// An EndpointRef names one logical list of the Admin API: what a request asks for, independent of paging.
// The fixture importer derives it from a recorded request, the live sync from the request it builds, so
// both feed the same parsers and the same upsert code.
#include "core/result.h"

#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace orgward {

enum class EndpointKind
{
    Users,
    Invites,
    Projects,
    ProjectUsers,
    ServiceAccounts,
    ProjectApiKeys,
    RateLimits,
    Certificates,
    ProjectCertificates,
    AdminApiKeys,
    AuditLogs,
    Usage,
    Costs,
    // RBAC, governance and spend controls (issue #12).
    Groups,
    GroupUsers,
    GroupRoles,
    Roles,
    UserRoles,
    ProjectGroups,
    ProjectModelPermissions,
    ProjectHostedToolPermissions,
    DataRetention, // the organization's (projectId empty) or one project's
    SpendAlerts,   // the organization's (projectId empty) or one project's
    SpendLimit,    // the organization's (projectId empty) or one project's
};

// Every kind, in declaration order (for tables, plans and tests that walk them all).
QList<EndpointKind> allEndpointKinds();

// Usage kinds: the path segment after /organization/usage/.
QStringList usageKinds();
// The group_by values the API accepts for one usage kind ("costs" for the costs endpoint).
QStringList groupByDimensions(const QString &usageKind);

struct EndpointRef
{
    EndpointKind kind = EndpointKind::Users;
    QString projectId;   // project-scoped lists; DataRetention/SpendAlerts/SpendLimit: empty = the org's
    QString groupId;     // GroupUsers, GroupRoles
    QString userId;      // UserRoles
    QString usageKind;   // Usage only
    QStringList groupBy; // Usage/Costs, sorted
    QString bucketWidth = QStringLiteral("1d");

    bool isBucketed() const { return kind == EndpointKind::Usage || kind == EndpointKind::Costs; }
    bool isProjectScoped() const;
    // One object per request (no list, no paging): model and tool permissions, data retention, spend limit.
    bool isSingleObject() const;
    // Lists whose envelope carries the next cursor in "next" (groups, roles, assignments, project groups)
    // rather than ending with the last element's id.
    bool pagesByNext() const;
    // The values of the table's scope columns (TableSpec::scopeColumns) this request covers: a complete
    // answer soft-deletes what it no longer lists within them. "" (never null) for the org's own object.
    QStringList scopeValues() const;
    QString path() const; // relative to the API base, e.g. "/organization/projects/proj_1/users"
    // Stable key for cursors and logs: "users", "projects/proj_1/users", "usage/completions[1d;model]".
    QString cursorKey() const;
    // Never a null QString: a null string binds as SQL NULL, and usage_events.group_by is NOT NULL ('' =
    // ungrouped).
    QString groupByKey() const { return groupBy.isEmpty() ? QStringLiteral("") : groupBy.join(u','); }

    // Recognises a request path (with or without a leading /v1) and its query.
    static Result<EndpointRef> fromRequest(const QString &path, const QUrlQuery &query);
    static QString kindName(EndpointKind kind);
};

} // namespace orgward
