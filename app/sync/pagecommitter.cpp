#include "pagecommitter.h"

#include "store/nativesession.h"
#include "store/rowwriter_p.h"

#include <QtConcurrent/QtConcurrentRun>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace orgward {

PageCommitter::PageCommitter(Database &db, QString orgKey) : m_db(db), m_orgKey(std::move(orgKey))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    m_pool.setObjectName(QStringLiteral("orgward-page-commit"));
    (void)m_db.native(); // created here, on the connection's own thread
#ifdef __GLIBC__
    // A page's buffers (its body, its cells: up to ~20 MB each) come and go on two threads. glibc raises
    // its mmap threshold to the largest block freed, after which such blocks are carved from per-thread
    // heaps that keep their high-water mark; a fixed threshold returns each to the system when freed.
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
}

PageCommitter::~PageCommitter()
{
    if (m_pending) m_future.waitForFinished();
}

PageCommitter::Batch PageCommitter::prepare(const EndpointRef &ref, ParsedPage page, CursorState after,
                                            qint64 now) const
{
    Batch b;
    const bool pg = m_db.isPostgres();
    b.rows = RowWriter::prepare(tableSpec(ref.kind), pg, m_orgKey, page.rows, after.passId, now);
    if (!page.certificateEvents.isEmpty())
        b.events = RowWriter::prepare(certificateEventsSpec(), pg, m_orgKey, page.certificateEvents,
                                      after.passId, now);
    b.ref = ref;
    b.complete = !page.hasMore;
    b.after = std::move(after);
    b.now = now;
    return b;
}

void PageCommitter::submit(Batch batch)
{
    Q_ASSERT(!m_pending);
    m_pending = true;
    m_batch = std::move(batch);
    m_future = QtConcurrent::run(&m_pool, [this] { return commit(m_batch); });
}

Result<TableCounts> PageCommitter::collect()
{
    if (!m_pending) return TableCounts{};
    m_pending = false;
    Outcome o = m_future.result();
    m_future = {};
    m_batch.rows.reset();
    m_batch.events.reset();
    if (!o.ok) return o.error;
    return std::move(o.counts);
}

// On the helper thread. Everything here goes through the native handle: BEGIN, the upserts, the cursor,
// COMMIT (or ROLLBACK on any failure, so nothing of the page is kept).
PageCommitter::Outcome PageCommitter::commit(const Batch &b)
{
    const EndpointRef &ref = b.ref;
    const CursorState &after = b.after;
    const qint64 now = b.now;
    NativeSession &native = m_db.native();
    const bool pg = m_db.isPostgres();
    Outcome out;
    auto fail = [&](const Error &e) {
        (void)native.command("ROLLBACK");
        out.error = e;
        return out;
    };
    // PostgreSQL: the commit need not wait for its WAL to reach disk. A server crash can lose the last
    // few pages' commits, and with them their cursors (one transaction), so the next run fetches those
    // pages again: nothing is missing and nothing doubles, and a sync stops waiting on a flush per page.
    if (auto r = native.command(pg ? "BEGIN; SET LOCAL synchronous_commit = off" : "BEGIN IMMEDIATE"); !r) {
        out.error = r.error();
        return out;
    }
    RowWriter writer(m_db);
    const TableSpec &spec = tableSpec(ref.kind);
    auto rows = writer.writeNative(*b.rows);
    if (!rows) return fail(rows.error());
    out.counts[spec.table] += *rows;
    if (b.events) {
        auto events = writer.writeNative(*b.events);
        if (!events) return fail(events.error());
        out.counts[certificateEventsSpec().table] += *events;
    }
    if (b.complete && !spec.goneColumn.isEmpty()) {
        // A complete list: what this pass did not see is gone (PageProcessor::apply does the same).
        auto gone = writer.markGoneNative(spec, m_orgKey,
                                          ref.isProjectScoped() ? QStringList{ref.projectId} : QStringList{},
                                          after.passId, now);
        if (!gone) return fail(gone.error());
        out.counts[spec.table].gone += *gone;
    }
    auto ts = [pg](qint64 secs) {
        if (secs <= 0) return Cell::null();
        return pg ? Cell::of(utcTimestampText(secs)) : Cell::of(secs);
    };
    auto text = [](const QString &s) { return s.isEmpty() ? Cell::null() : Cell::of(s.toUtf8()); };
    // The same row SyncState::saveCursor writes.
    static const QByteArray cursorSql =
        "INSERT INTO openai_admin_cursors (org_key, endpoint, next_page, version, pass_id, last_synced_at, "
        "window_start, window_end, error_count, last_error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
        "ON CONFLICT (org_key, endpoint) DO UPDATE SET next_page = excluded.next_page, version = "
        "excluded.version, pass_id = excluded.pass_id, last_synced_at = excluded.last_synced_at, "
        "window_start = excluded.window_start, window_end = excluded.window_end, error_count = "
        "excluded.error_count, last_error = excluded.last_error";
    if (auto r =
            native.execute(cursorSql, {Cell::of(m_orgKey.toUtf8()), Cell::of(after.endpoint.toUtf8()),
                                       text(after.nextPage), Cell::of(after.version), text(after.passId),
                                       ts(after.lastSyncedAt), ts(after.windowStart), ts(after.windowEnd),
                                       Cell::of(after.errorCount), text(after.lastError)});
        !r)
        return fail(r.error());
    if (auto r = native.command("COMMIT"); !r) return fail(r.error());
    out.ok = true;
    return out;
}

} // namespace orgward
