#pragma once
// Shared plumbing for subcommands: option parsing, opening the database, writing to the terminal.
#include "store/database.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <memory>

namespace orgward::cli {

// Documented exit codes.
enum ExitCode
{
    ExitOk = 0,
    ExitFailed = 1,  // the operation failed; nothing half-written (see the message)
    ExitUsage = 2,   // bad arguments
    ExitPartial = 3, // sync finished with some endpoints failed; re-run to complete
    ExitAuth = 4,    // the key was refused or lacks a scope
    ExitCancelled = 5,
    ExitBudgetCrossed = 6, // budget check: a budget's threshold is crossed
    ExitVerifyFailed = 7,  // a journal, bundle or signature did not verify
};

struct Context
{
    QStringList args; // args[0] is "orgward <command>"
    QTextStream &out;
    QTextStream &err;
};

using Handler = int (*)(Context &);

struct Command
{
    const char *name;
    const char *summary;
    Handler handler;
};

const QList<Command> &commands();

void addDatabaseOption(QCommandLineParser &p);
// --db URL, else $ORGWARD_DB, else the default SQLite file in the user's data folder.
Result<DatabaseUrl> databaseUrl(const QCommandLineParser &p);
Result<std::unique_ptr<Database>> openDatabase(const QCommandLineParser &p, const OpenOptions &o = {});
// Parses args; prints errors/help and returns false with *exitCode set when the command should stop.
bool parseArgs(QCommandLineParser &p, Context &ctx, int *exitCode);
int fail(Context &ctx, const QString &message, int code = ExitFailed);
// The context of "orgward <command> <sub>": args from the subcommand on, named for help texts.
Context subContext(Context &ctx, const QString &sub);
bool isTerminal(FILE *f);
// "orgward <command> <sub> …": runs the handler named by args[1]; --help prints usage; anything else is a
// usage error naming the subcommand.
int dispatchSubcommand(Context &ctx, const QList<QPair<QString, Handler>> &subs, const QString &usage);

// Command handlers (one file each).
int cmdImport(Context &);
int cmdStatus(Context &);
int cmdFixtures(Context &);
int cmdSync(Context &);
int cmdMetrics(Context &);
int cmdOrg(Context &);
int cmdDb(Context &);
int cmdJournal(Context &);
int cmdDiff(Context &);
int cmdSample(Context &);
int cmdEvidence(Context &);
int cmdVerify(Context &);
int cmdReport(Context &);
int cmdBudget(Context &);
int cmdForecast(Context &);
int cmdAllocate(Context &);
int cmdAllowlist(Context &);
// The organization a command works on: the one asked for, else the database's only one (a usage error
// names the choices when there are several or none).
Result<QString> chooseOrg(Database &db, const QString &asked);
// Opens the database of p (migrated, not created) and picks the organization (chooseOrg); on failure
// prints why and returns nullptr with the exit code in *code.
std::unique_ptr<Database> openWithOrg(Context &ctx, const QCommandLineParser &p, const QString &askedOrg,
                                      QString *org, int *code);

} // namespace orgward::cli
