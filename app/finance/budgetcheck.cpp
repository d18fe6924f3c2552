#include "budgetcheck.h"

#include "core/clock.h"
#include "finance/allocation.h"
#include "finance/asof.h"
#include "finance/budgetstore.h"
#include "finance/spend.h"
#include "store/database.h"

#include <QHash>
#include <algorithm>

namespace orgward {

namespace {

// Enough history before the period for the forecast's weights, level and backtests.
constexpr qint64 kHistoryDays = 240;

Result<DailySpend> scopeSpend(Database &db, const QString &orgKey, const BudgetScope &scope, qint64 from,
                              qint64 to)
{
    if (scope.kind == BudgetScopeKind::Org) return orgDailySpend(db, orgKey, from, to);
    auto spend = projectDailySpend(db, orgKey, from, to);
    if (!spend) return spend.error();
    if (scope.kind == BudgetScopeKind::Project)
        return spend->select([&](const QString &project) { return project == scope.value; });
    auto projects = AllocationStore(db).effective(orgKey);
    if (!projects) return projects.error();
    QHash<QString, QString> keyOf;
    for (const ProjectAllocation &a : std::as_const(*projects))
        keyOf.insert(a.projectId, scope.kind == BudgetScopeKind::CostCentre ? a.costCentre : a.workload);
    return spend->select([&](const QString &project) { return keyOf.value(project) == scope.value; });
}

QList<ThresholdStatus> thresholdStates(const Budget &b, const PeriodForecast &f)
{
    QList<ThresholdStatus> out;
    for (int t : b.thresholds) {
        ThresholdStatus s{t, false, std::nullopt, false};
        Decimal cumulative;
        for (int i = 0; i < f.days.size() && !s.crossed; ++i) {
            if (!f.actual[i]) continue;
            cumulative += *f.actual[i];
            if (thresholdCrossed(cumulative, b.amount, t)) {
                s.crossed = true;
                s.crossedOn = f.days[i];
            }
        }
        out << s;
    }
    return out;
}

Status recordCrossings(Database &db, BudgetStatus &st)
{
    if (auto r = db.begin(); !r) return r;
    for (ThresholdStatus &t : st.thresholds) {
        if (!t.crossed) continue;
        auto q =
            db.exec(QStringLiteral("INSERT INTO orgward_budget_crossings (budget, org_key, period_start, "
                                   "threshold, crossed_on, spent, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                   "ON CONFLICT (budget, org_key, period_start, threshold) DO NOTHING"),
                    {st.budget.name, st.budget.orgKey.isNull() ? QStringLiteral("") : st.budget.orgKey,
                     db.bindTimestamp(st.period.from), t.threshold, db.bindTimestamp(*t.crossedOn),
                     st.spent.toString(), db.bindTimestamp(Clock::nowSecs())});
        if (!q) {
            db.rollback();
            return q.error();
        }
        t.isNew = q->numRowsAffected() > 0;
    }
    return db.commit();
}

} // namespace

QList<int> BudgetStatus::crossed() const
{
    QList<int> out;
    for (const ThresholdStatus &t : thresholds)
        if (t.crossed) out << t.threshold;
    return out;
}

QList<int> BudgetStatus::newlyCrossed() const
{
    QList<int> out;
    for (const ThresholdStatus &t : thresholds)
        if (t.isNew) out << t.threshold;
    return out;
}

Result<BudgetStatus> evaluateBudget(Database &db, const Budget &b, CrossingRecord mode, qint64 asOf)
{
    QStringList orgs{b.orgKey};
    if (b.orgKey.isEmpty()) {
        auto all = orgKeys(db);
        if (!all) return all.error();
        orgs = *all;
    }
    BudgetStatus st;
    st.budget = b;
    st.asOf = 0;
    for (const QString &org : std::as_const(orgs))
        st.asOf = std::max(st.asOf, orgNowSecs(db, org));
    if (orgs.isEmpty()) st.asOf = Clock::nowSecs();
    if (asOf > 0) st.asOf = asOf;
    st.period = budgetPeriodAt(b, st.asOf);
    const qint64 from =
        std::min(st.period.from, st.asOf / kSecondsPerDay * kSecondsPerDay - kHistoryDays * kSecondsPerDay);
    DailySpend total;
    for (const QString &org : std::as_const(orgs)) {
        auto s = scopeSpend(db, org, b.scope, from, st.period.to);
        if (!s) return s.error();
        if (total.days.isEmpty()) {
            total = *s;
            continue;
        }
        if (!s->currency.isEmpty() && !total.currency.isEmpty() && s->currency != total.currency)
            return err(Error::Code::Usage,
                       QStringLiteral("budget '%1' spans organizations billed in %2 and %3; give it --org")
                           .arg(b.name, total.currency, s->currency));
        total.add(*s);
    }
    st.currency = total.currency.isEmpty() ? b.currency : total.currency;
    st.forecast = forecastPeriod(total, st.period.from, st.period.to, st.asOf);
    st.spent = st.forecast.spent;
    st.utilization = utilizationText(st.spent, b.amount);
    st.thresholds = thresholdStates(b, st.forecast);
    st.projectedExhaustion = st.forecast.exhaustionDay(b.amount);
    if (mode == CrossingRecord::Record && !db.isReadOnly() && !st.crossed().isEmpty())
        if (auto r = recordCrossings(db, st); !r) return r.error();
    return st;
}

Result<QList<BudgetCrossing>> listCrossings(Database &db, const QString &orgKey, int limit)
{
    auto q = db.exec(
        QStringLiteral("SELECT budget, org_key, period_start, threshold, crossed_on, spent, recorded_at "
                       "FROM orgward_budget_crossings WHERE ? = '' OR org_key = ? OR org_key = '' "
                       "ORDER BY recorded_at DESC, budget, threshold DESC LIMIT ?"),
        {orgKey.isNull() ? QStringLiteral("") : orgKey, orgKey.isNull() ? QStringLiteral("") : orgKey,
         limit});
    if (!q) return q.error();
    QList<BudgetCrossing> out;
    while (q->next())
        out << BudgetCrossing{q->value(0).toString(),
                              q->value(1).toString(),
                              Database::timestampSecs(q->value(2)),
                              q->value(3).toInt(),
                              Database::timestampSecs(q->value(4)),
                              Decimal::parse(q->value(5).toString()).value_or(Decimal()),
                              Database::timestampSecs(q->value(6))};
    return out;
}

Result<QList<BudgetStatus>> evaluateBudgets(Database &db, const QString &orgKey, CrossingRecord mode,
                                            qint64 asOf)
{
    auto budgets = BudgetStore(db).list();
    if (!budgets) return budgets.error();
    QList<BudgetStatus> out;
    for (const Budget &b : std::as_const(*budgets)) {
        if (!orgKey.isEmpty() && !b.orgKey.isEmpty() && b.orgKey != orgKey) continue;
        auto st = evaluateBudget(db, b, mode, asOf);
        if (!st) return st.error();
        out << *st;
    }
    return out;
}

} // namespace orgward
