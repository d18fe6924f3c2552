#include "endpoint.h"

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

bool EndpointRef::isProjectScoped() const
{
    switch (kind) {
    case EndpointKind::ProjectUsers:
    case EndpointKind::ServiceAccounts:
    case EndpointKind::ProjectApiKeys:
    case EndpointKind::RateLimits:
    case EndpointKind::ProjectCertificates:
        return true;
    default:
        return false;
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
        R"(^/organization/projects/([^/]+)/(users|service_accounts|api_keys|rate_limits|certificates)$)"));
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
    else if (path.startsWith(QLatin1String("/organization/usage/"))) {
        ref.kind = EndpointKind::Usage;
        ref.usageKind = path.mid(int(qstrlen("/organization/usage/")));
        if (!usageKinds().contains(ref.usageKind))
            return err(Error::Code::Parse,
                       QStringLiteral("unknown usage kind '%1' in request path %2").arg(ref.usageKind, path));
    } else if (const auto m = projectSub.match(path); m.hasMatch()) {
        ref.projectId = m.captured(1);
        const QString sub = m.captured(2);
        ref.kind = sub == u"users"              ? EndpointKind::ProjectUsers
                   : sub == u"service_accounts" ? EndpointKind::ServiceAccounts
                   : sub == u"api_keys"         ? EndpointKind::ProjectApiKeys
                   : sub == u"rate_limits"      ? EndpointKind::RateLimits
                                                : EndpointKind::ProjectCertificates;
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
