#include "command.h"
#include "fixtures/generator.h"

namespace orgward::cli {

int cmdFixtures(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("fixtures generate: write an API-shaped fixture organization "
                                               "(manifest.json plus one JSON file per response page)."));
    p.addPositionalArgument(QStringLiteral("generate"), QStringLiteral("The action (only 'generate')"));
    p.addOption(
        {QStringLiteral("scale"),
         QStringLiteral("Size: 1 is the bundled small org; 100 ≈ 4,000 users, 800 projects, 1M+ usage rows"),
         QStringLiteral("n"), QStringLiteral("1")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (same seed, same files)"),
                 QStringLiteral("s"), QStringLiteral("1")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Output folder (created; must be empty or absent)"),
                 QStringLiteral("dir")});
    p.addOption(
        {QStringLiteral("users"), QStringLiteral("Override the number of org users"), QStringLiteral("n")});
    p.addOption({QStringLiteral("keys"), QStringLiteral("Override the total number of project API keys"),
                 QStringLiteral("n")});
    p.addOption(
        {QStringLiteral("days"), QStringLiteral("Days of usage and cost history"), QStringLiteral("n")});
    p.addOption(
        {QStringLiteral("revision"),
         QStringLiteral("0: the org as captured; 1, 2, 3: the same org 1, 2, 3 weeks later (the changes "
                        "are listed in changes.json beside the files)"),
         QStringLiteral("n"), QStringLiteral("0")});
    p.addOption({QStringLiteral("captured-at"),
                 QStringLiteral("Unix time the org is captured at (default: a fixed date for scale 1)"),
                 QStringLiteral("secs")});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    if (p.positionalArguments() != QStringList{QStringLiteral("generate")})
        return fail(ctx, QStringLiteral("usage: orgward fixtures generate --out DIR [--scale N] [--seed S]"),
                    ExitUsage);
    if (p.value(QStringLiteral("out")).isEmpty())
        return fail(ctx, QStringLiteral("fixtures generate needs --out DIR"), ExitUsage);
    GeneratorOptions o;
    bool ok = true;
    auto intOpt = [&](const char *name, int fallback) {
        const QString v = p.value(QString::fromLatin1(name));
        if (v.isEmpty()) return fallback;
        bool good = false;
        const int n = v.toInt(&good);
        if (!good || n < 0) ok = false;
        return n;
    };
    o.scale = intOpt("scale", 1);
    o.seed = quint32(intOpt("seed", 1));
    o.users = intOpt("users", 0);
    o.keys = intOpt("keys", 0);
    o.days = intOpt("days", 0);
    o.revision = intOpt("revision", 0);
    o.capturedAt = p.value(QStringLiteral("captured-at")).toLongLong();
    if (!ok || o.scale < 1 || o.revision > kLastFixtureRevision)
        return fail(ctx,
                    QStringLiteral(
                        "--scale, --seed, --users, --keys, --days and --revision take whole numbers (scale ≥ "
                        "1, revision 0 to 3)"),
                    ExitUsage);
    auto r = FixtureGenerator(o).write(p.value(QStringLiteral("out")));
    if (!r) return fail(ctx, r.errorMessage());
    ctx.out << "Wrote " << r->files << " response files (" << r->rows << " objects and usage rows) to "
            << p.value(QStringLiteral("out")) << "\n";
    return ExitOk;
}

} // namespace orgward::cli
