#pragma once
// Migration 11: the rest of the Admin API (issue #12). RBAC — groups, their members and roles, the role
// catalogue, each user's roles, the groups with access to a project — model and hosted-tool permissions,
// data retention, spend alerts and hard spend limits. Same shape as every synced table (org_key, raw,
// row_hash, first/updated/last-seen bookkeeping, soft delete). The org's own retention, alerts and limit
// share their tables with the projects' under project_id = ''.
#include "core/result.h"

#include <QStringList>

namespace orgward {

class Database;

Status migrateV11Rbac(Database &db);
// The tables migration 11 added, each granted as synced data; also run by `orgward db install-roles`.
QStringList rbacTables();
Status grantRbacTables(Database &db);

} // namespace orgward
