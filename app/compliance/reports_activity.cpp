// admin-activity (issue #14): the audit-log events of the period by type and by actor, the privileged changes
// listed in full (CC8.1), and events from an IP address or country their actor had not used before (CC7.2).
#include "compliance/auditfacts.h"
#include "compliance/reportcells.h"
#include "compliance/reports.h"
#include "compliance/reportsource.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <algorithm>

namespace orgward::reports {

namespace {

using auditfacts::actorKind;
using auditfacts::countryOf;
using auditfacts::grantedRole;
using auditfacts::isPrivileged;

const QString kMonitoring = QStringLiteral("CC7.2");
const QString kChangeManagement = QStringLiteral("CC8.1");

const QString kOwnerRole = QStringLiteral("owner");
const QString kFailedLogin = QStringLiteral("login.failed");

QVariant instantCell(qint64 secs)
{
    if (secs == 0) return {};
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString actorId(const QJsonObject &event)
{
    return event.value(QLatin1String("actor_id")).toString();
}

// Whether an origin (an IP address or a country) is one the actor used before.
enum class Seen
{
    NotGiven, // the event carries none
    Known,
    New,   // the actor acted from elsewhere before, never from here
    First, // the actor has no earlier origin of this kind on record
};

class OriginHistory
{
public:
    void add(const QString &actor, const QString &value)
    {
        if (!actor.isEmpty() && !value.isEmpty()) m_seen[actor].insert(value);
    }
    // Checks, then remembers: events are fed oldest first, so "before" is the events fed earlier.
    Seen check(const QString &actor, const QString &value)
    {
        if (actor.isEmpty() || value.isEmpty()) return Seen::NotGiven;
        QSet<QString> &seen = m_seen[actor];
        const Seen s = seen.contains(value) ? Seen::Known : seen.isEmpty() ? Seen::First : Seen::New;
        seen.insert(value);
        return s;
    }

private:
    QHash<QString, QSet<QString>> m_seen;
};

struct ActorTally
{
    QString kind, email;
    qint64 events = 0, privileged = 0, first = 0, last = 0;
    QSet<QString> ips;
};

struct TypeTally
{
    qint64 events = 0, privileged = 0;
    QSet<QString> actors;
};

struct Activity
{
    QMap<QString, TypeTally> types;
    QMap<QString, ActorTally> actors;
    QList<QVariantList> privileged, origins;
    qint64 events = 0, withCountry = 0, newIp = 0, newCountry = 0, firstSeen = 0, ownerGrants = 0,
           failedLogins = 0;
    QSet<QString> failedLoginActors;
};

void tally(Activity &a, const QJsonObject &event, const QJsonObject &actor, bool privileged)
{
    const QString type = event.value(QLatin1String("type")).toString();
    const QString id = actorId(event);
    const qint64 at = event.value(QLatin1String("effective_at")).toInteger();
    TypeTally &t = a.types[type];
    ++t.events;
    t.privileged += privileged ? 1 : 0;
    t.actors.insert(id);
    ActorTally &who = a.actors[id];
    who.kind = actorKind(event, actor);
    if (const QString e = event.value(QLatin1String("actor_email")).toString(); !e.isEmpty()) who.email = e;
    ++who.events;
    who.privileged += privileged ? 1 : 0;
    if (const QString ip = event.value(QLatin1String("actor_ip")).toString(); !ip.isEmpty())
        who.ips.insert(ip);
    who.first = who.first == 0 ? at : std::min(who.first, at);
    who.last = std::max(who.last, at);
    ++a.events;
    if (type == kFailedLogin) {
        ++a.failedLogins;
        a.failedLoginActors.insert(id);
    }
}

QVariantList privilegedRow(const QJsonObject &event)
{
    const QJsonObject payload = event.value(QLatin1String("payload")).toObject();
    const QString details = payload.isEmpty()
                                ? QString()
                                : QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return {instantCell(event.value(QLatin1String("effective_at")).toInteger()),
            event.value(QLatin1String("id")).toString(),
            event.value(QLatin1String("type")).toString(),
            reportcells::textCell(actorId(event)),
            reportcells::textCell(event.value(QLatin1String("actor_email")).toString()),
            reportcells::textCell(event.value(QLatin1String("actor_ip")).toString()),
            reportcells::textCell(event.value(QLatin1String("project_name")).toString()),
            reportcells::textCell(payload.value(QLatin1String("id")).toString()),
            reportcells::textCell(details)};
}

QString originFlag(Seen ip, Seen country)
{
    QStringList parts;
    if (ip == Seen::New) parts << QStringLiteral("new IP address");
    if (ip == Seen::First) parts << QStringLiteral("first IP address on record");
    if (country == Seen::New) parts << QStringLiteral("new country");
    if (country == Seen::First) parts << QStringLiteral("first country on record");
    return parts.join(QStringLiteral(", "));
}

void checkOrigin(Activity &a, OriginHistory &ips, OriginHistory &countries, const QJsonObject &event,
                 const QString &country)
{
    const QString id = actorId(event);
    const QString ip = event.value(QLatin1String("actor_ip")).toString();
    const Seen ipSeen = ips.check(id, ip);
    const Seen countrySeen = countries.check(id, country);
    a.withCountry += country.isEmpty() ? 0 : 1;
    a.newIp += ipSeen == Seen::New ? 1 : 0;
    a.newCountry += countrySeen == Seen::New ? 1 : 0;
    a.firstSeen += ipSeen == Seen::First ? 1 : 0;
    const QString flag = originFlag(ipSeen, countrySeen);
    if (flag.isEmpty()) return;
    a.origins.append({instantCell(event.value(QLatin1String("effective_at")).toInteger()),
                      event.value(QLatin1String("id")).toString(),
                      event.value(QLatin1String("type")).toString(), reportcells::textCell(id),
                      reportcells::textCell(event.value(QLatin1String("actor_email")).toString()),
                      reportcells::textCell(ip), reportcells::textCell(country), flag});
}

// Every earlier event's origins, then the period's events oldest first (each checked against all before it).
Result<Activity> readActivity(ReportSource &src, const ReportParams &p)
{
    auto before = src.auditOriginsBefore(p.from);
    if (!before) return before.error();
    OriginHistory ips, countries;
    for (const QJsonObject &o : std::as_const(*before)) {
        ips.add(o.value(QLatin1String("actor_id")).toString(), o.value(QLatin1String("actor_ip")).toString());
        countries.add(o.value(QLatin1String("actor_id")).toString(),
                      o.value(QLatin1String("actor_country")).toString());
    }
    if (!src.step(QStringLiteral("Reading audit events")))
        return err(Error::Code::Cancelled, QStringLiteral("Cancelled"));
    auto events = src.auditEvents(p.from, p.to);
    if (!events) return events.error();
    auto actors = src.auditActors(p.from, p.to);
    if (!actors) return actors.error();
    Activity a;
    for (const QJsonObject &e : std::as_const(*events)) {
        const QJsonObject actor = actors->value(e.value(QLatin1String("id")).toString());
        const bool privileged = isPrivileged(e);
        tally(a, e, actor, privileged);
        checkOrigin(a, ips, countries, e, countryOf(actor));
        if (!privileged) continue;
        a.privileged.append(privilegedRow(e));
        a.ownerGrants += grantedRole(e) == kOwnerRole ? 1 : 0;
    }
    return a;
}

ReportTable typeTable(const Activity &a)
{
    ReportTable t{QStringLiteral("event_types"),
                  QStringLiteral("Events by type"),
                  QStringLiteral("Audit-log events in the period per event type, most frequent first."),
                  {{QStringLiteral("type"), QStringLiteral("Event type"), CellKind::Text, 3},
                   {QStringLiteral("events"), QStringLiteral("Events"), CellKind::Number, 1},
                   {QStringLiteral("actors"), QStringLiteral("Actors"), CellKind::Number, 1},
                   {QStringLiteral("privileged"), QStringLiteral("Privileged"), CellKind::Number, 1}},
                  {}};
    QList<QPair<QString, TypeTally>> types;
    for (auto it = a.types.cbegin(); it != a.types.cend(); ++it)
        types.append({it.key(), it.value()});
    // Most frequent first; QMap order (by type) breaks ties, and std::stable_sort keeps it.
    std::stable_sort(types.begin(), types.end(),
                     [](const auto &x, const auto &y) { return x.second.events > y.second.events; });
    for (const auto &[type, n] : std::as_const(types))
        t.rows.append({type, n.events, qint64(n.actors.size()), n.privileged});
    return t;
}

ReportTable actorTable(const Activity &a)
{
    ReportTable t{
        QStringLiteral("actors"),
        QStringLiteral("Events by actor"),
        QStringLiteral("An actor is a user (a console session) or an API key (the user's or service "
                       "account's that owns it); most active first."),
        {{QStringLiteral("actor_id"), QStringLiteral("Actor"), CellKind::Text, 3},
         {QStringLiteral("kind"), QStringLiteral("Kind"), CellKind::Text, 2},
         {QStringLiteral("email"), QStringLiteral("Email"), CellKind::Email, 3},
         {QStringLiteral("events"), QStringLiteral("Events"), CellKind::Number, 1},
         {QStringLiteral("privileged"), QStringLiteral("Privileged"), CellKind::Number, 1},
         {QStringLiteral("ip_addresses"), QStringLiteral("IP addresses"), CellKind::Number, 1},
         {QStringLiteral("first_event"), QStringLiteral("First event"), CellKind::Date, 2},
         {QStringLiteral("last_event"), QStringLiteral("Last event"), CellKind::Date, 2}},
        {}};
    QList<QPair<QString, ActorTally>> actors;
    for (auto it = a.actors.cbegin(); it != a.actors.cend(); ++it)
        actors.append({it.key(), it.value()});
    std::stable_sort(actors.begin(), actors.end(),
                     [](const auto &x, const auto &y) { return x.second.events > y.second.events; });
    for (const auto &[id, n] : std::as_const(actors))
        t.rows.append({id.isEmpty() ? QStringLiteral("(not stated)") : id, reportcells::textCell(n.kind),
                       reportcells::textCell(n.email), n.events, n.privileged, qint64(n.ips.size()),
                       instantCell(n.first), instantCell(n.last)});
    return t;
}

ReportTable privilegedTable(const Activity &a)
{
    return {
        QStringLiteral("privileged"),
        QStringLiteral("Privileged changes"),
        QStringLiteral("Every event of the period that changes keys, service accounts, roles, certificates, "
                       "projects' status or network and identity controls, and every member, invite or "
                       "service-account change that names a role; oldest first. Details: the event's "
                       "payload as received."),
        {{QStringLiteral("at"), QStringLiteral("At (UTC)"), CellKind::Date, 2},
         {QStringLiteral("event_id"), QStringLiteral("Event"), CellKind::Text, 3},
         {QStringLiteral("type"), QStringLiteral("Type"), CellKind::Text, 2},
         {QStringLiteral("actor_id"), QStringLiteral("Actor"), CellKind::Text, 3},
         {QStringLiteral("actor_email"), QStringLiteral("Actor email"), CellKind::Email, 3},
         {QStringLiteral("actor_ip"), QStringLiteral("IP address"), CellKind::Ip, 2},
         {QStringLiteral("project"), QStringLiteral("Project"), CellKind::FreeText, 2},
         {QStringLiteral("target"), QStringLiteral("Target"), CellKind::Text, 3},
         {QStringLiteral("details"), QStringLiteral("Details"), CellKind::FreeText, 4}},
        a.privileged};
}

ReportTable originTable(const Activity &a)
{
    return {
        QStringLiteral("new_origins"),
        QStringLiteral("New IP addresses and countries"),
        QStringLiteral("Events whose actor had not acted from that IP address (or country) in any earlier "
                       "event stored, the events before the period included. The country is the "
                       "ip_address_details.country of the event's console session (%1 of %2 events in "
                       "the period carry one); API keys' events carry no IP address. \"First … on record\": "
                       "the actor has no earlier event with an address (or country) at all.")
            .arg(a.withCountry)
            .arg(a.events),
        {{QStringLiteral("at"), QStringLiteral("At (UTC)"), CellKind::Date, 2},
         {QStringLiteral("event_id"), QStringLiteral("Event"), CellKind::Text, 3},
         {QStringLiteral("type"), QStringLiteral("Type"), CellKind::Text, 2},
         {QStringLiteral("actor_id"), QStringLiteral("Actor"), CellKind::Text, 3},
         {QStringLiteral("actor_email"), QStringLiteral("Actor email"), CellKind::Email, 3},
         {QStringLiteral("actor_ip"), QStringLiteral("IP address"), CellKind::Ip, 2},
         {QStringLiteral("country"), QStringLiteral("Country"), CellKind::Text, 1},
         {QStringLiteral("flag"), QStringLiteral("Flag"), CellKind::Text, 3}},
        a.origins};
}

void addFindings(Report &r, const Activity &a)
{
    auto add = [&r](FindingSeverity s, const QString &control, const QString &text) {
        r.findings.append({s, control, text});
    };
    if (a.events == 0)
        add(FindingSeverity::Warning, kMonitoring,
            QStringLiteral("No audit-log event is stored for the period: audit logging may be off for the "
                           "organization, or the audit log was not synced (orgward sync)."));
    if (a.newIp > 0)
        add(FindingSeverity::Warning, kMonitoring,
            QStringLiteral("Events from an IP address their actor had not used before: %1; check each in the "
                           "table \"New IP addresses and countries\".")
                .arg(a.newIp));
    if (a.newCountry > 0)
        add(FindingSeverity::Warning, kMonitoring,
            QStringLiteral("Events from a country their actor had not acted from before: %1.")
                .arg(a.newCountry));
    if (a.firstSeen > 0)
        add(FindingSeverity::Info, kMonitoring,
            QStringLiteral("Events that are their actor's first with an IP address on record: %1.")
                .arg(a.firstSeen));
    if (a.failedLogins > 0)
        add(FindingSeverity::Info, kMonitoring,
            QStringLiteral("Failed logins: %1, by %2 distinct actors.")
                .arg(a.failedLogins)
                .arg(a.failedLoginActors.size()));
    if (a.ownerGrants > 0)
        add(FindingSeverity::Warning, kChangeManagement,
            QStringLiteral(
                "Changes that granted the owner role: %1; check each was approved (table \"Privileged "
                "changes\").")
                .arg(a.ownerGrants));
    if (!a.privileged.isEmpty())
        add(FindingSeverity::Info, kChangeManagement,
            QStringLiteral("Privileged changes in the period: %1, listed in full for review.")
                .arg(a.privileged.size()));
}

} // namespace

Status adminActivity(ReportSource &src, Report &r, const ReportParams &p)
{
    auto a = readActivity(src, p);
    if (!a) return a.error();
    r.summary = {{QStringLiteral("Events"), a->events},
                 {QStringLiteral("Event types"), qint64(a->types.size())},
                 {QStringLiteral("Actors"), qint64(a->actors.size())},
                 {QStringLiteral("Privileged changes"), qint64(a->privileged.size())},
                 {QStringLiteral("Events from a new IP address"), a->newIp},
                 {QStringLiteral("Events from a new country"), a->newCountry},
                 {QStringLiteral("Failed logins"), a->failedLogins}};
    r.tables = {typeTable(*a), actorTable(*a), privilegedTable(*a), originTable(*a)};
    addFindings(r, *a);
    return {};
}

} // namespace orgward::reports
