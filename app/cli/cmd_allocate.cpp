// orgward allocate set|list|import|export|costs|rules: cost centres and workloads (issue #15).
#include "command.h"
#include "core/clock.h"
#include "core/instant.h"
#include "finance/allocation.h"
#include "finance/asof.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace orgward::cli {

namespace {

const QCommandLineOption kOrg(QStringLiteral("org"),
                              QStringLiteral("The organization (default: the database's only one)."),
                              QStringLiteral("KEY"));
const QCommandLineOption kFormat(QStringLiteral("format"), QStringLiteral("text (default) or json."),
                                 QStringLiteral("format"), QStringLiteral("text"));

QString sourceName(AllocationSource s)
{
    switch (s) {
    case AllocationSource::Explicit:
        return QStringLiteral("set");
    case AllocationSource::Rule:
        return QStringLiteral("rule");
    case AllocationSource::None:
        return QStringLiteral("unallocated");
    }
    return {};
}

int allocateSet(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Allocate a project to a cost centre and workload. Both empty clears it (rules apply again)."));
    addDatabaseOption(p);
    p.addPositionalArgument(QStringLiteral("project:ID"), QStringLiteral("The project."));
    const QCommandLineOption cc(QStringLiteral("cost-centre"), QStringLiteral("The cost centre."),
                                QStringLiteral("NAME"));
    const QCommandLineOption wl(QStringLiteral("workload"), QStringLiteral("The workload."),
                                QStringLiteral("W"));
    p.addOptions({cc, wl, kOrg});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    const QString target = p.positionalArguments().value(0);
    if (p.positionalArguments().size() != 1 || !target.startsWith(QLatin1String("project:")) ||
        target.size() <= 8)
        return fail(
            ctx,
            QStringLiteral(
                "name one project: orgward allocate set project:ID --cost-centre NAME [--workload W]"),
            ExitUsage);
    QString org;
    auto db = openWithOrg(ctx, p, p.value(kOrg), &org, &code);
    if (!db) return code;
    if (auto r = AllocationStore(*db).set(org, target.mid(8), p.value(cc), p.value(wl)); !r)
        return fail(ctx, r.errorMessage(), r.error().code == Error::Code::Database ? ExitFailed : ExitUsage);
    ctx.out << "Allocated " << target << " to cost centre '" << p.value(cc) << "', workload '" << p.value(wl)
            << "'.\n";
    return ExitOk;
}

int allocateList(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Every project with its cost centre, workload and where they come from (set, rule, unallocated)."));
    addDatabaseOption(p);
    p.addOptions({kOrg, kFormat});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    QString org;
    auto db = openWithOrg(ctx, p, p.value(kOrg), &org, &code);
    if (!db) return code;
    auto rows = AllocationStore(*db).effective(org);
    if (!rows) return fail(ctx, rows.errorMessage());
    if (p.value(kFormat) == u"json") {
        QJsonArray a;
        for (const ProjectAllocation &r : std::as_const(*rows))
            a.append(QJsonObject{{QStringLiteral("project_id"), r.projectId},
                                 {QStringLiteral("project_name"), r.projectName},
                                 {QStringLiteral("cost_centre"), r.costCentre},
                                 {QStringLiteral("workload"), r.workload},
                                 {QStringLiteral("source"), sourceName(r.source)}});
        ctx.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const ProjectAllocation &r : std::as_const(*rows))
        ctx.out << r.projectId << "  " << r.projectName
                << "  cost centre: " << (r.costCentre.isEmpty() ? QStringLiteral("-") : r.costCentre)
                << "  workload: " << (r.workload.isEmpty() ? QStringLiteral("-") : r.workload) << "  ("
                << sourceName(r.source) << ")\n";
    return ExitOk;
}

int allocateFile(Context &ctx, bool import)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        import ? QStringLiteral("Replace the organization's allocations with a CSV file "
                                "(project_id,project_name,cost_centre,workload). All or nothing.")
               : QStringLiteral("Write the organization's allocations as CSV "
                                "(project_id,project_name,cost_centre,workload)."));
    addDatabaseOption(p);
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The CSV file."));
    p.addOption(kOrg);
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    if (p.positionalArguments().size() != 1) return fail(ctx, QStringLiteral("name one CSV file"), ExitUsage);
    QString org;
    auto db = openWithOrg(ctx, p, p.value(kOrg), &org, &code);
    if (!db) return code;
    const QString file = p.positionalArguments().first();
    if (import) {
        auto n = AllocationStore(*db).importCsv(org, file);
        if (!n)
            return fail(ctx, n.errorMessage(), n.error().code == Error::Code::Parse ? ExitUsage : ExitFailed);
        ctx.out << "Imported " << *n << " project rows into " << org << ".\n";
        return ExitOk;
    }
    if (auto r = AllocationStore(*db).exportCsv(org, file); !r) return fail(ctx, r.errorMessage());
    ctx.out << "Wrote " << file << ".\n";
    return ExitOk;
}

int allocateImport(Context &ctx)
{
    return allocateFile(ctx, true);
}

int allocateExport(Context &ctx)
{
    return allocateFile(ctx, false);
}

