#include "command.h"

#include "core/sanitizer.h"
#include "security/dbprofiles.h"

#include <unistd.h>

namespace orgward::cli {

const QList<Command> &commands()
{
    static const QList<Command> list{
        {"import", "Load a folder of recorded Admin API responses (offline review)", cmdImport},
        {"status", "Show organizations, table counts and the last sync of a database", cmdStatus},
        {"fixtures", "Generate an API-shaped fixture organization (fixtures generate --help)", cmdFixtures},
        {"sync", "Fetch an organization from the Admin API into the database", cmdSync},
        {"metrics", "Print sync health metrics in Prometheus text format", cmdMetrics},
        {"org", "Organization profiles and their admin keys (org add|list|test|remove|import-env)", cmdOrg},
        {"db",
         "PostgreSQL connections and console roles (db add|list|test|remove|set-password|role|install-roles)",
         cmdDb},
        {"journal", "The tamper-evident journal (journal verify|show)", cmdJournal},
        {"diff", "What changed between two instants (members, roles, projects, keys, …)", cmdDiff},
        {"sample", "A deterministic, repeatable sample for auditors (sample --help)", cmdSample},
        {"evidence", "A signed evidence bundle of every report (PDF, CSV, JSON, manifest)", cmdEvidence},
        {"verify", "Check an evidence bundle's signature and files (verify FILE.zip)", cmdVerify},
        {"report", "Compliance reports as PDF, CSV or JSON (report list; report NAME --help)", cmdReport},
        {"budget", "Budgets on billed spend with alert thresholds (budget set|list|remove|check)", cmdBudget},
        {"forecast", "Period-end projection of billed spend, with its backtest", cmdForecast},
        {"allocate", "Cost centres and workloads of projects (allocate set|list|import|export|costs)",
         cmdAllocate},
        {"allowlist",
         "Declared model policy per project or workload, and its drift (allowlist set|list|drift)",
         cmdAllowlist},
    };
    return list;
}

void addDatabaseOption(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("db"),
                 QStringLiteral(
                     "Database URL: sqlite:///abs/path.db or postgresql://user@host:port/db?sslmode=prefer. "
                     "Default: $ORGWARD_DB, else %1.")
                     .arg(DatabaseUrl::defaultSqlitePath()),
                 QStringLiteral("url")});
}

Result<DatabaseUrl> databaseUrl(const QCommandLineParser &p)
{
    QString url = p.value(QStringLiteral("db"));
    if (url.isEmpty()) url = qEnvironmentVariable("ORGWARD_DB");
    if (url.isEmpty()) return DatabaseUrl::sqlite(DatabaseUrl::defaultSqlitePath());
    if (url.startsWith(QLatin1String("profile:")))
        return DbProfiles::resolve(url.mid(8)); // password from its store
    return DatabaseUrl::parse(url);
}

Result<std::unique_ptr<Database>> openDatabase(const QCommandLineParser &p, const OpenOptions &o)
{
    auto url = databaseUrl(p);
    if (!url) return url.error();
    return Database::open(*url, o);
}

bool parseArgs(QCommandLineParser &p, Context &ctx, int *exitCode)
{
    const QCommandLineOption help = p.addHelpOption();
    if (!p.parse(ctx.args)) {
        ctx.err << "orgward: " << p.errorText() << "\n" << Qt::flush;
        *exitCode = ExitUsage;
        return false;
    }
    if (p.isSet(help)) {
        ctx.out << p.helpText() << Qt::flush;
        *exitCode = ExitOk;
        return false;
    }
    return true;
}

int fail(Context &ctx, const QString &message, int code)
{
    ctx.err << "orgward: " << Sanitizer::mask(message) << "\n" << Qt::flush;
    return code;
}

Context subContext(Context &ctx, const QString &sub)
{
    QStringList a = ctx.args.mid(1);
    a[0] = ctx.args.value(0) + u' ' + sub;
    return Context{a, ctx.out, ctx.err};
}

int dispatchSubcommand(Context &ctx, const QList<QPair<QString, Handler>> &subs, const QString &usage)
{
    const QString sub = ctx.args.value(1);
    for (const auto &[name, fn] : subs)
        if (sub == name) {
            Context c = subContext(ctx, sub);
            return fn(c);
        }
    if (sub == u"--help" || sub == u"-h") {
        ctx.out << usage;
        return ExitOk;
    }
    ctx.err << ctx.args.value(0) << ": "
            << (sub.isEmpty() ? QStringLiteral("name a subcommand")
                              : QStringLiteral("unknown subcommand '%1'").arg(sub))
            << "\n"
            << usage;
    return ExitUsage;
}

bool isTerminal(FILE *f)
{
    return ::isatty(fileno(f)) == 1;
}

std::unique_ptr<Database> openWithOrg(Context &ctx, const QCommandLineParser &p, const QString &askedOrg,
                                      QString *org, int *code)
{
    auto db = openDatabase(p, OpenOptions{false, true, false});
    if (!db) {
        *code = fail(ctx, db.errorMessage());
        return nullptr;
    }
    auto key = chooseOrg(**db, askedOrg);
    if (!key) {
        *code = fail(ctx, key.errorMessage(), ExitUsage);
        return nullptr;
    }
    *org = *key;
    return std::move(*db);
}

} // namespace orgward::cli
