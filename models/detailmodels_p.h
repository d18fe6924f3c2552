#pragma once
// The SQL behind each DetailTableModel kind (detailmodels.cpp and, for groups, roles, access and project
// governance, detailmodels_access.cpp).
#include "detailmodels.h"

namespace orgward::detail {

struct Definition
{
    QList<SqlColumn> columns;
    QString from, where, id; // where: ? for the org, then ? for the parent id (if any)
};

// The live SQL of kind (the as-of detail tables reuse the logs' SQL: asofdetailmodel.cpp).
Definition definition(DetailTableModel::Kind kind, bool pg);

// The kinds of migration 11's tables: group, role, member access and project governance details.
Definition accessDefinition(DetailTableModel::Kind kind, bool pg);
bool isAccessKind(DetailTableModel::Kind kind);

} // namespace orgward::detail
