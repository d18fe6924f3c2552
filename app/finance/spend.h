#pragma once
// Billed spend per UTC day, exact (Decimal), for budgets, forecasts and allocation. Costs are stored once per
// group_by set: the organization's total reads the smallest set, anything per project reads the smallest
// set holding project_id, never both in one sum.
#include "core/decimal.h"
#include "core/result.h"

#include <QHash>
#include <QList>
#include <QString>

namespace orgward {

class Database;

struct DailySpend
{
    QList<qint64> days;     // UTC day starts, ascending, every day of the range
    QList<Decimal> amounts; // billed cost of each day
    QString currency;       // as billed, upper case ("USD"); empty when no cost row was read
    Decimal total() const;
    // Adds other day by day (same days) and takes its currency when this has none.
    void add(const DailySpend &other);
};

struct ProjectSpend
{
    QList<qint64> days;
    QHash<QString, QList<Decimal>> byProject; // project id ("" = costs tied to no project) → per day
    QString currency;
    Decimal total() const;
    // The days summed over the projects `keep` accepts.
    template <typename Keep> DailySpend select(Keep keep) const
    {
        DailySpend out{days, QList<Decimal>(days.size()), currency};
        for (auto it = byProject.cbegin(); it != byProject.cend(); ++it)
            if (keep(it.key()))
                for (int i = 0; i < days.size(); ++i)
                    out.amounts[i] += it.value()[i];
        return out;
    }
};

// The organization's billed cost per day in [from, to), from the smallest stored group_by set.
Result<DailySpend> orgDailySpend(Database &db, const QString &orgKey, qint64 from, qint64 to);
// Per project per day in [from, to), from the smallest set holding project_id. A usage error names the
// organization when no such set was synced.
Result<ProjectSpend> projectDailySpend(Database &db, const QString &orgKey, qint64 from, qint64 to);
// The organizations in the database (org_key, sorted).
Result<QStringList> orgKeys(Database &db);
// The currency the organization is billed in ("USD"), empty when no cost is stored.
Result<QString> billedCurrency(Database &db, const QString &orgKey);

} // namespace orgward
