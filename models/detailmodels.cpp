#include "detailmodels.h"

#include "detailmodels_p.h"

namespace orgward {

namespace {
using C = ColType;
using Kind = DetailTableModel::Kind;
using detail::Definition;

Definition memberDefinition(Kind kind)
{
    switch (kind) {
    case Kind::MemberProjects:
        return {{{DetailTableModel::tr("Project"), QStringLiteral("COALESCE(p.name, pm.project_id)")},
                 {DetailTableModel::tr("Role"), QStringLiteral("pm.role")},
                 {DetailTableModel::tr("Added"), QStringLiteral("pm.added_at"), C::Timestamp}},
                QStringLiteral("FROM openai_project_members pm LEFT JOIN openai_projects p "
                               "ON p.org_key = pm.org_key AND p.id = pm.project_id"),
                QStringLiteral("pm.org_key = ? AND pm.user_id = ? AND pm.removed_at IS NULL"),
                QStringLiteral("pm.project_id")};
    case Kind::MemberKeys:
        return {{{DetailTableModel::tr("Key"), QStringLiteral("k.name")},
                 {DetailTableModel::tr("Value"), QStringLiteral("k.redacted_value")},
                 {DetailTableModel::tr("Project"), QStringLiteral("k.project_id")},
                 {DetailTableModel::tr("Last used"), QStringLiteral("k.last_used_at"), C::Timestamp}},
                QStringLiteral("FROM openai_project_api_keys k"),
                QStringLiteral("k.org_key = ? AND k.owner_id = ? AND k.deleted_at IS NULL"),
                QStringLiteral("k.id")};
    default: // the user id appears in the event's payload (actor or target): bound as a LIKE pattern
        return {{{DetailTableModel::tr("Time"), QStringLiteral("a.effective_at"), C::Timestamp},
                 {DetailTableModel::tr("Type"), QStringLiteral("a.type")},
                 {DetailTableModel::tr("Actor"), QStringLiteral("COALESCE(a.actor_email, a.actor_id)")}},
                QStringLiteral("FROM openai_audit_logs a"),
                QStringLiteral("a.org_key = ? AND (COALESCE(a.actor_id, '') || ' ' || "
                               "COALESCE(CAST(a.payload AS TEXT), '')) LIKE ? ESCAPE '!'"),
                QStringLiteral("a.id")};
    }
}

Definition projectDefinition(Kind kind)
{
    const QString scoped = QStringLiteral("x.org_key = ? AND x.project_id = ?");
    const QString live = scoped + QStringLiteral(" AND x.deleted_at IS NULL");
    switch (kind) {
    case Kind::ProjectMembers:
        return {{{DetailTableModel::tr("Name"), QStringLiteral("x.name")},
                 {DetailTableModel::tr("Email"), QStringLiteral("x.email")},
                 {DetailTableModel::tr("Role"), QStringLiteral("x.role")},
                 {DetailTableModel::tr("Added"), QStringLiteral("x.added_at"), C::Timestamp}},
                QStringLiteral("FROM openai_project_members x"),
                scoped + QStringLiteral(" AND x.removed_at IS NULL"),
                QStringLiteral("x.user_id")};
    case Kind::ProjectServiceAccounts:
        return {{{DetailTableModel::tr("Name"), QStringLiteral("x.name")},
                 {DetailTableModel::tr("Role"), QStringLiteral("x.role")},
                 {DetailTableModel::tr("Created"), QStringLiteral("x.created_at"), C::Timestamp}},
                QStringLiteral("FROM openai_service_accounts x"),
                live,
                QStringLiteral("x.id")};
    case Kind::ProjectKeys:
        return {{{DetailTableModel::tr("Name"), QStringLiteral("x.name")},
                 {DetailTableModel::tr("Key"), QStringLiteral("x.redacted_value")},
                 {DetailTableModel::tr("Owner"), QStringLiteral("COALESCE(x.owner_email, x.owner_name)")},
                 {DetailTableModel::tr("Last used"), QStringLiteral("x.last_used_at"), C::Timestamp}},
                QStringLiteral("FROM openai_project_api_keys x"),
                live,
                QStringLiteral("x.id")};
    case Kind::ProjectRateLimits:
        return {
            {{DetailTableModel::tr("Model"), QStringLiteral("x.model")},
             {DetailTableModel::tr("Requests/min"), QStringLiteral("x.max_requests_per_1_minute"), C::Int},
             {DetailTableModel::tr("Tokens/min"), QStringLiteral("x.max_tokens_per_1_minute"), C::Int},
             {DetailTableModel::tr("Requests/day"), QStringLiteral("x.max_requests_per_1_day"), C::Int}},
            QStringLiteral("FROM openai_project_rate_limits x"),
            live,
            QStringLiteral("x.id")};
    default:
        return {{{DetailTableModel::tr("Name"), QStringLiteral("x.name")},
                 {DetailTableModel::tr("Active"), QStringLiteral("x.active"), C::Bool},
                 {DetailTableModel::tr("Expires"), QStringLiteral("x.expires_at"), C::Timestamp}},
                QStringLiteral("FROM openai_project_certificates x"),
                live,
                QStringLiteral("x.certificate_id")};
    }
}

Definition otherDefinition(Kind kind)
{
    if (kind == Kind::CertificateEvents)
        return {{{DetailTableModel::tr("Time"), QStringLiteral("e.occurred_at"), C::Timestamp},
                 {DetailTableModel::tr("Action"), QStringLiteral("e.action")},
                 {DetailTableModel::tr("Actor"), QStringLiteral("e.actor_id")}},
                QStringLiteral("FROM openai_certificate_events e"),
                QStringLiteral("e.org_key = ? AND e.certificate_id = ?"),
                QStringLiteral("e.id")};
    return {
        {{DetailTableModel::tr("Name"), QStringLiteral("s.name")},
         {DetailTableModel::tr("Project"),
          QStringLiteral("COALESCE((SELECT p.name FROM openai_projects p WHERE p.org_key = s.org_key AND "
                         "p.id = s.project_id), s.project_id)"),
          C::Text, false},
         {DetailTableModel::tr("Role"), QStringLiteral("s.role")},
         {DetailTableModel::tr("Created"), QStringLiteral("s.created_at"), C::Timestamp},
         {DetailTableModel::tr("Keys"),
          QStringLiteral("(SELECT COUNT(*) FROM openai_project_api_keys k WHERE k.org_key = s.org_key AND "
                         "k.owner_id = s.id AND k.deleted_at IS NULL)"),
          C::Int}},
        QStringLiteral("FROM openai_service_accounts s"),
        QStringLiteral("s.org_key = ? AND s.deleted_at IS NULL"),
        QStringLiteral("s.id")};
}

} // namespace

Definition detail::definition(Kind kind, bool pg)
{
    if (detail::isAccessKind(kind)) return detail::accessDefinition(kind, pg);
    switch (kind) {
    case Kind::MemberProjects:
    case Kind::MemberKeys:
    case Kind::MemberAuditEvents:
        return memberDefinition(kind);
    case Kind::ProjectMembers:
    case Kind::ProjectServiceAccounts:
    case Kind::ProjectKeys:
    case Kind::ProjectRateLimits:
    case Kind::ProjectCertificates:
        return projectDefinition(kind);
    case Kind::CertificateEvents:
    case Kind::ServiceAccounts:
        return otherDefinition(kind);
    default:
        break;
    }
    return otherDefinition(Kind::ServiceAccounts);
}

DetailTableModel::DetailTableModel(Database &db, Kind kind, QObject *parent)
    : SqlTableModel(db, parent), m_kind(kind)
{
    Definition d = detail::definition(kind, db.isPostgres());
    setQuery(std::move(d.columns), d.from, d.where, d.id);
    if (kind == Kind::MemberAuditEvents) sort(0, Qt::DescendingOrder); // newest first
}

void DetailTableModel::showParent(const QString &orgKey, const QString &parentId)
{
    setBaseBinds({m_kind == Kind::MemberAuditEvents ? QVariant(likeContains(parentId)) : QVariant(parentId)});
    setOrgKey(parentId.isEmpty() ? QString() : orgKey);
}

} // namespace orgward
