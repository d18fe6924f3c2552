// The period-end forecast (issue #15) on synthetic series with known answers: a constant run-rate, a weekly
// pattern reproduced exactly, a day in progress, no history at all, the exhaustion day, a level that moved,
// and the month-end backtest (zero error on a series the model describes, a positive one on noise).
#include "finance/forecast.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

using namespace orgward;

namespace {

constexpr qint64 kDay = 86400;

qint64 utc(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

Decimal dec(qint64 v)
{
    return Decimal::fromUnits(Int128(v) * Int128(1'000'000'000'000'000'000));
}

bool weekend(qint64 day)
{
    return QDateTime::fromSecsSinceEpoch(day, Qt::UTC).date().dayOfWeek() >= 6;
}

// Billed per day over [from, to), the amount of each day from `amount`.
template <typename F> DailySpend series(qint64 from, qint64 to, F amount)
{
    DailySpend s;
    s.currency = QStringLiteral("USD");
    for (qint64 d = from; d < to; d += kDay) {
        s.days << d;
        s.amounts << amount(d);
    }
    return s;
}

} // namespace

class TestForecast : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void constantRunRate()
    {
        const DailySpend s = series(utc(2026, 8, 1), utc(2026, 11, 20), [](qint64) { return dec(10); });
        const PeriodForecast f = forecastPeriod(s, utc(2026, 11, 1), utc(2026, 12, 1), utc(2026, 11, 20));
        QVERIFY(f.hasHistory);
        QCOMPARE(f.days.size(), 30);
        QCOMPARE(f.spent, dec(190)); // November 1–19
        QCOMPARE(f.projectedTotal, dec(300));
        QCOMPARE(*f.low, dec(300)); // every backtest was exact: no spread
        QCOMPARE(*f.high, dec(300));
        QVERIFY(f.actual[18].has_value());
        QVERIFY(!f.actual[19].has_value()); // the 20th has not been billed yet
        QCOMPARE(f.predicted[18], 0.0);
        QCOMPARE(f.predicted[19], 10.0);
        QCOMPARE(*f.exhaustionDay(dec(150)), utc(2026, 11, 15)); // reached by billed spend
        QCOMPARE(*f.exhaustionDay(dec(250)), utc(2026, 11, 25)); // reached by the projection
        QCOMPARE(*f.exhaustionDay(dec(300)), utc(2026, 11, 30));
        QVERIFY(!f.exhaustionDay(dec(301)));
    }

    void weeklyPatternReproduced()
    {
        const auto amount = [](qint64 d) { return dec(weekend(d) ? 3 : 10); };
        const DailySpend s = series(utc(2026, 6, 1), utc(2026, 11, 20), amount);
        const PeriodForecast f = forecastPeriod(s, utc(2026, 11, 1), utc(2026, 12, 1), utc(2026, 11, 20));
        Decimal expected;
        for (qint64 d = utc(2026, 11, 1); d < utc(2026, 12, 1); d += kDay)
            expected += amount(d);
        QCOMPARE(f.projectedTotal, expected);
        for (int i = 19; i < f.days.size(); ++i)
            QCOMPARE(f.predicted[i], weekend(f.days[i]) ? 3.0 : 10.0);
        QCOMPARE(*f.low, expected);
        QCOMPARE(*f.high, expected);
    }

    void dayInProgressCountsWhatItBilled()
    {
        // Noon of the 20th: 4 billed so far of a 10 day. The day counts as 4 + 6 predicted.
        DailySpend s = series(utc(2026, 8, 1), utc(2026, 11, 21), [](qint64) { return dec(10); });
        s.amounts.last() = dec(4);
        PeriodForecast f =
            forecastPeriod(s, utc(2026, 11, 1), utc(2026, 12, 1), utc(2026, 11, 20) + kDay / 2);
        QCOMPARE(f.spent, dec(194));
        QCOMPARE(f.predicted[19], 6.0);
        QCOMPARE(f.projectedTotal, dec(300));
        // A day that already billed more than predicted adds nothing on top.
        s.amounts.last() = dec(25);
        f = forecastPeriod(s, utc(2026, 11, 1), utc(2026, 12, 1), utc(2026, 11, 20) + kDay / 2);
        QCOMPARE(f.predicted[19], 0.0);
        QCOMPARE(f.projectedTotal, dec(215 + 100));
    }

