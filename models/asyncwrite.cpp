#include "asyncwrite.h"

#include <QThread>

namespace orgward {

namespace {
// A second connection sees the same data for PostgreSQL and SQLite files, not for an in-memory SQLite
// database (the rule SqlFetchWorker::forDatabase follows too).
bool canOpenSecond(const DatabaseUrl &url)
{
    return url.isPostgres() || !(url.path.isEmpty() || url.path == u":memory:");
}
} // namespace

SqlWriteJob::SqlWriteJob(Database &db, QObject *parent) : QObject(parent), m_db(db)
{
    qRegisterMetaType<std::shared_ptr<void>>();
}

SqlWriteJob::~SqlWriteJob()
{
    join();
}

bool SqlWriteJob::start(Job job)
{
    if (m_busy) return false;
    join();
    if (!canOpenSecond(m_db.url())) {
        emit finished(job(&m_db, {}));
        return true;
    }
    m_busy = true;
    m_thread.reset(QThread::create([this, job = std::move(job), url = m_db.url(),
                                    readOnly = m_db.isReadOnly(), rewriter = m_db.statementRewriter()] {
        std::shared_ptr<void> value;
        {
            // Writes the way the GUI's connection would (its role's reads, no migrations), closed on
            // this thread before the answer leaves it.
            OpenOptions o;
            o.readOnly = readOnly; // an auditor's read-only file stays read-only
            o.migrate = false;
            o.create = false;
            auto db = Database::open(url, o);
            if (db) (*db)->setStatementRewriter(rewriter);
            value = db ? job(db->get(), {}) : job(nullptr, db.errorMessage());
        }
        // Posted, not emitted here: receivers run on the owner's thread. The destructor joins this thread
        // before the object goes, and an event still queued for it is dropped with it.
        QMetaObject::invokeMethod(
            this,
            [this, value] {
                m_busy = false;
                join(); // it has posted this as its last act: the wait is for its return only
                emit finished(value);
            },
            Qt::QueuedConnection);
    }));
    m_thread->setObjectName(QStringLiteral("orgward-write"));
    m_thread->start();
    return true;
}

void SqlWriteJob::join()
{
    if (!m_thread) return;
    m_thread->wait();
    m_thread.reset();
}

} // namespace orgward
