#include "budgetnotice.h"
#include "command.h"

#include "core/clock.h"
#include "core/sanitizer.h"
#include "security/orgprofiles.h"
#include "sync/syncengine.h"

#include <QDate>
#include <atomic>
#include <csignal>
#include <optional>

namespace orgward::cli {

namespace {
// Ctrl-C / SIGTERM ask the engine to stop at the next page boundary (an in-flight request is aborted
// within 50 ms); the page being written finishes its transaction, so the last committed page is kept and
// a re-run resumes there. The handler only stores a lock-free flag and puts the default action back, so
// a second Ctrl-C ends the process at once.
std::atomic_bool g_interrupted{false};
static_assert(std::atomic_bool::is_always_lock_free);

extern "C" void onInterruptSignal(int sig)
{
    g_interrupted.store(true);
    struct sigaction dfl = {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, nullptr);
}

class InterruptGuard
{
public:
    InterruptGuard()
    {
        g_interrupted.store(false);
        struct sigaction sa = {};
        sa.sa_handler = onInterruptSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(SIGINT, &sa, &m_oldInt);
        sigaction(SIGTERM, &sa, &m_oldTerm);
    }
    ~InterruptGuard()
    {
        sigaction(SIGINT, &m_oldInt, nullptr);
        sigaction(SIGTERM, &m_oldTerm, nullptr);
    }
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

private:
    struct sigaction m_oldInt = {}, m_oldTerm = {};
};

const QStringList &knownEndpoints()
{
    // Every kind's name (EndpointRef::kindName), so a new endpoint is selectable the day it is synced.
    static const QStringList known = [] {
        QStringList out;
        for (EndpointKind k : allEndpointKinds())
            out << EndpointRef::kindName(k);
        return out;
    }();
    return known;
}

void addSyncOptions(QCommandLineParser &p)
{
    p.setApplicationDescription(QStringLiteral(
        "Fetch an organization from the Admin API into the database. Each page is written with its cursor in "
        "one transaction: an interrupted sync resumes where it stopped. Usage and costs re-fetch the "
        "trailing window (recent buckets still change). The admin key comes from $OPENAI_ADMIN_KEY and is "
        "never written anywhere.\n"
        "Exit codes: 0 complete, 1 failed, 2 usage, 3 partial (some endpoints failed; re-run to complete), "
        "4 the key was refused or lacks a scope, 5 cancelled."));
    addDatabaseOption(p);
    p.addOption({QStringLiteral("org"),
                 QStringLiteral("Org profile to sync (key, API base and tag from the profile), or the "
                                "organization key to store under with $OPENAI_ADMIN_KEY (default: default)"),
                 QStringLiteral("name")});
    p.addOption({QStringLiteral("api-base"),
                 QStringLiteral("API base URL (default https://api.openai.com/v1; http:// only to loopback)"),
                 QStringLiteral("url")});
    p.addOption({QStringLiteral("since"),
                 QStringLiteral(
                     "First day of usage and cost history to fetch (default: 30 days back on a first run)"),
                 QStringLiteral("YYYY-MM-DD")});
    p.addOption({QStringLiteral("endpoints"),
                 QStringLiteral("Comma-separated subset: ") + knownEndpoints().join(u','),
                 QStringLiteral("list")});
    p.addOption({QStringLiteral("dry-run"),
                 QStringLiteral("Fetch everything and print what would change; write nothing")});
    p.addOption({QStringLiteral("audit-log-full"),
                 QStringLiteral("Read the whole audit log, not only events newer than the last one stored, "
                                "and record how far back the API still reaches (orgward status, the Audit "
                                "log pane). Stored events the API no longer returns are kept")});
    p.addOption({QStringLiteral("trailing-days"),
                 QStringLiteral("Days of usage/costs re-fetched every sync (default 2)"), QStringLiteral("n"),
                 QStringLiteral("2")});
    p.addOption({QStringLiteral("rate"), QStringLiteral("Maximum requests per second (default 4)"),
                 QStringLiteral("n"), QStringLiteral("4")});
    p.addOption({QStringLiteral("user-agent-tag"), QStringLiteral("Appended to the User-Agent"),
                 QStringLiteral("tag")});
}

// The client's options: an org profile (orgward org add) supplies the key from its secret store, the API
// base and the User-Agent tag; without one the key comes from $OPENAI_ADMIN_KEY. An exit code when the
// command must stop here.
std::optional<int> apiOptions(Context &ctx, const QCommandLineParser &p, ApiOptions *api,
                              QString *displayName)
{
    const QString orgName = p.value(QStringLiteral("org"));
    QString key;
    *displayName = orgName;
    if (!orgName.isEmpty() && OrgProfiles::exists(orgName)) {
        auto profile = OrgProfiles::get(orgName);
        if (!profile) return fail(ctx, profile.errorMessage());
        auto stored = readAdminKey(orgName);
        if (!stored) return fail(ctx, stored.errorMessage(), ExitAuth);
        key = *stored;
        api->baseUrl = profile->apiBase;
        api->userAgentTag = profile->userAgentTag;
        api->organizationId = profile->orgId; // as the org check sends it (apiOptionsFor)
        *displayName = profile->displayName;
    } else {
        key = qEnvironmentVariable("OPENAI_ADMIN_KEY");
        if (key.isEmpty())
            return fail(
                ctx,
                QStringLiteral("set OPENAI_ADMIN_KEY to an admin key (sk-admin-…) of the organization, or "
                               "create an org profile with 'orgward org' and pass --org NAME"),
                ExitUsage);
    }
    Sanitizer::addSecret(key);
    api->adminKey = key;
    if (p.isSet(QStringLiteral("api-base"))) api->baseUrl = p.value(QStringLiteral("api-base"));
    if (p.isSet(QStringLiteral("user-agent-tag")))
        api->userAgentTag = p.value(QStringLiteral("user-agent-tag"));
    bool ok = false;
    api->requestsPerSecond = p.value(QStringLiteral("rate")).toDouble(&ok);
    if (!ok || api->requestsPerSecond <= 0)
        return fail(ctx, QStringLiteral("--rate takes a positive number"), ExitUsage);
    if (auto b = ApiClient::checkBaseUrl(api->baseUrl); !b) return fail(ctx, b.errorMessage(), ExitUsage);
    return std::nullopt;
}

// What to sync and how far back. An exit code when the command must stop here.
std::optional<int> syncOptions(Context &ctx, const QCommandLineParser &p, const QString &displayName,
                               SyncOptions *o)
{
    const QString orgName = p.value(QStringLiteral("org"));
    if (!orgName.isEmpty()) {
        o->orgKey = orgName;
        o->orgName = displayName;
    }
    o->dryRun = p.isSet(QStringLiteral("dry-run"));
    o->fullAuditRead = p.isSet(QStringLiteral("audit-log-full"));
    bool ok = false;
    o->trailingDays = p.value(QStringLiteral("trailing-days")).toInt(&ok);
    if (!ok || o->trailingDays < 0)
        return fail(ctx, QStringLiteral("--trailing-days takes a whole number"), ExitUsage);
    if (p.isSet(QStringLiteral("since"))) {
        const QDate d = QDate::fromString(p.value(QStringLiteral("since")), Qt::ISODate);
        if (!d.isValid()) return fail(ctx, QStringLiteral("--since takes a date like 2026-01-31"), ExitUsage);
        o->since = QDateTime(d, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    }
    if (p.isSet(QStringLiteral("endpoints"))) {
        for (const QString &e : p.value(QStringLiteral("endpoints")).split(u',', Qt::SkipEmptyParts)) {
            if (!knownEndpoints().contains(e.trimmed()))
                return fail(
                    ctx,
                    QStringLiteral("unknown endpoint '%1' (known: %2)").arg(e, knownEndpoints().join(u',')),
                    ExitUsage);
            o->endpoints << e.trimmed();
        }
    }
    return std::nullopt;
}

void printSummary(Context &ctx, const SyncSummary &s, const QString &target)
{
    ctx.out << (s.dryRun ? "Dry run (nothing written): " : "Synced ") << "organization '" << s.orgKey
            << "' into " << target << "\n";
    ctx.out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(QStringLiteral("table"), -30)
                   .arg(QStringLiteral("added"), 9)
                   .arg(QStringLiteral("changed"), 9)
                   .arg(QStringLiteral("unchanged"), 10)
                   .arg(QStringLiteral("gone"), 7);
    for (auto it = s.counts.cbegin(); it != s.counts.cend(); ++it)
        ctx.out << QStringLiteral("%1 %2 %3 %4 %5\n")
                       .arg(it.key(), -30)
                       .arg(it->added, 9)
                       .arg(it->changed, 9)
                       .arg(it->unchanged, 10)
                       .arg(it->gone, 7);
    for (const EndpointResult &e : s.endpoints)
        if (!e.error.isEmpty() && e.status != EndpointStatus::Cancelled)
            ctx.err << (e.status == EndpointStatus::Skipped        ? "skipped: "
                        : e.status == EndpointStatus::NotAvailable ? "not available: "
                                                                   : "failed: ")
                    << Sanitizer::mask(e.error) << "\n";
    ctx.out << "Status: " << statusText(s.status) << " — " << Sanitizer::mask(s.message) << " in "
            << QString::number(double(s.elapsedMs) / 1000.0, 'f', 1) << " s\n";
}

int exitCodeFor(Context &ctx, const SyncSummary &s)
{
    switch (s.status) {
    case SyncStatus::Complete:
        return ExitOk;
    case SyncStatus::Cancelled:
        ctx.err << "Cancelled: every page written so far is kept; re-run 'orgward sync' to continue.\n";
        return ExitCancelled;
    case SyncStatus::Partial:
    case SyncStatus::Failed:
        break;
    }
    if (!s.keyRefusedAt.isEmpty())
        return fail(
            ctx,
            QStringLiteral("the admin key was refused while reading '%1' (HTTP 401), so the sync "
                           "stopped there. Every page fetched before it is kept: re-run with a current "
                           "admin key and it resumes where it stopped.")
                .arg(s.keyRefusedAt),
            ExitAuth);
    if (s.authFailure && s.status == SyncStatus::Failed)
        return fail(ctx, QStringLiteral("the admin key was refused; see the messages above"), ExitAuth);
    if (s.status == SyncStatus::Partial)
        return fail(
            ctx,
            QStringLiteral(
                "%1 endpoint(s) failed; re-run 'orgward sync' to complete (it resumes where it stopped)")
                .arg(s.failed),
            s.authFailure ? ExitAuth : ExitPartial);
    return fail(ctx, QStringLiteral("sync failed: every endpoint failed"), ExitFailed);
}
} // namespace

int cmdSync(Context &ctx)
{
    QCommandLineParser p;
    addSyncOptions(p);
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    ApiOptions api;
    QString displayName;
    if (auto stop = apiOptions(ctx, p, &api, &displayName)) return *stop;
    SyncOptions o;
    if (auto stop = syncOptions(ctx, p, displayName, &o)) return *stop;

    auto db = openDatabase(p);
    if (!db) return fail(ctx, db.errorMessage());
    ApiClient client(api);
    SyncEngine engine(**db, client, o);
    InterruptGuard interrupts;
    engine.setCancelFlag(&g_interrupted);
    // One self-overwriting progress line, only on a terminal: piped or logged output stays clean.
    const bool tty = isTerminal(stderr);
    if (tty)
        engine.onProgress = [&ctx](const SyncProgress &pr) {
            ctx.err << "\r\033[K" << pr.endpoint << "  page " << pr.page << "  " << pr.rows << " rows ("
                    << pr.totalRows << " in all, " << pr.endpointsDone;
            if (pr.endpointsTotal > 0) ctx.err << " of " << pr.endpointsTotal;
            ctx.err << " endpoints done)  " << QString::number(double(pr.elapsedMs) / 1000.0, 'f', 1) << " s"
                    << Qt::flush;
        };
    auto result = engine.run();
    if (tty) ctx.err << "\r\033[K" << Qt::flush;
    if (!result) return fail(ctx, result.errorMessage());
    printSummary(ctx, *result, (*db)->describe());
    if (!result->dryRun && result->status != SyncStatus::Failed)
        reportNewCrossings(ctx, **db, result->orgKey);
    return exitCodeFor(ctx, *result);
}

} // namespace orgward::cli
