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
};

// Usage kinds: the path segment after /organization/usage/.
QStringList usageKinds();
// The group_by values the API accepts for one usage kind ("costs" for the costs endpoint).
QStringList groupByDimensions(const QString &usageKind);

struct EndpointRef
{
    EndpointKind kind = EndpointKind::Users;
    QString projectId;   // project-scoped lists
    QString usageKind;   // Usage only
    QStringList groupBy; // Usage/Costs, sorted
    QString bucketWidth = QStringLiteral("1d");

    bool isBucketed() const { return kind == EndpointKind::Usage || kind == EndpointKind::Costs; }
    bool isProjectScoped() const;
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
