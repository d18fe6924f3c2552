#include "asofdetailmodel.h"

#include "accessmodels.h"
#include "asofmodel.h"
#include "detailmodels_p.h"
#include "finance/governance.h"
#include "jsonsql.h"

namespace orgward {

namespace {
using C = ColType;
using Kind = DetailTableModel::Kind;

QString tr(const char *text)
{
    return AsOfDetailModel::tr(text);
}

// An SQL expression and the values of its ? marks, in order.
struct Expr
{
    Expr(QString s = {}, QVariantList b = {}) : sql(std::move(s)), binds(std::move(b)) {}
    QString sql;
    QVariantList binds;
};

// What one kind reads at one instant for one parent: where follows the org's ? with binds.
struct AsOfQuery
{
    QList<SqlColumn> columns;
    QString from, where, id;
    QVariantList binds;
};

SqlColumn column(const QString &header, const Expr &e, C type = C::Text)
{
    SqlColumn c{header, e.sql, type};
    c.binds = e.binds;
    return c;
}

Expr coalesce(const QList<Expr> &parts)
{
    Expr out;
    QStringList sql;
    for (const Expr &p : parts) {
        sql << p.sql;
        out.binds += p.binds;
    }
    out.sql = QStringLiteral("COALESCE(%1)").arg(sql.join(QStringLiteral(", ")));
    return out;
}

// The instant and parent one query is built for; h is the history row a query shows.
struct Ctx
{
    const Database &db;
    bool pg;
    qint64 at;
    QString parent;

