// orgward allowlist set|list|drift: the declared model policy and the drift report (issue #15).
#include "command.h"
#include "core/clock.h"
#include "core/instant.h"
#include "finance/asof.h"
#include "finance/modelpolicy.h"

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

QString day(qint64 secs)
{
    return formatInstant(secs).left(10);
}

QString why(const ModelUsage &u)
{
    QStringList parts;
    if (u.outsidePolicy) parts << QStringLiteral("outside the policy (%1)").arg(u.policySource);
    if (u.outsidePermissions) parts << QStringLiteral("outside the API permissions");
    return parts.join(QStringLiteral(" and "));
}

int allowlistSet(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Declare the models a project (project:ID) or a workload (workload:NAME) may use; no model removes "
        "the "
        "allowlist. --suggested adds seed 000's approved tiers (gpt-5, gpt-5-mini, text-embedding-3-small). "
        "Orgward keeps the policy; the API's model permissions are not changed."));
    addDatabaseOption(p);
    p.addPositionalArgument(QStringLiteral("SCOPE"), QStringLiteral("project:ID or workload:NAME"));
    p.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("Model ids."),
                            QStringLiteral("[MODEL…]"));
    const QCommandLineOption suggested(QStringLiteral("suggested"),
                                       QStringLiteral("Add the suggested models."));
    p.addOptions({kOrg, suggested});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    QStringList args = p.positionalArguments();
    if (args.isEmpty())
        return fail(ctx, QStringLiteral("name the scope: orgward allowlist set project:ID MODEL…"),
                    ExitUsage);
    auto scope = BudgetScope::parse(args.takeFirst());
    if (!scope) return fail(ctx, scope.errorMessage(), ExitUsage);
    if (p.isSet(suggested)) args << suggestedAllowedModels();
    QString org;
    auto db = openWithOrg(ctx, p, p.value(kOrg), &org, &code);
    if (!db) return code;
    if (auto r = ModelPolicyStore(*db).set(org, *scope, args); !r)
        return fail(ctx, r.errorMessage(), r.error().code == Error::Code::Usage ? ExitUsage : ExitFailed);
    if (args.isEmpty())
        ctx.out << "Removed the allowlist of " << scope->text() << ".\n";
    else
        ctx.out << "Allowlist of " << scope->text() << ": " << args.join(QStringLiteral(", ")) << ".\n";
    return ExitOk;
}

int allowlistList(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("The declared allowlists of the organization."));
    addDatabaseOption(p);
    p.addOptions({kOrg, kFormat});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    QString org;
    auto db = openWithOrg(ctx, p, p.value(kOrg), &org, &code);
    if (!db) return code;
    auto lists = ModelPolicyStore(*db).list(org);
    if (!lists) return fail(ctx, lists.errorMessage());
    if (p.value(kFormat) == u"json") {
        QJsonArray a;
        for (const ModelAllowlist &l : std::as_const(*lists))
            a.append(QJsonObject{{QStringLiteral("scope"), l.scope.text()},
                                 {QStringLiteral("models"), QJsonArray::fromStringList(l.models)}});
        ctx.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const ModelAllowlist &l : std::as_const(*lists))
        ctx.out << l.scope.text() << ": " << l.models.join(QStringLiteral(", ")) << "\n";
    if (lists->isEmpty())
        ctx.out << "No allowlists yet: orgward allowlist set project:ID MODEL… (--suggested for "
                << suggestedAllowedModels().join(QStringLiteral(", ")) << ").\n";
    return ExitOk;
}

QJsonObject usageJson(const ModelUsage &u)
{
    return {{QStringLiteral("project_id"), u.projectId},
            {QStringLiteral("project_name"), u.projectName},
            {QStringLiteral("model"), u.model},
            {QStringLiteral("first_seen"), day(u.firstSeen)},
            {QStringLiteral("last_seen"), day(u.lastSeen)},
            {QStringLiteral("input_tokens"), u.inputTokens},
            {QStringLiteral("output_tokens"), u.outputTokens},
            {QStringLiteral("requests"), u.requests},
            {QStringLiteral("outside_policy"), u.outsidePolicy},
            {QStringLiteral("outside_permissions"), u.outsidePermissions},
            {QStringLiteral("policy"), u.policySource.isEmpty() ? QJsonValue() : QJsonValue(u.policySource)}};
}

