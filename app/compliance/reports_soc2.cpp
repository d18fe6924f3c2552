// soc2 (issue #14, seed 002): the controls CC6.1, CC6.2, CC6.3, CC7.2, CC8.1 and CC9.1 mapped to the reports
// that evidence them, with their key figures and findings. Each evidence report is built once, on one
// ReportSource (entities read once for all), whatever number of controls cite it.
#include "compliance/reports.h"
#include "compliance/reportsource.h"

#include <QMap>
#include <algorithm>

namespace orgward::reports {

namespace {

using Builder = Status (*)(ReportSource &, Report &, const ReportParams &);

struct Evidence
{
    QString name; // catalogue name
    Builder build;
};

// In the order they are built and their findings listed.
const QList<Evidence> &evidenceReports()
{
    static const QList<Evidence> all{{QStringLiteral("access-review"), &accessReview},
                                     {QStringLiteral("key-hygiene"), &keyHygiene},
                                     {QStringLiteral("certificates"), &certificates},
                                     {QStringLiteral("service-accounts"), &serviceAccounts},
                                     {QStringLiteral("admin-activity"), &adminActivity},
                                     {QStringLiteral("residency"), &residency},
                                     {QStringLiteral("data-governance"), &dataGovernance}};
    return all;
}

// A report cited by a control, and the summary figures of it that matter for the control (empty: the first
// kDefaultFigures of its summary).
struct Citation
{
    QString report;
    QStringList figures;
};

struct Control
{
    QString id, description;
    QList<Citation> evidence; // the first report is where its untagged findings belong
};

constexpr int kDefaultFigures = 3;

const QList<Control> &controls()
{
    static const QList<Control> all{
        {QStringLiteral("CC6.1"),
         QStringLiteral("Logical access: project-scoped keys, service accounts with least privilege."),
         {{QStringLiteral("service-accounts"), {}}, {QStringLiteral("key-hygiene"), {}}}},
        {QStringLiteral("CC6.2"),
         QStringLiteral("Authentication and access review: members reviewed, keys rotated, certificates "
                        "current."),
         {{QStringLiteral("access-review"), {}},
          {QStringLiteral("key-hygiene"), {}},
          {QStringLiteral("certificates"), {}}}},
        {QStringLiteral("CC6.3"),
         QStringLiteral("Authorization: roles as reviewed, model permissions per project."),
         {{QStringLiteral("access-review"), {}},
          {QStringLiteral("data-governance"),
           {QStringLiteral("Projects using models outside their permissions"),
            QStringLiteral("Requests to models outside the permissions")}}}},
        {QStringLiteral("CC7.2"),
         QStringLiteral(
             "Monitoring: the audit log read for anomalies (new IP addresses and countries, failed "
             "logins)."),
         {{QStringLiteral("admin-activity"),
           {QStringLiteral("Events"), QStringLiteral("Events from a new IP address"),
            QStringLiteral("Events from a new country"), QStringLiteral("Failed logins")}}}},
        {QStringLiteral("CC8.1"),
         QStringLiteral("Change management: privileged changes listed for review."),
         {{QStringLiteral("admin-activity"), {QStringLiteral("Privileged changes")}}}},
        {QStringLiteral("CC9.1"),
         QStringLiteral("Risk mitigation: data residency and data retention per project."),
         {{QStringLiteral("residency"),
           {QStringLiteral("Projects"), QStringLiteral("Regions"), QStringLiteral("Cost (")}},
          {QStringLiteral("data-governance"),
           {QStringLiteral("Organization retention"), QStringLiteral("Projects with zero data retention")}}}},
    };
    return all;
}

QString titleOf(const QString &report)
{
    const ReportInfo *info = reportInfo(report);
    return info ? info->title : report;
}

// Every evidence report, built once on the shared source; the first failure fails the summary.
Result<QMap<QString, Report>> buildEvidence(ReportSource &src, const Report &r, const ReportParams &p)
{
    QMap<QString, Report> out;
    for (const Evidence &e : evidenceReports()) {
        if (!src.step(QStringLiteral("Building %1").arg(titleOf(e.name))))
            return err(Error::Code::Cancelled, QStringLiteral("Cancelled"));
        Report sub;
        sub.meta = r.meta;
        sub.meta.name = e.name;
        sub.meta.title = titleOf(e.name);
        if (auto s = e.build(src, sub, p); !s)
            return err(s.error().code,
                       QStringLiteral("The SOC 2 summary needs the %1 report, which failed: %2")
                           .arg(e.name, s.errorMessage()));
        out.insert(e.name, std::move(sub));
    }
    return out;
}

// Every evidence report is in the map once buildEvidence() succeeded.
const Report &reportNamed(const QMap<QString, Report> &reports, const QString &name)
{
    return *reports.constFind(name);
}

QString figureText(const QVariant &v)
{
    return v.isNull() ? QStringLiteral("–") : v.toString();
}

// A cited figure names a summary label or, ending in "(", every label it starts (one per currency).
bool isCited(const Citation &cite, const QString &label)
{
    return std::any_of(cite.figures.cbegin(), cite.figures.cend(), [&label](const QString &f) {
        return f.endsWith(u'(') ? label.startsWith(f) : label == f;
    });
}

QString keyFigures(const Control &c, const QMap<QString, Report> &reports)
{
    QStringList parts;
    for (const Citation &cite : c.evidence) {
        const Report &sub = reportNamed(reports, cite.report);
        QStringList figures;
        for (qsizetype i = 0; i < sub.summary.size(); ++i) {
            const auto &[label, value] = sub.summary[i];
            const bool wanted = cite.figures.isEmpty() ? i < kDefaultFigures : isCited(cite, label);
            if (wanted) figures << QStringLiteral("%1 %2").arg(label, figureText(value));
        }
        parts << QStringLiteral("%1: %2").arg(titleOf(cite.report), figures.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("; "));
}

// The control a finding belongs to: its own tag when it is one of the six, else the first control citing its
// report first.
QString controlOf(const ReportFinding &f, const QString &report)
{
    for (const Control &c : controls())
        if (c.id == f.control) return c.id;
    for (const Control &c : controls())
        if (!c.evidence.isEmpty() && c.evidence.first().report == report) return c.id;
    for (const Control &c : controls())
        for (const Citation &cite : c.evidence)
            if (cite.report == report) return c.id;
    return controls().first().id;
}

struct Tagged
{
    QString control, report;
    ReportFinding finding;
};

// Each finding once, tagged by control; in control order, the most severe first, then in report order.
QList<Tagged> taggedFindings(const QMap<QString, Report> &reports)
{
    QList<Tagged> out;
    for (const Evidence &e : evidenceReports())
        for (const ReportFinding &f : reportNamed(reports, e.name).findings)
            out.append({controlOf(f, e.name), e.name, f});
    auto rank = [](const QString &control) {
        for (qsizetype i = 0; i < controls().size(); ++i)
            if (controls()[i].id == control) return i;
        return controls().size();
    };
    std::stable_sort(out.begin(), out.end(), [&rank](const Tagged &a, const Tagged &b) {
        if (a.control != b.control) return rank(a.control) < rank(b.control);
        return int(a.finding.severity) > int(b.finding.severity);
    });
    return out;
}

bool isProblem(const ReportFinding &f)
{
    return f.severity != FindingSeverity::Info;
}

// Warnings and critical findings tagged with the control (information is listed, not counted).
qint64 problemsOf(const QString &control, const QList<Tagged> &findings)
{
    return std::count_if(findings.cbegin(), findings.cend(), [&control](const Tagged &f) {
        return f.control == control && isProblem(f.finding);
    });
}

ReportTable controlTable(const QMap<QString, Report> &reports, const QList<Tagged> &findings)
{
    ReportTable t{
        QStringLiteral("controls"),
        QStringLiteral("Controls"),
        QStringLiteral("Each control with the reports that evidence it and their key figures. Findings: "
                       "warnings and critical findings tagged with the control (information findings "
                       "are listed below but not counted)."),
        {{QStringLiteral("control"), QStringLiteral("Control"), CellKind::Text, 1},
         {QStringLiteral("description"), QStringLiteral("Description"), CellKind::Text, 4},
         {QStringLiteral("evidence"), QStringLiteral("Evidence reports"), CellKind::Text, 3},
         {QStringLiteral("key_figures"), QStringLiteral("Key figures"), CellKind::Text, 5},
         {QStringLiteral("findings"), QStringLiteral("Findings"), CellKind::Number, 1},
         {QStringLiteral("status"), QStringLiteral("Status"), CellKind::Text, 1}},
        {}};
    for (const Control &c : controls()) {
        QStringList evidence;
        for (const Citation &cite : c.evidence)
            evidence << cite.report;
        const qint64 problems = problemsOf(c.id, findings);
        t.rows.append({c.id, c.description, evidence.join(QStringLiteral(", ")), keyFigures(c, reports),
                       problems, problems == 0 ? QStringLiteral("ok") : QStringLiteral("finding")});
    }
    return t;
}

ReportTable findingTable(const QList<Tagged> &findings)
{
    ReportTable t{QStringLiteral("findings"),
                  QStringLiteral("Findings by control"),
                  QStringLiteral("The findings of every evidence report, by control, the most severe first."),
                  {{QStringLiteral("control"), QStringLiteral("Control"), CellKind::Text, 1},
                   {QStringLiteral("severity"), QStringLiteral("Severity"), CellKind::Text, 1},
                   {QStringLiteral("report"), QStringLiteral("Report"), CellKind::Text, 2},
                   {QStringLiteral("finding"), QStringLiteral("Finding"), CellKind::FreeText, 8}},
                  {}};
    for (const Tagged &f : findings)
        t.rows.append({f.control, findingSeverityName(f.finding.severity), f.report, f.finding.text});
    return t;
}

} // namespace

Status soc2(ReportSource &src, Report &r, const ReportParams &p)
{
    auto reports = buildEvidence(src, r, p);
    if (!reports) return reports.error();
    const QList<Tagged> findings = taggedFindings(*reports);
    r.tables = {controlTable(*reports, findings), findingTable(findings)};
    qint64 failing = 0, problems = 0;
    for (const Control &c : controls())
        failing += problemsOf(c.id, findings) > 0 ? 1 : 0;
    for (const Tagged &f : findings) {
        problems += isProblem(f.finding) ? 1 : 0;
        r.findings.append({f.finding.severity, f.control, f.finding.text});
    }
    r.summary = {{QStringLiteral("Controls"), qint64(controls().size())},
                 {QStringLiteral("Controls with findings"), failing},
                 {QStringLiteral("Findings (warning or critical)"), problems},
                 {QStringLiteral("Evidence reports"), qint64(reports->size())}};
    return {};
}

} // namespace orgward::reports
