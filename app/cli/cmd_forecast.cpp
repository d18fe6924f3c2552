// orgward forecast: the period-end projection of billed spend and its backtest (issue #15).
#include "command.h"
#include "core/clock.h"
#include "core/instant.h"
#include "finance/allocation.h"
#include "finance/asof.h"
#include "finance/budgetcheck.h"
#include "finance/spend.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace orgward::cli {

namespace {

// The whole stored history is backtested; a year is more than any organization keeps in cost buckets.
constexpr qint64 kBacktestDays = 400;

QString day(qint64 secs)
{
    return formatInstant(secs).left(10);
}

QJsonObject forecastJson(const BudgetStatus &s)
{
    QJsonArray days;
    for (int i = 0; i < s.forecast.days.size(); ++i)
        days.append(
            QJsonObject{{QStringLiteral("day"), day(s.forecast.days[i])},
                        {QStringLiteral("billed"),
                         s.forecast.actual[i] ? QJsonValue(s.forecast.actual[i]->toString()) : QJsonValue()},
                        {QStringLiteral("predicted"), s.forecast.predicted[i]}});
    const auto money = [](const std::optional<Decimal> &d) {
        return d ? QJsonValue(d->toString()) : QJsonValue();
    };
    return QJsonObject{
        {QStringLiteral("scope"), s.budget.scope.text()},
        {QStringLiteral("org_key"), s.budget.orgKey},
        {QStringLiteral("period_start"), formatInstant(s.period.from)},
        {QStringLiteral("period_end"), formatInstant(s.period.to)},
        {QStringLiteral("as_of"), formatInstant(s.asOf)},
        {QStringLiteral("currency"), s.currency},
        {QStringLiteral("spent"), s.spent.toString()},
        {QStringLiteral("projected_spend"), s.forecast.projectedTotal.toString()},
        {QStringLiteral("projected_low"), money(s.forecast.low)},
        {QStringLiteral("projected_high"), money(s.forecast.high)},
        {QStringLiteral("method"),
         QStringLiteral("day-of-week weighted 14-day run-rate; 10-90 % interval from backtest residuals")},
        {QStringLiteral("days"), days}};
}

} // namespace

int cmdForecast(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Project billed spend to the end of the current month (or quarter, year) from daily billed costs: a "
        "14-day run-rate weighted by day of week, with a 10-90 % interval from backtest residuals. "
        "--backtest prints the projection error (MAPE) at days 5, 10 and 20 of each past month."));
    addDatabaseOption(p);
    const QCommandLineOption scope(
        QStringLiteral("scope"),
        QStringLiteral("org (default), project:ID, cost-centre:NAME or workload:NAME."), QStringLiteral("S"));
    const QCommandLineOption org(QStringLiteral("org"),
                                 QStringLiteral("The organization (default: the database's only one)."),
                                 QStringLiteral("KEY"));
    const QCommandLineOption period(QStringLiteral("period"),
                                    QStringLiteral("month (default), quarter or year."), QStringLiteral("P"),
                                    QStringLiteral("month"));
    const QCommandLineOption backtest(QStringLiteral("backtest"),
                                      QStringLiteral("Measure the method on the stored history instead."));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default) or json."),
                                    QStringLiteral("format"), QStringLiteral("text"));
    p.addOptions({scope, org, period, backtest, format});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    const bool json = p.value(format) == u"json";
    if (!json && p.value(format) != u"text")
        return fail(ctx, QStringLiteral("--format: use text or json"), ExitUsage);
    Budget b; // a budget of one unit: the evaluation's spend and projection, without thresholds that matter
    b.name = QStringLiteral("forecast");
    b.amount = Decimal::fromUnits(1);
    if (p.isSet(scope)) {
        auto s = BudgetScope::parse(p.value(scope));
        if (!s) return fail(ctx, u"--" + s.errorMessage(), ExitUsage);
        b.scope = *s;
    }
    const auto per = parseBudgetPeriod(p.value(period));
    if (!per || *per == BudgetPeriod::Custom)
        return fail(ctx, QStringLiteral("--period: use month, quarter or year"), ExitUsage);
    b.period = *per;
    auto db = openDatabase(p, OpenOptions{false, true, false});
    if (!db) return fail(ctx, db.errorMessage());
    auto key = chooseOrg(**db, p.value(org));
    if (!key) return fail(ctx, key.errorMessage(), ExitUsage);
    b.orgKey = *key;
    if (p.isSet(backtest)) {
        const qint64 now = orgNowSecs(**db, *key);
        const qint64 today = now / kSecondsPerDay * kSecondsPerDay;
        auto history =
            b.scope.kind == BudgetScopeKind::Org
                ? orgDailySpend(**db, *key, today - kBacktestDays * kSecondsPerDay, today)
                : Result<DailySpend>(
                      err(Error::Code::Usage,
                          QStringLiteral("--backtest measures the organization's total; leave out --scope")));
        if (!history) return fail(ctx, history.errorMessage(), ExitUsage);
        const QList<BacktestRow> rows = backtestMonthEnd(*history);
        QJsonArray a;
        for (const BacktestRow &r : rows) {
            if (json)
                a.append(QJsonObject{{QStringLiteral("day_of_month"), r.dayOfMonth},
                                     {QStringLiteral("months"), r.months},
                                     {QStringLiteral("mape_percent"), r.mape}});
            else
                ctx.out << "Day " << r.dayOfMonth << ": MAPE " << QString::number(r.mape, 'f', 2)
                        << " % over " << r.months << " month(s)\n";
        }
        if (json)
            ctx.out << QJsonDocument(
                           QJsonObject{{QStringLiteral("org_key"), *key}, {QStringLiteral("backtest"), a}})
                           .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    auto st = evaluateBudget(**db, b, CrossingRecord::ReadOnly);
    if (!st) return fail(ctx, st.errorMessage());
    if (json) {
        ctx.out << QJsonDocument(forecastJson(*st)).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    ctx.out << "Billed " << st->spent.toFixed(2) << " " << st->currency << " from " << day(st->period.from)
            << " to " << formatInstant(st->asOf) << "; projected " << st->forecast.projectedTotal.toFixed(2)
            << " by " << day(st->period.to - 1);
    if (st->forecast.low && st->forecast.high)
        ctx.out << " (10-90 %: " << st->forecast.low->toFixed(2) << " – " << st->forecast.high->toFixed(2)
                << ")";
    ctx.out << ".\n";
    return ExitOk;
}

} // namespace orgward::cli
