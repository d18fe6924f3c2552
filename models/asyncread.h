#pragma once
// One read of the store off the GUI thread, on the table worker's connection (sqlfetch.h), for views that
// are not tables: the chart aggregates, the dashboard's figures, sparklines, CSV exports. Only the latest
// request's answer is delivered, on the thread the context object lives in. Without a worker (an in-memory
// database) it reads at once.
#include "sqlfetch.h"

#include <functional>

namespace orgward {

template <typename T> class AsyncRead
{
public:
    using Read = std::function<Result<T>(Database &)>;
    using Deliver = std::function<void(const Result<T> &)>;

    AsyncRead(Database &db, QObject *context, Deliver deliver)
        : m_db(db), m_worker(SqlFetchWorker::forDatabase(db)), m_deliver(std::move(deliver))
    {
        if (!m_worker) return;
        QObject::connect(m_worker.get(), &SqlFetchWorker::jobDone, context,
                         [this](quint64 ticket, const std::shared_ptr<void> &value) {
                             if (ticket == 0 || ticket != m_ticket) return; // another reader's, or stale
                             m_ticket = 0;
                             m_deliver(*static_cast<const Result<T> *>(value.get()));
                         });
    }
    ~AsyncRead()
    {
        if (m_worker) m_worker->forget(this);
    }
    AsyncRead(const AsyncRead &) = delete;
    AsyncRead &operator=(const AsyncRead &) = delete;

    // A request is on its way (what a view shows may be about to change).
    bool busy() const { return m_ticket != 0; }
    // Nothing asked before is delivered any more (a read already running finishes unseen).
    void cancel()
    {
        if (m_worker) m_worker->forget(this);
        m_ticket = 0;
    }
    // Drops whatever was asked before: only this read's answer is delivered.
    void run(Read read)
    {
        if (!m_worker) {
            m_deliver(read(m_db));
            return;
        }
        m_ticket = m_worker->submitJob(
            this,
            [read = std::move(read)](Database *db, const QString &openError) -> std::shared_ptr<void> {
                return std::make_shared<Result<T>>(db ? read(*db)
                                                      : Result<T>(err(Error::Code::Database, openError)));
            },
            true);
    }

private:
    Database &m_db;
    std::shared_ptr<SqlFetchWorker> m_worker;
    Deliver m_deliver;
    quint64 m_ticket = 0;
};

} // namespace orgward
