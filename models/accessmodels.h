#pragma once
// The organization's groups and roles (migration 11): who is grouped how, and which roles exist with how
// many permissions and holders. Their detail tables (a group's members, roles and projects; a role's
// permissions and holders; a member's access) are DetailTableModel kinds.
#include "sqltablemodel.h"

namespace orgward {

// Groups with their type, SCIM management, creation and counts of members, projects and roles. Deleted
// groups are muted.
class GroupsModel : public SqlTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Type,
        ScimManaged,
        Created,
        Members,
        Projects,
        Roles,
        ColumnCount
    };
    enum class Filter
    {
        All,
        ScimManaged,
        NotScimManaged, // groups kept by hand in the dashboard
        Deleted
    };
    explicit GroupsModel(Database &db, QObject *parent = nullptr);
    static SqlCondition filterCondition(Filter f);
};

// Roles (predefined and custom) with their description, resource type, permission count and how many users
// and groups hold each. Deleted roles are muted.
class RolesModel : public SqlTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Description,
        ResourceType,
        Kind, // predefined or custom
        Permissions,
        Users,
        Groups,
        ColumnCount
    };
    enum class Filter
    {
        All,
        Custom,
        Predefined
    };
    explicit RolesModel(Database &db, QObject *parent = nullptr);
    static SqlCondition filterCondition(Filter f);
};

// SQL shared by the access models (bookkeeping around the JSON helpers in jsonsql.h).
namespace accesssql {
// "organization" / "project" for api.organization / api.project, else the stored text.
QString resourceType(const QString &column);
// "predefined" / "custom" (NULL stays NULL).
QString roleKind(const QString &column);
// True when a user role row (alias ur) is held directly: no assignment source, or a "user" one among them.
QString heldDirectly(bool pg, const QString &alias);
// The same for the assignment_sources JSON expression sources (a user role version's, in history).
QString heldDirectlyBy(bool pg, const QString &sources);
} // namespace accesssql

} // namespace orgward
