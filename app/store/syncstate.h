#pragma once
// Cursors (per organization and endpoint), sync-run records and organizations.
#include "database.h"
#include "domain/syncstatus.h"

#include <QJsonObject>

namespace orgward {

struct CursorState
{
    QString endpoint;
    QString nextPage; // empty: no chain in progress
    QString passId;   // the pass a resumed chain continues
    qint64 version = 1;
    qint64 lastSyncedAt = 0;
    qint64 windowStart = 0;
    qint64 windowEnd = 0; // audit logs: newest effective_at seen; usage/costs: end of fetched range
    qint64 errorCount = 0;
    QString lastError;
};

struct ProjectRef
{
    QString id;
    bool archived = false; // the API answers 400 for an archived project's sub-lists
};

struct OrgRecord
{
    QString key;
    QString displayName;
    QString openaiOrgId;
    QString source; // "live" or "fixtures"
    qint64 snapshotAt = 0;
};

class SyncState
{
public:
    explicit SyncState(Database &db) : m_db(db) {}

    Result<CursorState> cursor(const QString &orgKey, const QString &endpoint);
    Status saveCursor(const QString &orgKey, const CursorState &c); // any thread holding the connection
    Result<QList<CursorState>> cursors(const QString &orgKey);
    // The audit log was read whole (no effective_at filter) to its end by pass passId: the oldest event that
    // pass stored is how far back the API reached at readAt (orgward_audit_reach, migration 13; NULL when
    // the pass saw no event). Through the native handle, inside the transaction of that read's last page.
    Status saveAuditReach(const QString &orgKey, const QString &passId, qint64 readAt);

    Status ensureOrg(const OrgRecord &org);
    Result<QList<OrgRecord>> organizations();
    Status setSnapshotAt(const QString &orgKey, qint64 at);

    // The org's projects not deleted, by id: the sync plans their sub-lists from these.
    Result<QList<ProjectRef>> liveProjects(const QString &orgKey);
    // The ids of the org's groups or users not deleted, sorted: the sync plans their sub-lists from these.
    enum class Parent
    {
        Groups,
        Users
    };
    Result<QStringList> liveIds(const QString &orgKey, Parent parent);

    // Two processes syncing one org into one PostgreSQL database take turns: a session-level advisory
    // lock per organization (the second waits, then finds nothing to change). SQLite: nothing to take
    // (its writer lock serialises the page commits). True when a lock was taken and must be released.
    Result<bool> lockOrgForSync(const QString &orgKey);
    void unlockOrgForSync(const QString &orgKey);

    // Error texts (errors, message) and a cursor's last_error are masked (Sanitizer) before they are
    // stored: they quote what the server answered.
    Result<QString> beginRun(const QString &orgKey, const QString &source, bool dryRun);
    Status finishRun(const QString &runId, SyncStatus status, const QJsonObject &counts,
                     const QJsonArray &errors, const QJsonObject &cursors, qint64 requests, qint64 retries,
                     const QString &message);

private:
    Database &m_db;
};

} // namespace orgward
