#include "syncrunner.h"

#include <QThread>

namespace orgward {

SyncRunner::SyncRunner(QObject *parent) : QObject(parent) {}

SyncRunner::~SyncRunner()
{
    stop();
}

bool SyncRunner::start(DatabaseUrl db, ApiOptions api, SyncOptions sync)
{
    if (isRunning()) return false;
    const quint64 run = ++m_run;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("orgward-sync"));
    m_worker = new SyncWorker(std::move(db), std::move(api), std::move(sync));
    m_worker->moveToThread(m_thread.get());
    QThread *thread = m_thread.get();
    connect(thread, &QThread::started, m_worker, &SyncWorker::run);
    // The run's last act is finished or failed: the thread's loop ends right after it (direct, in the
    // worker's thread), so join() never waits for more than the run's return.
    connect(m_worker, &SyncWorker::finished, thread, &QThread::quit, Qt::DirectConnection);
    connect(m_worker, &SyncWorker::failed, thread, &QThread::quit, Qt::DirectConnection);
    // Relays: queued to this object's thread; a stale run (stopped, or an earlier one) is dropped.
    connect(m_worker, &SyncWorker::progress, this, [this, run](const SyncProgress &p) {
        if (run == m_run && isRunning()) Q_EMIT progress(p);
    });
    connect(m_worker, &SyncWorker::endpointFinished, this, [this, run](const EndpointResult &r) {
        if (run == m_run && isRunning()) Q_EMIT endpointFinished(r);
    });
    connect(m_worker, &SyncWorker::finished, this, [this, run](const SyncSummary &s) {
        if (run != m_run || !isRunning()) return;
        join();
        Q_EMIT finished(s);
    });
    connect(m_worker, &SyncWorker::failed, this, [this, run](const QString &message) {
        if (run != m_run || !isRunning()) return;
        join();
        Q_EMIT failed(message);
    });
    thread->start();
    return true;
}

void SyncRunner::cancel()
{
    if (m_worker) m_worker->cancel();
}

void SyncRunner::stop()
{
    if (!isRunning()) return;
    cancel();
    join();
}

void SyncRunner::join()
{
    // The worker quits the thread's loop when its run returns; a thread whose run has not begun yet
    // starts it, sees the cancel flag at the first page and returns just as fast.
    m_thread->wait();
    delete m_worker; // its thread has ended: nothing else refers to it
    m_worker = nullptr;
    m_thread.reset();
}

} // namespace orgward
