#include "command.h"

#include "core/clock.h"
#include "finance/budgetcheck.h"

namespace orgward::cli {

namespace {
QString label(const QString &v)
{
    QString s = v;
    s.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'"', QStringLiteral("\\\""))
        .replace(u'\n', QStringLiteral("\\n"));
    return u'"' + s + u'"';
}
// Budgets as the organization's own now sees them; nothing recorded (metrics only read).
int printBudgetGauges(Context &ctx, Database &db)
{
    auto statuses = evaluateBudgets(db, QString(), CrossingRecord::ReadOnly);
    if (!statuses) return fail(ctx, statuses.errorMessage());
    ctx.out << "# HELP orgward_budget_utilization_ratio Billed spend in the budget's current period / its "
               "amount.\n"
               "# TYPE orgward_budget_utilization_ratio gauge\n";
    for (const BudgetStatus &s : std::as_const(*statuses))
        ctx.out << "orgward_budget_utilization_ratio{budget=" << label(s.budget.name) << "} " << s.utilization
                << "\n";
    ctx.out
        << "# HELP orgward_budget_threshold_crossed 1 when the budget's threshold (percent) is crossed this "
           "period.\n"
           "# TYPE orgward_budget_threshold_crossed gauge\n";
    for (const BudgetStatus &s : std::as_const(*statuses))
        for (const ThresholdStatus &t : s.thresholds)
            ctx.out << "orgward_budget_threshold_crossed{budget=" << label(s.budget.name)
                    << ",threshold=" << label(QString::number(t.threshold)) << "} " << (t.crossed ? 1 : 0)
                    << "\n";
    return ExitOk;
}

} // namespace

int cmdMetrics(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Print sync health in Prometheus text format: admin_sync_failures_total, "
                       "admin_cursor_drift_seconds, admin_certificate_expiring_total, "
                       "orgward_budget_utilization_ratio, orgward_budget_threshold_crossed."));
    addDatabaseOption(p);
    p.addOption({QStringLiteral("expiring-days"),
                 QStringLiteral("Certificates expiring within this many days count (default 30)"),
                 QStringLiteral("n"), QStringLiteral("30")});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    OpenOptions oo;
    oo.readOnly = false;
    auto opened = openDatabase(p, oo);
    if (!opened) return fail(ctx, opened.errorMessage());
    Database &db = **opened;
    const qint64 now = Clock::nowSecs();
    const qint64 horizon = now + qint64(p.value(QStringLiteral("expiring-days")).toInt()) * kSecondsPerDay;

    ctx.out << "# HELP admin_sync_failures_total Sync runs that ended failed or partial.\n"
               "# TYPE admin_sync_failures_total counter\n";
    auto q = db.exec(QStringLiteral(
        "SELECT o.org_key, (SELECT COUNT(*) FROM openai_admin_sync_runs r WHERE r.org_key = o.org_key "
        "AND r.source = 'sync' AND r.status IN ('failed','partial')) FROM organizations o ORDER BY "
        "o.org_key"));
    if (!q) return fail(ctx, q.errorMessage());
    while (q->next())
        ctx.out << "admin_sync_failures_total{org=" << label(q->value(0).toString()) << "} "
                << q->value(1).toLongLong() << "\n";

    ctx.out << "# HELP admin_cursor_drift_seconds Seconds since each endpoint last completed a sync.\n"
               "# TYPE admin_cursor_drift_seconds gauge\n";
    q = db.exec(QStringLiteral(
        "SELECT org_key, endpoint, last_synced_at FROM openai_admin_cursors WHERE last_synced_at IS NOT NULL "
        "ORDER BY org_key, endpoint"));
    if (!q) return fail(ctx, q.errorMessage());
    while (q->next())
        ctx.out << "admin_cursor_drift_seconds{org=" << label(q->value(0).toString())
                << ",endpoint=" << label(q->value(1).toString()) << "} "
                << std::max<qint64>(0, now - Database::timestampSecs(q->value(2))) << "\n";

    ctx.out << "# HELP admin_certificate_expiring_total Active certificates that expire within the horizon "
               "(or have expired).\n"
               "# TYPE admin_certificate_expiring_total gauge\n";
    q = db.exec(
        QStringLiteral(
            "SELECT o.org_key, "
            "(SELECT COUNT(*) FROM openai_certificates c WHERE c.org_key = o.org_key AND c.deleted_at IS "
            "NULL "
            "AND c.expires_at IS NOT NULL AND c.expires_at < %1) + "
            "(SELECT COUNT(*) FROM openai_project_certificates c WHERE c.org_key = o.org_key AND "
            "c.deleted_at IS NULL "
            "AND c.expires_at IS NOT NULL AND c.expires_at < %1) FROM organizations o ORDER BY o.org_key")
            .arg(db.secsToTs(QStringLiteral("?"))),
        {horizon, horizon});
    if (!q) return fail(ctx, q.errorMessage());
    while (q->next())
        ctx.out << "admin_certificate_expiring_total{org=" << label(q->value(0).toString()) << "} "
                << q->value(1).toLongLong() << "\n";
    return printBudgetGauges(ctx, db);
}

} // namespace orgward::cli
