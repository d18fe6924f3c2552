// residency (issue #14, seed 002 §6): every project with its data-residency region, and the period's usage
// and cost per project and per region. Costs are exact decimals (Decimal), one column per currency.
#include "compliance/reportcells.h"
#include "compliance/reports.h"
#include "compliance/reportsource.h"
#include "core/decimal.h"

#include <QMap>
#include <QSet>

namespace orgward::reports {

namespace {

const QString kRiskMitigation = QStringLiteral("CC9.1");
// A project created without a residency choice: the API leaves the field out and the organization's default
// region applies.
const QString kNotStated = QStringLiteral("not stated (organization default)");
// Usage or cost of a project id the organization did not have as of the report's instant (deleted since), or
// of no project at all (organization-level lines).
const QString kUnknownRegion = QStringLiteral("unknown (project not in the organization)");
const QString kNoProject = QStringLiteral("none (organization level)");

struct Figures
{
    qint64 requests = 0, inputTokens = 0, outputTokens = 0;
    QMap<QString, Decimal> cost; // currency → amount

    void add(const Figures &o)
    {
        requests += o.requests;
        inputTokens += o.inputTokens;
        outputTokens += o.outputTokens;
        for (auto it = o.cost.cbegin(); it != o.cost.cend(); ++it)
            cost[it.key()] += it.value();
    }
    bool isEmpty() const { return requests == 0 && inputTokens == 0 && outputTokens == 0 && cost.isEmpty(); }
};

struct ProjectRow
{
    QString id, name, status, region;
    bool known = false; // a project of the organization as of the report's instant
    Figures figures;
};

struct Residency
{
    QMap<QString, ProjectRow> projects; // id → row
    QSet<QString> currencies;
};

QString regionOf(const QJsonObject &project)
{
    const QString r = reportcells::text(project, QStringLiteral("residency"));
    return r.isEmpty() ? kNotStated : r;
}

// The project's row, made for an id the organization did not have as of then (or "" for no project).
ProjectRow &rowFor(Residency &res, const QString &id)
{
    auto it = res.projects.find(id);
    if (it != res.projects.end()) return *it;
    return *res.projects.insert(
        id, ProjectRow{id, {}, {}, id.isEmpty() ? kNoProject : kUnknownRegion, false, {}});
}

Status addCosts(ReportSource &src, const ReportParams &p, Residency &res)
{
    auto costs = src.costByProject(p.from, p.to);
    if (!costs) return costs.error();
    for (auto it = costs->cbegin(); it != costs->cend(); ++it) {
        ProjectRow &row = rowFor(res, it.key());
        for (auto c = it.value().cbegin(); c != it.value().cend(); ++c) {
            const auto amount = Decimal::parse(c.value());
            if (!amount)
                return err(
                    Error::Code::Parse,
                    QStringLiteral("The stored cost of project %1 (%2) is not a decimal number: \"%3\"; "
                                   "re-sync the costs (orgward sync)")
                        .arg(it.key(), c.key(), c.value()));
            row.figures.cost[c.key()] += *amount;
            res.currencies.insert(c.key());
        }
    }
    return {};
}

Result<Residency> readResidency(ReportSource &src, const ReportParams &p)
{
    auto projects = src.entity(QStringLiteral("projects"));
    if (!projects) return projects.error();
    Residency res;
    for (const QJsonObject &o : std::as_const(*projects)) {
        const QString id = reportcells::text(o, QStringLiteral("id"));
        res.projects.insert(id, ProjectRow{id,
                                           reportcells::text(o, QStringLiteral("name")),
                                           reportcells::text(o, QStringLiteral("status")),
                                           regionOf(o),
                                           true,
                                           {}});
    }
    auto usage = src.usageByProjectModel(p.from, p.to);
    if (!usage) return usage.error();
    for (const QJsonObject &u : std::as_const(*usage)) {
        Figures &f = rowFor(res, reportcells::text(u, QStringLiteral("project_id"))).figures;
        f.requests += u.value(QLatin1String("num_model_requests")).toInteger();
        f.inputTokens += u.value(QLatin1String("input_tokens")).toInteger();
        f.outputTokens += u.value(QLatin1String("output_tokens")).toInteger();
    }
    if (auto s = addCosts(src, p, res); !s) return s.error();
    return res;
}

QStringList sortedCurrencies(const Residency &res)
{
    QStringList c(res.currencies.cbegin(), res.currencies.cend());
    std::sort(c.begin(), c.end());
    return c;
}

QList<ReportColumn> figureColumns(const QStringList &currencies)
{
    QList<ReportColumn> cols{
        {QStringLiteral("requests"), QStringLiteral("Requests"), CellKind::Number, 1},
        {QStringLiteral("input_tokens"), QStringLiteral("Input tokens"), CellKind::Number, 2},
        {QStringLiteral("output_tokens"), QStringLiteral("Output tokens"), CellKind::Number, 2}};
    for (const QString &c : currencies)
        cols.append({QStringLiteral("cost_") + c.toLower(), QStringLiteral("Cost (%1)").arg(c.toUpper()),
                     CellKind::Number, 2});
    return cols;
}

QVariantList figureCells(const Figures &f, const QStringList &currencies)
{
    QVariantList cells{f.requests, f.inputTokens, f.outputTokens};
    for (const QString &c : currencies)
        cells.append(f.cost.value(c).toString()); // exact decimal text: "0" when none
    return cells;
}

ReportTable projectTable(const Residency &res, const QStringList &currencies)
{
    ReportTable t{
        QStringLiteral("projects"),
        QStringLiteral("Projects"),
        QStringLiteral("Every project of the organization as of the report's instant with its "
                       "data-residency region (\"%1\": created without a residency choice), and its "
                       "usage (completions requests and tokens) and billed cost in the period. "
                       "Costs are exact sums of the cost lines by project.")
            .arg(kNotStated),
        {{QStringLiteral("project"), QStringLiteral("Project"), CellKind::FreeText, 3},
         {QStringLiteral("project_id"), QStringLiteral("Project id"), CellKind::Text, 3},
         {QStringLiteral("status"), QStringLiteral("Status"), CellKind::Text, 1},
         {QStringLiteral("region"), QStringLiteral("Region"), CellKind::Text, 3}},
        {}};
    t.columns += figureColumns(currencies);
    for (const ProjectRow &p : res.projects)
        t.rows.append(QVariantList{reportcells::textCell(p.name), reportcells::textCell(p.id),
                                   reportcells::textCell(p.status), p.region} +
                      figureCells(p.figures, currencies));
    reportcells::sortRows(t.rows, {3, 0, 1});
    return t;
}

ReportTable regionTable(const Residency &res, const QStringList &currencies)
{
    QMap<QString, Figures> regions;
    QMap<QString, qint64> projects;
    for (const ProjectRow &p : res.projects) {
        regions[p.region].add(p.figures);
        projects[p.region] += p.known ? 1 : 0;
    }
    ReportTable t{QStringLiteral("regions"),
                  QStringLiteral("Usage and cost per region"),
                  QStringLiteral("The projects' figures summed by their data-residency region."),
                  {{QStringLiteral("region"), QStringLiteral("Region"), CellKind::Text, 3},
                   {QStringLiteral("projects"), QStringLiteral("Projects"), CellKind::Number, 1}},
                  {}};
    t.columns += figureColumns(currencies);
    for (auto it = regions.cbegin(); it != regions.cend(); ++it)
        t.rows.append(QVariantList{it.key(), projects.value(it.key())} + figureCells(it.value(), currencies));
    return t;
}

void addFindings(Report &r, const Residency &res)
{
    qint64 notStated = 0, unknownWithUse = 0;
    for (const ProjectRow &p : res.projects) {
        notStated += p.region == kNotStated ? 1 : 0;
        unknownWithUse += p.region == kUnknownRegion && !p.figures.isEmpty() ? 1 : 0;
    }
    if (notStated > 0)
        r.findings.append(
            {FindingSeverity::Info, kRiskMitigation,
             QStringLiteral("Projects that state no data-residency region (their data is stored and "
                            "processed in the organization's default region): %1.")
                 .arg(notStated)});
    if (unknownWithUse > 0)
        r.findings.append(
            {FindingSeverity::Warning, kRiskMitigation,
             QStringLiteral("Project ids with usage or cost in the period that are not projects of the "
                            "organization as of the report's instant (their region is unknown): %1.")
                 .arg(unknownWithUse)});
}

} // namespace

Status residency(ReportSource &src, Report &r, const ReportParams &p)
{
    auto res = readResidency(src, p);
    if (!res) return res.error();
    const QStringList currencies = sortedCurrencies(*res);
    r.tables = {projectTable(*res, currencies), regionTable(*res, currencies)};
    QSet<QString> regions;
    qint64 projects = 0;
    Figures total;
    for (const ProjectRow &row : res->projects) {
        if (row.known) regions.insert(row.region);
        projects += row.known ? 1 : 0;
        total.add(row.figures);
    }
    r.summary = {{QStringLiteral("Projects"), projects},
                 {QStringLiteral("Regions"), qint64(regions.size())},
                 {QStringLiteral("Requests"), total.requests}};
    for (const QString &c : currencies)
        r.summary.append({QStringLiteral("Cost (%1)").arg(c.toUpper()), total.cost.value(c).toString()});
    addFindings(r, *res);
    return {};
}

} // namespace orgward::reports
