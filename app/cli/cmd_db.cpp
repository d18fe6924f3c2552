// orgward db add|list|test|remove|set-password|role: PostgreSQL connection profiles and console roles.
#include "command.h"
#include "security/dbprofiles.h"
#include "security/roles.h"
#include "security/secretinput.h"
#include "security/secretstore.h"
#include "store/migration_v11_rbac.h"
#include "store/migration_v12_history.h"
#include "store/migration_v13_auditreach.h"
#include "store/migration_v15_finance.h"
#include "store/migration_v2_roles.h"
#include "store/migration_v9_journal.h"
#include "store/migrations.h"

namespace orgward::cli {

namespace {

int codeFor(const Error &e)
{
    return e.code == Error::Code::Usage ? ExitUsage : e.code == Error::Code::Auth ? ExitAuth : ExitFailed;
}

int onlyName(QCommandLineParser &p, Context &ctx, const QString &usage, QString *name)
{
    p.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Connection name."));
    int code = -1;
    if (!parseArgs(p, ctx, &code)) return code;
    if (p.positionalArguments().size() != 1) return fail(ctx, usage, ExitUsage);
    *name = p.positionalArguments().constFirst();
    return -1;
}

int dbAdd(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Add a PostgreSQL connection. The password is read from standard input "
                       "(use --no-password for trust/peer/certificate authentication)."));
    p.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Connection name."));
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Server host."),
                                  QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Server port."),
                                  QStringLiteral("port"), QStringLiteral("5432"));
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("Database name."),
                                      QStringLiteral("db"), QStringLiteral("orgward"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("User (role) name."),
                                  QStringLiteral("user"));
    const QCommandLineOption sslmode(
        QStringLiteral("sslmode"),
        QStringLiteral(
            "disable, allow, prefer, require, verify-ca or verify-full (default: verify-full for a "
            "remote host)."),
        QStringLiteral("mode"));
    const QCommandLineOption ca(QStringLiteral("sslrootcert"),
                                QStringLiteral("CA file for verify-ca/verify-full."), QStringLiteral("file"));
    const QCommandLineOption noPassword(QStringLiteral("no-password"),
                                        QStringLiteral("The server needs no password."));
    const QCommandLineOption sessionOnly(
        QStringLiteral("session-only"), QStringLiteral("Keep the password in memory for this session only."));
    const QCommandLineOption vault(QStringLiteral("vault"),
                                   QStringLiteral("Store the password in this encrypted vault file."),
                                   QStringLiteral("file"));
    p.addOptions({host, port, database, user, sslmode, ca, noPassword, sessionOnly, vault});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    if (p.positionalArguments().size() != 1)
        return fail(ctx, QStringLiteral("usage: orgward db add NAME --user U [--host H] …"), ExitUsage);
    DbProfile d;
    d.name = p.positionalArguments().constFirst();
    d.host = p.value(host);
    bool ok = false;
    d.port = p.value(port).toInt(&ok);
    if (!ok) return fail(ctx, QStringLiteral("--port must be a number"), ExitUsage);
    d.database = p.value(database);
    d.user = p.value(user);
    d.sslmode = p.value(sslmode);
    d.sslrootcert = p.value(ca);
    d.secretStore = p.isSet(noPassword)    ? QStringLiteral("none")
                    : p.isSet(sessionOnly) ? QStringLiteral("memory")
                    : p.isSet(vault) ? QStringLiteral("vault:") + QFileInfo(p.value(vault)).absoluteFilePath()
                                     : QStringLiteral("keychain");
    if (auto v = d.validate(); !v) return fail(ctx, v.errorMessage(), ExitUsage);
    if (d.secretStore != u"none") {
        auto pw = readSecretLine(QStringLiteral("Password for %1@%2 (input hidden): ").arg(d.user, d.host));
        if (!pw) return fail(ctx, pw.errorMessage(), ExitUsage);
        auto store = SecretStores::forSpec(d.secretStore);
        if (!store) return fail(ctx, store.errorMessage(), codeFor(store.error()));
        if (auto w = (*store)->write(dbPasswordSecretName(d.name), *pw); !w)
            return fail(ctx, w.errorMessage(), codeFor(w.error()));
    }
    if (auto s = DbProfiles::save(d); !s) return fail(ctx, s.errorMessage(), codeFor(s.error()));
    ctx.out << "Saved connection '" << d.name << "' (" << d.urlWithoutPassword().display()
            << "). Use it with --db profile:" << d.name << "\n";
    return ExitOk;
}

int dbList(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("List PostgreSQL connections (passwords are never shown)."));
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    auto list = DbProfiles::list();
    if (!list) return fail(ctx, list.errorMessage());
    ctx.out << "default  " << DatabaseUrl::sqlite(DatabaseUrl::defaultSqlitePath()).display() << "\n";
    for (const DbProfile &d : *list)
        ctx.out << d.name << "  " << d.urlWithoutPassword().display() << "  password: "
                << (d.secretStore.startsWith(QLatin1String("vault:")) ? QStringLiteral("vault")
                                                                      : d.secretStore)
                << "\n";
    return ExitOk;
}

int dbTest(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Connect, and report the schema version and the console role of the user."));
    QString name;
    if (int c = onlyName(p, ctx, QStringLiteral("usage: orgward db test NAME"), &name); c >= 0) return c;
    auto url = DbProfiles::resolve(name);
    if (!url) return fail(ctx, url.errorMessage(), codeFor(url.error()));
    OpenOptions o;
    o.migrate = false;
    auto db = Database::open(*url, o);
    if (!db) return fail(ctx, db.errorMessage());
    auto version = Migrations::currentVersion(**db);
    auto role = detectRole(**db);
    ctx.out << "Connected to " << (*db)->describe()
            << "\n  schema version: " << (version ? QString::number(*version) : version.errorMessage())
            << " (this Orgward: " << Migrations::latestVersion()
            << ")\n  console role: " << (role ? roleName(*role) : role.errorMessage()) << "\n";
    return role ? ExitOk : ExitFailed;
}

