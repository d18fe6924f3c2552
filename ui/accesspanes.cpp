#include "accesspanes.h"

#include "asofbar.h"
#include "detailtables.h"
#include "models/accessmodels.h"
#include "models/asofmodel.h"
#include "models/detailmodels.h"
#include "tablepane.h"

#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace orgward {

namespace {
using Kind = DetailTableModel::Kind;

// Detail tabs beside a table: one table of tables per (kind, tab name, object name), in order.
QTabWidget *detailTabs(const QList<std::tuple<Kind, QString, QString>> &tabs, const QString &name,
                       const QString &objectName, DetailTables *tables)
{
    auto *w = new QTabWidget;
    w->setAccessibleName(name);
    w->setObjectName(objectName);
    for (const auto &[kind, tabName, tabObject] : tabs)
        w->addTab(tables->add(kind, tabName, tabObject, w), tabName);
    return w;
}
} // namespace

GroupsPane::GroupsPane(Database &db, QWidget *parent)
    : ConsolePane(parent), m_asOf(new AsOfController(db, this)), m_tabs(new QTabWidget(this)),
      m_groupDetail(new DetailTables(db, m_asOf, this)), m_roleDetail(new DetailTables(db, m_asOf, this))
{
    using GF = GroupsModel::Filter;
    using RF = RolesModel::Filter;
    m_groups = new TablePane(tr("Groups"), new GroupsModel(db, this), this);
    m_groups->setEmptyText(tr("No groups synced for this organization yet."));
    m_groups->addPreset(tr("All groups"));
    m_groups->addPreset(tr("SCIM-managed"), GroupsModel::filterCondition(GF::ScimManaged));
    m_groups->addPreset(tr("Not SCIM-managed"), GroupsModel::filterCondition(GF::NotScimManaged));
    m_groups->addPreset(tr("Deleted"), GroupsModel::filterCondition(GF::Deleted));
    m_groupDetailTabs = detailTabs({{Kind::GroupMembers, tr("Members"), QStringLiteral("groupMembers")},
                                    {Kind::GroupRoles, tr("Roles"), QStringLiteral("groupRoles")},
                                    {Kind::GroupProjects, tr("Projects"), QStringLiteral("groupProjects")}},
                                   tr("Group details"), QStringLiteral("groupDetails"), m_groupDetail);
    // A few dozen groups, each with short detail tables: the details get the full width, below the table.
    m_groups->setDetail(m_groupDetailTabs, 300, Qt::Vertical);
    connect(m_groups, &TablePane::currentIdChanged, this,
            [this](const QString &id) { m_groupDetail->showParent(m_groups->model()->orgKey(), id); });

    m_roles = new TablePane(tr("Roles"), new RolesModel(db, this), this);
    m_roles->setEmptyText(tr("No roles synced for this organization yet."));
    m_roles->addPreset(tr("All roles"));
    m_roles->addPreset(tr("Custom"), RolesModel::filterCondition(RF::Custom));
    m_roles->addPreset(tr("Predefined"), RolesModel::filterCondition(RF::Predefined));
    m_roleDetailTabs =
        detailTabs({{Kind::RolePermissions, tr("Permissions"), QStringLiteral("rolePermissions")},
                    {Kind::RoleHolders, tr("Held by"), QStringLiteral("roleHolders")}},
                   tr("Role details"), QStringLiteral("roleDetails"), m_roleDetail);
    m_roles->setDetail(m_roleDetailTabs, 300, Qt::Vertical);
    connect(m_roles, &TablePane::currentIdChanged, this,
            [this](const QString &id) { m_roleDetail->showParent(m_roles->model()->orgKey(), id); });

    m_tabs->setObjectName(QStringLiteral("groupsAndRoles"));
    m_tabs->addTab(m_groups, tr("Groups"));
    m_tabs->addTab(m_roles, tr("Roles"));
    vbox(this)->addWidget(m_tabs);
    m_groups->bindAsOf(m_asOf, new AsOfTableModel(db, AsOfTableModel::Entity::Groups, this));
    m_roles->bindAsOf(m_asOf, new AsOfTableModel(db, AsOfTableModel::Entity::Roles, this));
}

void GroupsPane::applyRole(ConsoleRole role)
{
    m_asOf->setAvailable(roleAllows(role, Capability::ViewAuditLog)); // history is audit data
}

QStringList GroupsPane::historyTables() const
{
    return {QStringLiteral("openai_groups"), QStringLiteral("openai_group_users"),
            QStringLiteral("openai_group_roles"), QStringLiteral("openai_roles")};
}

bool GroupsPane::showHistoryRow(const QString &table, const QString &rowKey, qint64 at)
{
    if (!historyTables().contains(table)) return false;
    const bool role = table == u"openai_roles";
    TablePane *t = role ? m_roles : m_groups;
    m_tabs->setCurrentWidget(t);
    m_asOf->setAt(at);
    // A group's members and roles show the group's row.
    t->selectWhenLoaded(role ? rowKey : rowKey.section(u'/', 0, 0));
    return true;
}

TablePane *GroupsPane::activeTable()
{
    return m_tabs->currentIndex() == RolesTab ? m_roles : m_groups;
}

void GroupsPane::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

SqlTableModel *GroupsPane::groupDetailModel(GroupDetailTab tab) const
{
    return m_groupDetail->shown(tab);
}

SqlTableModel *GroupsPane::roleDetailModel(RoleDetailTab tab) const
{
    return m_roleDetail->shown(tab);
}

void GroupsPane::setOrg(const QString &org, qint64)
{
    m_asOf->setOrg(org);
    m_groups->model()->setOrgKey(org);
    m_roles->model()->setOrgKey(org);
    m_groupDetail->showParent(org, QString());
    m_roleDetail->showParent(org, QString());
}

void GroupsPane::refresh()
{
    m_asOf->refresh();
    m_groups->model()->refresh();
    m_roles->model()->refresh();
    m_groupDetail->refresh();
    m_roleDetail->refresh();
}

} // namespace orgward
