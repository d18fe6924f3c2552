// orgward budget set|list|remove|check: budgets on billed spend (issue #15).
#include "api/webhook.h"
#include "command.h"
#include "core/clock.h"
#include "core/instant.h"
#include "finance/budgetcheck.h"
#include "finance/budgetstore.h"
#include "security/roles.h"
#include "security/tablesource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace orgward::cli {

namespace {

const QCommandLineOption kFormat(QStringLiteral("format"), QStringLiteral("text (default) or json."),
                                 QStringLiteral("format"), QStringLiteral("text"));

QString day(qint64 secs)
{
    return formatInstant(secs).left(10);
}

QJsonObject budgetJson(const Budget &b)
{
    QJsonObject o{{QStringLiteral("name"), b.name},
                  {QStringLiteral("org_key"), b.orgKey.isEmpty() ? QJsonValue() : QJsonValue(b.orgKey)},
                  {QStringLiteral("scope"), b.scope.text()},
                  {QStringLiteral("amount"), b.amount.toString()},
                  {QStringLiteral("currency"), b.currency},
                  {QStringLiteral("period"), budgetPeriodName(b.period)},
                  {QStringLiteral("thresholds"), thresholdsText(b.thresholds)},
                  {QStringLiteral("note"), b.note},
                  {QStringLiteral("updated_at"), formatInstantOrEmpty(b.updatedAt)},
                  {QStringLiteral("updated_by"), b.updatedBy}};
    if (b.period == BudgetPeriod::Custom) {
        o.insert(QStringLiteral("from"), formatInstant(b.customFrom));
        o.insert(QStringLiteral("to"), formatInstant(b.customTo));
    }
    return o;
}

// "  webhook https://hooks.slack.com/…" (origin only); nothing when none or not readable (auditors, readers).
QString webhookNote(Database &db, const QString &budget)
{
    auto url = BudgetStore(db).webhook(budget);
    return url && !url->isEmpty() ? QStringLiteral("  webhook ") + webhookDisplay(*url) : QString();
}

QJsonValue optionalMoney(const std::optional<Decimal> &d)
{
    return d ? QJsonValue(d->toString()) : QJsonValue();
}

QJsonObject statusJson(const BudgetStatus &s)
{
    QJsonArray crossed, fresh;
    QJsonObject crossedOn;
    for (const ThresholdStatus &t : s.thresholds) {
        if (t.crossed) {
            crossed.append(t.threshold);
            crossedOn.insert(QString::number(t.threshold), day(*t.crossedOn));
        }
        if (t.isNew) fresh.append(t.threshold);
    }
    return QJsonObject{
        {QStringLiteral("name"), s.budget.name},
        {QStringLiteral("org_key"), s.budget.orgKey.isEmpty() ? QJsonValue() : QJsonValue(s.budget.orgKey)},
        {QStringLiteral("scope"), s.budget.scope.text()},
        {QStringLiteral("period_start"), formatInstant(s.period.from)},
        {QStringLiteral("period_end"), formatInstant(s.period.to)},
        {QStringLiteral("as_of"), formatInstant(s.asOf)},
        {QStringLiteral("amount"), s.budget.amount.toString()},
        {QStringLiteral("currency"), s.currency},
        {QStringLiteral("spent"), s.spent.toString()},
        {QStringLiteral("utilization"), s.utilization.toDouble()},
        {QStringLiteral("thresholds"), thresholdsText(s.budget.thresholds)},
        {QStringLiteral("crossed"), crossed},
        {QStringLiteral("crossed_on"), crossedOn},
        {QStringLiteral("newly_crossed"), fresh},
        {QStringLiteral("projected_spend"), s.forecast.projectedTotal.toString()},
        {QStringLiteral("projected_low"), optionalMoney(s.forecast.low)},
        {QStringLiteral("projected_high"), optionalMoney(s.forecast.high)},
        {QStringLiteral("projected_exhaustion"),
         s.projectedExhaustion ? QJsonValue(day(*s.projectedExhaustion)) : QJsonValue()}};
}

QString statusLine(const BudgetStatus &s)
{
    QStringList crossed;
    for (int t : s.crossed())
        crossed << QString::number(t) + u'%';
    QString line =
        QStringLiteral("%1 [%2%3, %4 – %5]: spent %6 of %7 %8 (%9 %)")
            .arg(s.budget.name, s.budget.scope.text(),
                 s.budget.orgKey.isEmpty() ? QStringLiteral(", all orgs") : u", " + s.budget.orgKey,
                 day(s.period.from), day(s.period.to - 1), s.spent.toFixed(2), s.budget.amount.toString(),
                 s.currency, QString::number(s.utilization.toDouble() * 100.0, 'f', 2));
    line += crossed.isEmpty() ? QStringLiteral("; no threshold crossed")
                              : u"; CROSSED " + crossed.join(QStringLiteral(", "));
    line += QStringLiteral("; projected %1").arg(s.forecast.projectedTotal.toFixed(2));
    if (s.forecast.low && s.forecast.high && *s.forecast.low != *s.forecast.high)
        line += QStringLiteral(" (%1 – %2)").arg(s.forecast.low->toFixed(2), s.forecast.high->toFixed(2));
    if (s.projectedExhaustion) line += QStringLiteral("; runs out %1").arg(day(*s.projectedExhaustion));
    return line;
}

// Fills the budget from the options, keeping what an existing budget has for options not given.
Status applyOptions(const QCommandLineParser &p, Budget &b, bool isNew, Database &db)
{
    const auto has = [&](const char *name) { return p.isSet(QString::fromLatin1(name)); };
    const auto value = [&](const char *name) { return p.value(QString::fromLatin1(name)); };
    if (has("amount")) {
        const auto a = Decimal::parse(value("amount"));
        if (!a)
            return err(Error::Code::Usage,
                       QStringLiteral("--amount '%1' is not a decimal number such as 2500 or 1999.50")
                           .arg(value("amount")));
        b.amount = *a;
    } else if (isNew) {
        return err(Error::Code::Usage, QStringLiteral("a new budget needs --amount"));
    }
    if (has("currency")) b.currency = value("currency").toUpper();
    if (has("thresholds")) {
        auto t = parseThresholds(value("thresholds"));
        if (!t) return err(Error::Code::Usage, u"--" + t.errorMessage());
        b.thresholds = *t;
    }
    if (has("scope")) {
        auto s = BudgetScope::parse(value("scope"));
        if (!s) return err(Error::Code::Usage, u"--" + s.errorMessage());
        b.scope = *s;
    }
    if (has("note")) b.note = value("note");
    if (has("all-orgs") && has("org"))
        return err(Error::Code::Usage, QStringLiteral("give --org or --all-orgs, not both"));
    if (has("all-orgs")) {
        b.orgKey.clear();
    } else if (has("org") || isNew) {
        auto org = chooseOrg(db, value("org"));
        if (!org) return org.error();
        b.orgKey = *org;
    }
    if (has("period")) {
        const auto period = parseBudgetPeriod(value("period"));
        if (!period)
            return err(
                Error::Code::Usage,
                QStringLiteral("--period '%1': use month, quarter, year or custom").arg(value("period")));
        b.period = *period;
    }
    if (has("from") || has("to")) {
        if (!(has("from") && has("to")))
            return err(Error::Code::Usage, QStringLiteral("a custom period needs both --from and --to"));
        if (has("period") && b.period != BudgetPeriod::Custom)
            return err(Error::Code::Usage,
                       QStringLiteral("--from/--to make a custom period; leave out --period %1")
                           .arg(value("period")));
        const qint64 now = Clock::nowSecs();
        auto from = parseInstant(value("from"), now);
        if (!from) return err(Error::Code::Usage, u"--from: " + from.errorMessage());
        auto to = parseInstant(value("to"), now);
        if (!to) return err(Error::Code::Usage, u"--to: " + to.errorMessage());
        b.period = BudgetPeriod::Custom;
        b.customFrom = *from;
        b.customTo = *to;
    } else if (b.period == BudgetPeriod::Custom && (isNew || has("period"))) {
        return err(Error::Code::Usage, QStringLiteral("--period custom needs --from D and --to D"));
    }
    return {};
}

int budgetSet(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Create or change a budget. Options not given keep the budget's current values. Amounts are billed "
        "spend in the organization's billing currency; --to is exclusive."));
    addDatabaseOption(p);
    p.addPositionalArgument(QStringLiteral("NAME"),
                            QStringLiteral("The budget's name (unique in the database)."));
    p.addOptions(
        {{QStringLiteral("amount"), QStringLiteral("The budget, e.g. 2500 or 1999.50."), QStringLiteral("A")},
         {QStringLiteral("currency"),
          QStringLiteral("ISO 4217 code; must be the billed currency (default USD)."), QStringLiteral("CUR")},
         {QStringLiteral("period"), QStringLiteral("month (default), quarter, year or custom."),
          QStringLiteral("P")},
         {QStringLiteral("from"), QStringLiteral("Start of a custom period (2026-10-01)."),
          QStringLiteral("D")},
         {QStringLiteral("to"), QStringLiteral("End of a custom period, exclusive (2027-01-01)."),
          QStringLiteral("D")},
         {QStringLiteral("scope"),
          QStringLiteral("org (default), project:ID, cost-centre:NAME or workload:NAME."),
          QStringLiteral("S")},
         {QStringLiteral("thresholds"),
          QStringLiteral("Alert thresholds in percent, ascending (default 70,85,95)."),
          QStringLiteral("LIST")},
         {QStringLiteral("org"), QStringLiteral("The organization (default: the database's only one)."),
          QStringLiteral("KEY")},
         {QStringLiteral("all-orgs"),
          QStringLiteral("Budget the spend of every organization in the database together.")},
         {QStringLiteral("note"), QStringLiteral("A note shown with the budget."), QStringLiteral("TEXT")},
         {QStringLiteral("webhook"),
          QStringLiteral("POST each first crossing here as JSON (Slack-compatible \"text\"); '' removes it. "
                         "https, or http to this computer only."),
          QStringLiteral("URL")}});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    if (p.positionalArguments().size() != 1)
        return fail(ctx, QStringLiteral("name one budget: orgward budget set NAME --amount A"), ExitUsage);
    auto db = openDatabase(p);
    if (!db) return fail(ctx, db.errorMessage());
    BudgetStore store(**db);
    auto existing = store.get(p.positionalArguments().first());
    if (!existing) return fail(ctx, existing.errorMessage());
    Budget b = existing->value_or(Budget{});
    b.name = p.positionalArguments().first();
    if (auto r = applyOptions(p, b, !*existing, **db); !r) return fail(ctx, r.errorMessage(), ExitUsage);
    if (const QString hook = p.value(QStringLiteral("webhook")); !hook.isEmpty())
        if (auto u = checkWebhookUrl(hook); !u) return fail(ctx, u.errorMessage(), ExitUsage);
    if (auto r = store.save(b); !r)
        return fail(ctx, r.errorMessage(), r.error().code == Error::Code::Usage ? ExitUsage : ExitFailed);
    if (p.isSet(QStringLiteral("webhook")))
        if (auto r = store.setWebhook(b.name, p.value(QStringLiteral("webhook"))); !r)
            return fail(ctx, r.errorMessage(), r.error().code == Error::Code::Usage ? ExitUsage : ExitFailed);
    ctx.out << (*existing ? "Changed" : "Added") << " budget " << b.name << ": " << b.amount.toString() << " "
            << b.currency << " per " << budgetPeriodName(b.period) << " for " << b.scope.text() << " ("
            << (b.orgKey.isEmpty() ? QStringLiteral("all organizations") : b.orgKey) << "), thresholds "
            << thresholdsText(b.thresholds) << " %.\n";
    return ExitOk;
}

