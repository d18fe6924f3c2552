#include "command.h"
#include "compliance/auditreach.h"
#include "compliance/history.h"
#include "core/clock.h"
#include "core/instant.h"
#include "store/syncstate.h"
#include "store/tablecounts.h"

namespace orgward::cli {

namespace {
int statusAsOf(Context &ctx, Database &db, const QString &when, const QString &askedOrg)
{
    auto at = parseInstant(when, Clock::nowSecs());
    if (!at) return fail(ctx, QStringLiteral("--as-of: ") + at.errorMessage(), ExitUsage);
    auto key = chooseOrg(db, askedOrg);
    if (!key) return fail(ctx, key.errorMessage(), ExitUsage);
    auto counts = countsAsOf(db, *key, *at);
    if (!counts) return fail(ctx, counts.errorMessage());
    auto basis = asOfBasis(db, *key, *at);
    if (!basis) return fail(ctx, basis.errorMessage());
    ctx.out << "Database: " << db.describe() << "\n"
            << *key << " as of " << QDateTime::fromSecsSinceEpoch(*at, Qt::UTC).toString(Qt::ISODate)
            << " (row history; usage, costs and audit logs are time series: see their panes)\n"
            << describeAsOfBasis(*basis) << "\n";
    for (const auto &[e, n] : *counts)
        ctx.out << QStringLiteral("  %1 %2\n").arg(e.label, -30).arg(n, 9);
    return ExitOk;
}

// One organization: its table counts, then how far back its audit log reaches here and in the API.
Status printOrg(Context &ctx, Database &db, const OrgRecord &o)
{
    ctx.out << "\n" << o.displayName << " [" << o.key << "] source=" << o.source;
    if (o.snapshotAt > 0)
        ctx.out << " as of " << QDateTime::fromSecsSinceEpoch(o.snapshotAt, Qt::UTC).toString(Qt::ISODate);
    ctx.out << "\n";
    auto counts = tableCounts(db, o.key);
    if (!counts) return counts.error();
    for (const auto &c : *counts)
        ctx.out << QStringLiteral("  %1 %2 (%3 active)\n").arg(c.table, -30).arg(c.total, 9).arg(c.active, 9);
    auto reach = readAuditReach(db, o.key);
    if (!reach) return reach.error();
    if (reach->localEvents > 0 || reach->apiRead)
        ctx.out << "  Audit log: " << describeAuditReach(*reach) << "\n";
    return {};
}
} // namespace

int cmdStatus(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Show the organizations in a database, their table counts and last sync."));
    addDatabaseOption(p);
    const QCommandLineOption asOf(
        QStringLiteral("as-of"),
        QStringLiteral("The counts as they were at T (2026-09-30, ISO date-time, -30d), from "
                       "the row history."),
        QStringLiteral("T"));
    const QCommandLineOption org(QStringLiteral("org"), QStringLiteral("With --as-of: the organization."),
                                 QStringLiteral("key"));
    p.addOptions({asOf, org});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    auto db = openDatabase(p);
    if (!db) return fail(ctx, db.errorMessage());
    if (p.isSet(asOf)) return statusAsOf(ctx, **db, p.value(asOf), p.value(org));
    SyncState state(**db);
    auto orgs = state.organizations();
    if (!orgs) return fail(ctx, orgs.errorMessage());
    ctx.out << "Database: " << (*db)->describe() << "\n";
    if (orgs->isEmpty()) ctx.out << "No organizations yet. Run 'orgward import DIR' or 'orgward sync'.\n";
    for (const OrgRecord &o : *orgs)
        if (auto s = printOrg(ctx, **db, o); !s) return fail(ctx, s.errorMessage());
    return ExitOk;
}

} // namespace orgward::cli
