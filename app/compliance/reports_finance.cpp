// Finance reports (issue #15): budget-status (every budget of the organization evaluated as of the report's
// instant on billed costs, thresholds crossed and when, the projection) and costs-by-centre (billed costs of
// the period by cost centre and by workload; each table adds up to the billed total exactly).
#include "compliance/reports.h"
#include "compliance/reportsource.h"
#include "core/instant.h"
#include "finance/allocation.h"
#include "finance/budgetcheck.h"

namespace orgward::reports {

namespace {

constexpr int kMoneyDecimals = 6;

QString day(qint64 secs)
{
    return formatInstant(secs).left(10);
}

QVariant optionalDay(const std::optional<qint64> &secs)
{
    return secs ? QVariant(day(*secs)) : QVariant();
}

ReportTable allocationTable(const QString &id, const QString &title, const QString &keyTitle,
                            const AllocatedCosts &c)
{
    ReportTable t{
        id,
        title,
        QStringLiteral("Billed costs (%1) by project, summed per %2; \"unallocated\" holds projects "
                       "without one and costs tied to no project. The rows add up to the total.")
            .arg(c.currency.isEmpty() ? QStringLiteral("none billed") : c.currency, keyTitle.toLower()),
        {{QStringLiteral("key"), keyTitle, CellKind::Text, 3},
         {QStringLiteral("amount"), QStringLiteral("Billed"), CellKind::Number, 2},
         {QStringLiteral("share"), QStringLiteral("Share"), CellKind::Number, 1}},
        {}};
    for (const AllocationTotal &r : c.rows)
        t.rows.append({r.key.isEmpty() ? QStringLiteral("unallocated") : r.key,
                       r.amount.toFixed(kMoneyDecimals), utilizationText(r.amount, c.total, 4)});
    t.rows.append({QStringLiteral("Total"), c.total.toFixed(kMoneyDecimals), QStringLiteral("1.0000")});
    return t;
}

} // namespace

Status budgetStatus(ReportSource &src, Report &r, const ReportParams &)
{
    auto statuses = evaluateBudgets(src.db(), src.orgKey(), CrossingRecord::ReadOnly, src.asOf());
    if (!statuses) return statuses.error();
    ReportTable t{
        QStringLiteral("budgets"),
        QStringLiteral("Budgets"),
        QStringLiteral("Each budget of the organization (and those of every organization) in its "
                       "period as of the report's instant, on billed costs only. Budgets as defined "
                       "now; money exact to the micro-unit."),
        {{QStringLiteral("budget"), QStringLiteral("Budget"), CellKind::Text, 3},
         {QStringLiteral("scope"), QStringLiteral("Scope"), CellKind::Text, 3},
         {QStringLiteral("period_start"), QStringLiteral("From"), CellKind::Date, 2},
         {QStringLiteral("period_end"), QStringLiteral("Until"), CellKind::Date, 2},
         {QStringLiteral("amount"), QStringLiteral("Amount"), CellKind::Number, 2},
         {QStringLiteral("currency"), QStringLiteral("Cur."), CellKind::Text, 1},
         {QStringLiteral("spent"), QStringLiteral("Spent"), CellKind::Number, 2},
         {QStringLiteral("utilization"), QStringLiteral("Used"), CellKind::Number, 2},
         {QStringLiteral("crossed"), QStringLiteral("Crossed"), CellKind::Text, 2},
         {QStringLiteral("projected_spend"), QStringLiteral("Projected"), CellKind::Number, 2},
         {QStringLiteral("projected_exhaustion"), QStringLiteral("Runs out"), CellKind::Date, 2}},
        {}};
    ReportTable crossings{QStringLiteral("crossings"),
                          QStringLiteral("Thresholds reached"),
                          QStringLiteral("The day billed spend first reached each threshold in the period."),
                          {{QStringLiteral("budget"), QStringLiteral("Budget"), CellKind::Text, 3},
                           {QStringLiteral("threshold"), QStringLiteral("Threshold %"), CellKind::Number, 1},
                           {QStringLiteral("reached_on"), QStringLiteral("Reached on"), CellKind::Date, 2}},
                          {}};
    qint64 over = 0;
    for (const BudgetStatus &s : std::as_const(*statuses)) {
        QStringList crossed;
        for (const ThresholdStatus &th : s.thresholds) {
            if (!th.crossed) continue;
            crossed << QString::number(th.threshold);
            crossings.rows.append({s.budget.name, qint64(th.threshold), day(*th.crossedOn)});
        }
        over += crossed.isEmpty() ? 0 : 1;
        t.rows.append({s.budget.name, s.budget.scope.text(), day(s.period.from), day(s.period.to - 1),
                       s.budget.amount.toString(), s.currency, s.spent.toFixed(kMoneyDecimals), s.utilization,
                       crossed.join(u','), s.forecast.projectedTotal.toFixed(kMoneyDecimals),
                       optionalDay(s.projectedExhaustion)});
        if (s.projectedExhaustion)
            r.findings.append({FindingSeverity::Warning, QString(),
                               QStringLiteral("Budget \"%1\" is projected to run out on %2.")
                                   .arg(s.budget.name, day(*s.projectedExhaustion))});
    }
    r.tables = {t, crossings};
    r.summary = {{QStringLiteral("Budgets"), qint64(statuses->size())},
                 {QStringLiteral("Budgets past a threshold"), over}};
    return {};
}

Status costsByCentre(ReportSource &src, Report &r, const ReportParams &p)
{
    auto centres = costsByAllocation(src.db(), src.orgKey(), p.from, p.to, AllocationDimension::CostCentre);
    if (!centres) return centres.error();
    auto workloads = costsByAllocation(src.db(), src.orgKey(), p.from, p.to, AllocationDimension::Workload);
    if (!workloads) return workloads.error();
    r.tables = {allocationTable(QStringLiteral("cost_centres"), QStringLiteral("By cost centre"),
                                QStringLiteral("Cost centre"), *centres),
                allocationTable(QStringLiteral("workloads"), QStringLiteral("By workload"),
                                QStringLiteral("Workload"), *workloads)};
    Decimal unallocated;
    for (const AllocationTotal &t : centres->rows)
        if (t.key.isEmpty()) unallocated = t.amount;
    r.summary = {{QStringLiteral("Billed in the period"), centres->total.toFixed(kMoneyDecimals)},
                 {QStringLiteral("Without a cost centre"), unallocated.toFixed(kMoneyDecimals)}};
    if (unallocated > Decimal())
        r.findings.append({FindingSeverity::Info, QString(),
                           QStringLiteral("%1 %2 of billed costs has no cost centre: allocate the projects "
                                          "(orgward allocate set, or rules).")
                               .arg(unallocated.toFixed(2), centres->currency)});
    return {};
}

} // namespace orgward::reports