int allocateCosts(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Billed costs by cost centre or workload; rows add up to the billed total exactly. "
                       "Default period: this month to the organization's now."));
    addDatabaseOption(p);
    const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("cost-centre (default) or workload."),
                                QStringLiteral("D"), QStringLiteral("cost-centre"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("Start (2026-11-01)."),
                                  QStringLiteral("D"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("End, exclusive."), QStringLiteral("D"));
    p.addOptions({by, from, to, kOrg, kFormat});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    if (p.value(by) != u"cost-centre" && p.value(by) != u"workload")
        return fail(ctx, QStringLiteral("--by: use cost-centre or workload"), ExitUsage);
    QString org;
    auto db = openWithOrg(ctx, p, p.value(kOrg), &org, &code);
    if (!db) return code;
    const qint64 now = orgNowSecs(*db, org);
    qint64 f = monthStartSecs(now), t = now;
    for (const auto &[opt, target] : {std::pair{&from, &f}, std::pair{&to, &t}}) {
        if (!p.isSet(*opt)) continue;
        auto v = parseInstant(p.value(*opt), now);
        if (!v) return fail(ctx, u"--" + opt->names().first() + u": " + v.errorMessage(), ExitUsage);
        *target = *v;
    }
    const auto dim =
        p.value(by) == u"workload" ? AllocationDimension::Workload : AllocationDimension::CostCentre;
    auto costs = costsByAllocation(*db, org, f, t, dim);
    if (!costs) return fail(ctx, costs.errorMessage());
    if (p.value(kFormat) == u"json") {
        QJsonArray a;
        for (const AllocationTotal &r : std::as_const(costs->rows))
            a.append(QJsonObject{
                {p.value(by) == u"workload" ? QStringLiteral("workload") : QStringLiteral("cost_centre"),
                 r.key.isEmpty() ? QJsonValue() : QJsonValue(r.key)},
                {QStringLiteral("amount"), r.amount.toString()}});
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("org_key"), org},
                                             {QStringLiteral("from"), formatInstant(f)},
                                             {QStringLiteral("to"), formatInstant(t)},
                                             {QStringLiteral("currency"), costs->currency},
                                             {QStringLiteral("total"), costs->total.toString()},
                                             {QStringLiteral("rows"), a}})
                       .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const AllocationTotal &r : std::as_const(costs->rows))
        ctx.out << (r.key.isEmpty() ? QStringLiteral("(unallocated)") : r.key) << "  " << r.amount.toFixed(2)
                << " " << costs->currency << "\n";
    ctx.out << "Total  " << costs->total.toFixed(2) << " " << costs->currency << " (" << formatInstant(f)
            << " – " << formatInstant(t) << ")\n";
    return ExitOk;
}

int allocateRules(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Show the project-name rules that allocate projects without "
                                               "an explicit allocation (first match wins), "
                                               "or replace them: --add PATTERN=COST_CENTRE/WORKLOAD "
                                               "(repeatable, in order), --reset for the defaults."));
    addDatabaseOption(p);
    const QCommandLineOption add(QStringLiteral("add"),
                                 QStringLiteral("A rule: '*prod*=Finance/production'."),
                                 QStringLiteral("RULE"));
    const QCommandLineOption reset(QStringLiteral("reset"), QStringLiteral("Go back to the built-in rules."));
    p.addOptions({add, reset, kOrg});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    const bool write = p.isSet(add) || p.isSet(reset);
    QString org;
    auto db = openWithOrg(ctx, p, p.value(kOrg), &org, &code);
    if (!db) return code;
    AllocationStore store(*db);
    if (write) {
        QList<AllocationRule> rules;
        for (const QString &r : p.values(add)) {
            const qsizetype eq = r.lastIndexOf(u'='), slash = r.lastIndexOf(u'/');
            if (eq <= 0 || slash < eq)
                return fail(ctx,
                            QStringLiteral(
                                "--add '%1': write PATTERN=COST_CENTRE/WORKLOAD (either side may be empty)")
                                .arg(r),
                            ExitUsage);
            rules << AllocationRule{r.left(eq), r.mid(eq + 1, slash - eq - 1), r.mid(slash + 1)};
        }
        if (auto s = store.setRules(org, rules); !s) return fail(ctx, s.errorMessage(), ExitUsage);
    }
    auto rules = store.rules(org);
    if (!rules) return fail(ctx, rules.errorMessage());
    int i = 0;
    for (const AllocationRule &r : std::as_const(*rules))
        ctx.out << ++i << ". " << r.pattern << " → cost centre '" << r.costCentre << "', workload '"
                << r.workload << "'\n";
    return ExitOk;
}

} // namespace

int cmdAllocate(Context &ctx)
{
    return dispatchSubcommand(
        ctx,
        {{QStringLiteral("set"), allocateSet},
         {QStringLiteral("list"), allocateList},
         {QStringLiteral("import"), allocateImport},
         {QStringLiteral("export"), allocateExport},
         {QStringLiteral("costs"), allocateCosts},
         {QStringLiteral("rules"), allocateRules}},
        QStringLiteral(
            "usage: orgward allocate set project:ID --cost-centre NAME [--workload W] [--org KEY]\n"
            "       orgward allocate list [--format text|json]\n"
            "       orgward allocate import FILE | export FILE\n"
            "       orgward allocate costs [--by cost-centre|workload] [--from D --to D] [--format "
            "text|json]\n"
            "       orgward allocate rules [--add PATTERN=CC/WORKLOAD ...] [--reset]\n"));
}

} // namespace orgward::cli
