#include "dashboard.h"

#include "asof.h"
#include "core/clock.h"
#include "costquery.h"
#include "groupbyset.h"
#include "store/database.h"

#include <algorithm>

namespace orgward {

namespace dashboard {
QString unusedKeyCondition(Database &db)
{
    // Never used counts as unused once the key itself is older than the threshold.
    return QStringLiteral("k.deleted_at IS NULL AND COALESCE(k.last_used_at, k.created_at) < %1")
        .arg(db.secsToTs(QStringLiteral("?")));
}
QString expiringCertificateCondition(Database &db)
{
    return QStringLiteral("c.deleted_at IS NULL AND c.expires_at >= %1 AND c.expires_at < %1")
        .arg(db.secsToTs(QStringLiteral("?")));
}
QString pendingInviteCondition(Database &db)
{
    return QStringLiteral("i.deleted_at IS NULL AND i.status = 'pending' AND (i.expires_at IS NULL OR "
                          "i.expires_at > %1)")
        .arg(db.secsToTs(QStringLiteral("?")));
}
QString memberWithoutProjectCondition()
{
    return QStringLiteral("u.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM openai_project_members pm "
                          "WHERE pm.org_key = u.org_key "
                          "AND pm.user_id = u.id AND pm.removed_at IS NULL)");
}
} // namespace dashboard

Result<DashboardSummary> loadDashboard(Database &db, const QString &org, int topN)
{
    DashboardSummary s;
    s.now = orgNowSecs(db, org);
    const qint64 monthStart = monthStartSecs(s.now);
    const qint64 prevPoint = previousMonthSamePoint(s.now);
    auto mtd = costTotal(db, org, monthStart, s.now + 1, &s.currency);
    if (!mtd) return mtd.error();
    s.spendMonthToDate = *mtd;
    auto prev = costTotal(db, org, monthStartSecs(prevPoint), prevPoint + 1);
    if (!prev) return prev.error();
    s.spendPreviousMonthSamePoint = *prev;

    CostRequest cr;
    cr.orgKey = org;
    cr.stackBy = QStringLiteral("project_id");
    cr.from = monthStart;
    cr.to = s.now + 1;
    cr.topN = topN;
    auto costs = queryCosts(db, cr);
    if (!costs) return costs.error();
    for (int i = 0; i < costs->stackKeys.size(); ++i) {
        if (costs->stackKeys[i].startsWith(u'\x01')) continue;
        Decimal sum;
        for (const Decimal &d : std::as_const(costs->values[i]))
            sum += d;
        s.topProjects << qMakePair(costs->stackLabels[i], sum);
    }

    auto count = [&](const QString &sql, const QVariantList &binds) -> Result<qint64> {
        auto v = db.scalar(sql, binds);
        if (!v) return v.error();
        return v->toLongLong();
    };
    // The conditions convert seconds themselves (Database::secsToTs): bind plain seconds, not timestamps.
    auto n = count(QStringLiteral("SELECT COUNT(*) FROM openai_project_api_keys k WHERE k.org_key = ? AND ") +
                       dashboard::unusedKeyCondition(db),
                   {org, QVariant(s.now - 90 * kSecondsPerDay)});
    if (!n) return n.error();
    s.keysUnused90Days = *n;
    n = count(QStringLiteral("SELECT COUNT(*) FROM openai_certificates c WHERE c.org_key = ? AND ") +
                  dashboard::expiringCertificateCondition(db),
              {org, QVariant(s.now), QVariant(s.now + 14 * kSecondsPerDay)});
    if (!n) return n.error();
    s.certificatesExpiring14Days = *n;
    n = count(QStringLiteral("SELECT COUNT(*) FROM openai_invites i WHERE i.org_key = ? AND ") +
                  dashboard::pendingInviteCondition(db),
              {org, QVariant(s.now)});
    if (!n) return n.error();
    s.invitesPending = *n;
    n = count(QStringLiteral("SELECT COUNT(*) FROM openai_users u WHERE u.org_key = ? AND ") +
                  dashboard::memberWithoutProjectCondition(),
              {org});
    if (!n) return n.error();
    s.membersWithoutProject = *n;

    auto q = db.exec(
        QStringLiteral(
            "SELECT status, COALESCE(finished_at, started_at) FROM openai_admin_sync_runs WHERE org_key = ? "
            "ORDER BY started_at DESC LIMIT 1"),
        {org});
    if (!q) return q.error();
    if (q->next()) {
        s.lastSyncStatus = q->value(0).toString();
        s.lastSyncAt = Database::timestampSecs(q->value(1));
    }
    return s;
}

} // namespace orgward
