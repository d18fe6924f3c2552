#include "budgetnotice.h"
#include "command.h"
#include "store/tablecounts.h"
#include "sync/fixtureimporter.h"

namespace orgward::cli {

int cmdImport(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Load a folder of recorded Admin API responses (manifest.json plus one JSON "
                       "file per page) through the same parsers and upserts as a live sync. "
                       "Re-importing changes nothing; a newer set updates rows and soft-deletes "
                       "what disappeared. A bad file stops the import and the database keeps "
                       "what it had before that file."));
    p.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("Fixture folder"));
    addDatabaseOption(p);
    p.addOption({QStringLiteral("org"),
                 QStringLiteral("Organization key to import into (default: the manifest's)"),
                 QStringLiteral("key")});
    p.addOption(
        {QStringLiteral("dry-run"), QStringLiteral("Parse and count what would change, write nothing")});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    if (p.positionalArguments().size() != 1)
        return fail(ctx, QStringLiteral("import needs exactly one fixture folder"), ExitUsage);
    auto db = openDatabase(p);
    if (!db) return fail(ctx, db.errorMessage());
    ImportOptions o;
    o.orgKey = p.value(QStringLiteral("org"));
    o.dryRun = p.isSet(QStringLiteral("dry-run"));
    const bool tty = isTerminal(stderr);
    if (tty)
        o.progress = [&ctx](int done, int total, const QString &file) {
            ctx.err << "\r\033[K" << done << "/" << total << "  " << file << Qt::flush;
        };
    auto result = FixtureImporter(**db).run(p.positionalArguments().first(), o);
    if (tty) ctx.err << "\r\033[K" << Qt::flush;
    if (!result) return fail(ctx, result.errorMessage());
    ctx.out << (o.dryRun ? "Dry run: would import " : "Imported ") << result->files
            << " files into organization '" << result->orgKey << "' (" << (*db)->describe() << ")\n";
    ctx.out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(QStringLiteral("table"), -30)
                   .arg(QStringLiteral("added"), 9)
                   .arg(QStringLiteral("changed"), 9)
                   .arg(QStringLiteral("unchanged"), 10)
                   .arg(QStringLiteral("gone"), 7);
    for (auto it = result->counts.cbegin(); it != result->counts.cend(); ++it)
        ctx.out << QStringLiteral("%1 %2 %3 %4 %5\n")
                       .arg(it.key(), -30)
                       .arg(it->added, 9)
                       .arg(it->changed, 9)
                       .arg(it->unchanged, 10)
                       .arg(it->gone, 7);
    if (!o.dryRun) {
        auto counts = tableCounts(**db, result->orgKey);
        if (!counts) return fail(ctx, counts.errorMessage());
        ctx.out << "\nRows now stored for '" << result->orgKey << "':\n";
        for (const auto &c : *counts)
            ctx.out
                << QStringLiteral("  %1 %2 (%3 active)\n").arg(c.table, -30).arg(c.total, 9).arg(c.active, 9);
        reportNewCrossings(ctx, **db, result->orgKey);
    }
    return ExitOk;
}

} // namespace orgward::cli
