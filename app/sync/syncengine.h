#pragma once
// The live sync: walks the plan (syncplan.h), fetches each chain page by page through ApiClient, parses
// with parsePage and writes every page together with its cursor through PageProcessor, so a crash at any
// point resumes from the last committed page. Runs in whichever thread owns the Database and ApiClient
// (the SyncWorker's thread in the GUI, the main thread in the CLI). Pages before a chain's last are
// committed on a helper thread (pagecommitter.h) while the next one downloads and parses.
#include "api/apiclient.h"
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
};

struct EndpointResult
{
    QString endpoint; // cursor key
    QString status;   // "ok", "failed", "skipped", "cancelled"
    int pages = 0;
    qint64 rows = 0;
    WriteCounts counts;
    QString nextPage; // cursor left for the next run (empty: chain complete)
    qint64 windowEnd = 0;
    QString error; // plain words
    bool authError = false;
};

struct SyncSummary
{
    QString runId;
    QString orgKey;
    QString status; // "complete", "partial", "failed", "cancelled"
    bool dryRun = false;
    QList<EndpointResult> endpoints;
    TableCounts counts;
    qint64 requests = 0;
    qint64 retries = 0;
    qint64 elapsedMs = 0;
    int failed = 0;
    bool authFailure = false;
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
    EndpointResult syncChain(const EndpointRef &ref);
    // Counts of a committed page go to its chain; progress follows them.
    void account(EndpointResult &r, const TableCounts &counts);
    // Waits for the page the helper thread is committing; the Database is this thread's again after it.
    // The page belongs to `current` or, when that chain had already ended, to m_unfinished, which is
    // finished (logged, reported) now. Err: the current chain's page did not commit.
    Status settle(EndpointResult *current);
    // The failure recorded on the chain's cursor (error count, last error); the position stays.
    void recordFailure(EndpointResult &r, const QString &message);
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    Result<QList<QPair<QString, QString>>> projects(); // id, status
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
};

} // namespace orgward
