#pragma once
#include "sqltablemodel.h"

namespace orgward {

// Organization members: role, added date, project count, API-key count and last key use.
class MembersModel : public SqlTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Email, Role, Added, Projects, Keys, LastKeyUse, Status, ColumnCount };
    explicit MembersModel(Database &db, QObject *parent = nullptr);
};

} // namespace orgward
