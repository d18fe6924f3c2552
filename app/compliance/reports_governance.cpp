// data-governance (issue #14, seed 002 §4): data retention of the organization and of every project (zero
// data retention), model and hosted-tool permissions per project, and the period's usage of models a
// project's permissions do not allow. The residency report is in reports_residency.cpp.
#include "compliance/reportcells.h"
#include "compliance/reports.h"
#include "compliance/reportsource.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>

namespace orgward::reports {

namespace {

const QString kAuthorization = QStringLiteral("CC6.3");
const QString kRiskMitigation = QStringLiteral("CC9.1");
// A project's retention "organization_default" takes the organization's; these types keep no content.
const QString kOrgDefault = QStringLiteral("organization_default");
const QStringList kZeroRetentionTypes{QStringLiteral("zero_data_retention"),
                                      QStringLiteral("enhanced_zero_data_retention")};
const QString kAllowList = QStringLiteral("allow_list");
const QString kDenyList = QStringLiteral("deny_list");
// The hosted tools of openai_project_hosted_tool_permissions, in the API's order of its docs.
const QStringList kTools{QStringLiteral("file_search"), QStringLiteral("web_search"),
                         QStringLiteral("image_generation"), QStringLiteral("mcp"),
                         QStringLiteral("code_interpreter")};
// MCP sends the project's data to remote servers chosen by whoever writes the request.
const QString kRemoteTool = QStringLiteral("mcp");

struct Governance
{
    QList<QJsonObject> projects; // sorted by name, then id
    QString orgRetention;        // empty: not read
    QHash<QString, QString> retention;
    QHash<QString, QJsonObject> models, tools;
    QList<QJsonObject> usage;
};

QString projectName(const QJsonObject &p)
{
    return reportcells::text(p, QStringLiteral("name"));
}

QString projectId(const QJsonObject &p)
{
    return reportcells::text(p, QStringLiteral("id"));
}

Result<Governance> readGovernance(ReportSource &src, const ReportParams &p)
{
    Governance g;
    auto projects = src.entity(QStringLiteral("projects"));
    auto retention = src.entity(QStringLiteral("data_retention"));
    auto models = src.entity(QStringLiteral("model_permissions"));
    auto tools = src.entity(QStringLiteral("tool_permissions"));
    for (const auto *r : {&projects, &retention, &models, &tools})
        if (!*r) return r->error();
    g.projects = *projects;
    std::sort(g.projects.begin(), g.projects.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return std::pair(projectName(a), projectId(a)) < std::pair(projectName(b), projectId(b));
    });
    for (const QJsonObject &r : std::as_const(*retention)) {
        const QString project = reportcells::text(r, QStringLiteral("project_id"));
        const QString type = reportcells::text(r, QStringLiteral("type"));
        if (project.isEmpty())
            g.orgRetention = type;
        else
            g.retention.insert(project, type);
    }
    g.models = reportcells::indexBy(*models, QStringLiteral("project_id"));
    g.tools = reportcells::indexBy(*tools, QStringLiteral("project_id"));
    auto usage = src.usageByProjectModel(p.from, p.to);
    if (!usage) return usage.error();
    g.usage = *usage;
    return g;
}

// The retention that applies: the project's own, or the organization's when it defers to it.
QString effectiveRetention(const Governance &g, const QString &project)
{
    const QString own = g.retention.value(project);
    return own == kOrgDefault ? g.orgRetention : own;
}

QVariant zeroRetentionCell(const QString &type)
{
    return type.isEmpty() ? QVariant() : QVariant(kZeroRetentionTypes.contains(type));
}

ReportTable retentionTable(const Governance &g)
{
    ReportTable t{
        QStringLiteral("retention"),
        QStringLiteral("Data retention"),
        QStringLiteral("The organization's data-retention setting and each project's (\"%1\": the "
                       "organization's applies). Zero data retention: %2. Empty: not read (archived "
                       "projects' settings are not synced).")
            .arg(kOrgDefault, kZeroRetentionTypes.join(QStringLiteral(", "))),
        {{QStringLiteral("scope"), QStringLiteral("Organization or project"), CellKind::FreeText, 3},
         {QStringLiteral("project_id"), QStringLiteral("Project id"), CellKind::Text, 3},
         {QStringLiteral("status"), QStringLiteral("Status"), CellKind::Text, 1},
         {QStringLiteral("setting"), QStringLiteral("Setting"), CellKind::Text, 3},
         {QStringLiteral("effective"), QStringLiteral("Effective"), CellKind::Text, 3},
         {QStringLiteral("zero_data_retention"), QStringLiteral("Zero data retention"), CellKind::Text, 1}},
        {}};
    t.rows.append({QStringLiteral("Organization"), QVariant(), QVariant(),
                   reportcells::textCell(g.orgRetention), reportcells::textCell(g.orgRetention),
                   zeroRetentionCell(g.orgRetention)});
    for (const QJsonObject &p : g.projects) {
        const QString effective = effectiveRetention(g, projectId(p));
        t.rows.append({projectName(p), projectId(p),
                       reportcells::textCell(reportcells::text(p, QStringLiteral("status"))),
                       reportcells::textCell(g.retention.value(projectId(p))),
                       reportcells::textCell(effective), zeroRetentionCell(effective)});
    }
    return t;
}

QStringList modelIds(const QJsonObject &permissions)
{
    QStringList ids;
    for (const QJsonValue &v : permissions.value(QLatin1String("model_ids")).toArray())
        ids << v.toString();
    return ids;
}

ReportTable modelTable(const Governance &g)
{
    ReportTable t{
        QStringLiteral("model_permissions"),
        QStringLiteral("Model permissions"),
        QStringLiteral("Per project: an allow list permits only the models named, a deny list every "
                       "model but those named (an empty deny list permits all). Empty: not read."),
        {{QStringLiteral("project"), QStringLiteral("Project"), CellKind::FreeText, 3},
         {QStringLiteral("project_id"), QStringLiteral("Project id"), CellKind::Text, 3},
         {QStringLiteral("mode"), QStringLiteral("Mode"), CellKind::Text, 2},
         {QStringLiteral("model_count"), QStringLiteral("Models named"), CellKind::Number, 1},
         {QStringLiteral("models"), QStringLiteral("Models"), CellKind::Text, 5}},
        {}};
    for (const QJsonObject &p : g.projects) {
        const auto it = g.models.constFind(projectId(p));
        if (it == g.models.constEnd()) {
            t.rows.append({projectName(p), projectId(p), QVariant(), QVariant(), QVariant()});
            continue;
        }
        const QStringList ids = modelIds(*it);
        t.rows.append({projectName(p), projectId(p),
                       reportcells::textCell(reportcells::text(*it, QStringLiteral("mode"))),
                       qint64(ids.size()), reportcells::textCell(reportcells::joinedSorted(ids))});
    }
    return t;
}

ReportTable toolTable(const Governance &g)
{
    ReportTable t{QStringLiteral("tool_permissions"),
                  QStringLiteral("Hosted-tool permissions"),
                  QStringLiteral("Per project, whether each hosted tool is enabled. Empty: not read."),
                  {{QStringLiteral("project"), QStringLiteral("Project"), CellKind::FreeText, 3},
                   {QStringLiteral("project_id"), QStringLiteral("Project id"), CellKind::Text, 3}},
                  {}};
    for (const QString &tool : kTools)
        t.columns.append({tool, tool, CellKind::Text, 1});
    for (const QJsonObject &p : g.projects) {
        QVariantList row{projectName(p), projectId(p)};
        const auto it = g.tools.constFind(projectId(p));
        for (const QString &tool : kTools)
            row.append(it == g.tools.constEnd() || it->value(tool).isNull()
                           ? QVariant()
                           : QVariant(it->value(tool).toBool()));
        t.rows.append(row);
    }
    return t;
}

// Whether the project's permissions allow the model (exact model ids: a list naming "gpt-4o" does not cover
// the snapshot "gpt-4o-2024-08-06").
bool allowed(const QJsonObject &permissions, const QString &model)
{
    const bool named = modelIds(permissions).contains(model);
    return reportcells::text(permissions, QStringLiteral("mode")) == kAllowList ? named : !named;
}

struct Outside
{
    QList<QVariantList> rows;
    QMap<QString, qint64> requestsByProject; // project id → requests of models not allowed
    qint64 unjudgedRequests = 0;             // projects whose permissions were not read
};

Outside usageOutside(const Governance &g)
{
    QHash<QString, QString> names;
    for (const QJsonObject &p : g.projects)
        names.insert(projectId(p), projectName(p));
    Outside out;
    for (const QJsonObject &u : g.usage) {
        const QString project = reportcells::text(u, QStringLiteral("project_id"));
        const QString model = reportcells::text(u, QStringLiteral("model"));
        const qint64 requests = u.value(QLatin1String("num_model_requests")).toInteger();
        const auto it = g.models.constFind(project);
        if (it == g.models.constEnd()) {
            out.unjudgedRequests += requests;
            continue;
        }
        if (allowed(*it, model)) continue;
        out.requestsByProject[project] += requests;
        out.rows.append({reportcells::textCell(names.value(project)), project,
                         reportcells::text(*it, QStringLiteral("mode")), model, requests,
                         u.value(QLatin1String("input_tokens")).toInteger(),
                         u.value(QLatin1String("output_tokens")).toInteger()});
    }
    reportcells::sortRows(out.rows, {0, 1, 3});
    return out;
}

ReportTable outsideTable(const Outside &o)
{
    return {QStringLiteral("usage_outside_permissions"),
            QStringLiteral("Usage of models outside the permissions"),
            QStringLiteral(
                "Completions usage in the period of a model the project's model permissions do not allow "
                "as of the report's instant (exact model ids)."),
            {{QStringLiteral("project"), QStringLiteral("Project"), CellKind::FreeText, 3},
             {QStringLiteral("project_id"), QStringLiteral("Project id"), CellKind::Text, 3},
             {QStringLiteral("mode"), QStringLiteral("Mode"), CellKind::Text, 2},
             {QStringLiteral("model"), QStringLiteral("Model"), CellKind::Text, 3},
             {QStringLiteral("requests"), QStringLiteral("Requests"), CellKind::Number, 1},
             {QStringLiteral("input_tokens"), QStringLiteral("Input tokens"), CellKind::Number, 2},
             {QStringLiteral("output_tokens"), QStringLiteral("Output tokens"), CellKind::Number, 2}},
            o.rows};
}

void retentionFindings(Report &r, const Governance &g)
{
    if (g.orgRetention.isEmpty()) {
        r.findings.append({FindingSeverity::Info, kRiskMitigation,
                           QStringLiteral("The organization's data-retention setting was not read (sync the "
                                          "organization, or the API did not offer it).")});
        return;
    }
    const bool orgZero = kZeroRetentionTypes.contains(g.orgRetention);
    if (!orgZero)
        r.findings.append(
            {FindingSeverity::Info, kRiskMitigation,
             QStringLiteral("The organization does not use zero data retention (%1).").arg(g.orgRetention)});
    for (const QJsonObject &p : g.projects) {
        const QString effective = effectiveRetention(g, projectId(p));
        if (!orgZero || effective.isEmpty() || kZeroRetentionTypes.contains(effective)) continue;
        r.findings.append(
            {FindingSeverity::Warning, kRiskMitigation,
             QStringLiteral("Project \"%1\" (%2) keeps data under %3 although the organization uses "
                            "%4.")
                 .arg(projectName(p), projectId(p), effective, g.orgRetention)});
    }
}

void permissionFindings(Report &r, const Governance &g, const Outside &o)
{
    QHash<QString, QString> names;
    for (const QJsonObject &p : g.projects)
        names.insert(projectId(p), projectName(p));
    for (auto it = o.requestsByProject.cbegin(); it != o.requestsByProject.cend(); ++it)
        r.findings.append(
            {FindingSeverity::Warning, kAuthorization,
             QStringLiteral("Requests of project \"%1\" (%2) to models its model permissions do not allow: "
                            "%3 (table \"Usage of models outside the permissions\").")
                 .arg(names.value(it.key()), it.key())
                 .arg(it.value())});
    if (o.unjudgedRequests > 0)
        r.findings.append(
            {FindingSeverity::Info, kAuthorization,
             QStringLiteral("Requests in the period from projects whose model permissions were not read "
                            "(archived or removed projects, or no project): %1.")
                 .arg(o.unjudgedRequests)});
    qint64 remote = 0;
    for (const QJsonObject &t : g.tools)
        remote += reportcells::flag(t, kRemoteTool) ? 1 : 0;
    if (remote > 0)
        r.findings.append(
            {FindingSeverity::Info, kAuthorization,
             QStringLiteral("Projects that allow the MCP tool (remote servers named in a request receive "
                            "the project's data): %1.")
                 .arg(remote)});
}

} // namespace

Status dataGovernance(ReportSource &src, Report &r, const ReportParams &p)
{
    auto g = readGovernance(src, p);
    if (!g) return g.error();
    const Outside outside = usageOutside(*g);
    r.tables = {retentionTable(*g), modelTable(*g), toolTable(*g), outsideTable(outside)};
    qint64 zero = 0, outsideRequests = 0;
    for (const QJsonObject &project : std::as_const(g->projects))
        zero += kZeroRetentionTypes.contains(effectiveRetention(*g, projectId(project))) ? 1 : 0;
    for (qint64 n : outside.requestsByProject)
        outsideRequests += n;
    r.summary = {{QStringLiteral("Organization retention"), reportcells::textCell(g->orgRetention)},
                 {QStringLiteral("Projects"), qint64(g->projects.size())},
                 {QStringLiteral("Projects with zero data retention"), zero},
                 {QStringLiteral("Projects using models outside their permissions"),
                  qint64(outside.requestsByProject.size())},
                 {QStringLiteral("Requests to models outside the permissions"), outsideRequests}};
    retentionFindings(r, *g);
    permissionFindings(r, *g, outside);
    return {};
}

} // namespace orgward::reports
