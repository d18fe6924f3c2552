#include "syncworker.h"

#include "store/database.h"

namespace orgward {

SyncWorker::SyncWorker(DatabaseUrl db, ApiOptions api, SyncOptions sync)
    : m_db(std::move(db)), m_api(std::move(api)), m_sync(std::move(sync))
{
    qRegisterMetaType<orgward::SyncProgress>();
    qRegisterMetaType<orgward::EndpointResult>();
    qRegisterMetaType<orgward::SyncSummary>();
}

SyncWorker *SyncWorker::startOnThread(DatabaseUrl db, ApiOptions api, SyncOptions sync, QObject *)
{
    auto *thread = new QThread;
    thread->setObjectName(QStringLiteral("orgward-sync"));
    auto *worker = new SyncWorker(std::move(db), std::move(api), std::move(sync));
    worker->moveToThread(thread);
    connect(thread, &QThread::started, worker, &SyncWorker::run);
    connect(worker, &SyncWorker::finished, thread, &QThread::quit);
    connect(worker, &SyncWorker::failed, thread, &QThread::quit);
    connect(thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    // Start from the caller's event loop, so the connections it makes after this returns see every signal.
    QMetaObject::invokeMethod(
        thread, [thread] { thread->start(); }, Qt::QueuedConnection);
    return worker;
}

void SyncWorker::run()
{
    if (auto base = ApiClient::checkBaseUrl(m_api.baseUrl); !base) {
        Q_EMIT failed(base.errorMessage());
        return;
    }
    auto db = Database::open(m_db); // this thread's own connection
    if (!db) {
        Q_EMIT failed(db.errorMessage());
        return;
    }
    ApiClient api(m_api);
    SyncEngine engine(**db, api, m_sync);
    engine.setCancelFlag(&m_cancel);
    engine.onProgress = [this](const SyncProgress &p) { Q_EMIT progress(p); };
    engine.onEndpoint = [this](const EndpointResult &r) { Q_EMIT endpointFinished(r); };
    auto summary = engine.run();
    if (!summary) {
        Q_EMIT failed(summary.errorMessage());
        return;
    }
    Q_EMIT finished(*summary);
}

} // namespace orgward
