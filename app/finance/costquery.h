#pragma once
// Costs per day stacked by project or line item, summed exactly (Database::sumDecimal) over one
// group_by set, plus the month-to-date cumulative total.
#include "core/decimal.h"
#include "groupbyset.h"

#include <QList>
#include <QStringList>

namespace orgward {

class Database;

struct CostRequest
{
    QString orgKey;
    QString stackBy = QStringLiteral("project_id"); // project_id, line_item or "" (total)
    qint64 from = 0;                                // [from, to)
    qint64 to = 0;
    int topN = 8;
};

struct CostSeries
{
    GroupBySet set;
    QString currency;
    QList<qint64> days;
    QStringList stackKeys, stackLabels;
    QList<QList<Decimal>> values; // values[stack][day]
    QList<Decimal> dayTotals() const;
    QList<Decimal> cumulative() const;
    Decimal total() const;
};

// The cost dimensions a chart may stack by (column names of openai_costs).
QStringList costDimensionColumns();
// Refuses a stackBy outside costDimensionColumns() (it names a column) with Error::Code::Usage.
Result<CostSeries> queryCosts(Database &db, const CostRequest &request);
// Exact total cost in [from, to) from the smallest group_by set; *currency set when non-null.
Result<Decimal> costTotal(Database &db, const QString &orgKey, qint64 from, qint64 to,
                          QString *currency = nullptr);

} // namespace orgward