    void noHistoryProjectsWhatIsSpent()
    {
        const DailySpend none = series(utc(2026, 8, 1), utc(2026, 11, 20), [](qint64) { return Decimal(); });
        const PeriodForecast f = forecastPeriod(none, utc(2026, 11, 1), utc(2026, 12, 1), utc(2026, 11, 20));
        QVERIFY(!f.hasHistory);
        QCOMPARE(f.projectedTotal, Decimal());
        QCOMPARE(*f.low, Decimal());
        QVERIFY(!f.exhaustionDay(dec(1)));
        const PeriodForecast empty =
            forecastPeriod(DailySpend{}, utc(2026, 11, 1), utc(2026, 12, 1), utc(2026, 11, 20));
        QCOMPARE(empty.days.size(), 30);
        QCOMPARE(empty.projectedTotal, Decimal());
    }

    void recentLevelWins()
    {
        // 10 a day until 14 days ago, 40 a day since: the run-rate is the recent level, not the average.
        const qint64 asOf = utc(2026, 11, 20);
        const DailySpend s =
            series(utc(2026, 8, 1), asOf, [&](qint64 d) { return dec(d >= asOf - 14 * kDay ? 40 : 10); });
        const PeriodForecast f = forecastPeriod(s, utc(2026, 11, 1), utc(2026, 12, 1), asOf);
        // The 56 days of weekday weights hold both levels on every weekday alike (6 × 10 and 2 × 40), so the
        // weights are all 1 and each day left is predicted at the recent level.
        for (int i = 19; i < f.days.size(); ++i)
            QCOMPARE(f.predicted[i], 40.0);
        QCOMPARE(f.projectedTotal, dec(5 * 10 + 14 * 40 + 11 * 40));
        // The interval is wide: the history holds a jump the backtests did not foresee.
        QVERIFY(f.low && f.high && *f.low < *f.high);
    }

    void backtest()
    {
        // From mid-December: at the 5th of January the weights have 3 weeks to learn from.
        const DailySpend exact =
            series(utc(2025, 12, 15), utc(2026, 11, 20), [](qint64 d) { return dec(weekend(d) ? 3 : 10); });
        QList<BacktestRow> rows = backtestMonthEnd(exact);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].dayOfMonth, 5);
        QCOMPARE(rows[2].dayOfMonth, 20);
        for (const BacktestRow &r : rows) {
            QCOMPARE(r.months, 10); // January–October are complete
            QVERIFY2(r.mape < 1e-9, qPrintable(QString::number(r.mape)));
        }
        QRandomGenerator rng(7);
        const DailySpend noisy = series(utc(2026, 1, 1), utc(2026, 11, 20), [&](qint64) {
            return Decimal::fromUnits(Int128(5 + rng.bounded(10)) * Int128(1'000'000'000'000'000'000));
        });
        rows = backtestMonthEnd(noisy);
        for (const BacktestRow &r : rows)
            QVERIFY2(r.mape > 0.0 && r.mape < 25.0, qPrintable(QString::number(r.mape)));
        // Later in the month less is left to guess.
        QVERIFY(rows[2].mape < rows[0].mape);
        // Zero days before the first bill are not history: January, billed from the 15th, is not scored.
        DailySpend late = noisy;
        for (int i = 0; late.days[i] < utc(2026, 1, 15); ++i)
            late.amounts[i] = Decimal();
        rows = backtestMonthEnd(late);
        for (const BacktestRow &r : rows)
            QCOMPARE(r.months, 9);
    }
};

QTEST_GUILESS_MAIN(TestForecast)
#include "test_forecast.moc"
