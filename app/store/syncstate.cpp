#include "syncstate.h"

#include "core/clock.h"
#include "core/sanitizer.h"
#include "nativesession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace orgward {

namespace {
QString toJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QString toJson(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}
QJsonArray masked(const QJsonArray &texts)
{
    QJsonArray out;
    for (const QJsonValue &v : texts)
        out.append(v.isString() ? QJsonValue(Sanitizer::mask(v.toString())) : v);
    return out;
}
QString syncLockName(const QString &orgKey)
{
    return QStringLiteral("orgward-sync:") + orgKey;
}
} // namespace

namespace {
const QString kCursorColumns = QStringLiteral("endpoint, next_page, pass_id, version, last_synced_at, "
                                              "window_start, window_end, error_count, last_error");

CursorState cursorFrom(const QSqlQuery &q)
{
    CursorState c;
    c.endpoint = q.value(0).toString();
    c.nextPage = q.value(1).toString();
    c.passId = q.value(2).toString();
    c.version = q.value(3).toLongLong();
    c.lastSyncedAt = Database::timestampSecs(q.value(4));
    c.windowStart = Database::timestampSecs(q.value(5));
    c.windowEnd = Database::timestampSecs(q.value(6));
    c.errorCount = q.value(7).toLongLong();
    c.lastError = q.value(8).toString();
    return c;
}
} // namespace

Result<CursorState> SyncState::cursor(const QString &orgKey, const QString &endpoint)
{
    auto q =
        m_db.exec(QStringLiteral("SELECT %1 FROM openai_admin_cursors WHERE org_key = ? AND endpoint = ?")
                      .arg(kCursorColumns),
                  {orgKey, endpoint});
    if (!q) return q.error();
    if (q->next()) return cursorFrom(*q);
    CursorState c;
    c.endpoint = endpoint;
    return c;
}

Result<QList<CursorState>> SyncState::cursors(const QString &orgKey)
{
    // One statement: an org read per user has a cursor per user (100k at the benchmark's size).
    auto q =
        m_db.exec(QStringLiteral("SELECT %1 FROM openai_admin_cursors WHERE org_key = ? ORDER BY endpoint")
                      .arg(kCursorColumns),
                  {orgKey});
    if (!q) return q.error();
    QList<CursorState> out;
    while (q->next())
        out << cursorFrom(*q);
    return out;
}

Status SyncState::saveCursor(const QString &orgKey, const CursorState &c)
{
    // Through the native handle, inside whatever transaction is open: the sync's page committer saves a
    // page's cursor with its rows on a helper thread, where Qt's side of the connection is not used.
    const bool pg = m_db.isPostgres();
    auto ts = [pg](qint64 secs) { return secs > 0 ? timestampCell(secs, pg) : Cell::null(); };
    auto text = [](const QString &s) { return s.isEmpty() ? Cell::null() : Cell::of(s.toUtf8()); };
    const QString lastError = c.lastError.isEmpty() ? QString() : Sanitizer::mask(c.lastError);
    auto r = m_db.native().execute(
        "INSERT INTO openai_admin_cursors (org_key, endpoint, next_page, version, pass_id, last_synced_at, "
        "window_start, window_end, error_count, last_error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
        "ON CONFLICT (org_key, endpoint) DO UPDATE SET next_page = excluded.next_page, version = "
        "excluded.version, pass_id = excluded.pass_id, last_synced_at = excluded.last_synced_at, "
        "window_start = excluded.window_start, window_end = excluded.window_end, error_count = "
        "excluded.error_count, last_error = excluded.last_error",
        {Cell::of(orgKey.toUtf8()), Cell::of(c.endpoint.toUtf8()), text(c.nextPage), Cell::of(c.version),
         text(c.passId), ts(c.lastSyncedAt), ts(c.windowStart), ts(c.windowEnd), Cell::of(c.errorCount),
         text(lastError)});
    if (!r) return r.error();
    return {};
}

Status SyncState::saveAuditReach(const QString &orgKey, const QString &passId, qint64 readAt)
{
    // Every event the read returned carries its pass (unchanged rows too), whichever page it came on: a
    // resumed read and an empty last page give the same answer.
    auto r = m_db.native().execute(
        "INSERT INTO orgward_audit_reach (org_key, api_oldest_at, read_at) VALUES ($1, (SELECT "
        "MIN(effective_at) FROM openai_audit_logs WHERE org_key = $1 AND last_seen_pass = $2), $3) ON "
        "CONFLICT (org_key) DO UPDATE SET api_oldest_at = excluded.api_oldest_at, read_at = excluded.read_at",
        {Cell::of(orgKey.toUtf8()), Cell::of(passId.toUtf8()), timestampCell(readAt, m_db.isPostgres())});
    if (!r) return r.error();
    return {};
}

