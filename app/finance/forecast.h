#pragma once
// Period-end projection of billed spend (issue #15). The method, documented so a finance user can redo it:
// 1. Day-of-week weights from the last kWeightWindowDays complete days: weight(w) = mean spend on weekday w
//    / mean spend of all those days (all 1 with fewer than kMinWeightDays days, or no spend).
// 2. Level: the mean, over the last kLevelWindowDays complete days, of spend / weight(weekday): the recent
//    run-rate with the weekly pattern taken out.
// 3. Each remaining day of the period is level × weight(its weekday). The day in progress counts with what
//    it billed so far or its prediction, whichever is larger.
// 4. Interval: the same model backtested on the history itself: for every day a with enough history before
//    it, the prediction for the next H days (H = days left) is compared with what was billed; the 10th and
//    90th percentiles of actual / predicted scale the projection (shown when at least kMinBacktests exist).
// Doubles are used for the estimate only; what was spent stays exact.
#include "core/decimal.h"
#include "finance/spend.h"

#include <QList>
#include <optional>

namespace orgward {

inline constexpr int kLevelWindowDays = 14;
inline constexpr int kWeightWindowDays = 56;
inline constexpr int kMinWeightDays = 14;
inline constexpr int kMinBacktests = 5;

struct PeriodForecast
{
    qint64 periodFrom = 0, periodTo = 0, asOf = 0;
    Decimal spent;                        // billed in [periodFrom, asOf)
    QList<qint64> days;                   // every day of the period
    QList<std::optional<Decimal>> actual; // billed per day up to asOf's day, nullopt after
    QList<double> predicted;              // prediction per day from asOf's day on, 0 before
    Decimal projectedTotal;               // spent + the remaining prediction, rounded to micro-units
    std::optional<Decimal> low, high;     // the interval of projectedTotal
    bool hasHistory = false;              // false: nothing billed before asOf, the projection is `spent`
    // The first day the cumulative spend (billed, then predicted) reaches `amount`; nullopt when it does not
    // within the period.
    std::optional<qint64> exhaustionDay(const Decimal &amount) const;
};

// history holds complete and partial days (DailySpend over [any start, periodTo) or beyond); asOf is "now".
PeriodForecast forecastPeriod(const DailySpend &history, qint64 periodFrom, qint64 periodTo, qint64 asOf);

// Backtest of month-end projections: for each calendar month wholly inside the billed history (from the
// first day with spend: zero days before it are not the organization's history) and each day d of
// daysOfMonth, the projection made at the end of day d against the month's billed total.
struct BacktestRow
{
    int dayOfMonth = 0;
    int months = 0;    // months measured
    double mape = 0.0; // mean absolute percentage error, in percent
};
QList<BacktestRow> backtestMonthEnd(const DailySpend &history, const QList<int> &daysOfMonth = {5, 10, 20});

} // namespace orgward