int dbRemove(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Remove a connection and its stored password (the database is untouched)."));
    QString name;
    if (int c = onlyName(p, ctx, QStringLiteral("usage: orgward db remove NAME"), &name); c >= 0) return c;
    if (auto r = DbProfiles::remove(name); !r) return fail(ctx, r.errorMessage(), codeFor(r.error()));
    ctx.out << "Removed connection '" << name << "' and its password.\n";
    return ExitOk;
}

int dbSetPassword(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Replace a connection's stored password (read from standard input)."));
    QString name;
    if (int c = onlyName(p, ctx, QStringLiteral("usage: orgward db set-password NAME"), &name); c >= 0)
        return c;
    auto d = DbProfiles::get(name);
    if (!d) return fail(ctx, d.errorMessage(), codeFor(d.error()));
    if (d->secretStore == u"none") {
        d->secretStore = QStringLiteral("keychain");
        if (auto s = DbProfiles::save(*d); !s) return fail(ctx, s.errorMessage());
    }
    auto pw = readSecretLine(QStringLiteral("New password for %1@%2 (input hidden): ").arg(d->user, d->host));
    if (!pw) return fail(ctx, pw.errorMessage(), ExitUsage);
    auto store = SecretStores::forSpec(d->secretStore);
    if (!store) return fail(ctx, store.errorMessage(), codeFor(store.error()));
    if (auto w = (*store)->write(dbPasswordSecretName(name), *pw); !w)
        return fail(ctx, w.errorMessage(), codeFor(w.error()));
    ctx.out << "Password for '" << name << "' stored in " << (*store)->describe() << ".\n";
    return ExitOk;
}

int dbRole(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Show the console role of the connected user (owner, admin, finance, auditor, reader)."));
    addDatabaseOption(p);
    const QCommandLineOption readOnly(QStringLiteral("read-only"),
                                      QStringLiteral("Open read-only (auditor mode)."));
    p.addOption(readOnly);
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    OpenOptions o;
    o.readOnly = p.isSet(readOnly);
    o.migrate = false;
    auto db = openDatabase(p, o);
    if (!db) return fail(ctx, db.errorMessage());
    auto role = detectRole(**db);
    if (!role) return fail(ctx, role.errorMessage());
    ctx.out << roleName(*role) << "\n";
    return ExitOk;
}

int dbInstallRoles(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Create the console group roles (orgward_admin, orgward_finance, orgward_auditor, "
                       "orgward_reader), their grants "
                       "and the openai_admin_readonly views on a PostgreSQL database. Needs a superuser or a "
                       "CREATEROLE owner; "
                       "migration 2 does this automatically when it may. Safe to repeat."));
    addDatabaseOption(p);
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    auto db = openDatabase(p);
    if (!db) return fail(ctx, db.errorMessage());
    if (!(*db)->isPostgres())
        return fail(
            ctx,
            QStringLiteral("console roles exist only on PostgreSQL; on SQLite the local user is the owner"),
            ExitUsage);
    if (auto b = (*db)->begin(); !b) return fail(ctx, b.errorMessage());
    if (auto r = migrateV2Roles(**db); !r || !(r = grantJournal(**db)) || !(r = grantRbacTables(**db)) ||
                                       !(r = grantHistory(**db)) || !(r = grantAuditReach(**db)) ||
                                       !(r = grantFinanceTables(**db))) {
        (*db)->rollback();
        return fail(ctx, r.errorMessage());
    }
    if (auto c = (*db)->commit(); !c) return fail(ctx, c.errorMessage());
    if (!consoleRolesInstalled(**db))
        return fail(ctx, QStringLiteral(
                             "the roles were not created: connect as a superuser or a user with CREATEROLE"));
    ctx.out << "Console roles installed on " << (*db)->describe()
            << ". Add users with: CREATE ROLE alice LOGIN PASSWORD '…' IN ROLE orgward_finance;\n";
    return ExitOk;
}

} // namespace

int cmdDb(Context &ctx)
{
    installStdinPassphraseProvider();
    const QString sub = ctx.args.value(1);
    using Fn = int (*)(Context &);
    const QList<QPair<QString, Fn>> subs{{QStringLiteral("add"), dbAdd},
                                         {QStringLiteral("list"), dbList},
                                         {QStringLiteral("test"), dbTest},
                                         {QStringLiteral("remove"), dbRemove},
                                         {QStringLiteral("set-password"), dbSetPassword},
                                         {QStringLiteral("role"), dbRole},
                                         {QStringLiteral("install-roles"), dbInstallRoles}};
    for (const auto &[n, fn] : subs)
        if (sub == n) {
            Context c = subContext(ctx, sub);
            return fn(c);
        }
    const QString usage = QStringLiteral(
        "usage: orgward db add NAME --user U [--host H] [--port P] [--database D] [--sslmode M] "
        "[--sslrootcert CA] [--no-password | --session-only | --vault FILE]\n"
        "       orgward db list | test NAME | remove NAME | set-password NAME | role [--db URL] | "
        "install-roles [--db URL]\n"
        "Passwords are read from standard input. Use a connection with --db profile:NAME.\n");
    if (sub == u"--help" || sub == u"-h") {
        ctx.out << usage;
        return ExitOk;
    }
    ctx.err << "orgward db: unknown subcommand '" << sub << "'\n" << usage;
    return ExitUsage;
}

} // namespace orgward::cli
