#pragma once
// Cursors (per organization and endpoint), sync-run records and organizations.
#include "database.h"

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

    Status ensureOrg(const OrgRecord &org);
    Result<QList<OrgRecord>> organizations();
    Status setSnapshotAt(const QString &orgKey, qint64 at);

    Result<QString> beginRun(const QString &orgKey, const QString &source, bool dryRun);
    Status finishRun(const QString &runId, const QString &status, const QJsonObject &counts,
                     const QJsonArray &errors, const QJsonObject &cursors, qint64 requests, qint64 retries,
                     const QString &message);

private:
    Database &m_db;
};

} // namespace orgward
