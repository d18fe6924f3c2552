// The access review's indexes and its removed-members table (see reports_access_p.h).
#include "compliance/history.h"
#include "compliance/reportcells.h"
#include "compliance/reports_access_p.h"
#include "compliance/reportsource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>

namespace orgward::reports::access {

namespace {
using namespace reportcells;

const QString kId = QStringLiteral("id");
const QString kUserId = QStringLiteral("user_id");
const QString kGroupId = QStringLiteral("group_id");
const QString kProjectId = QStringLiteral("project_id");
const QString kName = QStringLiteral("name");
const QString kEmail = QStringLiteral("email");
const QString kRole = QStringLiteral("role");
const QString kInviteSent = QStringLiteral("invite.sent");
const QString kInviteAccepted = QStringLiteral("invite.accepted");
const QString kAccepted = QStringLiteral("accepted");
const QString kPending = QStringLiteral("pending");

Error cancelled()
{
    return err(Error::Code::Cancelled, QStringLiteral("Cancelled"));
}

// A JSON column as history gives it (an array), or as text when a writer kept it so.
QJsonArray jsonArray(const QJsonValue &v)
{
    if (v.isArray()) return v.toArray();
    return QJsonDocument::fromJson(v.toString().toUtf8()).array();
}

void bump(QHash<QString, qint64> &latest, const QString &id, qint64 at)
{
    if (id.isEmpty() || at == 0) return;
    qint64 &v = latest[id];
    v = std::max(v, at);
}
} // namespace

Status AccessIndex::load(ReportSource &src, const ReportParams &p)
{
    auto members = src.entity(QStringLiteral("members"));
    if (!members) return members.error();
    this->members = *members;
    auto invites = src.entity(QStringLiteral("invites"));
    if (!invites) return invites.error();
    this->invites = *invites;
    memberEmail.reserve(this->members.size());
    for (const QJsonObject &m : std::as_const(this->members))
        memberEmail.insert(text(m, kId), text(m, kEmail));
    // Activity after the instant the review describes does not count: the period ends there at the latest.
    const qint64 until = std::min(p.to, src.asOf() + 1);
    if (auto s = loadRbac(src); !s) return s;
    if (auto s = loadProjects(src); !s) return s;
    if (auto s = loadActivity(src, until); !s) return s;
    return loadInviters(src, until);
}

Status AccessIndex::loadRbac(ReportSource &src)
{
    auto groups = src.entity(QStringLiteral("groups"));
    auto userRoles = src.entity(QStringLiteral("user_roles"));
    auto groupMembers = src.entity(QStringLiteral("group_members"));
    auto groupRoles = src.entity(QStringLiteral("group_roles"));
    for (const auto *r : {&groups, &userRoles, &groupMembers, &groupRoles})
        if (!*r) return r->error();
    for (const QJsonObject &g : std::as_const(*groups))
        groupName.insert(text(g, kId), text(g, kName));
    // Predefined roles (Owner, Reader) repeat the org role column; custom ones are what a review must see.
    for (const QJsonObject &r : std::as_const(*userRoles))
        if (!flag(r, QStringLiteral("predefined_role"))) customRoles[text(r, kUserId)].append(text(r, kName));
    for (const QJsonObject &m : std::as_const(*groupMembers))
        groupsOf[text(m, kUserId)].append(text(m, kGroupId));
    for (const QJsonObject &r : std::as_const(*groupRoles))
        rolesOfGroup[text(r, kGroupId)].append(text(r, kName));
    return src.step(QStringLiteral("Indexing roles and groups")) ? Status() : Status(cancelled());
}

Status AccessIndex::loadProjects(ReportSource &src)
{
    auto projects = src.entity(QStringLiteral("projects"));
    auto projectMembers = src.entity(QStringLiteral("project_members"));
    auto projectGroups = src.entity(QStringLiteral("project_groups"));
    for (const auto *r : {&projects, &projectMembers, &projectGroups})
        if (!*r) return r->error();
    for (const QJsonObject &pr : std::as_const(*projects))
        projectName.insert(text(pr, kId), text(pr, kName));
    for (const QJsonObject &m : std::as_const(*projectMembers))
        projectsOf[text(m, kUserId)].append({text(m, kProjectId), text(m, kRole)});
    for (const QJsonObject &g : std::as_const(*projectGroups))
        projectsOfGroup[text(g, kGroupId)].append(text(g, kProjectId));
    return src.step(QStringLiteral("Indexing project memberships")) ? Status() : Status(cancelled());
}

// The latest of: the user's api_key_last_used_at, their project keys' last use, and their newest audit event,
// as actor or through one of their project or admin keys (an event by an API key names the key as its actor).
Status AccessIndex::loadActivity(ReportSource &src, qint64 until)
{
    auto keys = src.entity(QStringLiteral("keys"));
    if (!keys) return keys.error();
    auto adminKeys = src.entity(QStringLiteral("admin_keys"));
    if (!adminKeys) return adminKeys.error();
    lastActivity.reserve(members.size());
    for (const QJsonObject &m : std::as_const(members))
        bump(lastActivity, text(m, kId), secs(m, QStringLiteral("api_key_last_used_at")));
    for (const QJsonObject &k : std::as_const(*keys)) {
        if (text(k, QStringLiteral("owner_type")) != u"user") continue;
        const QString owner = text(k, QStringLiteral("owner_id"));
        keyOwner.insert(text(k, kId), owner);
        bump(lastActivity, owner, secs(k, QStringLiteral("last_used_at")));
    }
    // An admin key's audit events are its owner's doing; its last use is not counted: admin keys run
    // automation (Orgward's own sync uses one), which says nothing of the person.
    for (const QJsonObject &k : std::as_const(*adminKeys))
        if (text(k, QStringLiteral("owner_type")) == u"user")
            keyOwner.insert(text(k, kId), text(k, QStringLiteral("owner_id")));
    auto audit = src.lastAuditActivity(until);
    if (!audit) return audit.error();
    for (auto it = audit->cbegin(); it != audit->cend(); ++it)
        bump(lastActivity, keyOwner.value(it.key(), it.key()), it.value());
    return src.step(QStringLiteral("Reading last activity")) ? Status() : Status(cancelled());
}

QString AccessIndex::sender(const QJsonObject &event) const
{
    if (const QString e = text(event, QStringLiteral("actor_email")); !e.isEmpty()) return e;
    const QString actor =
        keyOwner.value(text(event, QStringLiteral("actor_id")), text(event, QStringLiteral("actor_id")));
    return memberEmail.value(actor, actor);
}

// Who invited whom, from the audit log: invite.sent names the invite (payload id) and the invitee's email
// (payload data.email); invite.accepted is acted by the new member and names the invite it accepted.
Status AccessIndex::loadInviters(ReportSource &src, qint64 until)
{
    auto events = src.auditEvents(0, until, {kInviteSent, kInviteAccepted});
    if (!events) return events.error();
    for (const QJsonObject &e : std::as_const(*events)) {
        const QJsonObject payload = e.value(QStringLiteral("payload")).toObject();
        const QString inviteId = text(payload, kId);
        if (text(e, QStringLiteral("type")) == kInviteSent) {
            const QString who = sender(e);
            if (!inviteId.isEmpty()) sentBy.insert(inviteId, who);
            const QString to = text(payload.value(QStringLiteral("data")).toObject(), kEmail).toCaseFolded();
            if (!to.isEmpty()) sentToEmail.insert(to, who);
        } else if (!inviteId.isEmpty()) {
            const QString actor = text(e, QStringLiteral("actor_id"));
            acceptedInvite.insert(keyOwner.value(actor, actor), inviteId);
        }
    }
    for (const QJsonObject &i : std::as_const(invites)) {
        const QString email = text(i, kEmail).toCaseFolded();
        if (text(i, QStringLiteral("status")) == kAccepted || !inviteOfEmail.contains(email))
            inviteOfEmail.insert(email, text(i, kId));
    }
    return src.step(QStringLiteral("Reading invitations")) ? Status() : Status(cancelled());
}

QString AccessIndex::groupNames(const QString &userId) const
{
    QStringList names;
    for (const QString &g : groupsOf.value(userId))
        names << groupName.value(g, g);
    return joinedSorted(names);
}

QString AccessIndex::groupRoleNames(const QString &userId) const
{
    QStringList names;
    for (const QString &g : groupsOf.value(userId))
        names << rolesOfGroup.value(g);
    return joinedSorted(names);
}

QString AccessIndex::directProjects(const QString &userId) const
{
    QStringList out;
    for (const auto &[project, role] : projectsOf.value(userId))
        out << QStringLiteral("%1 (%2)").arg(projectName.value(project, project), role);
    return joinedSorted(out);
}

QString AccessIndex::groupProjects(const QString &userId) const
{
    QStringList out;
    for (const QString &g : groupsOf.value(userId))
        for (const QString &project : projectsOfGroup.value(g))
            out << QStringLiteral("%1 (via %2)")
                       .arg(projectName.value(project, project), groupName.value(g, g));
    return joinedSorted(out);
}

QString AccessIndex::senderOfInvite(const QString &inviteId) const
{
    return sentBy.value(inviteId);
}

QString AccessIndex::inviterOf(const QJsonObject &member) const
{
    if (const auto it = sentBy.constFind(acceptedInvite.value(text(member, kId))); it != sentBy.cend())
        return *it;
    const QString email = text(member, kEmail).toCaseFolded();
    if (const auto it = sentBy.constFind(inviteOfEmail.value(email)); it != sentBy.cend()) return *it;
    return sentToEmail.value(email);
}

QString AccessIndex::inviteProjects(const QJsonObject &invite) const
{
    QStringList out;
    for (const QJsonValue &v : jsonArray(invite.value(QStringLiteral("projects")))) {
        const QJsonObject pr = v.toObject();
        const QString id = text(pr, kId);
        out << QStringLiteral("%1 (%2)").arg(projectName.value(id, id), text(pr, kRole));
    }
    return joinedSorted(out);
}

QList<QJsonObject> pendingInvites(const QList<QJsonObject> &invites)
{
    QList<QJsonObject> out;
    std::copy_if(invites.cbegin(), invites.cend(), std::back_inserter(out),
                 [](const QJsonObject &i) { return text(i, QStringLiteral("status")) == kPending; });
    return out;
}

namespace {
ReportTable emptyRemovedTable()
{
    return {QStringLiteral("removed_members"),
            QStringLiteral("Members removed in the period"),
            QStringLiteral(
                "From row history: members present at the period's start (or at Orgward's first "
                "observation of the organization, when later) and gone at its end. Removed on is the "
                "date of the audit log's user.deleted event for the member in the period, when it "
                "holds one; empty otherwise (the removal was only observed by a later sync or import)."),
            {{QStringLiteral("email"), QStringLiteral("Email"), CellKind::Email, 4},
             {QStringLiteral("name"), QStringLiteral("Name"), CellKind::Name, 3},
             {QStringLiteral("user_id"), QStringLiteral("User id"), CellKind::Text, 3},
             {QStringLiteral("org_role"), QStringLiteral("Org role"), CellKind::Text, 2},
             {QStringLiteral("removed_on"), QStringLiteral("Removed on"), CellKind::Date, 2},
             {QStringLiteral("evidence"), QStringLiteral("Audit events"), CellKind::Text, 4}},
            {}};
}
} // namespace

// user.deleted events of the period by the member they removed: (event id, time), oldest first.
Result<QHash<QString, QList<QPair<QString, qint64>>>> deletions(ReportSource &src, qint64 from, qint64 to)
{
    auto events = src.auditEvents(from, to, {QStringLiteral("user.deleted")});
    if (!events) return events.error();
    QHash<QString, QList<QPair<QString, qint64>>> out;
    for (const QJsonObject &e : std::as_const(*events))
        out[text(e.value(QStringLiteral("payload")).toObject(), kId)].append(
            {text(e, kId), secs(e, QStringLiteral("effective_at"))});
    return out;
}

// The members at the period's start (or Orgward's first observation, when later) that are gone at its end:
// the rows with a removal observed in the period and absent at its end, as they were at its start (read
// only when there is one). Not diffBetween(): it looks up audit evidence for every change of every
// kind, one query each, which an org that grew by thousands of members in the period cannot afford.
Result<ReportTable> removedTable(ReportSource &src, const ReportParams &p)
{
    ReportTable t = emptyRemovedTable();
    auto span = observedSpan(src.db(), src.orgKey());
    if (!span) return span.error();
    const qint64 to = std::min(p.to, src.asOf());
    const qint64 from = std::max(p.from, span->first);
    if (span->first == 0 || to <= from) return t; // nothing observed before the end: nothing removed
    auto candidates = src.removedBetween(QStringLiteral("members"), from, to);
    if (!candidates) return candidates.error();
    auto now = src.entity(QStringLiteral("members"));
    if (!now) return now.error();
    for (const QJsonObject &m : std::as_const(*now))
        candidates->remove(text(m, kId)); // removed, then back: not removed over the period
    if (candidates->isEmpty()) return t;
    ReportSource before(src.db(), src.orgKey(), from);
    auto then = before.entity(QStringLiteral("members"));
    if (!then) return then.error();
    auto deleted = deletions(src, p.from, to);
    if (!deleted) return deleted.error();
    for (const QJsonObject &m : std::as_const(*then)) {
        const QString id = text(m, kId);
        if (!candidates->contains(id)) continue; // still a member, or added after the period's start
        const QList<QPair<QString, qint64>> events = deleted->value(id);
        QStringList evidence;
        for (const auto &e : events)
            evidence << e.first;
        t.rows.append({textCell(text(m, kEmail)), textCell(text(m, kName)), id, textCell(text(m, kRole)),
                       dateCell(events.isEmpty() ? 0 : events.constLast().second),
                       textCell(evidence.join(QStringLiteral(", ")))});
    }
    sortRows(t.rows, {0, 1, 2});
    return t;
}

} // namespace orgward::reports::access
