#pragma once
// Evaluating budgets (issue #15): billed spend in the budget's current period, utilisation, the thresholds
// crossed and the day each was first reached, the period-end projection (forecast.h) and the day the budget
// is projected to run out. "Now" is the organization's own (a fixture org's capture time). A crossing is
// recorded once (orgward_budget_crossings), so a caller notifies only about ThresholdStatus::isNew ones.
#include "finance/budget.h"
#include "finance/forecast.h"

#include <QList>
#include <optional>

namespace orgward {

class Database;

struct ThresholdStatus
{
    int threshold = 0;
    bool crossed = false;
    std::optional<qint64> crossedOn; // the UTC day the billed spend reached it
    bool isNew = false;              // first seen crossed by this evaluation (and now recorded)
};

struct BudgetStatus
{
    Budget budget;
    PeriodRange period;
    qint64 asOf = 0;
    QString currency;
    Decimal spent;
    QString utilization; // spent / amount, six decimals: "0.850000"
    QList<ThresholdStatus> thresholds;
    PeriodForecast forecast; // projectedTotal, low, high; days for the burn-up chart
    std::optional<qint64> projectedExhaustion;
    QList<int> crossed() const;
    QList<int> newlyCrossed() const;
};

enum class CrossingRecord
{
    Record,   // write first crossings (needs a writable connection with finance or admin rights)
    ReadOnly, // an auditor's view: nothing written, isNew always false
};

// A recorded first crossing (orgward_budget_crossings), for the history of crossings.
struct BudgetCrossing
{
    QString budget;
    QString orgKey; // empty: the budget spans every organization
    qint64 periodStart = 0;
    int threshold = 0;
    qint64 crossedOn = 0;  // the UTC day the billed spend reached the threshold
    Decimal spent;         // the period's spend when it was recorded
    qint64 recordedAt = 0; // when Orgward noticed
};
// Newest first; those of one organization (and the all-organization budgets) when orgKey is set.
Result<QList<BudgetCrossing>> listCrossings(Database &db, const QString &orgKey, int limit = 500);

// asOf 0: the organization's own now; else the budget as of that instant (billed costs before it).
Result<BudgetStatus> evaluateBudget(Database &db, const Budget &budget, CrossingRecord mode, qint64 asOf = 0);
// Every budget, or those of one organization (and the all-organization ones) when orgKey is set.
Result<QList<BudgetStatus>> evaluateBudgets(Database &db, const QString &orgKey, CrossingRecord mode,
                                            qint64 asOf = 0);

} // namespace orgward
