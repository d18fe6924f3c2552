// The access review (issue #14, SOC 2 CC6.2/CC6.3): every member with what they may do and when they last
// did anything, pending invites, members in no project and members removed in the period, with empty
// sign-off columns. Everything is indexed once (QHash by user, group and project id): the review of a
// 100,000-member organization makes no per-member scan.
#include "compliance/reportcells.h"
#include "compliance/reports.h"
#include "compliance/reports_access_p.h"
#include "compliance/reportsource.h"

#include <algorithm>

namespace orgward::reports {

namespace {
using namespace reportcells;
using access::AccessIndex;

// Seed 002 §1 keeps the owner role to the CTO or VP Engineering: "max 2-3 people".
constexpr int kMaxOwners = 3;
const QString kOwner = QStringLiteral("owner");
// Columns of the pending-invites table the summary and the sort read.
constexpr int kInviteEmailColumn = 0;
constexpr int kInviteExpiredColumn = 5;
constexpr int kInviteIdColumn = 7;

enum MemberColumn
{
    kEmail,
    kName,
    kUserId,
    kOrgRole,
    kCustomRoles,
    kGroups,
    kGroupRoles,
    kProjects,
    kProjectsViaGroups,
    kLastActivity,
    kInvitedBy,
    kAdded,
    kReviewer,
    kReviewDate,
    kDecision,
};

QList<ReportColumn> memberColumns()
{
    return {{QStringLiteral("email"), QStringLiteral("Email"), CellKind::Email, 4},
            {QStringLiteral("name"), QStringLiteral("Name"), CellKind::Name, 3},
            {QStringLiteral("user_id"), QStringLiteral("User id"), CellKind::Text, 3},
            {QStringLiteral("org_role"), QStringLiteral("Org role"), CellKind::Text, 2},
            {QStringLiteral("custom_roles"), QStringLiteral("Custom roles"), CellKind::FreeText, 3},
            {QStringLiteral("groups"), QStringLiteral("Groups"), CellKind::FreeText, 3},
            {QStringLiteral("group_roles"), QStringLiteral("Roles from groups"), CellKind::FreeText, 3},
            {QStringLiteral("projects"), QStringLiteral("Projects (role)"), CellKind::FreeText, 4},
            {QStringLiteral("projects_via_groups"), QStringLiteral("Projects through groups"),
             CellKind::FreeText, 4},
            {QStringLiteral("last_activity"), QStringLiteral("Last activity"), CellKind::Date, 2},
            {QStringLiteral("invited_by"), QStringLiteral("Invited by"), CellKind::Email, 3},
            {QStringLiteral("added_at"), QStringLiteral("Added"), CellKind::Date, 2},
            {QStringLiteral("reviewer"), QStringLiteral("Reviewer"), CellKind::Sign, 3},
            {QStringLiteral("review_date"), QStringLiteral("Review date"), CellKind::Sign, 2},
            {QStringLiteral("decision"), QStringLiteral("Decision"), CellKind::Sign, 2}};
}

QVariantList memberRow(const QJsonObject &m, const AccessIndex &idx)
{
    const QString id = text(m, QStringLiteral("id"));
    QVariantList row(kDecision + 1);
    row[kEmail] = textCell(text(m, QStringLiteral("email")));
    row[kName] = textCell(text(m, QStringLiteral("name")));
    row[kUserId] = id;
    row[kOrgRole] = textCell(text(m, QStringLiteral("role")));
    row[kCustomRoles] = textCell(joinedSorted(idx.customRoles.value(id)));
    row[kGroups] = textCell(idx.groupNames(id));
    row[kGroupRoles] = textCell(idx.groupRoleNames(id));
    row[kProjects] = textCell(idx.directProjects(id));
    row[kProjectsViaGroups] = textCell(idx.groupProjects(id));
    row[kLastActivity] = dateCell(idx.lastActivity.value(id));
    row[kInvitedBy] = textCell(idx.inviterOf(m));
    row[kAdded] = dateCell(secs(m, QStringLiteral("added_at")));
    return row; // the sign-off columns stay null for the reviewer
}

ReportTable membersTable(const QList<QJsonObject> &members, const AccessIndex &idx, const ReportParams &p)
{
    ReportTable t{
        QStringLiteral("members"),
        QStringLiteral("Members"),
        QStringLiteral("Every member as of the report's instant. Last activity is the latest of the "
                       "member's own API keys' last use and their latest audit-log event (as actor, "
                       "or through one of their keys). Projects through groups are the projects a "
                       "group of theirs is linked to. Invited by comes from the audit log's "
                       "invite.sent and invite.accepted events, when it still holds them. Reviewer, "
                       "review date and decision (keep, change, remove) are left for sign-off; "
                       "members idle for %1 days or more are listed in the findings.")
            .arg(p.unusedDays),
        memberColumns(),
        {}};
    t.rows.reserve(members.size());
    for (const QJsonObject &m : members)
        t.rows.append(memberRow(m, idx));
    sortRows(t.rows, {kEmail, kName, kUserId});
    return t;
}

ReportTable invitesTable(const QList<QJsonObject> &invites, const AccessIndex &idx, qint64 asOf)
{
    ReportTable t{QStringLiteral("pending_invites"),
                  QStringLiteral("Pending invites"),
                  QStringLiteral("Invites not yet accepted; an expired one can no longer be accepted but is "
                                 "still listed by the API until it is deleted."),
                  {{QStringLiteral("email"), QStringLiteral("Email"), CellKind::Email, 4},
                   {QStringLiteral("role"), QStringLiteral("Org role"), CellKind::Text, 2},
                   {QStringLiteral("projects"), QStringLiteral("Projects (role)"), CellKind::FreeText, 4},
                   {QStringLiteral("invited_at"), QStringLiteral("Invited"), CellKind::Date, 2},
                   {QStringLiteral("expires_at"), QStringLiteral("Expires"), CellKind::Date, 2},
                   {QStringLiteral("expired"), QStringLiteral("Expired"), CellKind::Text, 1},
                   {QStringLiteral("invited_by"), QStringLiteral("Invited by"), CellKind::Email, 3},
                   {QStringLiteral("invite_id"), QStringLiteral("Invite id"), CellKind::Text, 3}},
                  {}};
    for (const QJsonObject &i : access::pendingInvites(invites)) {
        const qint64 expires = secs(i, QStringLiteral("expires_at"));
        const QString id = text(i, QStringLiteral("id"));
        t.rows.append({textCell(text(i, QStringLiteral("email"))), textCell(text(i, QStringLiteral("role"))),
                       textCell(idx.inviteProjects(i)), dateCell(secs(i, QStringLiteral("created_at"))),
                       dateCell(expires), expires != 0 && expires <= asOf, textCell(idx.senderOfInvite(id)),
                       id});
    }
    sortRows(t.rows, {kInviteEmailColumn, kInviteIdColumn});
    return t;
}

ReportTable noProjectTable(const ReportTable &members)
{
    ReportTable t{QStringLiteral("members_in_no_project"),
                  QStringLiteral("Members in no project"),
                  QStringLiteral("Members with no project membership, neither direct nor through a group."),
                  {{QStringLiteral("email"), QStringLiteral("Email"), CellKind::Email, 4},
                   {QStringLiteral("name"), QStringLiteral("Name"), CellKind::Name, 3},
                   {QStringLiteral("user_id"), QStringLiteral("User id"), CellKind::Text, 3},
                   {QStringLiteral("org_role"), QStringLiteral("Org role"), CellKind::Text, 2},
                   {QStringLiteral("last_activity"), QStringLiteral("Last activity"), CellKind::Date, 2},
                   {QStringLiteral("added_at"), QStringLiteral("Added"), CellKind::Date, 2}},
                  {}};
    for (const QVariantList &r : members.rows)
        if (r[kProjects].isNull() && r[kProjectsViaGroups].isNull())
            t.rows.append({r[kEmail], r[kName], r[kUserId], r[kOrgRole], r[kLastActivity], r[kAdded]});
    return t; // already in the members table's order
}

// Members with no activity (key use or audit event) for unusedDays or more, counting from when they were
// added when they never did anything: someone invited yesterday is not idle.
qint64 idleMembers(const QList<QJsonObject> &members, const AccessIndex &idx, const ReportParams &p,
                   qint64 asOf)
{
    qint64 n = 0;
    for (const QJsonObject &m : members) {
        const qint64 since = std::max(idx.lastActivity.value(text(m, QStringLiteral("id"))),
                                      secs(m, QStringLiteral("added_at")));
        n += wholeDays(since, asOf) >= p.unusedDays ? 1 : 0;
    }
    return n;
}

struct Figures
{
    qint64 members = 0, owners = 0, pending = 0, expiredPending = 0, noProject = 0, removed = 0, idle = 0;
};

void summarize(Report &r, const Figures &f, const ReportParams &p)
{
    r.summary = {{QStringLiteral("Members"), f.members},
                 {QStringLiteral("Owners"), f.owners},
                 {QStringLiteral("Pending invites"), f.pending},
                 {QStringLiteral("Members in no project"), f.noProject},
                 {QStringLiteral("Removed in period"), f.removed},
                 {QStringLiteral("No activity for %1 days or more").arg(p.unusedDays), f.idle}};
    const QString cc62 = QStringLiteral("CC6.2"), cc63 = QStringLiteral("CC6.3");
    if (f.owners > kMaxOwners)
        r.findings.append(
            {FindingSeverity::Warning, cc63,
             QStringLiteral("%1 members hold the owner role; keep it to %2 people or fewer and give "
                            "the others admin or member roles.")
                 .arg(f.owners)
                 .arg(kMaxOwners)});
    if (f.idle > 0)
        r.findings.append(
            {FindingSeverity::Warning, cc62,
             QStringLiteral("%1 members show no activity (API key use or audit-log event) for %2 "
                            "days or more; confirm they still need access or remove them.")
                 .arg(f.idle)
                 .arg(p.unusedDays)});
    if (f.noProject > 0)
        r.findings.append({FindingSeverity::Info, cc63,
                           QStringLiteral("%1 members belong to no project; check their organization role is "
                                          "still needed.")
                               .arg(f.noProject)});
    if (f.expiredPending > 0)
        r.findings.append({FindingSeverity::Info, cc62,
                           QStringLiteral("%1 pending invites have expired; delete them so they cannot be "
                                          "re-sent by mistake.")
                               .arg(f.expiredPending)});
    if (f.removed > 0)
        r.findings.append(
            {FindingSeverity::Info, cc62,
             QStringLiteral("%1 members were removed in the period; the key-hygiene report lists "
                            "keys still owned by removed members.")
                 .arg(f.removed)});
}
} // namespace

Status accessReview(ReportSource &src, Report &r, const ReportParams &p)
{
    AccessIndex idx;
    if (auto s = idx.load(src, p); !s) return s;
    const QList<QJsonObject> &members = idx.members;
    if (!src.step(QStringLiteral("Listing members")))
        return err(Error::Code::Cancelled, QStringLiteral("Cancelled"));
    ReportTable memberTable = membersTable(members, idx, p);
    ReportTable invites = invitesTable(idx.invites, idx, src.asOf());
    ReportTable noProject = noProjectTable(memberTable);
    auto removed = access::removedTable(src, p);
    if (!removed) return removed.error();

    Figures f;
    f.members = members.size();
    f.owners = std::count_if(members.cbegin(), members.cend(),
                             [](const QJsonObject &m) { return text(m, QStringLiteral("role")) == kOwner; });
    f.pending = invites.rows.size();
    f.expiredPending = std::count_if(invites.rows.cbegin(), invites.rows.cend(), [](const QVariantList &row) {
        return row[kInviteExpiredColumn].toBool();
    });
    f.noProject = noProject.rows.size();
    f.removed = removed->rows.size();
    f.idle = idleMembers(members, idx, p, src.asOf());
    summarize(r, f, p);
    r.tables = {std::move(memberTable), std::move(invites), std::move(noProject), std::move(*removed)};
    return {};
}

} // namespace orgward::reports