Status SyncState::ensureOrg(const OrgRecord &org)
{
    return m_db.run(
        QStringLiteral(
            "INSERT INTO organizations (org_key, display_name, openai_org_id, source, snapshot_at, "
            "created_at) "
            "VALUES (?,?,?,?,?,?) ON CONFLICT (org_key) DO UPDATE SET display_name = excluded.display_name, "
            "openai_org_id = COALESCE(excluded.openai_org_id, organizations.openai_org_id), source = "
            "excluded.source"),
        {org.key, org.displayName.isEmpty() ? org.key : org.displayName,
         org.openaiOrgId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(org.openaiOrgId),
         org.source, org.snapshotAt > 0 ? m_db.bindTimestamp(org.snapshotAt) : m_db.bindTimestamp(QVariant()),
         m_db.bindTimestamp(Clock::nowSecs())});
}

Status SyncState::setSnapshotAt(const QString &orgKey, qint64 at)
{
    return m_db.run(QStringLiteral("UPDATE organizations SET snapshot_at = ? WHERE org_key = ?"),
                    {m_db.bindTimestamp(at), orgKey});
}

Result<QList<OrgRecord>> SyncState::organizations()
{
    auto q = m_db.exec(QStringLiteral("SELECT org_key, display_name, openai_org_id, source, snapshot_at FROM "
                                      "organizations ORDER BY display_name"));
    if (!q) return q.error();
    QList<OrgRecord> out;
    while (q->next())
        out << OrgRecord{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                         q->value(3).toString(), Database::timestampSecs(q->value(4))};
    return out;
}

Result<QList<ProjectRef>> SyncState::liveProjects(const QString &orgKey)
{
    auto q = m_db.exec(
        QStringLiteral(
            "SELECT id, status FROM openai_projects WHERE org_key = ? AND deleted_at IS NULL ORDER BY id"),
        {orgKey});
    if (!q) return q.error();
    QList<ProjectRef> out;
    while (q->next())
        out << ProjectRef{q->value(0).toString(), q->value(1).toString() == u"archived"};
    return out;
}

Result<QStringList> SyncState::liveIds(const QString &orgKey, Parent parent)
{
    const QString table =
        parent == Parent::Groups ? QStringLiteral("openai_groups") : QStringLiteral("openai_users");
    auto q = m_db.exec(
        QStringLiteral("SELECT id FROM %1 WHERE org_key = ? AND deleted_at IS NULL ORDER BY id").arg(table),
        {orgKey});
    if (!q) return q.error();
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

Result<bool> SyncState::lockOrgForSync(const QString &orgKey)
{
    if (!m_db.isPostgres()) return false;
    if (auto r = m_db.run(QStringLiteral("SELECT pg_advisory_lock(hashtext(?))"), {syncLockName(orgKey)}); !r)
        return r.error();
    return true;
}

void SyncState::unlockOrgForSync(const QString &orgKey)
{
    // Best effort: the lock also ends with the session.
    (void)m_db.run(QStringLiteral("SELECT pg_advisory_unlock(hashtext(?))"), {syncLockName(orgKey)});
}

Result<QString> SyncState::beginRun(const QString &orgKey, const QString &source, bool dryRun)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto r = m_db.run(
            QStringLiteral(
                "INSERT INTO openai_admin_sync_runs (id, org_key, source, dry_run, started_at, status) "
                "VALUES (?,?,?,?,?,'running')"),
            {id, orgKey, source, m_db.bindBool(dryRun), m_db.bindTimestamp(Clock::nowSecs())});
        !r)
        return r.error();
    return id;
}

Status SyncState::finishRun(const QString &runId, SyncStatus status, const QJsonObject &counts,
                            const QJsonArray &errors, const QJsonObject &cursors, qint64 requests,
                            qint64 retries, const QString &message)
{
    return m_db.run(
        QStringLiteral(
            "UPDATE openai_admin_sync_runs SET finished_at = ?, status = ?, counts = ?, errors = ?, "
            "cursors = ?, requests = ?, retries = ?, message = ? WHERE id = ?"),
        {m_db.bindTimestamp(Clock::nowSecs()), statusText(status), toJson(counts), toJson(masked(errors)),
         toJson(cursors), requests, retries, Sanitizer::mask(message), runId});
}

} // namespace orgward
