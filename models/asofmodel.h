#pragma once
// A pane's table as the organization was at an instant (issue #13): the versions of one entity that
// orgward_history (migration 12) holds as valid then (valid_from <= t < valid_to, removed versions left
// out), with the live table's own columns where a version has them: each is read from the version's data
// JSON (jsonsql.h knows both engines). Columns the live tables compute from other tables (member project
// counts, key use, cost) are not versioned and not shown. Row ids are the history's row keys: the entity's
// key columns joined by '/' (a member's id, "project/key" for a key).
#include "sqltablemodel.h"

namespace orgward {

class AsOfTableModel : public SqlTableModel
{
    Q_OBJECT
public:
    enum class Entity
    {
        Members,
        Invites,
        Projects,
        ApiKeys,
        ServiceAccounts,
        Certificates,
        Groups,
        Roles
    };
    AsOfTableModel(Database &db, Entity entity, QObject *parent = nullptr);
    Entity entity() const { return m_entity; }
    // The entity table whose versions are shown (openai_users, …).
    static QString tableOf(Entity entity);
    // "The version of history row alias is the one valid at the instant": two ? marks, both the instant
    // (Unix seconds). The as-of detail tables read the same way (asofdetailmodel.h).
    static QString validAt(const Database &db, const QString &alias);
    QString table() const { return tableOf(m_entity); }
    // The instant (Unix seconds) the rows are read as of; setOrgKey() or reload() runs the query.
    void setAsOf(qint64 at);
    qint64 asOf() const { return m_at; }

private:
    QList<SqlColumn> columns(qint64 at) const;
    Database &m_db;
    Entity m_entity;
    qint64 m_at = 0;
};

} // namespace orgward
