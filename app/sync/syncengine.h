#pragma once
// The live sync: walks the plan (syncplan.h), fetches each chain page by page through ApiClient, parses
// with parsePage and writes every page together with its cursor through PageProcessor, so a crash at any
// point resumes from the last committed page. Runs in whichever thread owns the Database and ApiClient
// (the SyncWorker's thread in the GUI, the main thread in the CLI). Pages before a chain's last are
// committed on a helper thread (pagecommitter.h) while the next one downloads and parses.
#include "api/apiclient.h"
#include "domain/syncstatus.h"
#include "pagecommitter.h"
#include "pageprocessor.h"
#include "syncplan.h"

#include <QJsonObject>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace orgward {

struct SyncProgress
{
    QString endpoint; // cursor key
    int page = 0;     // pages of this endpoint so far
    qint64 rows = 0;  // rows of this endpoint so far
    qint64 totalRows = 0;
    int endpointsDone = 0;
    qint64 elapsedMs = 0;
    // Chains planned for this run (organization lists, each live project's sub-lists, the trailing
    // lists and bucketed sets); constant once known. 0 while the project list is still being read: the
    // plan depends on it (a progress bar shows "busy" until then).
    int endpointsTotal = 0;
    int pagesDone = 0; // pages committed so far, all endpoints
};

struct EndpointResult
{
    QString endpoint; // cursor key
    EndpointStatus status = EndpointStatus::Ok;
    int pages = 0;
    qint64 rows = 0;
    WriteCounts counts;
    QString nextPage; // cursor left for the next run (empty: chain complete)
    qint64 windowEnd = 0;
    QString error; // plain words, masked (Sanitizer): it may quote the server
    bool authError = false;
};

struct SyncSummary
{
    QString runId;
    QString orgKey;
    SyncStatus status = SyncStatus::Complete;
    bool dryRun = false;
    QList<EndpointResult> endpoints;
    TableCounts counts;
    qint64 requests = 0;
    qint64 retries = 0;
    qint64 elapsedMs = 0;
    int failed = 0;
    bool authFailure = false; // a key refused (401) or lacking a scope (403) somewhere
    // The key was refused outright (HTTP 401: revoked or wrong): the run stopped at this endpoint (its
    // cursor key); every page committed before it is kept and a run with a valid key resumes there.
    QString keyRefusedAt;
    QString message;
    qint64 rows() const;
};

class SyncEngine
{
public:
    SyncEngine(Database &db, ApiClient &api, SyncOptions options);

    std::function<void(const SyncProgress &)> onProgress;
    std::function<void(const EndpointResult &)> onEndpoint;
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }

    // Err only when nothing could start (database, lock); endpoint failures are in the summary.
    Result<SyncSummary> run();

private:
    struct Chain; // one chain in progress (syncengine.cpp)

    // run(), in order: take the org's lock, open the run record and load cursors; walk the plan; set the
    // status and message; close the run record. Any error ends the run through abortRun().
    Status beginRun();
    Status syncPlan();
    void summarise();
    Status finishRun();
    Error abortRun(const Error &e);
    // What follows the projects list: the other organization lists, each live project's sub-lists, then
    // the trailing lists. Known once the projects chain has landed.
    Result<QList<EndpointRef>> planAfterParents(const QList<EndpointRef> &organizationLists);
    bool chainSucceeded(EndpointKind kind) const;
    // Cancelled, or the key was refused outright: no further chain starts.
    bool stopping() const { return cancelled() || !m_summary.keyRefusedAt.isEmpty(); }

    EndpointResult syncChain(const EndpointRef &ref);
    bool openChain(Chain &ch);    // false: the chain ended before its first request (result set)
    Status chainQuery(Chain &ch); // the query every page of the chain repeats (window, filters)
    ApiReply fetchPage(Chain &ch);
    EndpointResult replyFailure(Chain &ch, const ApiReply &reply);
    EndpointResult notFound(Chain &ch, const ApiReply &reply);
    Status landPage(Chain &ch, const ParsedPage &page);   // overlapped (page committer) or in this thread
    static PageProcessor::Reach reachOf(const Chain &ch); // Record for a whole audit log read
    EndpointResult failChain(Chain &ch, QString message);
    EndpointResult cancelChain(Chain &ch);
    EndpointResult chainDone(Chain &ch);

    // Counts of a committed page go to its chain; progress follows them.
    void account(EndpointResult &r, const TableCounts &counts);
    void reportProgress(const EndpointResult &current, bool finished);
    // Waits for the page the helper thread is committing; the Database is this thread's again after it.
    // The page belongs to `current` or, when that chain had already ended, to m_unfinished, which is
    // finished (logged, reported) now. Err: the current chain's page did not commit.
    Status settle(EndpointResult *current);
    // The failure recorded on the chain's cursor (error count, last error); the position stays.
    void recordFailure(EndpointResult &r, const QString &message);
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    void finishEndpoint(EndpointResult r);

    Database &m_db;
    ApiClient &m_api;
    SyncOptions m_o;
    const std::atomic_bool *m_cancel = nullptr;
    SyncSummary m_summary;
    QSet<EndpointKind> m_authFailedKinds;
    std::unique_ptr<PageCommitter> m_committer; // null in a dry run: its pages stay in one transaction
    // With a committer: the org's cursors as this run has left them (commits land later, in order), so a
    // chain starts without waiting for the previous chain's last page to land.
    QHash<QString, CursorState> m_cursors;
    std::optional<EndpointResult> m_unfinished; // a chain whose last page is still being committed
    QElapsedTimer m_elapsed;
    qint64 m_now = 0;
    qint64 m_requests0 = 0, m_retries0 = 0;
    qint64 m_bodyRetries = 0;  // pages fetched again because their body was not valid JSON
    bool m_locked = false;     // holding the org's sync lock (PostgreSQL)
    bool m_dryRunOpen = false; // the dry run's transaction is open
    int m_plannedTotal = 0;    // SyncProgress::endpointsTotal
    int m_pagesDone = 0;
};

} // namespace orgward
