#include "groupbyset.h"

#include <algorithm>
#include <limits>

#include "store/database.h"

namespace orgward {

Result<QStringList> storedGroupBySets(Database &db, const QString &table, const QString &orgKey,
                                      const QString &kind)
{
    // A loose index scan: one MIN() probe per distinct set instead of reading every usage row.
    const QString scope =
        kind.isEmpty() ? QStringLiteral("org_key = ?") : QStringLiteral("org_key = ? AND kind = ?");
    QVariantList scopeBinds{orgKey};
    if (!kind.isEmpty()) scopeBinds << kind;
    const QString sql =
        QStringLiteral("WITH RECURSIVE g(gb) AS (SELECT MIN(group_by) FROM %1 WHERE %2 "
                       "UNION ALL SELECT (SELECT MIN(group_by) FROM %1 WHERE %2 AND group_by > g.gb) "
                       "FROM g WHERE g.gb IS NOT NULL) SELECT gb FROM g WHERE gb IS NOT NULL")
            .arg(table, scope);
    auto q = db.exec(sql, scopeBinds + scopeBinds);
    if (!q) return q.error();
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

Result<GroupBySet> chooseGroupBySet(Database &db, const QString &table, const QString &orgKey,
                                    const QString &kind, const QString &dimension)
{
    auto sets = storedGroupBySets(db, table, orgKey, kind);
    if (!sets) return sets.error();
    QString best;
    int bestSize = INT_MAX;
    bool found = false;
    for (const QString &s : std::as_const(*sets)) {
        const QStringList dims = s.split(u',', Qt::SkipEmptyParts);
        if (!dimension.isEmpty() && !dims.contains(dimension)) continue;
        if (int(dims.size()) < bestSize) {
            best = s;
            bestSize = int(dims.size());
            found = true;
        }
    }
    GroupBySet out;
    if (!found) return out;
    out.groupBy = best;
    // '1d' sorts before '1h' and '1m': MIN prefers daily buckets, and only one width is ever read.
    const QString scope =
        kind.isEmpty() ? QStringLiteral("org_key = ?") : QStringLiteral("org_key = ? AND kind = ?");
    QVariantList binds{orgKey};
    if (!kind.isEmpty()) binds << kind;
    binds << best;
    auto w = db.scalar(
        QStringLiteral("SELECT MIN(bucket_width) FROM %1 WHERE %2 AND group_by = ?").arg(table, scope),
        binds);
    if (!w) return w.error();
    out.bucketWidth = w->toString();
    return out;
}

// The smallest stored usage set of `kind` grouped by every one of `dims` (chooseGroupBySet takes one
// dimension), read at one bucket width ('1d' sorts first: daily buckets preferred). Invalid when none.
Result<GroupBySet> usageSetWith(Database &db, const QString &orgKey, const QString &kind,
                                const QStringList &dims)
{
    const QString table = QStringLiteral("usage_events");
    auto sets = storedGroupBySets(db, table, orgKey, kind);
    if (!sets) return sets.error();
    GroupBySet out;
    qsizetype bestSize = std::numeric_limits<qsizetype>::max();
    for (const QString &s : std::as_const(*sets)) {
        const QStringList parts = s.split(u',', Qt::SkipEmptyParts);
        const bool all =
            std::all_of(dims.cbegin(), dims.cend(), [&parts](const QString &d) { return parts.contains(d); });
        if (all && parts.size() < bestSize) {
            out.groupBy = s;
            bestSize = parts.size();
        }
    }
    if (bestSize == std::numeric_limits<qsizetype>::max()) return out;
    auto w = db.scalar(
        QStringLiteral("SELECT MIN(bucket_width) FROM %1 WHERE org_key = ? AND kind = ? AND group_by = ?")
            .arg(table),
        {orgKey, kind, out.groupBy});
    if (!w) return w.error();
    out.bucketWidth = w->toString();
    return out;
}

} // namespace orgward