int budgetList(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("List the budgets of the database."));
    addDatabaseOption(p);
    p.addOption(kFormat);
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    const QString format = p.value(kFormat);
    if (format != u"text" && format != u"json")
        return fail(ctx, QStringLiteral("--format: use text or json"), ExitUsage);
    auto db = openDatabase(p, OpenOptions{false, true, false});
    if (!db) return fail(ctx, db.errorMessage());
    auto list = BudgetStore(**db).list();
    if (!list) return fail(ctx, list.errorMessage());
    if (format == u"json") {
        QJsonArray a;
        for (const Budget &b : std::as_const(*list))
            a.append(budgetJson(b));
        ctx.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const Budget &b : std::as_const(*list))
        ctx.out << b.name << "  " << b.amount.toString() << " " << b.currency << " per "
                << budgetPeriodName(b.period)
                << (b.period == BudgetPeriod::Custom
                        ? QStringLiteral(" %1 – %2").arg(day(b.customFrom), day(b.customTo))
                        : QString())
                << "  " << b.scope.text() << "  "
                << (b.orgKey.isEmpty() ? QStringLiteral("all orgs") : b.orgKey) << "  thresholds "
                << thresholdsText(b.thresholds) << (b.note.isEmpty() ? QString() : u"  " + b.note)
                << webhookNote(**db, b.name) << "\n";
    if (list->isEmpty()) ctx.out << "No budgets yet: orgward budget set NAME --amount A\n";
    return ExitOk;
}

