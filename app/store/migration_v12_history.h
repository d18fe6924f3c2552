#pragma once
// Migration 12: row history (issue #13). Every change written to an entity table — by the sync, the fixture
// importer, an admin action, anyone — is kept as a version in orgward_history, written by triggers in the
// same transaction as the row, so history can never disagree with the current table:
//   entity, row_key (the key columns joined with '/'), change (added | changed | removed | reappeared),
//   valid_from (when Orgward observed it: the row's updated_at), valid_to (NULL while current),
//   pass_id (the sync pass that observed it) and data (every API column as a JSON object).
// A version is written only when a column that matters changes: "noise" columns (a key's last_used_at, a
// member's api_key_last_used_at) and raw-only fields do not make one (historyNoiseColumns()). Usage and
// cost buckets are time series already and are not versioned; a billed amount that changes for a closed
// bucket is kept in orgward_cost_corrections (old and new amount, when observed).
//
// The triggers are built from the table's columns as the database has them when the migration runs (not
// from today's TableSpec), so the migration stays what it was; a later migration that adds a table calls
// installHistoryTriggers() for it.
#include "core/result.h"

#include <QString>
#include <QStringList>

namespace orgward {

class Database;

Status migrateV12History(Database &db);
// The entity tables migration 12 versions.
QStringList historyTables();
// Columns whose changes alone are not versioned (kept current in the table, noise in history).
QStringList historyNoiseColumns(const QString &table);
// (Re)creates one table's history triggers and records the versions its existing rows start from.
Status installHistoryTriggers(Database &db, const QString &table);
// Grants on orgward_history (admins write it through the triggers); also run by `orgward db install-roles`.
Status grantHistory(Database &db);

} // namespace orgward
