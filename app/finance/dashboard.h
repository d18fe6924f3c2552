#pragma once
// The dashboard's numbers for one organization, each computed in SQL "as of" the org's now
// (orgNowSecs): a fixture snapshot is read at its capture time.
#include "core/decimal.h"
#include "core/result.h"

#include <QList>
#include <QPair>
#include <QString>

namespace orgward {

class Database;

struct DashboardSummary
{
    qint64 now = 0;
    QString currency;
    Decimal spendMonthToDate;
    Decimal spendPreviousMonthSamePoint;
    QList<QPair<QString, Decimal>> topProjects; // name, month-to-date cost
    qint64 keysUnused90Days = 0;
    qint64 certificatesExpiring14Days = 0;
    qint64 invitesPending = 0;
    qint64 membersWithoutProject = 0;
    QString lastSyncStatus; // empty: never synced
    qint64 lastSyncAt = 0;
};

// SQL conditions shared by the dashboard and the panes its tiles open (bind: one "now" seconds value).
namespace dashboard {
QString unusedKeyCondition(Database &db);           // on openai_project_api_keys k; binds: now - 90 days
QString expiringCertificateCondition(Database &db); // on openai_certificates c; binds: now, now + 14 days
QString pendingInviteCondition(Database &db);       // on openai_invites i; binds: now
QString memberWithoutProjectCondition();            // on openai_users u; no binds
} // namespace dashboard

Result<DashboardSummary> loadDashboard(Database &db, const QString &orgKey, int topProjects = 5);

} // namespace orgward
