#include "spend.h"

#include "groupbyset.h"
#include "store/database.h"
#include "usagequery.h"

#include <QObject>

namespace orgward {

namespace {

const QString kCosts = QStringLiteral("openai_costs");

QString rangeWhere(Database &db)
{
    return QStringLiteral("org_key = ? AND group_by = ? AND bucket_width = ? AND bucket_start >= %1 AND "
                          "bucket_start < %1")
        .arg(db.secsToTs(QStringLiteral("?")));
}

// Rows of (day, key, amount, currency) summed per day and key over one set.
template <typename Row>
Status readDaily(Database &db, const QString &orgKey, const GroupBySet &set, const QString &keyExpr,
                 qint64 from, qint64 to, Row row)
{
    auto q = db.exec(
        QStringLiteral("SELECT %1 AS d, %2 AS k, %3, MIN(currency) FROM openai_costs WHERE %4 GROUP BY 1, 2")
            .arg(bucketExpr(db, QStringLiteral("bucket_start"), Granularity::Day), keyExpr,
                 db.sumDecimal(QStringLiteral("amount")), rangeWhere(db)),
        {orgKey, set.groupBy, set.bucketWidth, from, to});
    if (!q) return q.error();
    while (q->next())
        row(q->value(0).toLongLong(), q->value(1).toString(),
            Decimal::parse(q->value(2).toString()).value_or(Decimal()), q->value(3).toString().toUpper());
    return {};
}

QHash<qint64, int> dayIndex(const QList<qint64> &days)
{
    QHash<qint64, int> di;
    for (int i = 0; i < days.size(); ++i)
        di.insert(days[i], i);
    return di;
}

} // namespace

Decimal DailySpend::total() const
{
    Decimal t;
    for (const Decimal &d : amounts)
        t += d;
    return t;
}

void DailySpend::add(const DailySpend &other)
{
    if (currency.isEmpty()) currency = other.currency;
    for (int i = 0; i < amounts.size() && i < other.amounts.size(); ++i)
        amounts[i] += other.amounts[i];
}

Decimal ProjectSpend::total() const
{
    return select([](const QString &) { return true; }).total();
}

Result<DailySpend> orgDailySpend(Database &db, const QString &orgKey, qint64 from, qint64 to)
{
    DailySpend out;
    out.days = bucketStarts(from, to, Granularity::Day);
    out.amounts = QList<Decimal>(out.days.size());
    auto set = chooseGroupBySet(db, kCosts, orgKey, QString(), QString());
    if (!set) return set.error();
    if (!set->isValid() || out.days.isEmpty()) return out;
    const QHash<qint64, int> di = dayIndex(out.days);
    auto r = readDaily(db, orgKey, *set, QStringLiteral("''"), from, to,
                       [&](qint64 day, const QString &, const Decimal &amount, const QString &currency) {
                           if (out.currency.isEmpty()) out.currency = currency;
                           if (const int i = di.value(day, -1); i >= 0) out.amounts[i] += amount;
                       });
    if (!r) return r.error();
    return out;
}

Result<ProjectSpend> projectDailySpend(Database &db, const QString &orgKey, qint64 from, qint64 to)
{
    ProjectSpend out;
    out.days = bucketStarts(from, to, Granularity::Day);
    auto set = chooseGroupBySet(db, kCosts, orgKey, QString(), QStringLiteral("project_id"));
    if (!set) return set.error();
    if (!set->isValid()) {
        // No costs at all is no spend; costs without a per-project set cannot be split.
        auto any = chooseGroupBySet(db, kCosts, orgKey, QString(), QString());
        if (any && any->isValid())
            return err(Error::Code::Usage,
                       QObject::tr("Organization '%1' has no costs grouped by project: sync costs with "
                                   "group_by project_id (a full sync does) before budgeting by project, cost "
                                   "centre or workload.")
                           .arg(orgKey));
        return out;
    }
    const QHash<qint64, int> di = dayIndex(out.days);
    auto r =
        readDaily(db, orgKey, *set, QStringLiteral("COALESCE(project_id, '')"), from, to,
                  [&](qint64 day, const QString &project, const Decimal &amount, const QString &currency) {
                      if (out.currency.isEmpty()) out.currency = currency;
                      auto it = out.byProject.find(project);
                      if (it == out.byProject.end())
                          it = out.byProject.insert(project, QList<Decimal>(out.days.size()));
                      if (const int i = di.value(day, -1); i >= 0) (*it)[i] += amount;
                  });
    if (!r) return r.error();
    return out;
}

Result<QStringList> orgKeys(Database &db)
{
    auto q = db.exec(QStringLiteral("SELECT org_key FROM organizations ORDER BY org_key"));
    if (!q) return q.error();
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

Result<QString> billedCurrency(Database &db, const QString &orgKey)
{
    auto v = db.scalar(QStringLiteral("SELECT MIN(currency) FROM openai_costs WHERE org_key = ?"), {orgKey});
    if (!v) return v.error();
    return v->toString().toUpper();
}

} // namespace orgward
