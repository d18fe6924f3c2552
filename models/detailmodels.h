#pragma once
// The console's smaller tables: the detail tables beside a selected member, project, certificate, group or
// role, and the service accounts list. Each kind owns its SQL; a pane only says which row is selected.
#include "sqltablemodel.h"

namespace orgward {

class DetailTableModel : public SqlTableModel
{
    Q_OBJECT
public:
    enum class Kind
    {
        MemberProjects,    // a member's projects and roles
        MemberKeys,        // API keys the member owns
        MemberAuditEvents, // audit events naming the member (actor or payload)
        MemberAccess,      // every grant behind the member's access: org role, roles, groups, projects
        ProjectMembers,
        ProjectServiceAccounts,
        ProjectKeys,
        ProjectRateLimits,
        ProjectCertificates,
        ProjectGroups,      // groups with access to the project
        ProjectSpendAlerts, // the project's spend alerts
        CertificateEvents,
        GroupMembers,
        GroupRoles,
        GroupProjects,
        RolePermissions, // one row per permission of the role
        RoleHolders,     // users holding the role directly, and groups holding it
        ServiceAccounts  // every service account of the org (no parent row)
    };
    DetailTableModel(Database &db, Kind kind, QObject *parent = nullptr);
    Kind kind() const { return m_kind; }
    // Shows the rows of parentId (a user, project, certificate, group or role id) in org; empty id: no rows.
    void showParent(const QString &orgKey, const QString &parentId);

private:
    Kind m_kind;
};

} // namespace orgward
