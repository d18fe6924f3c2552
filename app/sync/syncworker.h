#pragma once
// Runs a SyncEngine on its own named QThread with its own database connection and HTTP client. The GUI
// thread never waits on it: progress, per-endpoint results and the final summary arrive as value types
// over queued signals. cancel() may be called from any thread; the worker stops at the next page. The
// console owns worker and thread through SyncRunner (syncrunner.h), which cancels and joins them.
#include "api/apiclient.h"
#include "store/databaseurl.h"
#include "syncengine.h"

#include <QObject>
#include <QThread>
#include <atomic>

namespace orgward {

class SyncWorker : public QObject
{
    Q_OBJECT
public:
    SyncWorker(DatabaseUrl db, ApiOptions api, SyncOptions sync);

    // Moves a new worker onto a new thread named "orgward-sync". The thread and the worker delete
    // themselves when the run ends; nothing joins them. Only for tests that watch one run to its end:
    // anything that may end before its sync does (the window) owns the thread through SyncRunner.
    // The thread starts once the caller's event loop runs again, so connections made right after this
    // returns see every signal. The last argument is accepted for callers that pass their context.
    static SyncWorker *startOnThread(DatabaseUrl db, ApiOptions api, SyncOptions sync,
                                     QObject *context = nullptr);

    void cancel() { m_cancel.store(true); }

public Q_SLOTS:
    void run(); // in the worker's thread

Q_SIGNALS:
    void progress(const orgward::SyncProgress &p);
    void endpointFinished(const orgward::EndpointResult &r);
    void finished(const orgward::SyncSummary &summary);
    void failed(const QString &message); // nothing could start (database, API base)

private:
    DatabaseUrl m_db;
    ApiOptions m_api;
    SyncOptions m_sync;
    std::atomic_bool m_cancel{false};
};

} // namespace orgward

Q_DECLARE_METATYPE(orgward::SyncProgress)
Q_DECLARE_METATYPE(orgward::EndpointResult)
Q_DECLARE_METATYPE(orgward::SyncSummary)
