#include "costquery.h"

#include "store/database.h"
#include "usagequery.h"

#include <QHash>
#include <algorithm>

namespace orgward {

namespace {
const QString kOther = QStringLiteral("\x01other");
const QString kCosts = QStringLiteral("openai_costs");

QString rangeWhere(Database &db)
{
    return QStringLiteral("org_key = ? AND group_by = ? AND bucket_width = ? AND bucket_start >= %1 AND "
                          "bucket_start < %1")
        .arg(db.secsToTs(QStringLiteral("?")));
}
} // namespace

QList<Decimal> CostSeries::dayTotals() const
{
    QList<Decimal> out(days.size());
    for (const auto &s : values)
        for (int i = 0; i < s.size(); ++i)
            out[i] += s[i];
    return out;
}

QList<Decimal> CostSeries::cumulative() const
{
    QList<Decimal> out = dayTotals();
    for (int i = 1; i < out.size(); ++i)
        out[i] += out[i - 1];
    return out;
}

Decimal CostSeries::total() const
{
    const QList<Decimal> c = cumulative();
    return c.isEmpty() ? Decimal() : c.last();
}

Result<Decimal> costTotal(Database &db, const QString &orgKey, qint64 from, qint64 to, QString *currency)
{
    auto set = chooseGroupBySet(db, kCosts, orgKey, QString(), QString());
    if (!set) return set.error();
    if (!set->isValid()) return Decimal();
    auto q = db.exec(QStringLiteral("SELECT %1, MIN(currency) FROM openai_costs WHERE %2")
                         .arg(db.sumDecimal(QStringLiteral("amount")), rangeWhere(db)),
                     {orgKey, set->groupBy, set->bucketWidth, from, to});
    if (!q) return q.error();
    if (!q->next()) return Decimal();
    if (currency) *currency = q->value(1).toString();
    return Decimal::parse(q->value(0).toString()).value_or(Decimal());
}

QStringList costDimensionColumns()
{
    return {QStringLiteral("project_id"), QStringLiteral("line_item"), QStringLiteral("api_key_id")};
}

Result<CostSeries> queryCosts(Database &db, const CostRequest &r)
{
    // The dimension becomes a column name in the statement: only the fixed list qualifies.
    if (!r.stackBy.isEmpty() && !costDimensionColumns().contains(r.stackBy))
        return err(Error::Code::Usage,
                   QObject::tr("Cannot stack costs by \"%1\": choose one of %2.")
                       .arg(r.stackBy, costDimensionColumns().join(QStringLiteral(", "))));
    CostSeries out;
    out.days = bucketStarts(r.from, r.to, Granularity::Day);
    auto set = chooseGroupBySet(db, kCosts, r.orgKey, QString(), r.stackBy);
    if (!set) return set.error();
    out.set = *set;
    if (!set->isValid() || out.days.isEmpty()) return out;
    const QString dim =
        r.stackBy.isEmpty() ? QStringLiteral("''") : QStringLiteral("COALESCE(%1, '')").arg(r.stackBy);
    const QVariantList binds{r.orgKey, set->groupBy, set->bucketWidth, r.from, r.to};
    auto q = db.exec(
        QStringLiteral("SELECT %1 AS d, %2 AS s, %3, MIN(currency) FROM openai_costs WHERE %4 GROUP BY 1, 2")
            .arg(bucketExpr(db, QStringLiteral("bucket_start"), Granularity::Day), dim,
                 db.sumDecimal(QStringLiteral("amount")), rangeWhere(db)),
        binds);
    if (!q) return q.error();
    struct Cell
    {
        qint64 day;
        QString stack;
        Decimal amount;
    };
    QList<Cell> cells;
    QHash<QString, Decimal> totals;
    while (q->next()) {
        Cell c{q->value(0).toLongLong(), q->value(1).toString(),
               Decimal::parse(q->value(2).toString()).value_or(Decimal())};
        if (out.currency.isEmpty()) out.currency = q->value(3).toString();
        totals[c.stack] += c.amount;
        cells << c;
    }
    // Aggregated cells only (days × stacks): ranking them here is cheap and exact.
    QStringList keys = totals.keys();
    std::sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
        return totals[a] != totals[b] ? totals[a] > totals[b] : a < b;
    });
    if (keys.size() > r.topN) {
        keys = keys.mid(0, r.topN);
        keys << kOther;
    }
    out.stackKeys = keys;
    QHash<QString, int> si;
    for (int i = 0; i < keys.size(); ++i)
        si.insert(keys[i], i);
    QHash<qint64, int> di;
    for (int i = 0; i < out.days.size(); ++i)
        di.insert(out.days[i], i);
    out.values = QList<QList<Decimal>>(keys.size(), QList<Decimal>(out.days.size()));
    for (const Cell &c : std::as_const(cells)) {
        const int d = di.value(c.day, -1);
        const int s = si.contains(c.stack) ? si.value(c.stack) : si.value(kOther, -1);
        if (d >= 0 && s >= 0) out.values[s][d] += c.amount;
    }
    for (const QString &k : std::as_const(keys))
        out.stackLabels << (k == kOther           ? QObject::tr("Other")
                            : r.stackBy.isEmpty() ? QObject::tr("Total")
                                                  : dimensionLabel(db, r.orgKey, r.stackBy, k));
    return out;
}

} // namespace orgward
