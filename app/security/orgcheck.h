#pragma once
// `orgward org test` and Settings → Organizations → Test: cheap calls that show whether a key works and which
// scopes it lacks, in plain words. The calls go through ApiClient with the options the sync uses
// (apiOptionsFor), so the check sends exactly what a sync sends, to where the URL policy allows.
#include "orgprofiles.h"

#include <QObject>
#include <atomic>
#include <memory>

class QThread;

namespace orgward {

struct OrgCheckLine
{
    QString what; // "members and projects (api.management.read)"
    bool ok = false;
    QString detail; // plain-words explanation
};

struct OrgCheck
{
    QList<OrgCheckLine> lines;
    bool authRefused = false; // the key itself is invalid/revoked
    bool allOk() const;
};

constexpr int kOrgCheckTimeoutMs = 20000; // per request, no bytes moving

// Calls GET /organization/users?limit=1 and GET /organization/costs (last day, limit 1). Blocks (ApiClient's
// local event loop): call it from a worker thread in the GUI (OrgCheckJob) or from the CLI. `cancel`, read
// from any thread, aborts it with a Cancelled error.
Result<OrgCheck> checkOrganization(const OrgProfile &profile, const QString &adminKey,
                                   int timeoutMs = kOrgCheckTimeoutMs,
                                   const std::atomic_bool *cancel = nullptr);
// The plain-words explanation of an API error body/status (exposed for tests).
QString explainApiRefusal(int httpStatus, const QString &apiMessage);

// One org check on a thread of its own, for the GUI thread: start() returns at once, finished() arrives
// (posted as a value to the owner's thread, so no cross-thread signal marshalling is involved). cancel()
// aborts the requests; the destructor cancels and joins the thread, so a job may be destroyed at any time.
class OrgCheckJob : public QObject
{
    Q_OBJECT
public:
    explicit OrgCheckJob(QObject *parent = nullptr);
    ~OrgCheckJob() override;

    // False (and nothing started) while a check is still running.
    bool start(const OrgProfile &profile, const QString &adminKey, int timeoutMs = kOrgCheckTimeoutMs);
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void finished(const orgward::Result<orgward::OrgCheck> &result);

private:
    void join();

    std::unique_ptr<QThread> m_thread;
    std::atomic_bool m_cancel{false};
};

} // namespace orgward
