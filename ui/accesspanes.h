#pragma once
// Groups and roles (migration 11): the organization's groups with their members, roles and projects, and
// every role with its permissions and holders. The queries live in models/ (GroupsModel, RolesModel and the
// DetailTableModel kinds, and as of a past instant AsOfDetailModel); this pane only binds the selected row.
#include "consolepane.h"

class QTabWidget;

namespace orgward {
class Database;
class DetailTables;
class SqlTableModel;
class AsOfController;

class GroupsPane : public ConsolePane
{
    Q_OBJECT
public:
    enum Tab
    {
        GroupsTab,
        RolesTab
    };
    enum GroupPreset
    {
        AllGroups,
        ScimManaged,
        NotScimManaged,
        DeletedGroups
    };
    enum RolePreset
    {
        AllRoles,
        CustomRoles,
        PredefinedRoles
    };
    enum GroupDetailTab
    {
        GroupMembers,
        GroupRoles,
        GroupProjects,
        GroupDetailTabCount
    };
    enum RoleDetailTab
    {
        RolePermissions,
        RoleHolders,
        RoleDetailTabCount
    };
    GroupsPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Groups and roles"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override;
    TablePane *activeTable() override;
    TablePane *groups() const { return m_groups; }
    TablePane *roles() const { return m_roles; }
    void showTab(Tab tab);
    // The selected group's (role's) detail tables as shown (as of the pane's instant while it is past), in
    // GroupDetailTab (RoleDetailTab) order.
    SqlTableModel *groupDetailModel(GroupDetailTab tab) const;
    SqlTableModel *roleDetailModel(RoleDetailTab tab) const;
    void applyRole(ConsoleRole role) override;
    AsOfController *asOf() const { return m_asOf; }
    QStringList historyTables() const override;
    bool showHistoryRow(const QString &table, const QString &rowKey, qint64 at) override;

private:
    AsOfController *m_asOf;
    QTabWidget *m_tabs;
    DetailTables *m_groupDetail, *m_roleDetail;
    QTabWidget *m_groupDetailTabs, *m_roleDetailTabs;
    TablePane *m_groups, *m_roles;
};

} // namespace orgward
