#pragma once
// Usage and cost rows are stored once per group_by set: the same traffic appears under '', 'model',
// 'model,project_id', … Every aggregate must read exactly one set, or it counts the traffic twice.
#include "core/result.h"

#include <QStringList>

namespace orgward {

class Database;

struct GroupBySet
{
    QString groupBy;     // sorted, comma-joined; "" = ungrouped
    QString bucketWidth; // the one width read ("1d" preferred)
    bool isValid() const { return !bucketWidth.isEmpty(); }
};

// All group_by sets stored for (org, usage kind) or, with table "openai_costs" and an empty kind, costs.
Result<QStringList> storedGroupBySets(Database &db, const QString &table, const QString &orgKey,
                                      const QString &kind);
// The smallest stored set containing dimension (empty dimension: the smallest set of all). Invalid when none.
Result<GroupBySet> chooseGroupBySet(Database &db, const QString &table, const QString &orgKey,
                                    const QString &kind, const QString &dimension);

// The smallest stored usage set of `kind` grouped by every one of `dims` (chooseGroupBySet takes one
// dimension), read at one bucket width ('1d' sorts first: daily buckets preferred). Invalid when none.
Result<GroupBySet> usageSetWith(Database &db, const QString &orgKey, const QString &kind,
                                const QStringList &dims);

} // namespace orgward