int budgetRemove(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Remove a budget (and its recorded crossings)."));
    addDatabaseOption(p);
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The budget."));
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    if (p.positionalArguments().size() != 1) return fail(ctx, QStringLiteral("name one budget"), ExitUsage);
    auto db = openDatabase(p);
    if (!db) return fail(ctx, db.errorMessage());
    if (auto r = BudgetStore(**db).remove(p.positionalArguments().first()); !r)
        return fail(ctx, r.errorMessage(), r.error().code == Error::Code::NotFound ? ExitUsage : ExitFailed);
    ctx.out << "Removed budget " << p.positionalArguments().first() << ".\n";
    return ExitOk;
}

int budgetCheck(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Evaluate every budget in its current period (the organization's own now). Exits 0 when no threshold "
        "is crossed, 6 when any is. A threshold crossed for the first time is recorded (once)."));
    addDatabaseOption(p);
    p.addOption(kFormat);
    const QCommandLineOption org(
        QStringLiteral("org"),
        QStringLiteral("Only this organization's budgets (and the all-organization ones)."),
        QStringLiteral("KEY"));
    p.addOption(org);
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    const QString format = p.value(kFormat);
    if (format != u"text" && format != u"json")
        return fail(ctx, QStringLiteral("--format: use text or json"), ExitUsage);
    auto db = openDatabase(p, OpenOptions{false, true, false});
    if (!db) return fail(ctx, db.errorMessage());
    // An auditor or reader sees the crossings but cannot record them (the grants would refuse the insert).
    auto role = detectRole(**db);
    if (!role) return fail(ctx, role.errorMessage());
    if (auto a = applyRoleSources(**db, *role); !a) return fail(ctx, a.errorMessage());
    const CrossingRecord mode =
        roleAllows(*role, Capability::EditBudgets) ? CrossingRecord::Record : CrossingRecord::ReadOnly;
    if (p.isSet(org))
        if (auto o = chooseOrg(**db, p.value(org)); !o) return fail(ctx, o.errorMessage(), ExitUsage);
    auto statuses = evaluateBudgets(**db, p.value(org), mode);
    if (!statuses) return fail(ctx, statuses.errorMessage());
    bool anyCrossed = false;
    QJsonArray a;
    for (const BudgetStatus &s : std::as_const(*statuses)) {
        anyCrossed = anyCrossed || !s.crossed().isEmpty();
        if (format == u"json")
            a.append(statusJson(s));
        else
            ctx.out << statusLine(s) << "\n";
    }
    if (format == u"json")
        ctx.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    else if (statuses->isEmpty())
        ctx.out << "No budgets yet: orgward budget set NAME --amount A\n";
    return anyCrossed ? ExitBudgetCrossed : ExitOk;
}

} // namespace

int cmdBudget(Context &ctx)
{
    return dispatchSubcommand(
        ctx,
        {{QStringLiteral("set"), budgetSet},
         {QStringLiteral("list"), budgetList},
         {QStringLiteral("remove"), budgetRemove},
         {QStringLiteral("check"), budgetCheck}},
        QStringLiteral(
            "usage: orgward budget set NAME --amount A [--currency USD] [--period month|quarter|year] "
            "[--from D --to D] [--scope org|project:ID|cost-centre:NAME|workload:NAME] "
            "[--thresholds 70,85,95] [--org KEY|--all-orgs] [--note TEXT] [--webhook URL]\n"
            "       orgward budget list [--format text|json]\n"
            "       orgward budget remove NAME\n"
            "       orgward budget check [--db URL] [--org KEY] [--format text|json]\n"));
}

} // namespace orgward::cli
