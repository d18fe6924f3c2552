#include "endpoint.h"

#include <QHash>
#include <QRegularExpression>

namespace orgward {

QStringList usageKinds()
{
    return {QStringLiteral("completions"),       QStringLiteral("embeddings"),
            QStringLiteral("moderations"),       QStringLiteral("images"),
            QStringLiteral("audio_speeches"),    QStringLiteral("audio_transcriptions"),
            QStringLiteral("vector_stores"),     QStringLiteral("code_interpreter_sessions"),
            QStringLiteral("file_search_calls"), QStringLiteral("web_search_calls")};
}

QStringList groupByDimensions(const QString &k)
{
    const QStringList common{QStringLiteral("project_id"), QStringLiteral("user_id"),
                             QStringLiteral("api_key_id"), QStringLiteral("model")};
    if (k == u"completions")
        return common + QStringList{QStringLiteral("batch"), QStringLiteral("service_tier")};
    if (k == u"images") return common + QStringList{QStringLiteral("size"), QStringLiteral("source")};
    if (k == u"vector_stores" || k == u"code_interpreter_sessions") return {QStringLiteral("project_id")};
    if (k == u"file_search_calls")
        return {QStringLiteral("project_id"), QStringLiteral("user_id"), QStringLiteral("api_key_id"),
                QStringLiteral("vector_store_id")};
    if (k == u"web_search_calls") return common + QStringList{QStringLiteral("context_level")};
    if (k == u"costs")
        return {QStringLiteral("project_id"), QStringLiteral("line_item"), QStringLiteral("api_key_id")};
    return common;
}

QList<EndpointKind> allEndpointKinds()
{
    QList<EndpointKind> out;
    for (int k = int(EndpointKind::Users); k <= int(EndpointKind::SpendLimit); ++k)
        out << EndpointKind(k);
    return out;
}

bool EndpointRef::isProjectScoped() const
{
    switch (kind) {
    case EndpointKind::ProjectUsers:
    case EndpointKind::ServiceAccounts:
    case EndpointKind::ProjectApiKeys:
    case EndpointKind::RateLimits:
    case EndpointKind::ProjectCertificates:
    case EndpointKind::ProjectGroups:
    case EndpointKind::ProjectModelPermissions:
    case EndpointKind::ProjectHostedToolPermissions:
        return true;
    case EndpointKind::DataRetention:
    case EndpointKind::SpendAlerts:
    case EndpointKind::SpendLimit:
        return !projectId.isEmpty();
    default:
        return false;
    }
}

bool EndpointRef::isSingleObject() const
{
    switch (kind) {
    case EndpointKind::ProjectModelPermissions:
    case EndpointKind::ProjectHostedToolPermissions:
    case EndpointKind::DataRetention:
    case EndpointKind::SpendLimit:
        return true;
    default:
        return false;
    }
}

bool EndpointRef::pagesByNext() const
{
    switch (kind) {
    case EndpointKind::Groups:
    case EndpointKind::GroupUsers:
    case EndpointKind::GroupRoles:
    case EndpointKind::Roles:
    case EndpointKind::UserRoles:
    case EndpointKind::ProjectGroups:
        return true;
    default:
        return false;
    }
}

QStringList EndpointRef::scopeValues() const
{
    switch (kind) {
    case EndpointKind::GroupUsers:
    case EndpointKind::GroupRoles:
        return {groupId};
    case EndpointKind::UserRoles:
        return {userId};
    case EndpointKind::DataRetention:
    case EndpointKind::SpendAlerts:
    case EndpointKind::SpendLimit:
        return {projectId.isNull() ? QStringLiteral("") : projectId};
    default:
        return isProjectScoped() ? QStringList{projectId} : QStringList{};
    }
}

QString EndpointRef::kindName(EndpointKind k)
{
    switch (k) {
    case EndpointKind::Users:
        return QStringLiteral("users");
    case EndpointKind::Invites:
        return QStringLiteral("invites");
    case EndpointKind::Projects:
        return QStringLiteral("projects");
    case EndpointKind::ProjectUsers:
        return QStringLiteral("project_users");
    case EndpointKind::ServiceAccounts:
        return QStringLiteral("service_accounts");
    case EndpointKind::ProjectApiKeys:
        return QStringLiteral("api_keys");
    case EndpointKind::RateLimits:
        return QStringLiteral("rate_limits");
    case EndpointKind::Certificates:
        return QStringLiteral("certificates");
    case EndpointKind::ProjectCertificates:
        return QStringLiteral("project_certificates");
    case EndpointKind::AdminApiKeys:
        return QStringLiteral("admin_api_keys");
    case EndpointKind::AuditLogs:
        return QStringLiteral("audit_logs");
    case EndpointKind::Usage:
        return QStringLiteral("usage");
    case EndpointKind::Costs:
        return QStringLiteral("costs");
    case EndpointKind::Groups:
        return QStringLiteral("groups");
    case EndpointKind::GroupUsers:
        return QStringLiteral("group_users");
    case EndpointKind::GroupRoles:
        return QStringLiteral("group_roles");
    case EndpointKind::Roles:
        return QStringLiteral("roles");
    case EndpointKind::UserRoles:
        return QStringLiteral("user_roles");
    case EndpointKind::ProjectGroups:
        return QStringLiteral("project_groups");
    case EndpointKind::ProjectModelPermissions:
        return QStringLiteral("model_permissions");
    case EndpointKind::ProjectHostedToolPermissions:
        return QStringLiteral("hosted_tool_permissions");
    case EndpointKind::DataRetention:
        return QStringLiteral("data_retention");
    case EndpointKind::SpendAlerts:
        return QStringLiteral("spend_alerts");
    case EndpointKind::SpendLimit:
        return QStringLiteral("spend_limit");
    }
    return {};
}

QString EndpointRef::path() const
{
    const QString p = QStringLiteral("/organization/projects/") + projectId;
    switch (kind) {
    case EndpointKind::Users:
        return QStringLiteral("/organization/users");
    case EndpointKind::Invites:
        return QStringLiteral("/organization/invites");
    case EndpointKind::Projects:
        return QStringLiteral("/organization/projects");
    case EndpointKind::ProjectUsers:
        return p + QStringLiteral("/users");
    case EndpointKind::ServiceAccounts:
        return p + QStringLiteral("/service_accounts");
    case EndpointKind::ProjectApiKeys:
        return p + QStringLiteral("/api_keys");
    case EndpointKind::RateLimits:
        return p + QStringLiteral("/rate_limits");
    case EndpointKind::ProjectCertificates:
        return p + QStringLiteral("/certificates");
    case EndpointKind::Certificates:
        return QStringLiteral("/organization/certificates");
    case EndpointKind::AdminApiKeys:
        return QStringLiteral("/organization/admin_api_keys");
    case EndpointKind::AuditLogs:
        return QStringLiteral("/organization/audit_logs");
    case EndpointKind::Usage:
        return QStringLiteral("/organization/usage/") + usageKind;
    case EndpointKind::Costs:
        return QStringLiteral("/organization/costs");
    case EndpointKind::Groups:
        return QStringLiteral("/organization/groups");
    case EndpointKind::GroupUsers:
        return QStringLiteral("/organization/groups/") + groupId + QStringLiteral("/users");
    case EndpointKind::GroupRoles:
        return QStringLiteral("/organization/groups/") + groupId + QStringLiteral("/roles");
    case EndpointKind::Roles:
        return QStringLiteral("/organization/roles");
    case EndpointKind::UserRoles:
        return QStringLiteral("/organization/users/") + userId + QStringLiteral("/roles");
    case EndpointKind::ProjectGroups:
        return p + QStringLiteral("/groups");
    case EndpointKind::ProjectModelPermissions:
        return p + QStringLiteral("/model_permissions");
    case EndpointKind::ProjectHostedToolPermissions:
        return p + QStringLiteral("/hosted_tool_permissions");
    case EndpointKind::DataRetention:
    case EndpointKind::SpendAlerts:
    case EndpointKind::SpendLimit: {
        const QString org = QStringLiteral("/organization/");
        return (projectId.isEmpty() ? org : p + u'/') + kindName(kind);
    }
    }
    return {};
}

QString EndpointRef::cursorKey() const
{
    QString key = path().mid(int(qstrlen("/organization/")));
    if (isBucketed()) key += u'[' + bucketWidth + u';' + groupByKey() + u']';
    return key;
}

namespace {
QStringList readArray(const QUrlQuery &q, const QString &name)
{
    // Accept the SDK's bracket form (raw or percent-encoded), repeated keys and comma-joined values.
    // Keys are compared fully decoded: QUrlQuery keeps "%5B%5D" and "[]" apart otherwise.
    const QString bracketed = name + QStringLiteral("[]");
    QStringList out;
    for (const auto &[key, value] : q.queryItems(QUrl::FullyDecoded)) {
        if (key != name && key != bracketed) continue;
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts))
            out << part.trimmed();
    }
    out.removeDuplicates();
    out.sort();
    return out;
}
} // namespace

