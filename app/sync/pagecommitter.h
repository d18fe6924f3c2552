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
    const QString &pendingEndpoint() const { return m_endpoint; } // cursor key of the page in flight
    // Starts committing page and the cursor it leaves: `after`, from PageProcessor::advance. Its rows are
    // marked with after.passId; a chain's last page also soft-deletes what the pass did not see.
    void submit(const EndpointRef &ref, ParsedPage page, CursorState after, qint64 now);
    // Waits for the page in flight: its counts per table, or why nothing of it was kept.
    Result<TableCounts> collect();

private:
    struct Outcome
    {
        bool ok = false;
        Error error;
        TableCounts counts;
    };
    Outcome commit(const EndpointRef &ref, bool complete, const CursorState &after, qint64 now);

    Database &m_db;
    QString m_orgKey;
    QThreadPool m_pool; // one thread, kept for the whole sync
    QFuture<Outcome> m_future;
    // The page in flight, prepared on the caller's thread (it has time while the page before is written)
    // and freed by collect() there too: freeing a page's hundred thousand small blocks on the helper
    // thread made glibc move them between arenas.
    RowWriter::Prepared m_rows, m_events;
    QString m_endpoint;
    bool m_pending = false;
};

} // namespace orgward
