#pragma once
// A detail table as the organization was at an instant (issue #13): beside a pane shown as of a past
// instant, the selected row's children as orgward_history holds them valid then (valid_from <= t <
// valid_to, removed versions left out), filtered to the parent by the id in each version's data (a project
// member's project_id, a key's owner_id, …), with the live detail's columns where a version has them
// (jsonsql.h reads them on both engines). Names of other rows (a project, a group, a user) are the ones
// their own versions had at the instant. Columns whose changes history does not version (a key's last use)
// are left out rather than shown stale. Logs are not versioned, they only grow: the audit and
// certificate events are the live ones that happened at or before the instant.
//
// Every DetailTableModel kind of a pane's detail area has an as-of form (hasAsOf()). Row ids are the
// history's row keys (the member's access: entity and row key), so ids differ from the live tables'.
#include "detailmodels.h"

namespace orgward {

class AsOfDetailModel : public SqlTableModel
{
    Q_OBJECT
public:
    using Kind = DetailTableModel::Kind;
    AsOfDetailModel(Database &db, Kind kind, QObject *parent = nullptr);
    // False for kinds that are no detail of a selected row (the org's service accounts list).
    static bool hasAsOf(Kind kind);
    Kind kind() const { return m_kind; }
    // The instant (Unix seconds) the rows are read as of; the next showParent() (or reload()) reads them.
    void setAsOf(qint64 at);
    qint64 asOf() const { return m_at; }
    // Shows the children of parentId (a user, project, certificate, group or role id) in org valid at the
    // instant; an empty id: no rows.
    void showParent(const QString &orgKey, const QString &parentId);
    QString parentId() const { return m_parent; }

private:
    void rebuild();
    Database &m_db;
    Kind m_kind;
    qint64 m_at = 0;
    QString m_parent;
};

} // namespace orgward
