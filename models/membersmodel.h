#pragma once
#include "sqltablemodel.h"

namespace orgward {

// Organization members: role, added date, project count, API-key count and last key use.
class MembersModel : public SqlTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Email,
        Role,
        Added,
        Projects,
        Keys,
        LastKeyUse,
        Status,
        ColumnCount
    };
    enum class Filter
    {
        All,
        InNoProject, // active members outside every project (the dashboard's tile)
        Removed
    };
    explicit MembersModel(Database &db, QObject *parent = nullptr);
    static SqlCondition filterCondition(Filter f);
};

// Invitations with their state as of the org's now (pending, expired, accepted).
class InvitesModel : public SqlTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Email,
        Role,
        State,
        Created,
        Expires,
        Accepted,
        Projects,
        ColumnCount
    };
    enum class Filter
    {
        All,
        Pending // not accepted, not removed, not expired as of now
    };
    explicit InvitesModel(Database &db, QObject *parent = nullptr);
    void setNow(qint64 now); // rebuilds the state column; reload() after
    // A condition for setExtraCondition(), as of the last setNow().
    SqlCondition filterCondition(Filter f) const;

private:
    Database &m_db;
    qint64 m_now = 0;
};

} // namespace orgward