Result<EndpointRef> EndpointRef::fromRequest(const QString &rawPath, const QUrlQuery &query)
{
    QString path = rawPath;
    if (path.startsWith(QLatin1String("/v1/"))) path = path.mid(3);
    static const QRegularExpression projectSub(QStringLiteral(
        R"(^/organization/projects/([^/]+)/(users|service_accounts|api_keys|rate_limits|certificates|groups|)"
        R"(model_permissions|hosted_tool_permissions|data_retention|spend_alerts|spend_limit)$)"));
    static const QRegularExpression groupSub(
        QStringLiteral(R"(^/organization/groups/([^/]+)/(users|roles)$)"));
    static const QRegularExpression userRoles(QStringLiteral(R"(^/organization/users/([^/]+)/roles$)"));
    static const QHash<QString, EndpointKind> projectKinds{
        {QStringLiteral("users"), EndpointKind::ProjectUsers},
        {QStringLiteral("service_accounts"), EndpointKind::ServiceAccounts},
        {QStringLiteral("api_keys"), EndpointKind::ProjectApiKeys},
        {QStringLiteral("rate_limits"), EndpointKind::RateLimits},
        {QStringLiteral("certificates"), EndpointKind::ProjectCertificates},
        {QStringLiteral("groups"), EndpointKind::ProjectGroups},
        {QStringLiteral("model_permissions"), EndpointKind::ProjectModelPermissions},
        {QStringLiteral("hosted_tool_permissions"), EndpointKind::ProjectHostedToolPermissions},
        {QStringLiteral("data_retention"), EndpointKind::DataRetention},
        {QStringLiteral("spend_alerts"), EndpointKind::SpendAlerts},
        {QStringLiteral("spend_limit"), EndpointKind::SpendLimit}};
    EndpointRef ref;
    if (path == u"/organization/users")
        ref.kind = EndpointKind::Users;
    else if (path == u"/organization/invites")
        ref.kind = EndpointKind::Invites;
    else if (path == u"/organization/projects")
        ref.kind = EndpointKind::Projects;
    else if (path == u"/organization/certificates")
        ref.kind = EndpointKind::Certificates;
    else if (path == u"/organization/admin_api_keys")
        ref.kind = EndpointKind::AdminApiKeys;
    else if (path == u"/organization/audit_logs")
        ref.kind = EndpointKind::AuditLogs;
    else if (path == u"/organization/costs")
        ref.kind = EndpointKind::Costs;
    else if (path == u"/organization/groups")
        ref.kind = EndpointKind::Groups;
    else if (path == u"/organization/roles")
        ref.kind = EndpointKind::Roles;
    else if (path == u"/organization/data_retention")
        ref.kind = EndpointKind::DataRetention;
    else if (path == u"/organization/spend_alerts")
        ref.kind = EndpointKind::SpendAlerts;
    else if (path == u"/organization/spend_limit")
        ref.kind = EndpointKind::SpendLimit;
    else if (const auto g = groupSub.match(path); g.hasMatch()) {
        ref.groupId = g.captured(1);
        ref.kind = g.captured(2) == u"users" ? EndpointKind::GroupUsers : EndpointKind::GroupRoles;
    } else if (const auto u = userRoles.match(path); u.hasMatch()) {
        ref.userId = u.captured(1);
        ref.kind = EndpointKind::UserRoles;
    } else if (path.startsWith(QLatin1String("/organization/usage/"))) {
        ref.kind = EndpointKind::Usage;
        ref.usageKind = path.mid(int(qstrlen("/organization/usage/")));
        if (!usageKinds().contains(ref.usageKind))
            return err(Error::Code::Parse,
                       QStringLiteral("unknown usage kind '%1' in request path %2").arg(ref.usageKind, path));
    } else if (const auto m = projectSub.match(path); m.hasMatch()) {
        ref.projectId = m.captured(1);
        ref.kind = projectKinds.value(m.captured(2));
    } else {
        return err(
            Error::Code::Parse,
            QStringLiteral("request path %1 is not an Admin API list endpoint Orgward reads").arg(path));
    }
    if (ref.isBucketed()) {
        ref.groupBy = readArray(query, QStringLiteral("group_by"));
        const QString width = query.queryItemValue(QStringLiteral("bucket_width"));
        if (!width.isEmpty()) ref.bucketWidth = width;
        if (!QStringList{QStringLiteral("1m"), QStringLiteral("1h"), QStringLiteral("1d")}.contains(
                ref.bucketWidth))
            return err(Error::Code::Parse,
                       QStringLiteral("bucket_width '%1' is not one of 1m, 1h, 1d").arg(ref.bucketWidth));
        const QStringList allowed =
            groupByDimensions(ref.kind == EndpointKind::Costs ? QStringLiteral("costs") : ref.usageKind);
        for (const QString &g : std::as_const(ref.groupBy))
            if (!allowed.contains(g))
                return err(Error::Code::Parse,
                           QStringLiteral("group_by '%1' is not valid for %2 (allowed: %3)")
                               .arg(g, path, allowed.join(QStringLiteral(", "))));
    }
    return ref;
}

} // namespace orgward
