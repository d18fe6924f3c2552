#pragma once
// A sync or import run ends with its run row and its journal entry written in one transaction: the
// journal never claims a run the database does not show, and no finished run is missing from it.
#include "compliance/journal.h"
#include "core/result.h"

#include <functional>

namespace orgward {

class Database;

// Runs finish() (the run row's final UPDATE) and appends the journal entry, committed together. Inside a
// transaction the caller already holds (a dry run), both roll back with it.
Status finishRunJournaled(Database &db, const std::function<Status()> &finish, JournalKind kind,
                          const QString &orgKey, const QJsonObject &payload);

} // namespace orgward
