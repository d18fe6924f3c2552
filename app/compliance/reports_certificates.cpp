// Certificates (issue #14; seeds 001/003 certificate hygiene, SOC 2 CC6.1): the organization's mTLS
// certificates with their expiry, days left in 30/14/7-day bands, where each is active, and what happened to
// them in the period.
#include "compliance/reportcells.h"
#include "compliance/reports.h"
#include "compliance/reportsource.h"

namespace orgward::reports {

namespace {
using namespace reportcells;

const QString kId = QStringLiteral("id");
const QString kName = QStringLiteral("name");
const QString kActive = QStringLiteral("active");
const QString kExpiresAt = QStringLiteral("expires_at");
const QString kCertificateId = QStringLiteral("certificate_id");

// The warning bands of the issue, narrowest first: a certificate falls in the first that holds its days left.
constexpr qint64 kBandDays[] = {7, 14, 30};

enum class Band
{
    Expired,
    Days7,
    Days14,
    Days30,
    Ok,
    NoExpiry,
};

Band bandOf(qint64 expiresAt, qint64 asOf)
{
    if (expiresAt == 0) return Band::NoExpiry;
    if (expiresAt <= asOf) return Band::Expired;
    const qint64 left = wholeDays(asOf, expiresAt);
    if (left <= kBandDays[0]) return Band::Days7;
    if (left <= kBandDays[1]) return Band::Days14;
    if (left <= kBandDays[2]) return Band::Days30;
    return Band::Ok;
}

QString bandText(Band b)
{
    switch (b) {
    case Band::Expired:
        return QStringLiteral("expired");
    case Band::Days7:
        return QStringLiteral("≤7 days");
    case Band::Days14:
        return QStringLiteral("≤14 days");
    case Band::Days30:
        return QStringLiteral("≤30 days");
    case Band::Ok:
        return QStringLiteral("ok");
    case Band::NoExpiry:
        return QStringLiteral("no expiry");
    }
    return {};
}

struct Inputs
{
    QList<QJsonObject> certificates, activations, events;
    QHash<QString, QString> projectName, memberEmail, certificateName;
    QHash<QString, QString> keyOwner;     // project or admin API key id → owning user id
    QHash<QString, QStringList> activeIn; // certificate id → projects where it is active
};

Status load(ReportSource &src, const ReportParams &p, Inputs &in)
{
    auto certs = src.entity(QStringLiteral("certificates"));
    auto activations = src.entity(QStringLiteral("project_certificates"));
    auto projects = src.entity(QStringLiteral("projects"));
    auto members = src.entity(QStringLiteral("members"));
    auto keys = src.entity(QStringLiteral("keys"));
    auto adminKeys = src.entity(QStringLiteral("admin_keys"));
    for (const auto *r : {&certs, &activations, &projects, &members, &keys, &adminKeys})
        if (!*r) return r->error();
    auto events = src.certificateEvents(p.from, p.to);
    if (!events) return events.error();
    in.certificates = *certs;
    in.activations = *activations;
    in.events = *events;
    for (const QJsonObject &pr : std::as_const(*projects))
        in.projectName.insert(text(pr, kId), text(pr, kName));
    for (const QJsonObject &m : std::as_const(*members))
        in.memberEmail.insert(text(m, kId), text(m, QStringLiteral("email")));
    // An event made with an API key names the key as its actor: its owner is who acted.
    for (const QList<QJsonObject> *list : {&*keys, &*adminKeys})
        for (const QJsonObject &k : *list)
            if (text(k, QStringLiteral("owner_type")) == u"user")
                in.keyOwner.insert(text(k, kId), text(k, QStringLiteral("owner_id")));
    for (const QJsonObject &c : std::as_const(in.certificates))
        in.certificateName.insert(text(c, kId), text(c, kName));
    for (const QJsonObject &a : std::as_const(in.activations))
        if (flag(a, kActive)) {
            const QString project = text(a, QStringLiteral("project_id"));
            in.activeIn[text(a, kCertificateId)] << in.projectName.value(project, project);
        }
    return {};
}

struct Counts
{
    QMap<Band, QStringList> byBand; // band → certificate names
    QStringList expiredButActive;   // expired and still active somewhere
    QStringList activeNowhere;      // neither the organization nor any project uses it
    QStringList expiredUnused;      // expired, active nowhere, still uploaded
};

ReportTable certificatesTable(const Inputs &in, qint64 asOf, Counts &counts)
{
    ReportTable t{
        QStringLiteral("certificates"),
        QStringLiteral("Certificates"),
        QStringLiteral("Days left count whole days from the report's instant to the expiry; the band is "
                       "the narrowest of 7, 14 and 30 days that holds them. Active: enabled for the "
                       "whole organization; active projects: where a project enabled it."),
        {{QStringLiteral("name"), QStringLiteral("Name"), CellKind::FreeText, 3},
         {QStringLiteral("certificate_id"), QStringLiteral("Certificate id"), CellKind::Text, 3},
         {QStringLiteral("active"), QStringLiteral("Active"), CellKind::Text, 1},
         {QStringLiteral("valid_at"), QStringLiteral("Valid from"), CellKind::Date, 2},
         {QStringLiteral("expires_at"), QStringLiteral("Expires"), CellKind::Date, 2},
         {QStringLiteral("days_left"), QStringLiteral("Days left"), CellKind::Number, 1},
         {QStringLiteral("band"), QStringLiteral("Band"), CellKind::Text, 1},
         {QStringLiteral("active_projects"), QStringLiteral("Active in projects"), CellKind::FreeText, 4}},
        {}};
    for (const QJsonObject &c : in.certificates) {
        const QString id = text(c, kId), name = text(c, kName);
        const qint64 expires = secs(c, kExpiresAt);
        const Band band = bandOf(expires, asOf);
        const QStringList projects = in.activeIn.value(id);
        const bool activeSomewhere = flag(c, kActive) || !projects.isEmpty();
        counts.byBand[band] << name;
        if (band == Band::Expired && activeSomewhere) counts.expiredButActive << name;
        if (!activeSomewhere) (band == Band::Expired ? counts.expiredUnused : counts.activeNowhere) << name;
        t.rows.append({textCell(name), id, flag(c, kActive), dateCell(secs(c, QStringLiteral("valid_at"))),
                       dateCell(expires), expires != 0 ? numberCell(wholeDays(asOf, expires)) : QVariant(),
                       bandText(band), textCell(joinedSorted(projects))});
    }
    sortRows(t.rows, {0, 1});
    return t;
}

ReportTable activationsTable(const Inputs &in)
{
    ReportTable t{QStringLiteral("activations"),
                  QStringLiteral("Activation per project"),
                  {},
                  {{QStringLiteral("project"), QStringLiteral("Project"), CellKind::FreeText, 3},
                   {QStringLiteral("project_id"), QStringLiteral("Project id"), CellKind::Text, 3},
                   {QStringLiteral("certificate"), QStringLiteral("Certificate"), CellKind::FreeText, 3},
                   {QStringLiteral("certificate_id"), QStringLiteral("Certificate id"), CellKind::Text, 3},
                   {QStringLiteral("active"), QStringLiteral("Active"), CellKind::Text, 1}},
                  {}};
    for (const QJsonObject &a : in.activations) {
        const QString project = text(a, QStringLiteral("project_id")), cert = text(a, kCertificateId);
        t.rows.append({in.projectName.value(project, project), project,
                       textCell(in.certificateName.value(cert, text(a, kName))), cert, flag(a, kActive)});
    }
    sortRows(t.rows, {0, 1, 2, 3});
    return t;
}

ReportTable eventsTable(const Inputs &in)
{
    ReportTable t{
        QStringLiteral("events"),
        QStringLiteral("Certificate events in the period"),
        QStringLiteral("From the audit log (certificate.created, .updated, .deleted, "
                       "certificates.activated, .deactivated), oldest first. Actor: the member who acted, or "
                       "who owns the API key that did."),
        {{QStringLiteral("occurred_at"), QStringLiteral("Date"), CellKind::Date, 2},
         {QStringLiteral("action"), QStringLiteral("Action"), CellKind::Text, 3},
         {QStringLiteral("certificate"), QStringLiteral("Certificate"), CellKind::FreeText, 3},
         {QStringLiteral("certificate_id"), QStringLiteral("Certificate id"), CellKind::Text, 3},
         {QStringLiteral("actor_email"), QStringLiteral("Actor"), CellKind::Email, 3},
         {QStringLiteral("actor_id"), QStringLiteral("Actor id"), CellKind::Text, 3},
         {QStringLiteral("event_id"), QStringLiteral("Event id"), CellKind::Text, 3}},
        {}};
    for (const QJsonObject &e : in.events) { // oldest first (occurred_at, id) as ReportSource reads them
        const QString cert = text(e, kCertificateId), actor = text(e, QStringLiteral("actor_id"));
        const QString metaName = text(e.value(QStringLiteral("metadata")).toObject(), kName);
        t.rows.append(
            {dateCell(secs(e, QStringLiteral("occurred_at"))), textCell(text(e, QStringLiteral("action"))),
             textCell(in.certificateName.value(cert, metaName)), cert,
             textCell(in.memberEmail.value(in.keyOwner.value(actor, actor))), textCell(actor), text(e, kId)});
    }
    return t;
}

void certificateFindings(Report &r, const Counts &c)
{
    const QString cc61 = QStringLiteral("CC6.1");
    auto names = [](QStringList n) { return joinedSorted(std::move(n)); };
    if (!c.expiredButActive.isEmpty())
        r.findings.append({FindingSeverity::Critical, cc61,
                           QStringLiteral("%1 expired certificates are still active: %2; replace them.")
                               .arg(c.expiredButActive.size())
                               .arg(names(c.expiredButActive))});
    const QStringList soon = c.byBand.value(Band::Days7);
    if (!soon.isEmpty())
        r.findings.append({FindingSeverity::Critical, cc61,
                           QStringLiteral("%1 certificates expire within %2 days: %3; renew them now.")
                               .arg(soon.size())
                               .arg(kBandDays[0])
                               .arg(names(soon))});
    const QStringList later = c.byBand.value(Band::Days14) + c.byBand.value(Band::Days30);
    if (!later.isEmpty())
        r.findings.append({FindingSeverity::Warning, cc61,
                           QStringLiteral("%1 certificates expire within %2 days: %3; plan their renewal.")
                               .arg(later.size())
                               .arg(kBandDays[2])
                               .arg(names(later))});
    if (!c.expiredUnused.isEmpty())
        r.findings.append(
            {FindingSeverity::Info, cc61,
             QStringLiteral("%1 expired certificates are still uploaded though active nowhere: %2; "
                            "delete them.")
                 .arg(c.expiredUnused.size())
                 .arg(names(c.expiredUnused))});
    if (!c.activeNowhere.isEmpty())
        r.findings.append(
            {FindingSeverity::Info, cc61,
             QStringLiteral("%1 certificates are active nowhere (neither for the organization nor in "
                            "any project): %2; delete the ones no longer needed.")
                 .arg(c.activeNowhere.size())
                 .arg(names(c.activeNowhere))});
}
} // namespace

Status certificates(ReportSource &src, Report &r, const ReportParams &p)
{
    Inputs in;
    if (auto s = load(src, p, in); !s) return s;
    Counts counts;
    r.tables = {certificatesTable(in, src.asOf(), counts), activationsTable(in), eventsTable(in)};
    auto count = [&counts](Band b) { return qint64(counts.byBand.value(b).size()); };
    r.summary = {{QStringLiteral("Certificates"), qint64(in.certificates.size())},
                 {QStringLiteral("Expired"), count(Band::Expired)},
                 {QStringLiteral("Expiring within %1 days").arg(kBandDays[0]), count(Band::Days7)},
                 {QStringLiteral("Expiring within %1–%2 days").arg(kBandDays[0] + 1).arg(kBandDays[1]),
                  count(Band::Days14)},
                 {QStringLiteral("Expiring within %1–%2 days").arg(kBandDays[1] + 1).arg(kBandDays[2]),
                  count(Band::Days30)},
                 {QStringLiteral("Active nowhere"), qint64(counts.activeNowhere.size())},
                 {QStringLiteral("Events in period"), qint64(in.events.size())}};
    certificateFindings(r, counts);
    return {};
}

} // namespace orgward::reports