QJsonObject mismatchJson(const PermissionMismatch &m)
{
    return {{QStringLiteral("project_id"), m.projectId},
            {QStringLiteral("project_name"), m.projectName},
            {QStringLiteral("policy"), QJsonArray::fromStringList(m.policy)},
            {QStringLiteral("api_mode"), m.apiMode.isEmpty() ? QJsonValue() : QJsonValue(m.apiMode)},
            {QStringLiteral("api_models"), QJsonArray::fromStringList(m.apiModels)},
            {QStringLiteral("refused_by_api"), QJsonArray::fromStringList(m.notAllowedByApi)},
            {QStringLiteral("allowed_beyond_policy"), QJsonArray::fromStringList(m.allowedBeyond)}};
}

int allowlistDrift(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Usage of models outside the declared policy or the API's model permissions, per project, with first "
        "and last day seen, tokens and requests; and projects whose API permissions differ from the policy. "
        "Default period: the last 30 days to the organization's now."));
    addDatabaseOption(p);
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("Start (2026-11-01)."),
                                  QStringLiteral("D"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("End, exclusive."), QStringLiteral("D"));
    p.addOptions({from, to, kOrg, kFormat});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    QString org;
    auto db = openWithOrg(ctx, p, p.value(kOrg), &org, &code);
    if (!db) return code;
    constexpr qint64 kDefaultDays = 30;
    const qint64 now = orgNowSecs(*db, org);
    qint64 f = now - kDefaultDays * kSecondsPerDay, t = now;
    for (const auto &[opt, target] : {std::pair{&from, &f}, std::pair{&to, &t}}) {
        if (!p.isSet(*opt)) continue;
        auto v = parseInstant(p.value(*opt), now);
        if (!v) return fail(ctx, u"--" + opt->names().first() + u": " + v.errorMessage(), ExitUsage);
        *target = *v;
    }
    auto drift = modelDrift(*db, org, f, t);
    if (!drift) return fail(ctx, drift.errorMessage());
    const bool any = !drift->usage.isEmpty() || !drift->mismatches.isEmpty();
    if (p.value(kFormat) == u"json") {
        QJsonArray usage, mismatches;
        for (const ModelUsage &u : std::as_const(drift->usage))
            usage.append(usageJson(u));
        for (const PermissionMismatch &m : std::as_const(drift->mismatches))
            mismatches.append(mismatchJson(m));
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("org_key"), org},
                                             {QStringLiteral("from"), formatInstant(f)},
                                             {QStringLiteral("to"), formatInstant(t)},
                                             {QStringLiteral("usage_outside"), usage},
                                             {QStringLiteral("permission_mismatches"), mismatches}})
                       .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    ctx.out << "Model drift in " << org << ", " << formatInstant(f) << " – " << formatInstant(t) << ":\n";
    for (const ModelUsage &u : std::as_const(drift->usage))
        ctx.out << "  " << u.projectName << " (" << u.projectId << ") used " << u.model << " "
                << day(u.firstSeen) << " – " << day(u.lastSeen) << ": " << u.requests << " requests, "
                << u.inputTokens << " input / " << u.outputTokens << " output tokens; " << why(u) << "\n";
    for (const PermissionMismatch &m : std::as_const(drift->mismatches))
        ctx.out << "  " << m.projectName << " (" << m.projectId << "): policy "
                << m.policy.join(QStringLiteral(", ")) << "; API "
                << (m.apiMode.isEmpty() ? QStringLiteral("allows every model (no permissions stored)")
                                        : m.apiMode + u' ' + m.apiModels.join(QStringLiteral(", ")))
                << "\n";
    if (!any) ctx.out << "  none.\n";
    return ExitOk;
}

} // namespace

int cmdAllowlist(Context &ctx)
{
    return dispatchSubcommand(ctx,
                              {{QStringLiteral("set"), allowlistSet},
                               {QStringLiteral("list"), allowlistList},
                               {QStringLiteral("drift"), allowlistDrift}},
                              QStringLiteral("usage: orgward allowlist set project:ID|workload:NAME [MODEL…] "
                                             "[--suggested]\n"
                                             "       orgward allowlist list [--format text|json]\n"
                                             "       orgward allowlist drift [--from D --to D] [--format "
                                             "text|json]\n"));
}

} // namespace orgward::cli
