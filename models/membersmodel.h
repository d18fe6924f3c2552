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
    explicit MembersModel(Database &db, QObject *parent = nullptr);
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
    explicit InvitesModel(Database &db, QObject *parent = nullptr);
    void setNow(qint64 now); // rebuilds the state column; reload() after

private:
    Database &m_db;
};

} // namespace orgward
