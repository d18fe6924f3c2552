#include "forecast.h"

#include "core/clock.h"

#include <QDateTime>
#include <algorithm>
#include <array>
#include <cmath>

namespace orgward {

namespace {

constexpr int kDaysPerWeek = 7;
constexpr int kThursdayOffset = 3; // 1970-01-01 was a Thursday; weekday 0 is Monday
constexpr int kBacktestAnchors = 180;
constexpr double kLowQuantile = 0.10, kHighQuantile = 0.90;
constexpr int kMicroDigits = 6;

int weekday(qint64 dayStart)
{
    return int((dayStart / kSecondsPerDay + kThursdayOffset) % kDaysPerWeek);
}

qint64 dayFloor(qint64 secs)
{
    return secs / kSecondsPerDay * kSecondsPerDay;
}

struct Model
{
    double level = 0.0;
    std::array<double, kDaysPerWeek> weight{1, 1, 1, 1, 1, 1, 1};
    double predict(qint64 day) const { return level * weight[weekday(day)]; }
};

// Fits the model on v[0, end).
Model fit(const QList<double> &v, const QList<qint64> &days, int end)
{
    Model m;
    const int wStart = std::max(0, end - kWeightWindowDays);
    if (end - wStart >= kMinWeightDays) {
        std::array<double, kDaysPerWeek> sums{};
        std::array<int, kDaysPerWeek> counts{};
        double total = 0.0;
        for (int i = wStart; i < end; ++i) {
            sums[weekday(days[i])] += v[i];
            ++counts[weekday(days[i])];
            total += v[i];
        }
        const double mean = total / (end - wStart);
        if (mean > 0.0)
            for (int w = 0; w < kDaysPerWeek; ++w)
                m.weight[w] = counts[w] ? sums[w] / counts[w] / mean : 1.0;
    }
    double sum = 0.0;
    int n = 0;
    for (int i = std::max(0, end - kLevelWindowDays); i < end; ++i) {
        const double w = m.weight[weekday(days[i])];
        if (w <= 0.0) continue; // a weekday that never bills says nothing about the level
        sum += v[i] / w;
        ++n;
    }
    m.level = n ? sum / n : 0.0;
    return m;
}

double quantile(QList<double> sorted, double q)
{
    std::sort(sorted.begin(), sorted.end());
    const double pos = q * double(sorted.size() - 1);
    const int lo = int(std::floor(pos)), hi = int(std::ceil(pos));
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

Decimal micro(double v)
{
    return Decimal::parse(QString::number(v, 'f', kMicroDigits)).value_or(Decimal());
}

// Ratios actual / predicted of the model's h-day sums over the history's complete days [0, end).
QList<double> backtestRatios(const QList<double> &v, const QList<qint64> &days, int end, int h)
{
    QList<double> ratios;
    for (int a = std::max(kMinWeightDays, end - h - kBacktestAnchors); a + h <= end; ++a) {
        const Model m = fit(v, days, a);
        double pred = 0.0, actual = 0.0;
        for (int i = a; i < a + h; ++i) {
            pred += m.predict(days[i]);
            actual += v[i];
        }
        if (pred > 0.0) ratios << actual / pred;
    }
    return ratios;
}

} // namespace

std::optional<qint64> PeriodForecast::exhaustionDay(const Decimal &amount) const
{
    Decimal billed;
    double ahead = 0.0;
    for (int i = 0; i < days.size(); ++i) {
        if (actual[i]) billed += *actual[i];
        if (billed >= amount) return days[i]; // exact while only billed spend counts
        ahead += predicted[i];
        if (billed.toDouble() + ahead >= amount.toDouble()) return days[i];
    }
    return std::nullopt;
}

PeriodForecast forecastPeriod(const DailySpend &history, qint64 periodFrom, qint64 periodTo, qint64 asOf)
{
    PeriodForecast f;
    f.periodFrom = periodFrom;
    f.periodTo = periodTo;
    f.asOf = asOf;
    const qint64 today = dayFloor(asOf);
    QList<double> v;
    v.reserve(history.amounts.size());
    for (const Decimal &d : history.amounts)
        v << d.toDouble();
    const int complete =
        int(std::lower_bound(history.days.begin(), history.days.end(), today) - history.days.begin());
    for (int i = 0; i < complete; ++i)
        f.hasHistory = f.hasHistory || !history.amounts[i].isZero();
    const Model model = fit(v, history.days, complete);
    for (qint64 d = dayFloor(periodFrom); d < periodTo; d += kSecondsPerDay) {
        const qsizetype hi = history.days.indexOf(d);
        const std::optional<Decimal> billed =
            (hi >= 0 && d <= today && d < asOf) ? std::optional<Decimal>(history.amounts[hi]) : std::nullopt;
        if (billed && d >= periodFrom) f.spent += *billed;
        double pred = 0.0;
        if (d >= today && f.hasHistory)
            pred = std::max(0.0, model.predict(d) - (billed ? billed->toDouble() : 0.0));
        f.days << d;
        f.actual << billed;
        f.predicted << pred;
    }
    double remaining = 0.0;
    for (double p : std::as_const(f.predicted))
        remaining += p;
    f.projectedTotal = f.spent + micro(remaining);
    int h = 0;
    for (qint64 d : std::as_const(f.days))
        h += d >= today ? 1 : 0;
    if (h == 0 || !f.hasHistory) {
        f.low = f.high = f.projectedTotal;
        return f;
    }
    const QList<double> ratios = backtestRatios(v, history.days, complete, h);
    if (ratios.size() >= kMinBacktests) {
        f.low = f.spent + micro(remaining * quantile(ratios, kLowQuantile));
        f.high = f.spent + micro(remaining * quantile(ratios, kHighQuantile));
    }
    return f;
}

QList<BacktestRow> backtestMonthEnd(const DailySpend &history, const QList<int> &daysOfMonth)
{
    // Months before the first billed day are not the organization's: a month the history starts inside
    // would be scored against a projection made from nothing.
    int firstBilled = 0;
    while (firstBilled < history.amounts.size() && history.amounts[firstBilled].isZero())
        ++firstBilled;
    QList<BacktestRow> rows;
    for (int d : daysOfMonth) {
        BacktestRow row{d, 0, 0.0};
        double sumApe = 0.0;
        for (int i = 0; i < history.days.size(); ++i) {
            const QDate first = QDateTime::fromSecsSinceEpoch(history.days[i], Qt::UTC).date();
            if (first.day() != 1 || i < firstBilled) continue;
            const qint64 mFrom = history.days[i];
            const qint64 mTo = QDateTime(first.addMonths(1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
            if (history.days.last() < mTo - kSecondsPerDay) break; // the month is not complete
            const qint64 asOf = mFrom + qint64(d) * kSecondsPerDay;
            DailySpend known;
            for (int k = 0; k < history.days.size() && history.days[k] < asOf; ++k) {
                known.days << history.days[k];
                known.amounts << history.amounts[k];
            }
            Decimal actual;
            for (int k = i; k < history.days.size() && history.days[k] < mTo; ++k)
                actual += history.amounts[k];
            if (actual <= Decimal()) continue;
            const Decimal projected = forecastPeriod(known, mFrom, mTo, asOf).projectedTotal;
            sumApe += std::abs(projected.toDouble() - actual.toDouble()) / actual.toDouble();
            ++row.months;
        }
        row.mape = row.months ? 100.0 * sumApe / row.months : 0.0;
        rows << row;
    }
    return rows;
}

} // namespace orgward
