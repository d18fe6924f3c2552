#include "auditreach.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace orgward {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("orgward::AuditReach", text);
}

QString day(qint64 secs)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).date(),
                              QStringLiteral("d MMM yyyy"));
}

QString events(qint64 n)
{
    return n == 1 ? tr("1 event") : tr("%1 events").arg(QLocale().toString(n));
}

// COUNT, MIN and MAX of the org's stored events (one row, read to its end: PostgreSQL results stream).
Status readLocal(Database &db, const QString &orgKey, AuditReach &r)
{
    auto q = db.exec(QStringLiteral("SELECT COUNT(*), MIN(effective_at), MAX(effective_at) FROM "
                                    "openai_audit_logs WHERE org_key = ?"),
                     {orgKey});
    if (!q) return q.error();
    while (q->next()) {
        r.localEvents = q->value(0).toLongLong();
        r.localOldest = Database::timestampSecs(q->value(1));
        r.localNewest = Database::timestampSecs(q->value(2));
    }
    return {};
}

Status readApi(Database &db, const QString &orgKey, AuditReach &r)
{
    auto q = db.exec(
        QStringLiteral("SELECT api_oldest_at, read_at FROM orgward_audit_reach WHERE org_key = ?"), {orgKey});
    if (!q) return q.error();
    while (q->next()) {
        r.apiRead = true;
        r.apiOldest = Database::timestampSecs(q->value(0));
        r.apiReadAt = Database::timestampSecs(q->value(1));
    }
    return {};
}

// Stored events the API did not return on its last full read: older than its oldest event, or, when it
// returned none, every event that had happened by then.
Result<qint64> countOnlyLocal(Database &db, const QString &orgKey, const AuditReach &r)
{
    if (!r.apiRead || r.localEvents == 0) return qint64(0);
    const bool none = r.apiOldest == 0;
    auto n = db.scalar(QStringLiteral("SELECT COUNT(*) FROM openai_audit_logs WHERE org_key = ? AND "
                                      "effective_at %1 ?")
                           .arg(none ? QStringLiteral("<=") : QStringLiteral("<")),
                       {orgKey, db.bindTimestamp(none ? r.apiReadAt : r.apiOldest)});
    if (!n) return n.error();
    return n->toLongLong();
}

QString apiPart(const AuditReach &r)
{
    if (!r.apiRead)
        return tr("How far back the API still reaches is not known yet: no sync has read the whole audit log "
                  "(orgward sync --audit-log-full).");
    const QString when = day(r.apiReadAt);
    if (r.apiOldest == 0) {
        const QString s = tr("The API returned no events on the last full read (sync of %1)").arg(when);
        if (r.onlyLocal == 0) return s + u'.';
        return s + (r.onlyLocal == 1 ? tr("; the 1 event stored before then exists only here.")
                                     : tr("; the %1 events stored before then exist only here.")
                                           .arg(QLocale().toString(r.onlyLocal)));
    }
    const QString s = tr("The API still returned events back to %1 on the last full read (sync of %2)")
                          .arg(day(r.apiOldest), when);
    if (r.onlyLocal == 0) return s + tr("; no stored event is older.");
    return s + (r.onlyLocal == 1
                    ? tr("; 1 older event exists only here.")
                    : tr("; %1 older events exist only here.").arg(QLocale().toString(r.onlyLocal)));
}
} // namespace

Result<AuditReach> readAuditReach(Database &db, const QString &orgKey)
{
    AuditReach r;
    if (auto s = readLocal(db, orgKey, r); !s) return s.error();
    if (auto s = readApi(db, orgKey, r); !s) return s.error();
    auto only = countOnlyLocal(db, orgKey, r);
    if (!only) return only.error();
    r.onlyLocal = *only;
    return r;
}

QString describeAuditReach(const AuditReach &r)
{
    const QString local = r.localEvents == 0
                              ? tr("Local copy: no audit events stored.")
                              : tr("Local copy: %1 – %2 (%3).")
                                    .arg(day(r.localOldest), day(r.localNewest), events(r.localEvents));
    return local + u' ' + apiPart(r);
}

} // namespace orgward
