#pragma once
// One write to the store off the GUI thread, for the rare write a person asks for in the console (a review
// mark in the journal). The table worker's connection (sqlfetch.h) is read-only on purpose, so each write
// opens a connection of its own on a thread of its own, runs, closes it and delivers its answer on the
// context's thread; opening costs more than such a write, which is fine at a person's pace. The sync has
// its own thread (SyncRunner). Without a second connection (an in-memory database) it writes at once on
// the caller's connection, as AsyncRead reads.
#include "sqlfetch.h" // std::shared_ptr<void> as a meta type

#include <QObject>
#include <functional>
#include <memory>

class QThread;

namespace orgward {

// The untyped part: one thread, one connection, one write at a time.
class SqlWriteJob : public QObject
{
    Q_OBJECT
public:
    // Runs on the write thread with the connection, or with nullptr and why it could not be opened.
    using Job = std::function<std::shared_ptr<void>(Database *db, const QString &openError)>;
    explicit SqlWriteJob(Database &db, QObject *parent = nullptr);
    ~SqlWriteJob() override; // waits for a write under way: one short transaction
    SqlWriteJob(const SqlWriteJob &) = delete;
    SqlWriteJob &operator=(const SqlWriteJob &) = delete;

    // From start() until finished() has been emitted.
    bool busy() const { return m_busy; }
    // False (and nothing started) while a write is under way: a second one would not be "the newest
    // answer wins" as for reads, both must land, so the caller decides.
    bool start(Job job);

signals:
    void finished(const std::shared_ptr<void> &value);

private:
    void join();
    Database &m_db;
    std::unique_ptr<QThread> m_thread;
    bool m_busy = false;
};

template <typename T> class AsyncWrite
{
public:
    using Write = std::function<Result<T>(Database &)>;
    using Deliver = std::function<void(const Result<T> &)>;

    AsyncWrite(Database &db, QObject *context, Deliver deliver) : m_job(db), m_deliver(std::move(deliver))
    {
        QObject::connect(&m_job, &SqlWriteJob::finished, context, [this](const std::shared_ptr<void> &v) {
            m_deliver(*static_cast<const Result<T> *>(v.get()));
        });
    }
    AsyncWrite(const AsyncWrite &) = delete;
    AsyncWrite &operator=(const AsyncWrite &) = delete;

    bool busy() const { return m_job.busy(); }
    // False (nothing started) while the previous write is still under way.
    bool run(Write write)
    {
        return m_job.start(
            [write = std::move(write)](Database *db, const QString &openError) -> std::shared_ptr<void> {
                return std::make_shared<Result<T>>(db ? write(*db)
                                                      : Result<T>(err(Error::Code::Database, openError)));
            });
    }

private:
    SqlWriteJob m_job;
    Deliver m_deliver;
};

} // namespace orgward
