#pragma once
// Commits a chain's pages on a helper thread so the sync thread downloads and parses the next page while
// the current one is written (on PostgreSQL, while the server merges it). Each page lands as
// PageProcessor::apply would land it: rows, derived rows and the endpoint's cursor in one transaction.
// It goes through the connection's native handle only (store/nativesession.h), because Qt's side of a
// connection must not be used off its thread. One page is in flight at a time, and the caller leaves the
// Database alone until collect() has returned. Dry runs and anything inside a caller's transaction stay
// with PageProcessor on the caller's thread.
#include "pageprocessor.h"

#include <QFuture>
#include <QThreadPool>

namespace orgward {

class PageCommitter
{
public:
    PageCommitter(Database &db, QString orgKey);
    ~PageCommitter(); // waits for a page in flight (its outcome is dropped: it committed or it did not)
    PageCommitter(const PageCommitter &) = delete;
    PageCommitter &operator=(const PageCommitter &) = delete;

    bool pending() const { return m_pending; }
    const QString &pendingEndpoint() const { return m_batch.after.endpoint; } // of the page in flight
    // A page ready to commit with the cursor it leaves: `after`, from PageProcessor::advance. Its rows are
    // marked with after.passId; a chain's last page also soft-deletes what the pass did not see.
    struct Batch
    {
        EndpointRef ref;
        bool complete = false; // the chain's last page
        CursorState after;
        qint64 now = 0;
        RowWriter::Prepared rows, events;
    };
    // On the caller's thread with no database access, so while the page before is still being written:
    // the page's cells and hashes. The page itself is freed here, where it was parsed.
    Batch prepare(const EndpointRef &ref, ParsedPage page, CursorState after, qint64 now) const;
    // Starts committing it (nothing may be pending: collect() first).
    void submit(Batch batch);
    // Waits for the page in flight: its counts per table, or why nothing of it was kept.
    Result<TableCounts> collect();

private:
    struct Outcome
    {
        bool ok = false;
        Error error;
        TableCounts counts;
    };
    Outcome commit(const Batch &b);

    Database &m_db;
    QString m_orgKey;
    QThreadPool m_pool; // one thread, kept for the whole sync
    QFuture<Outcome> m_future;
    // The page in flight, freed by collect() on the caller's thread, where it was allocated: freeing a
    // page's hundred thousand small blocks on the helper thread made glibc move them between arenas.
    Batch m_batch;
    bool m_pending = false;
};

} // namespace orgward
