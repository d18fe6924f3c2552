#pragma once
// Runs SqlTableModel queries on a worker thread with its own connection, so the GUI thread never waits on
// a COUNT(*), a LIKE scan or a sort. Requests and results are plain values; one worker (one thread, one
// read connection) serves every model over the same database, in submission order.
#include "store/database.h"

#include <QObject>
#include <QThread>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

namespace orgward {

// One block of a table: the ids of the block in sort order (cheap: the sort expression only), then every
// column of just those ids, so per-row subqueries run for one block instead of every matching row.
struct BlockQuery
{
    QString countSql; // empty: the caller keeps its count
    QVariantList countBinds;
    QString idsSql; // SELECT id ... ORDER BY ... LIMIT ... OFFSET ...
    QVariantList idsBinds;
    // The same ids for when few rows match (a text filter with a rare word): walking the sort index then
    // reads row after row to find none (0.5 s over 100,000 members), while filtering a narrow covering
    // index and sorting the few matches takes 40 ms. Used when the count (this one's, or knownTotal) is at
    // most kFewMatches.
    QString idsSqlFew;
    qint64 knownTotal = -1;
    QString rowsSql; // SELECT id, muted, columns ... WHERE ... AND id IN (   — the id marks and ")" follow
    QVariantList rowsBinds; // binds before the ids
    int width = 0;          // values per row
};

struct BlockResult
{
    bool ok = true;
    QString error;
    qint64 total = -1; // -1: not counted
    QList<QVariantList> rows;
};

constexpr qint64 kFewMatches = 1000;

// Runs q on db (on the calling thread).
BlockResult runBlockQuery(Database &db, const BlockQuery &q);

class SqlFetchWorker : public QObject
{
    Q_OBJECT
public:
    // The worker for db's database, created on first use and shared; it stops when its last user lets go.
    // nullptr when a second connection would not see the same data.
    static std::shared_ptr<SqlFetchWorker> forDatabase(Database &db);
    // The registry's key for a connection's worker: its URL without the password, and the connection's
    // identity (each Database gets its own worker: its role decides what the worker's statements read).
    static QString workerKey(const DatabaseUrl &url, const void *connection);
    ~SqlFetchWorker() override;

    // Queues q; the answer arrives as done(ticket, …) on the receivers' threads. With supersede, requests
    // of the same owner still waiting in the queue are dropped (their answers would be stale anyway).
    quint64 submit(const void *owner, BlockQuery q, bool supersede);
    // Any other read on this worker's connection, in the same queue (the chart panes' aggregates, see
    // asyncread.h): job runs on the worker thread with the connection, or with nullptr and why it could
    // not be opened; its value arrives as jobDone(ticket, value). With supersede, as for submit().
    using Job = std::function<std::shared_ptr<void>(Database *db, const QString &openError)>;
    quint64 submitJob(const void *owner, Job job, bool supersede);
    // Drops the owner's waiting requests (the owner is going away or starting over).
    void forget(const void *owner);

signals:
    void done(quint64 ticket, const orgward::BlockResult &result);
    void jobDone(quint64 ticket, const std::shared_ptr<void> &value);

private:
    SqlFetchWorker(const DatabaseUrl &url, std::function<QString(const QString &)> rewriter);
    void loop();
    struct Request
    {
        quint64 ticket = 0;
        const void *owner = nullptr;
        BlockQuery query;
        Job job; // set: a job instead of a block query
    };
    quint64 enqueue(Request r, bool supersede);
    DatabaseUrl m_url;
    std::function<QString(const QString &)> m_rewriter; // the GUI connection's role reads (tablesource.h)
    QThread *m_thread = nullptr;
    // Standard primitives rather than QMutex/QWaitCondition: ThreadSanitizer sees their waits (Qt's
    // QWaitCondition unlocks inside uninstrumented Qt code, which TSan reads as a double lock).
    std::mutex m_mutex;
    std::condition_variable m_wake;
    QList<Request> m_queue;
    quint64 m_next = 0;
    bool m_stop = false;
};

} // namespace orgward

Q_DECLARE_METATYPE(orgward::BlockResult)
Q_DECLARE_METATYPE(std::shared_ptr<void>)
