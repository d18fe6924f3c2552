#pragma once
// Lands a chain's pages on a helper thread so the sync thread downloads and parses the next page while
// the current one is written (on PostgreSQL, while the server merges it). Each page lands as
// PageProcessor::apply lands it, and through the same PageProcessor::land: rows, derived rows and the
// endpoint's cursor in one transaction, through the connection's native handle only, because Qt's side of
// a connection must not be used off its thread. One page is in flight at a time, and the caller leaves
// the Database alone until collect() has returned. Dry runs and anything inside a caller's transaction
// stay with PageProcessor::apply on the caller's thread.
#include "pageprocessor.h"

#include <QFuture>
#include <QThreadPool>

namespace orgward {

class PageCommitter
{
public:
    using Batch = PageProcessor::PreparedPage;

    PageCommitter(Database &db, QString orgKey);
    ~PageCommitter(); // waits for a page in flight (its outcome is dropped: it committed or it did not)
    PageCommitter(const PageCommitter &) = delete;
    PageCommitter &operator=(const PageCommitter &) = delete;

    bool pending() const { return m_pending; }
    const QString &pendingEndpoint() const { return m_batch.after.endpoint; } // of the page in flight
    // On the caller's thread with no database access, so while the page before is still being written.
    Batch prepare(const EndpointRef &ref, const ParsedPage &page, CursorState after, qint64 now) const
    {
        return m_processor.prepare(ref, page, std::move(after), now);
    }
    // Starts landing it (nothing may be pending: collect() first).
    void submit(Batch batch);
    // Waits for the page in flight: its counts per table, or why nothing of it was kept.
    Result<TableCounts> collect();

private:
    Result<TableCounts> commit(); // on the helper thread: BEGIN, land, COMMIT (ROLLBACK on failure)

    Database &m_db;
    PageProcessor m_processor;
    QThreadPool m_pool; // one thread, kept for the whole sync
    QFuture<Result<TableCounts>> m_future;
    // The page in flight, freed by collect() on the caller's thread, where it was allocated: freeing a
    // page's hundred thousand small blocks on the helper thread made glibc move them between arenas.
    Batch m_batch;
    bool m_pending = false;
};

} // namespace orgward
