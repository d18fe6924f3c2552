#pragma once
// The row history's invariant (store/migration_v12_history.h), checked after any write a test makes: no row
// has two open versions, every stored row has exactly one open version, and the open versions of live rows
// are exactly the live rows. Failures are printed with qWarning (table and counts).
namespace orgward {
class Database;
}

namespace orgward::test {

bool historyConsistent(Database &db);

} // namespace orgward::test
