#include "pagecommitter.h"

#include "store/nativesession.h"

#include <QtConcurrent/QtConcurrentRun>

namespace orgward {

PageCommitter::PageCommitter(Database &db, QString orgKey) : m_db(db), m_processor(db, std::move(orgKey))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    m_pool.setObjectName(QStringLiteral("orgward-page-commit"));
    (void)m_db.native(); // created here, on the connection's own thread
}

PageCommitter::~PageCommitter()
{
    if (m_pending) m_future.waitForFinished();
}

void PageCommitter::submit(Batch batch)
{
    Q_ASSERT(!m_pending);
    m_pending = true;
    m_batch = std::move(batch);
    m_future = QtConcurrent::run(&m_pool, [this] { return commit(); });
}

Result<TableCounts> PageCommitter::collect()
{
    if (!m_pending) return TableCounts{};
    m_pending = false;
    Result<TableCounts> landed = m_future.result();
    m_future = {};
    m_batch.rows.reset();
    m_batch.events.reset();
    return landed;
}

Result<TableCounts> PageCommitter::commit()
{
    NativeSession &native = m_db.native();
    // PostgreSQL: the commit need not wait for its WAL to reach disk. A server crash can lose the last
    // few pages' commits, and with them their cursors (one transaction), so the next run fetches those
    // pages again: nothing is missing and nothing doubles, and a sync stops waiting on a flush per page.
    if (auto r = native.command(m_db.isPostgres() ? "BEGIN; SET LOCAL synchronous_commit = off"
                                                  : "BEGIN IMMEDIATE");
        !r)
        return r.error();
    auto landed = m_processor.land(m_batch);
    if (landed)
        if (auto r = native.command("COMMIT"); !r) landed = r.error();
    if (!landed) (void)native.command("ROLLBACK");
    return landed;
}

} // namespace orgward
