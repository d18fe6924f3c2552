#include "accessmodels.h"

#include "jsonsql.h"

namespace orgward {

namespace accesssql {

QString resourceType(const QString &column)
{
    return QStringLiteral(
               "CASE %1 WHEN 'api.organization' THEN 'organization' WHEN 'api.project' THEN 'project' "
               "ELSE %1 END")
        .arg(column);
}

QString roleKind(const QString &column)
{
    return QStringLiteral("CASE WHEN %1 IS NULL THEN NULL WHEN %1 THEN 'predefined' ELSE 'custom' END")
        .arg(column);
}

QString heldDirectly(bool pg, const QString &alias)
{
    return heldDirectlyBy(pg, alias + QStringLiteral(".assignment_sources"));
}

QString heldDirectlyBy(bool pg, const QString &sources)
{
    // assignment_sources lists who the role came through: the user itself and/or groups. No list (NULL): a
    // direct assignment only. A role that came only through groups is shown with those groups instead.
    const QString type = jsonsql::field(pg, QStringLiteral("s.value"), QStringLiteral("principal_type"));
    return QStringLiteral("(NOT EXISTS (SELECT 1 FROM %1 s WHERE %2 = 'group') OR EXISTS (SELECT 1 FROM %1 s "
                          "WHERE %2 = 'user'))")
        .arg(jsonsql::elements(pg, sources), type);
}

} // namespace accesssql

namespace {
QString count(const char *table, const char *key, const char *gone, const char *parent)
{
    return QStringLiteral(
               "(SELECT COUNT(*) FROM %1 x WHERE x.org_key = %4.org_key AND x.%2 = %4.id AND x.%3 IS "
               "NULL)")
        .arg(QLatin1String(table), QLatin1String(key), QLatin1String(gone), QLatin1String(parent));
}
} // namespace

GroupsModel::GroupsModel(Database &db, QObject *parent) : SqlTableModel(db, parent)
{
    setQuery(
        {
            {tr("Name"), QStringLiteral("g.name")},
            {tr("Type"), QStringLiteral("REPLACE(g.group_type, '_', ' ')")},
            {tr("SCIM-managed"), QStringLiteral("g.is_scim_managed"), ColType::Bool},
            {tr("Created"), QStringLiteral("g.created_at"), ColType::Timestamp},
            {tr("Members"), count("openai_group_users", "group_id", "removed_at", "g"), ColType::Int},
            {tr("Projects"), count("openai_project_groups", "group_id", "removed_at", "g"), ColType::Int},
            {tr("Roles"), count("openai_group_roles", "group_id", "removed_at", "g"), ColType::Int},
        },
        QStringLiteral("FROM openai_groups g"), QStringLiteral("g.org_key = ?"), QStringLiteral("g.id"));
    setMutedExpr(QStringLiteral("g.deleted_at IS NOT NULL"));
}

SqlCondition GroupsModel::filterCondition(Filter f)
{
    switch (f) {
    case Filter::All:
        return {};
    case Filter::ScimManaged:
        return {QStringLiteral("g.deleted_at IS NULL AND g.is_scim_managed = ?"), {true}};
    case Filter::NotScimManaged:
        return {
            QStringLiteral("g.deleted_at IS NULL AND (g.is_scim_managed IS NULL OR g.is_scim_managed = ?)"),
            {false}};
    case Filter::Deleted:
        return {QStringLiteral("g.deleted_at IS NOT NULL"), {}};
    }
    return {};
}

RolesModel::RolesModel(Database &db, QObject *parent) : SqlTableModel(db, parent)
{
    const bool pg = db.isPostgres();
    setQuery(
        {
            {tr("Name"), QStringLiteral("r.name")},
            {tr("Description"), QStringLiteral("r.description")},
            {tr("Resource type"), accesssql::resourceType(QStringLiteral("r.resource_type"))},
            {tr("Kind"), accesssql::roleKind(QStringLiteral("r.predefined_role"))},
            {tr("Permissions"), jsonsql::arrayLength(pg, QStringLiteral("r.permissions")), ColType::Int},
            {tr("Users"),
             QStringLiteral("(SELECT COUNT(*) FROM openai_user_roles x WHERE x.org_key = r.org_key AND "
                            "x.role_id = r.id AND x.removed_at IS NULL)"),
             ColType::Int},
            {tr("Groups"),
             QStringLiteral("(SELECT COUNT(*) FROM openai_group_roles x WHERE x.org_key = r.org_key AND "
                            "x.role_id = r.id AND x.removed_at IS NULL)"),
             ColType::Int},
        },
        QStringLiteral("FROM openai_roles r"), QStringLiteral("r.org_key = ?"), QStringLiteral("r.id"));
    setMutedExpr(QStringLiteral("r.deleted_at IS NOT NULL"));
}

SqlCondition RolesModel::filterCondition(Filter f)
{
    switch (f) {
    case Filter::All:
        return {};
    case Filter::Custom:
        return {QStringLiteral("r.predefined_role = ?"), {false}};
    case Filter::Predefined:
        return {QStringLiteral("r.predefined_role = ?"), {true}};
    }
    return {};
}

} // namespace orgward
