// The detail tables over migration 11's tables: a group's members, roles and projects; a role's permissions
// and holders; a member's access ("why does this person have access?"); a project's groups and spend alerts.
#include "accessmodels.h"
#include "detailmodels_p.h"
#include "finance/governance.h"
#include "jsonsql.h"

namespace orgward::detail {

namespace {
using C = ColType;
using Kind = DetailTableModel::Kind;

QString tr(const char *text)
{
    return DetailTableModel::tr(text);
}

// The permission count of the predefined role a plain role name stands for (the member's "owner" is the
// predefined "Owner", a project's "member" the predefined "Project Member"); NULL when none matches.
QString predefinedPermissions(bool pg, const QString &org, const QString &role, const char *resourceType)
{
    return QStringLiteral(
               "(SELECT MAX(%1) FROM openai_roles r WHERE r.org_key = %2 AND r.resource_type = '%4' "
               "AND r.predefined_role AND r.deleted_at IS NULL AND (LOWER(r.name) = LOWER(%3) OR "
               "LOWER(r.name) = 'project ' || LOWER(%3)))")
        .arg(jsonsql::arrayLength(pg, QStringLiteral("r.permissions")), org, role,
             QLatin1String(resourceType));
}

// One row per grant that gives a member access. Every branch yields org_key and user_id as plain columns, so
// the outer "x.org_key = ? AND x.user_id = ?" reaches each branch's own (org_key, user_id) index.
Definition memberAccess(bool pg)
{
    auto len = [pg](const char *e) { return jsonsql::arrayLength(pg, QLatin1String(e)); };
    const QString principal = jsonsql::field(pg, QStringLiteral("s.value"), QStringLiteral("principal_id"));
    const QString principalType =
        jsonsql::field(pg, QStringLiteral("s.value"), QStringLiteral("principal_type"));
    const QStringList branches{
        // The member's own organization role.
        QStringLiteral("SELECT u.org_key AS org_key, u.id AS user_id, 'org' AS grant_id, '0' AS scope_sort, "
                       "'organization' AS scope, u.role AS role, 'direct' AS via, %1 AS permissions "
                       "FROM openai_users u WHERE u.deleted_at IS NULL AND u.role IS NOT NULL")
            .arg(predefinedPermissions(pg, QStringLiteral("u.org_key"), QStringLiteral("u.role"),
                                       "api.organization")),
        // Roles assigned to the member directly, but for the predefined role the organization role above
        // already stands for (the API lists a reader's "Reader" among the user's roles too).
        QStringLiteral(
            "SELECT ur.org_key, ur.user_id, 'role:' || ur.role_id, '0', 'organization', ur.name, "
            "'direct', %1 FROM openai_user_roles ur WHERE ur.removed_at IS NULL AND %2 AND NOT EXISTS "
            "(SELECT 1 FROM openai_users u WHERE u.org_key = ur.org_key AND u.id = ur.user_id AND "
            "u.deleted_at IS NULL AND ur.predefined_role AND ur.resource_type = 'api.organization' AND "
            "LOWER(ur.name) = LOWER(u.role))")
            .arg(len("ur.permissions"), accesssql::heldDirectly(pg, QStringLiteral("ur"))),
        // Roles that came through a group (assignment_sources) the group rows below do not already show.
        QStringLiteral(
            "SELECT ur.org_key, ur.user_id, 'role:' || ur.role_id || '@' || %2, '0', 'organization', "
            "ur.name, "
            "COALESCE(g.name, %2), %1 FROM openai_user_roles ur CROSS JOIN %3 s LEFT JOIN openai_groups g ON "
            "g.org_key = ur.org_key AND g.id = %2 WHERE ur.removed_at IS NULL AND %4 = 'group' AND NOT "
            "EXISTS "
            "(SELECT 1 FROM openai_group_users gu JOIN openai_group_roles gr ON gr.org_key = gu.org_key AND "
            "gr.group_id = gu.group_id AND gr.role_id = ur.role_id AND gr.removed_at IS NULL WHERE "
            "gu.org_key = "
            "ur.org_key AND gu.user_id = ur.user_id AND gu.group_id = %2 AND gu.removed_at IS NULL)")
            .arg(len("ur.permissions"), principal,
                 jsonsql::elements(pg, QStringLiteral("ur.assignment_sources")), principalType),
        // Each group the member is in, with each of its roles (or just the membership).
        QStringLiteral(
            "SELECT gu.org_key, gu.user_id, 'group:' || gu.group_id || '@' || COALESCE(gr.role_id, ''), "
            "'0', 'organization', COALESCE(gr.name, 'group member'), COALESCE(g.name, gu.group_id), %1 "
            "FROM openai_group_users gu LEFT JOIN openai_groups g ON g.org_key = gu.org_key AND "
            "g.id = gu.group_id LEFT JOIN openai_group_roles gr ON gr.org_key = gu.org_key AND "
            "gr.group_id = gu.group_id AND gr.removed_at IS NULL "
            "WHERE gu.removed_at IS NULL AND g.deleted_at IS NULL")
            .arg(len("gr.permissions")),
        // Project roles.
        QStringLiteral(
            "SELECT pm.org_key, pm.user_id, 'project:' || pm.project_id, '1' || COALESCE(p.name, "
            "pm.project_id), COALESCE(p.name, pm.project_id), pm.role, 'direct', %1 "
            "FROM openai_project_members pm LEFT JOIN openai_projects p ON p.org_key = pm.org_key AND "
            "p.id = pm.project_id WHERE pm.removed_at IS NULL")
            .arg(predefinedPermissions(pg, QStringLiteral("pm.org_key"), QStringLiteral("pm.role"),
                                       "api.project")),
        // Projects reached through a group.
        QStringLiteral(
            "SELECT gu.org_key, gu.user_id, 'pgroup:' || pg.project_id || '@' || pg.group_id, "
            "'1' || COALESCE(p.name, pg.project_id), COALESCE(p.name, pg.project_id), 'group access', "
            "COALESCE(g.name, pg.group_name, pg.group_id), NULL "
            "FROM openai_group_users gu JOIN openai_project_groups pg ON pg.org_key = gu.org_key AND "
            "pg.group_id = gu.group_id AND pg.removed_at IS NULL LEFT JOIN openai_projects p ON "
            "p.org_key = pg.org_key AND p.id = pg.project_id LEFT JOIN openai_groups g ON "
            "g.org_key = gu.org_key AND g.id = gu.group_id WHERE gu.removed_at IS NULL"),
    };
    SqlColumn scope{tr("Scope"), QStringLiteral("x.scope")};
    scope.sortExpr = QStringLiteral("x.scope_sort"); // the organization first, then projects by name
    return {{scope,
             {tr("Role"), QStringLiteral("x.role")},
             {tr("Via"), QStringLiteral("x.via")},
             {tr("Permissions"), QStringLiteral("x.permissions"), C::Int}},
            QStringLiteral("FROM (%1) x").arg(branches.join(QStringLiteral(" UNION ALL "))),
            QStringLiteral("x.org_key = ? AND x.user_id = ?"),
            QStringLiteral("x.grant_id")};
}

// Users holding the role directly, and the groups holding it (their members hold it through them).
Definition roleHolders(bool pg)
{
    const QString branches =
        QStringLiteral(
            "SELECT ur.org_key AS org_key, ur.role_id AS role_id, 'user:' || ur.user_id AS holder_id, "
            "COALESCE(u.name, u.email, ur.user_id) AS holder, 'user' AS kind, u.email AS email, "
            "CAST(NULL AS BIGINT) AS members FROM openai_user_roles ur LEFT JOIN openai_users u ON "
            "u.org_key = ur.org_key AND u.id = ur.user_id WHERE ur.removed_at IS NULL AND %1 "
            "UNION ALL "
            "SELECT gr.org_key, gr.role_id, 'group:' || gr.group_id, COALESCE(g.name, gr.group_id), "
            "'group', NULL, (SELECT COUNT(*) FROM openai_group_users gu WHERE gu.org_key = gr.org_key "
            "AND gu.group_id = gr.group_id AND gu.removed_at IS NULL) FROM openai_group_roles gr "
            "LEFT JOIN openai_groups g ON g.org_key = gr.org_key AND g.id = gr.group_id "
            "WHERE gr.removed_at IS NULL")
            .arg(accesssql::heldDirectly(pg, QStringLiteral("ur")));
    return {{{tr("Holder"), QStringLiteral("x.holder")},
             {tr("Type"), QStringLiteral("x.kind")},
             {tr("Email"), QStringLiteral("x.email")},
             {tr("Members"), QStringLiteral("x.members"), C::Int}},
            QStringLiteral("FROM (%1) x").arg(branches),
            QStringLiteral("x.org_key = ? AND x.role_id = ?"),
            QStringLiteral("x.holder_id")};
}

Definition groupDefinition(Kind kind)
{
    switch (kind) {
    case Kind::GroupMembers:
        return {
            {{tr("Name"), QStringLiteral("COALESCE(x.name, u.name)")},
             {tr("Email"), QStringLiteral("COALESCE(x.email, u.email)")},
             {tr("Organization role"), QStringLiteral("u.role")}},
            QStringLiteral("FROM openai_group_users x LEFT JOIN openai_users u ON u.org_key = x.org_key AND "
                           "u.id = x.user_id"),
            QStringLiteral("x.org_key = ? AND x.group_id = ? AND x.removed_at IS NULL"),
            QStringLiteral("x.user_id")};
    case Kind::GroupRoles:
        return {{{tr("Role"), QStringLiteral("x.name")},
                 {tr("Resource type"), accesssql::resourceType(QStringLiteral("x.resource_type"))},
                 {tr("Kind"), accesssql::roleKind(QStringLiteral("x.predefined_role"))},
                 {tr("Permissions"), QStringLiteral("x.permissions"), C::Json, false}},
                QStringLiteral("FROM openai_group_roles x"),
                QStringLiteral("x.org_key = ? AND x.group_id = ? AND x.removed_at IS NULL"),
                QStringLiteral("x.role_id")};
    default: // GroupProjects
        return {{{tr("Project"), QStringLiteral("COALESCE(p.name, x.project_id)")},
                 {tr("Added"), QStringLiteral("x.created_at"), C::Timestamp}},
                QStringLiteral(
                    "FROM openai_project_groups x LEFT JOIN openai_projects p ON p.org_key = x.org_key "
                    "AND p.id = x.project_id"),
                QStringLiteral("x.org_key = ? AND x.group_id = ? AND x.removed_at IS NULL"),
                QStringLiteral("x.project_id")};
    }
}

Definition projectDefinition(Kind kind)
{
    if (kind == Kind::ProjectGroups)
        return {
            {{tr("Group"), QStringLiteral("COALESCE(g.name, x.group_name, x.group_id)")},
             {tr("Type"), QStringLiteral("REPLACE(COALESCE(x.group_type, g.group_type), '_', ' ')")},
             {tr("Members"),
              QStringLiteral("(SELECT COUNT(*) FROM openai_group_users gu WHERE gu.org_key = x.org_key AND "
                             "gu.group_id = x.group_id AND gu.removed_at IS NULL)"),
              C::Int},
             {tr("Added"), QStringLiteral("x.created_at"), C::Timestamp}},
            QStringLiteral(
                "FROM openai_project_groups x LEFT JOIN openai_groups g ON g.org_key = x.org_key AND "
                "g.id = x.group_id"),
            QStringLiteral("x.org_key = ? AND x.project_id = ? AND x.removed_at IS NULL"),
            QStringLiteral("x.group_id")};
    // Spend alerts: the threshold is stored in cents; the cell shows it as money with its interval.
    SqlColumn threshold{
        tr("Threshold"),
        QStringLiteral("CAST(x.threshold_amount AS TEXT) || ' ' || COALESCE(x.currency, '') || ' ' "
                       "|| COALESCE(x.interval, '')"),
        C::Text, false, QStringLiteral("x.threshold_amount")};
    threshold.format = &governance::spendAmountCell;
    return {{threshold,
             {tr("Recipients"), QStringLiteral("x.recipients"), C::Json, false},
             {tr("Channel"), QStringLiteral("x.channel_type")},
             {tr("Subject prefix"), QStringLiteral("x.subject_prefix")}},
            QStringLiteral("FROM openai_spend_alerts x"),
            QStringLiteral("x.org_key = ? AND x.project_id = ? AND x.deleted_at IS NULL"),
            QStringLiteral("x.id")};
}

} // namespace

bool isAccessKind(Kind kind)
{
    switch (kind) {
    case Kind::MemberAccess:
    case Kind::ProjectGroups:
    case Kind::ProjectSpendAlerts:
    case Kind::GroupMembers:
    case Kind::GroupRoles:
    case Kind::GroupProjects:
    case Kind::RolePermissions:
    case Kind::RoleHolders:
        return true;
    default:
        return false;
    }
}

Definition accessDefinition(Kind kind, bool pg)
{
    switch (kind) {
    case Kind::MemberAccess:
        return memberAccess(pg);
    case Kind::RoleHolders:
        return roleHolders(pg);
    case Kind::RolePermissions:
        return {{{tr("Permission"), QStringLiteral("p.value")}},
                QStringLiteral("FROM openai_roles r CROSS JOIN %1 p")
                    .arg(jsonsql::textElements(pg, QStringLiteral("r.permissions"))),
                QStringLiteral("r.org_key = ? AND r.id = ?"),
                QStringLiteral("p.value")};
    case Kind::ProjectGroups:
    case Kind::ProjectSpendAlerts:
        return projectDefinition(kind);
    default:
        return groupDefinition(kind);
    }
}

} // namespace orgward::detail