    // A field of alias's version: text, integer (Unix seconds for times), boolean, JSON.
    Expr text(const char *key, const char *alias = "h") const { return {read(&jsonsql::field, key, alias)}; }
    Expr integer(const char *key, const char *alias = "h") const
    {
        return {read(&jsonsql::fieldInteger, key, alias)};
    }
    Expr flag(const char *key) const { return {read(&jsonsql::fieldBool, key, "h")}; }
    Expr json(const char *key) const { return {read(&jsonsql::fieldJson, key, "h")}; }
    // Alias's version is the one valid at the instant (and not a removal): binds the instant twice.
    QString live(const char *alias) const
    {
        return QStringLiteral("%1 AND %2.change <> 'removed'")
            .arg(AsOfTableModel::validAt(db, QLatin1String(alias)), QLatin1String(alias));
    }
    QVariantList instant() const { return {at, at}; }

private:
    QString read(QString (*f)(bool, const QString &, const QString &), const char *key,
                 const char *alias) const
    {
        return f(pg, QLatin1String(alias) + QStringLiteral(".data"), QLatin1String(key));
    }
};

// A field of table's row keyed rowKey (an SQL expression) as its version valid at the instant had it; a
// removal included: a project archived and gone still has the name it had.
Expr lookup(const Ctx &c, const char *table, const Expr &rowKey, const char *key)
{
    return {QStringLiteral("(SELECT %1 FROM orgward_history hx WHERE hx.org_key = h.org_key AND hx.entity = "
                           "'%2' AND hx.row_key = %3 AND %4)")
                .arg(jsonsql::field(c.pg, QStringLiteral("hx.data"), QLatin1String(key)),
                     QLatin1String(table), rowKey.sql, AsOfTableModel::validAt(c.db, QStringLiteral("hx"))),
            rowKey.binds + c.instant()};
}

// The name of the project (group, user) a version names, as of the instant, else its id.
Expr nameOf(const Ctx &c, const char *table, const char *idKey)
{
    return coalesce({lookup(c, table, c.text(idKey), "name"), c.text(idKey)});
}

// alias's row is a child of parentSql (an expression without ? marks): its row key starts "parent/". On
// SQLite the row index finds those by range (text compares by bytes); PostgreSQL may sort text by a
// collation that ignores '/', so there the parent field alone decides.
QString childOf(const Ctx &c, const char *alias, const char *parentKey, const QString &parentSql)
{
    const QString field =
        jsonsql::field(c.pg, QLatin1String(alias) + QStringLiteral(".data"), QLatin1String(parentKey));
    if (c.pg) return QStringLiteral("%1 = %2").arg(field, parentSql);
    return QStringLiteral("%1.row_key >= (%2 || '/') AND %1.row_key < (%2 || '0') AND %3 = %2")
        .arg(QLatin1String(alias), parentSql, field);
}

// The members of the group a version names, as of the instant (group_users row keys: "group/user").
Expr groupMemberCount(const Ctx &c, const char *groupKey)
{
    return {QStringLiteral("(SELECT COUNT(*) FROM orgward_history gu WHERE gu.org_key = h.org_key AND "
                           "gu.entity = 'openai_group_users' AND %1 AND %2)")
                .arg(childOf(c, "gu", "group_id", c.text(groupKey).sql), c.live("gu")),
            c.instant()};
}

// The versions of table valid at the instant whose parentKey field is the parent. leading: the parent is
// the row key's first part (a project's members: "project/user"), which the row index finds.
AsOfQuery versions(const Ctx &c, const char *table, const char *parentKey, bool leading)
{
    AsOfQuery q;
    q.from = QStringLiteral("FROM orgward_history h");
    q.where = QStringLiteral("h.org_key = ? AND h.entity = ? AND %1 AND %2 = ?")
                  .arg(c.live("h"), c.text(parentKey).sql);
    q.binds = QVariantList{QString::fromLatin1(table)} + c.instant() + QVariantList{c.parent};
    if (leading && !c.pg) { // see childOf()
        q.where += QStringLiteral(" AND h.row_key >= ? AND h.row_key < ?");
        q.binds << QString(c.parent + u'/') << QString(c.parent + u'0');
    }
    q.id = QStringLiteral("h.row_key");
    return q;
}

// A log only grows: the live rows that happened at or before the instant.
AsOfQuery logUntil(const Ctx &c, Kind kind)
{
    detail::Definition d = detail::definition(kind, c.pg);
    const bool audit = kind == Kind::MemberAuditEvents;
    AsOfQuery q{d.columns, d.from, d.where, d.id, {}};
    q.where += audit ? QStringLiteral(" AND a.effective_at <= ?") : QStringLiteral(" AND e.occurred_at <= ?");
    q.binds = {audit ? QVariant(likeContains(c.parent)) : QVariant(c.parent), c.db.bindTimestamp(c.at)};
    return q;
}

AsOfQuery memberQuery(const Ctx &c, Kind kind)
{
    if (kind == Kind::MemberProjects) {
        AsOfQuery q = versions(c, "openai_project_members", "user_id", false);
        q.columns = {column(tr("Project"), nameOf(c, "openai_projects", "project_id")),
                     column(tr("Role"), c.text("role")),
                     column(tr("Added"), c.integer("added_at"), C::Timestamp)};
        return q;
    }
    // The keys the member owned. Their last use is not versioned (it moves with traffic), so a version's is
    // stale: not shown; when the key was created is.
    AsOfQuery q = versions(c, "openai_project_api_keys", "owner_id", false);
    q.columns = {column(tr("Key"), c.text("name")), column(tr("Value"), c.text("redacted_value")),
                 column(tr("Project"), c.text("project_id")),
                 column(tr("Created"), c.integer("created_at"), C::Timestamp)};
    return q;
}

AsOfQuery projectQuery(const Ctx &c, Kind kind)
{
    auto time = [&c](const QString &h, const char *key) { return column(h, c.integer(key), C::Timestamp); };
    AsOfQuery q;
    switch (kind) {
    case Kind::ProjectMembers:
        q = versions(c, "openai_project_members", "project_id", true);
        q.columns = {column(tr("Name"), c.text("name")), column(tr("Email"), c.text("email")),
                     column(tr("Role"), c.text("role")), time(tr("Added"), "added_at")};
        break;
    case Kind::ProjectServiceAccounts:
        q = versions(c, "openai_service_accounts", "project_id", true);
        q.columns = {column(tr("Name"), c.text("name")), column(tr("Role"), c.text("role")),
                     time(tr("Created"), "created_at")};
        break;
    case Kind::ProjectKeys: // last use: see memberQuery()
        q = versions(c, "openai_project_api_keys", "project_id", true);
        q.columns = {column(tr("Name"), c.text("name")), column(tr("Key"), c.text("redacted_value")),
                     column(tr("Owner"), coalesce({c.text("owner_email"), c.text("owner_name")})),
                     time(tr("Created"), "created_at")};
        break;
    case Kind::ProjectRateLimits:
        q = versions(c, "openai_project_rate_limits", "project_id", true);
        q.columns = {column(tr("Model"), c.text("model")),
                     column(tr("Requests/min"), c.integer("max_requests_per_1_minute"), C::Int),
                     column(tr("Tokens/min"), c.integer("max_tokens_per_1_minute"), C::Int),
                     column(tr("Requests/day"), c.integer("max_requests_per_1_day"), C::Int)};
        break;
    default: // ProjectCertificates
        q = versions(c, "openai_project_certificates", "project_id", true);
        q.columns = {column(tr("Name"), c.text("name")), column(tr("Active"), c.flag("active"), C::Bool),
                     time(tr("Expires"), "expires_at")};
        break;
    }
    return q;
}

AsOfQuery projectGroups(const Ctx &c)
{
    AsOfQuery q = versions(c, "openai_project_groups", "project_id", true);
    const Expr group = coalesce(
        {lookup(c, "openai_groups", c.text("group_id"), "name"), c.text("group_name"), c.text("group_id")});
    Expr type =
        coalesce({c.text("group_type"), lookup(c, "openai_groups", c.text("group_id"), "group_type")});
    type.sql = QStringLiteral("REPLACE(%1, '_', ' ')").arg(type.sql);
    q.columns = {column(tr("Group"), group), column(tr("Type"), type),
                 column(tr("Members"), groupMemberCount(c, "group_id"), C::Int),
                 column(tr("Added"), c.integer("created_at"), C::Timestamp)};
    return q;
}

AsOfQuery spendAlerts(const Ctx &c)
{
    AsOfQuery q = versions(c, "openai_spend_alerts", "project_id", true);
    // As the live table: "<cents> <currency> <interval>", shown as money, sorted by the amount.
    const QString cents = c.integer("threshold_amount").sql;
    SqlColumn threshold{
        tr("Threshold"),
        QStringLiteral("CAST(%1 AS TEXT) || ' ' || COALESCE(%2, '') || ' ' || COALESCE(%3, '')")
            .arg(cents, c.text("currency").sql, c.text("interval").sql),
        C::Text, false, cents};
    threshold.format = &governance::spendAmountCell;
    SqlColumn recipients = column(tr("Recipients"), c.json("recipients"), C::Json);
    recipients.filterable = false;
    q.columns = {threshold, recipients, column(tr("Channel"), c.text("channel_type")),
                 column(tr("Subject prefix"), c.text("subject_prefix"))};
    return q;
}

AsOfQuery groupQuery(const Ctx &c, Kind kind)
{
    if (kind == Kind::GroupMembers) {
        AsOfQuery q = versions(c, "openai_group_users", "group_id", true);
        q.columns = {column(tr("Name"),
                            coalesce({c.text("name"), lookup(c, "openai_users", c.text("user_id"), "name")})),
                     column(tr("Email"), coalesce({c.text("email"),
                                                   lookup(c, "openai_users", c.text("user_id"), "email")})),
                     column(tr("Organization role"), lookup(c, "openai_users", c.text("user_id"), "role"))};
        return q;
    }
    if (kind == Kind::GroupRoles) {
        AsOfQuery q = versions(c, "openai_group_roles", "group_id", true);
        SqlColumn permissions = column(tr("Permissions"), c.json("permissions"), C::Json);
        permissions.filterable = false;
        q.columns = {column(tr("Role"), c.text("name")),
                     column(tr("Resource type"), {accesssql::resourceType(c.text("resource_type").sql)}),
                     column(tr("Kind"), {accesssql::roleKind(c.flag("predefined_role").sql)}), permissions};
        return q;
    }
    AsOfQuery q = versions(c, "openai_project_groups", "group_id", false); // GroupProjects
    q.columns = {column(tr("Project"), nameOf(c, "openai_projects", "project_id")),
                 column(tr("Added"), c.integer("created_at"), C::Timestamp)};
    return q;
}

AsOfQuery rolePermissions(const Ctx &c)
{
    AsOfQuery q;
    q.from = QStringLiteral("FROM orgward_history h CROSS JOIN %1 p")
                 .arg(jsonsql::textElements(c.pg, c.json("permissions").sql));
    q.where = QStringLiteral("h.org_key = ? AND h.entity = 'openai_roles' AND %1 AND h.row_key = ?")
                  .arg(c.live("h"));
    q.binds = c.instant() + QVariantList{c.parent};
    q.id = QStringLiteral("p.value");
    q.columns = {{tr("Permission"), QStringLiteral("p.value")}};
    return q;
}

// Users holding the role directly and groups holding it, as of the instant.
AsOfQuery roleHolders(const Ctx &c)
{
    const QString isUser = QStringLiteral("(h.entity = 'openai_user_roles')");
    const Expr user = c.text("user_id");
    Expr holder = coalesce({lookup(c, "openai_users", user, "name"), lookup(c, "openai_users", user, "email"),
                            user, nameOf(c, "openai_groups", "group_id")});
    const Expr email = lookup(c, "openai_users", user, "email");
    Expr members = groupMemberCount(c, "group_id");
    members.sql = QStringLiteral("CASE WHEN %1 THEN NULL ELSE %2 END").arg(isUser, members.sql);
    AsOfQuery q;
    q.from = QStringLiteral("FROM orgward_history h");
    q.where =
        QStringLiteral("h.org_key = ? AND h.entity IN ('openai_user_roles', 'openai_group_roles') AND %1 "
                       "AND %2 = ? AND (NOT %3 OR %4)")
            .arg(c.live("h"), c.text("role_id").sql, isUser,
                 accesssql::heldDirectlyBy(c.pg, c.json("assignment_sources").sql));
    q.binds = c.instant() + QVariantList{c.parent};
    q.id = QStringLiteral("h.entity || ':' || h.row_key");
    q.columns = {
        column(tr("Holder"), holder),
        {tr("Type"), QStringLiteral("CASE WHEN %1 THEN 'user' ELSE 'group' END").arg(isUser)},
        column(tr("Email"), {QStringLiteral("CASE WHEN %1 THEN %2 END").arg(isUser, email.sql), email.binds}),
        column(tr("Members"), members, C::Int)};
    return q;
}

AsOfQuery accessQuery(const Ctx &c); // below: the longest

AsOfQuery query(const Ctx &c, Kind kind)
{
    switch (kind) {
    case Kind::MemberAuditEvents:
    case Kind::CertificateEvents:
        return logUntil(c, kind);
    case Kind::MemberProjects:
    case Kind::MemberKeys:
        return memberQuery(c, kind);
    case Kind::MemberAccess:
        return accessQuery(c);
    case Kind::ProjectGroups:
        return projectGroups(c);
    case Kind::ProjectSpendAlerts:
        return spendAlerts(c);
    case Kind::GroupMembers:
    case Kind::GroupRoles:
    case Kind::GroupProjects:
        return groupQuery(c, kind);
    case Kind::RolePermissions:
        return rolePermissions(c);
    case Kind::RoleHolders:
        return roleHolders(c);
    default:
        return projectQuery(c, kind);
    }
}

// The permission count of the predefined role a plain role name (roleSql) stands for, as of the instant.
Expr predefinedPermissions(const Ctx &c, const QString &roleSql, const char *resourceType)
{
    auto f = [&c](const char *key) {
        return jsonsql::field(c.pg, QStringLiteral("r.data"), QLatin1String(key));
    };
    return {
        QStringLiteral("(SELECT MAX(%1) FROM orgward_history r WHERE r.org_key = h.org_key AND r.entity = "
                       "'openai_roles' AND %2 AND %3 = '%4' AND %5 AND (LOWER(%6) = LOWER(%7) OR LOWER(%6) = "
                       "'project ' || LOWER(%7)))")
            .arg(jsonsql::arrayLength(
                     c.pg, jsonsql::fieldJson(c.pg, QStringLiteral("r.data"), QStringLiteral("permissions"))),
                 c.live("r"), f("resource_type"), QLatin1String(resourceType),
                 jsonsql::fieldBool(c.pg, QStringLiteral("r.data"), QStringLiteral("predefined_role")),
                 f("name"), roleSql),
        c.instant()};
}

// Which versions are the member's grants at the instant (the condition after the org's ?, and its values):
// her own row, her roles held directly (the predefined role her organization role stands for left out, as
// live), group memberships (of groups without roles: a group with roles shows by each role instead), project
// memberships, and the roles and projects of the groups she was in then.
Expr accessCondition(const Ctx &c)
{
    // The member was in the group the version names (? marks: the user, then the instant twice).
    const QString member =
        QStringLiteral("EXISTS (SELECT 1 FROM orgward_history m WHERE m.org_key = h.org_key AND "
                       "m.entity = 'openai_group_users' AND m.row_key = %1 || '/' || ? AND %2)")
            .arg(c.text("group_id").sql, c.live("m"));
    const QString groupHasRoles =
        QStringLiteral("EXISTS (SELECT 1 FROM orgward_history r WHERE r.org_key = "
                       "h.org_key AND r.entity = 'openai_group_roles' AND %1 AND %2)")
            .arg(childOf(c, "r", "group_id", c.text("group_id").sql), c.live("r"));
    const Expr orgRole = lookup(c, "openai_users", c.text("user_id"), "role");
    // Never NULL (a role without a name is no twin): NOT of NULL would drop the row.
    const QString orgRoleTwin =
        QStringLiteral(
            "CASE WHEN %1 AND %2 = 'api.organization' AND LOWER(%3) = LOWER(%4) THEN 1 ELSE 0 END = 1")
            .arg(c.flag("predefined_role").sql, c.text("resource_type").sql, c.text("name").sql, orgRole.sql);
    return {
        QStringLiteral(
            "h.entity IN ('openai_users', 'openai_user_roles', 'openai_group_users', 'openai_group_roles', "
            "'openai_project_members', 'openai_project_groups') AND %1 AND ((h.entity = 'openai_users' AND "
            "h.row_key = ?) OR (h.entity IN ('openai_user_roles', 'openai_group_users', "
            "'openai_project_members') AND %2 = ?) OR (h.entity IN ('openai_group_roles', "
            "'openai_project_groups') AND %3)) AND NOT (h.entity = 'openai_group_users' AND %4) AND NOT "
            "(h.entity = 'openai_user_roles' AND (NOT %5 OR %6))")
            .arg(c.live("h"), c.text("user_id").sql, member, groupHasRoles,
                 accesssql::heldDirectlyBy(c.pg, c.json("assignment_sources").sql), orgRoleTwin),
        c.instant() + QVariantList{c.parent, c.parent, c.parent} + c.instant() + c.instant() + orgRole.binds};
}

// The live Access tab's columns, each read from whichever entity the row's version is.
QList<SqlColumn> accessColumns(const Ctx &c)
{
    const QString e = QStringLiteral("h.entity");
    const QString project =
        QStringLiteral("%1 IN ('openai_project_members', 'openai_project_groups')").arg(e);
    const Expr scope = nameOf(c, "openai_projects", "project_id");
    SqlColumn scopeColumn = column(
        tr("Scope"), {QStringLiteral("CASE WHEN %1 THEN %2 ELSE 'organization' END").arg(project, scope.sql),
                      scope.binds});
    // The organization first, then projects by name (the same ? marks as the shown value).
    scopeColumn.sortExpr = QStringLiteral("CASE WHEN %1 THEN '1' || %2 ELSE '0' END").arg(project, scope.sql);
    const QString role =
        QStringLiteral(
            "CASE %1 WHEN 'openai_group_users' THEN 'group member' WHEN 'openai_project_groups' THEN "
            "'group access' WHEN 'openai_users' THEN %2 WHEN 'openai_project_members' THEN %2 ELSE %3 "
            "END")
            .arg(e, c.text("role").sql, c.text("name").sql);
    Expr group = coalesce(
        {lookup(c, "openai_groups", c.text("group_id"), "name"), c.text("group_name"), c.text("group_id")});
    group.sql =
        QStringLiteral("CASE WHEN %1 IN ('openai_users', 'openai_user_roles', 'openai_project_members') "
                       "THEN 'direct' ELSE %2 END")
            .arg(e, group.sql);
    const Expr orgPerms = predefinedPermissions(c, c.text("role").sql, "api.organization");
    const Expr projectPerms = predefinedPermissions(c, c.text("role").sql, "api.project");
    const Expr permissions{
        QStringLiteral("CASE %1 WHEN 'openai_users' THEN %2 WHEN 'openai_project_members' THEN %3 WHEN "
                       "'openai_project_groups' THEN NULL WHEN 'openai_group_users' THEN NULL ELSE %4 END")
            .arg(e, orgPerms.sql, projectPerms.sql, jsonsql::arrayLength(c.pg, c.json("permissions").sql)),
        orgPerms.binds + projectPerms.binds};
    return {scopeColumn, column(tr("Role"), {role}), column(tr("Via"), group),
            column(tr("Permissions"), permissions, C::Int)};
}

// The member's access as of the instant, one row per grant, as the live Access tab lists them.
AsOfQuery accessQuery(const Ctx &c)
{
    const Expr condition = accessCondition(c);
    AsOfQuery q;
    q.from = QStringLiteral("FROM orgward_history h");
    q.where = QStringLiteral("h.org_key = ? AND ") + condition.sql;
    q.binds = condition.binds;
    q.id = QStringLiteral("h.entity || ':' || h.row_key");
    q.columns = accessColumns(c);
    return q;
}
} // namespace

AsOfDetailModel::AsOfDetailModel(Database &db, Kind kind, QObject *parent)
    : SqlTableModel(db, parent), m_db(db), m_kind(kind)
{
    rebuild();
    if (kind == Kind::MemberAuditEvents) sort(0, Qt::DescendingOrder); // newest first, as live
}

bool AsOfDetailModel::hasAsOf(Kind kind)
{
    return kind != Kind::ServiceAccounts;
}

void AsOfDetailModel::setAsOf(qint64 at)
{
    if (at == m_at) return;
    m_at = at;
    rebuild();
}

void AsOfDetailModel::showParent(const QString &orgKey, const QString &parentId)
{
    m_parent = parentId;
    rebuild();
    setOrgKey(parentId.isEmpty() ? QString() : orgKey);
}

void AsOfDetailModel::rebuild()
{
    // The instant and the parent are in the column and condition binds: each change rebuilds the query.
    const Ctx c{m_db, m_db.isPostgres(), m_at, m_parent};
    AsOfQuery q = query(c, m_kind);
    setQuery(std::move(q.columns), q.from, q.where, q.id);
    setBaseBinds(q.binds);
}

} // namespace orgward
