#pragma once
// Owns the GUI's sync thread: one SyncWorker on one QThread ("orgward-sync") at a time. The owner (the
// main window) calls stop() before it tears down, which cancels the run and joins the thread, so no sync
// outlives its window. The worker's signals are relayed from this object on the owner's thread; a run that
// was stopped relays nothing more. The worker pointer is only touched on the owner's thread, and the
// worker is deleted here after its thread has ended.
#include "syncworker.h"

#include <QObject>
#include <memory>

class QThread;

namespace orgward {

class SyncRunner : public QObject
{
    Q_OBJECT
public:
    explicit SyncRunner(QObject *parent = nullptr);
    ~SyncRunner() override; // stop()

    bool isRunning() const { return m_thread != nullptr; }
    // Starts a run on a new thread; false (and nothing started) while one is running.
    bool start(DatabaseUrl db, ApiOptions api, SyncOptions sync);
    // Asks the run to stop at its next page or request (a request in flight is aborted); returns at once.
    void cancel();
    // cancel() and wait until the thread has ended. Nothing is relayed afterwards for that run.
    void stop();

Q_SIGNALS:
    void progress(const orgward::SyncProgress &p);
    void endpointFinished(const orgward::EndpointResult &r);
    void finished(const orgward::SyncSummary &summary);
    void failed(const QString &message);

private:
    void join(); // the worker's run has returned (or was cancelled): end the thread, delete both

    std::unique_ptr<QThread> m_thread;
    SyncWorker *m_worker = nullptr; // lives on m_thread; deleted by join() after the thread ended
    quint64 m_run = 0;              // which run the relayed signals belong to
};

} // namespace orgward
