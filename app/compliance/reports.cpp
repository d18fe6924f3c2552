#include "reports.h"

#include "compliance/history.h"
#include "compliance/journal.h"
#include "compliance/redaction.h"
#include "compliance/reportsource.h"
#include "core/clock.h"
#include "core/instant.h"
#include "store/database.h"
#include "store/syncstate.h"

#include <QDateTime>
#include <QMap>

namespace orgward {

namespace {
constexpr qint64 kDefaultPeriodDays = 90;
const QString kUnusedDays = QStringLiteral("unused-days");
const QString kMaxAgeDays = QStringLiteral("max-age-days");

using Builder = Status (*)(ReportSource &, Report &, const ReportParams &);

struct CatalogueEntry
{
    ReportInfo info;
    Builder build;
};

const QList<CatalogueEntry> &entries()
{
    static const QList<CatalogueEntry> all{
        {{QStringLiteral("access-review"),
          QStringLiteral("Access review"),
          QStringLiteral(
              "Every member with org role, custom roles, groups, project roles (direct and through "
              "groups) and last activity; pending invites; members in no project; removals in the "
              "period; sign-off columns (SOC 2 CC6.2, CC6.3)."),
          {kUnusedDays}},
         &reports::accessReview},
        {{QStringLiteral("key-hygiene"),
          QStringLiteral("Key hygiene"),
          QStringLiteral(
              "Project, service-account and admin API keys: owner, age, last use; unused, older than the "
              "rotation policy, owned by removed members, in archived projects."),
          {kUnusedDays, kMaxAgeDays}},
         &reports::keyHygiene},
        {{QStringLiteral("certificates"),
          QStringLiteral("Certificates"),
          QStringLiteral(
              "Certificates with expiry, days left (30/14/7-day bands), activation per project and their "
              "events in the period."),
          {}},
         &reports::certificates},
        {{QStringLiteral("service-accounts"),
          QStringLiteral("Service accounts"),
          QStringLiteral("Per project: service accounts, role, keys, created, last used; policy findings."),
          {kUnusedDays}},
         &reports::serviceAccounts},
        {{QStringLiteral("admin-activity"),
          QStringLiteral("Admin activity"),
          QStringLiteral(
              "Audit-log events in the period by type and actor; privileged changes in full; events "
              "from new IP addresses flagged."),
          {}},
         &reports::adminActivity},
        {{QStringLiteral("residency"),
          QStringLiteral("Data residency"),
          QStringLiteral(
              "Projects and their data-residency region; usage and cost per region in the period."),
          {}},
         &reports::residency},
        {{QStringLiteral("data-governance"),
          QStringLiteral("Data governance"),
          QStringLiteral("Data retention of the org and every project, model and hosted-tool permissions per "
                         "project, and usage of models outside them."),
          {}},
         &reports::dataGovernance},
        {{QStringLiteral("soc2"),
          QStringLiteral("SOC 2 summary"),
          QStringLiteral("The controls CC6.1, CC6.2, CC6.3, CC7.2, CC8.1 and CC9.1 mapped to the reports and "
                         "figures above, with findings."),
          {kUnusedDays, kMaxAgeDays}},
         &reports::soc2},
        {{QStringLiteral("budget-status"),
          QStringLiteral("Budget status"),
          QStringLiteral("Every budget on billed costs as of the report's instant: spent, utilisation, "
                         "thresholds reached and when, projected period-end spend and the day it runs out."),
          {}},
         &reports::budgetStatus},
        {{QStringLiteral("costs-by-centre"),
          QStringLiteral("Costs by cost centre"),
          QStringLiteral("Billed costs of the period by cost centre and by workload, unallocated shown; each "
                         "table adds up to the billed total."),
          {}},
         &reports::costsByCentre},
    };
    return all;
}

const CatalogueEntry *entry(const QString &name)
{
    for (const CatalogueEntry &e : entries())
        if (e.info.name == name) return &e;
    return nullptr;
}

// Endpoint paths name parents ("projects/proj_1/api_keys"); a report names the kind of list, with the
// oldest last sync among its parents: that is how fresh the whole kind is.
QString endpointKind(const QString &endpoint)
{
    static const QStringList parents{QStringLiteral("projects"), QStringLiteral("groups"),
                                     QStringLiteral("users"), QStringLiteral("certificates")};
    // Usage and costs are read once per group_by set ("usage/completions[1d;model]"): one kind for all.
    QString path = endpoint;
    if (const qsizetype bracket = path.indexOf(u'['); bracket > 0) path.truncate(bracket);
    QStringList parts = path.split(u'/');
    // Only an id followed by more path is a parent's ("projects/proj_1/api_keys", not "projects").
    for (int i = 0; i + 2 < parts.size(); ++i)
        if (parents.contains(parts[i])) parts[i + 1] = QStringLiteral("{id}");
    return parts.join(u'/');
}

Result<QList<ReportFreshness>> freshness(Database &db, const QString &orgKey)
{
    auto cursors = SyncState(db).cursors(orgKey);
    if (!cursors) return cursors.error();
    QMap<QString, qint64> oldest; // kind → oldest last sync (0: one parent never completed)
    for (const CursorState &c : *cursors) {
        const QString kind = endpointKind(c.endpoint);
        auto it = oldest.find(kind);
        if (it == oldest.end())
            oldest.insert(kind, c.lastSyncedAt);
        else if (*it != 0)
            *it = c.lastSyncedAt == 0 ? 0 : std::min(*it, c.lastSyncedAt);
    }
    QList<ReportFreshness> out;
    for (auto it = oldest.cbegin(); it != oldest.cend(); ++it)
        out.append({it.key(), it.value()});
    return out;
}

Result<ReportParams> resolved(const ReportParams &in)
{
    ReportParams p = in;
    if (p.orgKey.isEmpty())
        return err(Error::Code::Usage, QStringLiteral("No organization given for the report"));
    if (p.asOf == 0) p.asOf = Clock::nowSecs();
    if (p.to == 0) p.to = p.asOf;
    if (p.from == 0) p.from = p.to - kDefaultPeriodDays * kSecondsPerDay;
    if (p.from >= p.to)
        return err(Error::Code::Usage, QStringLiteral("The period must start before it ends (from %1, to %2)")
                                           .arg(formatInstant(p.from), formatInstant(p.to)));
    if (p.unusedDays <= 0 || p.maxAgeDays <= 0)
        return err(Error::Code::Usage, QStringLiteral("--unused-days and --max-age-days must be at least 1"));
    return p;
}

Status fillMeta(Database &db, const ReportInfo &info, const ReportParams &p, ReportMeta &m)
{
    m.name = info.name;
    m.title = info.title;
    m.orgKey = p.orgKey;
    auto orgs = SyncState(db).organizations();
    if (!orgs) return orgs.error();
    bool known = false;
    for (const OrgRecord &o : *orgs)
        if (o.key == p.orgKey) {
            m.orgName = o.displayName;
            known = true;
        }
    if (!known)
        return err(Error::Code::NotFound,
                   QStringLiteral("This database holds no organization '%1': run `orgward org list` to see "
                                  "the ones it has")
                       .arg(p.orgKey));
    m.scope = QStringLiteral("Organization");
    m.from = p.from;
    m.to = p.to;
    m.asOf = p.asOf;
    auto basis = asOfBasis(db, p.orgKey, p.asOf);
    if (!basis) return basis.error();
    m.asOfBasis = describeAsOfBasis(*basis);
    m.database = p.databaseLabel.isEmpty() ? db.describe() : p.databaseLabel;
    auto head = Journal(db).head();
    if (!head) return head.error();
    m.journalHead = head->entryHash;
    m.journalSeq = head->seq;
    m.version = QStringLiteral(ORGWARD_VERSION);
    m.generatedAt = Clock::nowSecs();
    m.redaction = p.redact;
    for (const QString &o : info.options)
        m.parameters.append({o, QString::number(o == kUnusedDays ? p.unusedDays : p.maxAgeDays)});
    auto fresh = freshness(db, p.orgKey);
    if (!fresh) return fresh.error();
    m.freshness = *fresh;
    return {};
}
} // namespace

qint64 Report::rowCount() const
{
    qint64 n = 0;
    for (const ReportTable &t : tables)
        n += t.rows.size();
    return n;
}

QString findingSeverityName(FindingSeverity s)
{
    switch (s) {
    case FindingSeverity::Info:
        return QStringLiteral("info");
    case FindingSeverity::Warning:
        return QStringLiteral("warning");
    case FindingSeverity::Critical:
        return QStringLiteral("critical");
    }
    return {};
}

const QList<ReportInfo> &reportCatalogue()
{
    static const QList<ReportInfo> infos = [] {
        QList<ReportInfo> out;
        for (const CatalogueEntry &e : entries())
            out.append(e.info);
        return out;
    }();
    return infos;
}

const ReportInfo *reportInfo(const QString &name)
{
    const CatalogueEntry *e = entry(name);
    return e ? &e->info : nullptr;
}

Result<Report> buildReport(Database &db, const QString &name, const ReportParams &params,
                           const ReportProgress &progress, const QByteArray &redactKey)
{
    const CatalogueEntry *e = entry(name);
    if (!e) {
        QStringList names;
        for (const ReportInfo &i : reportCatalogue())
            names << i.name;
        return err(Error::Code::Usage, QStringLiteral("There is no report named \"%1\"; the reports are: %2")
                                           .arg(name, names.join(QStringLiteral(", "))));
    }
    auto p = resolved(params);
    if (!p) return p.error();
    Report r;
    if (auto s = fillMeta(db, e->info, *p, r.meta); !s) return s.error();
    ReportSource src(db, p->orgKey, p->asOf, progress);
    if (auto s = e->build(src, r, *p); !s) return s.error();
    if (!src.step(QStringLiteral("Redacting")))
        return err(Error::Code::Cancelled, QStringLiteral("Cancelled"));
    redactReport(r, p->redact, redactKey.isEmpty() ? newRedactionKey() : redactKey);
    return r;
}

} // namespace orgward
