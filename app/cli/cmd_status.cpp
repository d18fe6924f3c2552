#include "command.h"
#include "store/syncstate.h"
#include "store/tablecounts.h"

namespace orgward::cli {

int cmdStatus(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Show the organizations in a database, their table counts and last sync."));
    addDatabaseOption(p);
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    auto db = openDatabase(p);
    if (!db) return fail(ctx, db.errorMessage());
    SyncState state(**db);
    auto orgs = state.organizations();
    if (!orgs) return fail(ctx, orgs.errorMessage());
    ctx.out << "Database: " << (*db)->describe() << "\n";
    if (orgs->isEmpty()) ctx.out << "No organizations yet. Run 'orgward import DIR' or 'orgward sync'.\n";
    for (const OrgRecord &o : *orgs) {
        ctx.out << "\n" << o.displayName << " [" << o.key << "] source=" << o.source;
        if (o.snapshotAt > 0)
            ctx.out << " as of "
                    << QDateTime::fromSecsSinceEpoch(o.snapshotAt, Qt::UTC).toString(Qt::ISODate);
        ctx.out << "\n";
        auto counts = tableCounts(**db, o.key);
        if (!counts) return fail(ctx, counts.errorMessage());
        for (const auto &c : *counts)
            ctx.out
                << QStringLiteral("  %1 %2 (%3 active)\n").arg(c.table, -30).arg(c.total, 9).arg(c.active, 9);
    }
    return ExitOk;
}

} // namespace orgward::cli
