#pragma once
// The access review's indexes (reports_access.cpp): every entity it reads, indexed once by user, group,
// project and invite id, so each member's row is a handful of hash lookups.
#include "compliance/report.h"
#include "core/result.h"

#include <QHash>
#include <QJsonObject>

namespace orgward {
class ReportSource;
}

namespace orgward::reports::access {

struct AccessIndex
{
    QList<QJsonObject> members, invites;
    QHash<QString, QString> projectName, groupName;
    QHash<QString, QStringList> customRoles;                   // user id → role names (not predefined)
    QHash<QString, QStringList> groupsOf;                      // user id → group ids
    QHash<QString, QStringList> rolesOfGroup;                  // group id → role names
    QHash<QString, QList<QPair<QString, QString>>> projectsOf; // user id → (project id, role)
    QHash<QString, QStringList> projectsOfGroup;               // group id → project ids
    QHash<QString, qint64> lastActivity;                       // user id → Unix seconds
    QHash<QString, QString> memberEmail;                       // user id → email
    QHash<QString, QString> keyOwner;                          // key id → owning user id
    QHash<QString, QString> sentBy;                            // invite id → who sent it
    QHash<QString, QString> sentToEmail;                       // invitee email (folded) → who sent it
    QHash<QString, QString> acceptedInvite;                    // user id → invite id
    QHash<QString, QString> inviteOfEmail;                     // invitee email (folded) → invite id

    Status load(ReportSource &src, const ReportParams &p);

    QString groupNames(const QString &userId) const;
    QString groupRoleNames(const QString &userId) const;
    QString directProjects(const QString &userId) const; // "Project (role), …"
    QString groupProjects(const QString &userId) const;  // "Project (via Group), …"
    QString inviterOf(const QJsonObject &member) const;  // empty: not known
    QString senderOfInvite(const QString &inviteId) const;
    QString inviteProjects(const QJsonObject &invite) const;

private:
    Status loadRbac(ReportSource &src);
    Status loadProjects(ReportSource &src);
    Status loadActivity(ReportSource &src, qint64 until);
    Status loadInviters(ReportSource &src, qint64 until);
    QString sender(const QJsonObject &event) const;
};

QList<QJsonObject> pendingInvites(const QList<QJsonObject> &invites);

// Members removed in the period, from row history (the members as of the period's start, or the first
// observation when later, that are gone at its end), dated by the audit log's user.deleted events.
Result<ReportTable> removedTable(ReportSource &src, const ReportParams &p);

} // namespace orgward::reports::access
