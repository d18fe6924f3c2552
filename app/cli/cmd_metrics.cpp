#include "command.h"

#include "core/clock.h"

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
} // namespace

int cmdMetrics(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Print sync health in Prometheus text format: admin_sync_failures_total, "
                       "admin_cursor_drift_seconds, admin_certificate_expiring_total."));
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
    return ExitOk;
}

} // namespace orgward::cli
