// orgward org add|list|test|remove|import-env: organization profiles and their admin keys.
#include "api/urlpolicy.h"
#include "command.h"
#include "core/sanitizer.h"
#include "security/orgcheck.h"
#include "security/orgprofiles.h"
#include "security/secretinput.h"
#include "security/secretstore.h"

#include <QProcessEnvironment>

namespace orgward::cli {

namespace {

const QCommandLineOption
    kSessionOnly(QStringLiteral("session-only"),
                 QStringLiteral("Keep the key in memory for this session only (no keychain needed)."));
const QCommandLineOption kVault(
    QStringLiteral("vault"),
    QStringLiteral("Store the key in this encrypted vault file instead of the keychain (passphrase from "
                   "standard input or $ORGWARD_VAULT_PASSPHRASE)."),
    QStringLiteral("file"));

void addStoreOptions(QCommandLineParser &p)
{
    p.addOption(kSessionOnly);
    p.addOption(kVault);
}

Result<SecretStoreRef> storeSpec(const QCommandLineParser &p)
{
    if (p.isSet(kSessionOnly) && p.isSet(kVault))
        return err(Error::Code::Usage, QStringLiteral("choose --session-only or --vault, not both"));
    if (p.isSet(kSessionOnly)) return SecretStoreRef::memory();
    if (p.isSet(kVault)) return SecretStoreRef::vault(QFileInfo(p.value(kVault)).absoluteFilePath());
    return SecretStoreRef::keychain();
}

int codeFor(const Error &e)
{
    return e.code == Error::Code::Usage ? ExitUsage : e.code == Error::Code::Auth ? ExitAuth : ExitFailed;
}

int orgAdd(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Create or update an organization profile. The admin key is read from standard "
                       "input (never from an argument): printf %s \"$KEY\" | orgward org add NAME"));
    p.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Profile name (letters, digits, . _ -)."));
    const QCommandLineOption apiBase(QStringLiteral("api-base"), QStringLiteral("API base URL."),
                                     QStringLiteral("url"), QStringLiteral("https://api.openai.com/v1"));
    const QCommandLineOption workload(QStringLiteral("workload"),
                                      QStringLiteral("default, finance-prod, finance-staging or any name."),
                                      QStringLiteral("w"), QStringLiteral("default"));
    const QCommandLineOption orgId(QStringLiteral("org-id"),
                                   QStringLiteral("OpenAI organization id (org-…)."), QStringLiteral("id"));
    const QCommandLineOption display(QStringLiteral("display-name"),
                                     QStringLiteral("Name shown in the console."), QStringLiteral("text"));
    const QCommandLineOption tags(QStringLiteral("request-tags"),
                                  QStringLiteral("Comma-separated request tags."), QStringLiteral("tags"));
    const QCommandLineOption quota(QStringLiteral("quota-tag"), QStringLiteral("Quota tag."),
                                   QStringLiteral("tag"));
    const QCommandLineOption ua(QStringLiteral("user-agent-tag"),
                                QStringLiteral("Appended to the User-Agent."), QStringLiteral("tag"));
    p.addOptions({apiBase, workload, orgId, display, tags, quota, ua});
    addStoreOptions(p);
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    if (p.positionalArguments().size() != 1)
        return fail(ctx, QStringLiteral("usage: orgward org add NAME (the key on standard input)"),
                    ExitUsage);
    auto spec = storeSpec(p);
    if (!spec) return fail(ctx, spec.errorMessage(), ExitUsage);

    OrgProfile prof;
    const QString name = p.positionalArguments().constFirst();
    const bool existed = OrgProfiles::exists(name);
    // Update: keep what is not given (a stored API base the URL policy refuses can be replaced here).
    if (auto existing = OrgProfiles::get(name, OrgProfiles::BaseCheck::ForRepair)) prof = *existing;
    prof.name = name;
    if (p.isSet(apiBase) || prof.apiBase.isEmpty()) prof.apiBase = p.value(apiBase);
    if (p.isSet(workload)) prof.workload = normalizeWorkload(p.value(workload));
    if (p.isSet(orgId)) prof.orgId = p.value(orgId).trimmed();
    if (p.isSet(display)) prof.displayName = p.value(display);
    if (p.isSet(tags)) prof.requestTags = p.value(tags).split(u',', Qt::SkipEmptyParts);
    if (p.isSet(quota)) prof.quotaTag = p.value(quota);
    if (p.isSet(ua)) prof.userAgentTag = p.value(ua);
    const SecretStoreRef oldSpec = prof.secretStore;
    prof.secretStore = *spec;
    if (auto v = OrgProfiles::validateName(name); !v) return fail(ctx, v.errorMessage(), ExitUsage);
    // Before the key is read or stored: a refused URL must not cost the profile its current key.
    if (auto b = checkApiBaseUrl(prof.apiBase); !b) return fail(ctx, b.errorMessage(), ExitUsage);

    auto key = readSecretLine(QStringLiteral("Admin key for %1 (input hidden): ").arg(name));
    if (!key) return fail(ctx, key.errorMessage(), ExitUsage);
    if (auto w = writeAdminKey(prof, *key); !w) return fail(ctx, w.errorMessage(), codeFor(w.error()));
    if (auto s = OrgProfiles::save(prof); !s) {
        if (auto st = SecretStores::open(prof.secretStore)) (void)(*st)->remove(adminKeySecretName(name));
        return fail(ctx, s.errorMessage(), codeFor(s.error()));
    }
    // Moving a profile between stores: the old copy of the key goes.
    if (existed && oldSpec != prof.secretStore)
        if (auto old = SecretStores::open(oldSpec); old && oldSpec.kind != SecretStoreKind::Memory)
            (void)(*old)->remove(adminKeySecretName(name));
    auto store = SecretStores::open(prof.secretStore);
    ctx.out << "Saved profile '" << name << "' (workload " << prof.workload << "); the key is in "
            << (store ? (*store)->describe() : prof.secretStore.format()) << ".\n";
    if (prof.secretStore.kind == SecretStoreKind::Memory)
        ctx.out << "Session only: the key is forgotten when this command ends; later commands take it from "
                   "$OPENAI_ADMIN_KEY.\n";
    return ExitOk;
}

int orgList(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("List organization profiles (keys are never shown)."));
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    auto list = OrgProfiles::list();
    if (!list) return fail(ctx, list.errorMessage());
    if (list->isEmpty()) {
        ctx.out
            << "No organization profiles. Add one with 'orgward org add NAME' or 'orgward org import-env'.\n";
        return ExitOk;
    }
    ctx.out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(QStringLiteral("NAME"), -18)
                   .arg(QStringLiteral("ORG ID"), -30)
                   .arg(QStringLiteral("WORKLOAD"), -16)
                   .arg(QStringLiteral("KEY STORE"), -12)
                   .arg(QStringLiteral("API BASE"));
    for (const OrgProfile &o : *list) {
        ctx.out << QStringLiteral("%1 %2 %3 %4 %5\n")
                       .arg(o.name, -18)
                       .arg(o.orgId.isEmpty() ? QStringLiteral("-") : o.orgId, -30)
                       .arg(o.workload, -16)
                       .arg(o.secretStore.isVault() ? QStringLiteral("vault") : o.secretStore.format(), -12)
                       .arg(Sanitizer::mask(o.apiBase));
        if (!o.requestTags.isEmpty() || !o.quotaTag.isEmpty() || !o.userAgentTag.isEmpty())
            ctx.out << "    tags: " << o.requestTags.join(QStringLiteral(",")) << "  quota: " << o.quotaTag
                    << "  user-agent: " << o.userAgentTag << "\n";
    }
    return ExitOk;
}

int orgTest(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Check a profile's key with two cheap read calls and explain any missing scope."));
    p.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Profile name."));
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    if (p.positionalArguments().size() != 1)
        return fail(ctx, QStringLiteral("usage: orgward org test NAME"), ExitUsage);
    const QString name = p.positionalArguments().constFirst();
    auto prof = OrgProfiles::get(name);
    if (!prof) return fail(ctx, prof.errorMessage(), codeFor(prof.error()));
    auto key = readAdminKey(name);
    if (!key) return fail(ctx, key.errorMessage(), codeFor(key.error()));
    auto check = checkOrganization(*prof, *key);
    if (!check) return fail(ctx, check.errorMessage());
    ctx.out << "Organization profile '" << name << "' at " << Sanitizer::mask(prof->apiBase) << ":\n";
    for (const OrgCheckLine &l : check->lines)
        ctx.out << "  " << (l.ok ? "ok      " : "refused ") << l.what << ": " << Sanitizer::mask(l.detail)
                << "\n";
    return check->allOk() ? ExitOk : ExitAuth;
}

int orgRemove(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Remove a profile and its admin key. Synced data stays in the database."));
    p.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Profile name."));
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    if (p.positionalArguments().size() != 1)
        return fail(ctx, QStringLiteral("usage: orgward org remove NAME"), ExitUsage);
    const QString name = p.positionalArguments().constFirst();
    if (auto r = OrgProfiles::remove(name); !r) return fail(ctx, r.errorMessage(), codeFor(r.error()));
    ctx.out << "Removed profile '" << name << "' and its key.\n";
    return ExitOk;
}

int orgImportEnv(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Create profiles from the environment: OPENAI_ADMIN_KEY, OPENAI_ORG_ID(_FINANCE_PROD/_STAGING), "
        "OPENAI_REQUEST_TAGS(_FINANCE_*), OPENAI_REQUEST_QUOTA_TAG_FINANCE_*, "
        "OPENAI_USER_AGENT_TAG(_FINANCE), "
        "OPENAI_FINANCE_WORKLOAD (else inferred from NODE_ENV)."));
    const QCommandLineOption replace(QStringLiteral("replace"),
                                     QStringLiteral("Overwrite profiles that already exist."));
    p.addOption(replace);
    addStoreOptions(p);
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    auto spec = storeSpec(p);
    if (!spec) return fail(ctx, spec.errorMessage(), ExitUsage);
    const EnvImport imp = profilesFromEnvironment(QProcessEnvironment::systemEnvironment());
    if (imp.items.isEmpty())
        return fail(
            ctx,
            QStringLiteral(
                "no OpenAI variables found (OPENAI_ADMIN_KEY, OPENAI_ORG_ID, OPENAI_ORG_ID_FINANCE_PROD, …)"),
            ExitUsage);
    int created = 0;
    for (EnvImport::Item item : imp.items) {
        if (OrgProfiles::exists(item.profile.name) && !p.isSet(replace)) {
            ctx.out << "Skipped '" << item.profile.name << "': it exists (use --replace).\n";
            continue;
        }
        item.profile.secretStore = *spec;
        if (!item.adminKey.isEmpty())
            if (auto w = writeAdminKey(item.profile, item.adminKey); !w)
                return fail(ctx, w.errorMessage(), codeFor(w.error()));
        if (auto s = OrgProfiles::save(item.profile); !s)
            return fail(ctx, s.errorMessage(), codeFor(s.error()));
        ++created;
        ctx.out << "Profile '" << item.profile.name << "': org "
                << (item.profile.orgId.isEmpty() ? QStringLiteral("-") : item.profile.orgId) << ", workload "
                << item.profile.workload
                << (item.adminKey.isEmpty() ? QStringLiteral(", no key")
                    : item.profile.secretStore.kind == SecretStoreKind::Memory
                        ? QStringLiteral(", key kept for this session only")
                        : QStringLiteral(", key stored"))
                << "\n";
    }
    for (const QString &n : imp.notes)
        ctx.out << "  note: " << Sanitizer::mask(n) << "\n";
    ctx.out << created << " profile(s) written to " << OrgProfiles::settingsPath() << "\n";
    return ExitOk;
}

} // namespace

int cmdOrg(Context &ctx)
{
    installStdinPassphraseProvider();
    const QString sub = ctx.args.value(1);
    if (sub == u"add") {
        Context c = subContext(ctx, sub);
        return orgAdd(c);
    }
    if (sub == u"list") {
        Context c = subContext(ctx, sub);
        return orgList(c);
    }
    if (sub == u"test") {
        Context c = subContext(ctx, sub);
        return orgTest(c);
    }
    if (sub == u"remove") {
        Context c = subContext(ctx, sub);
        return orgRemove(c);
    }
    if (sub == u"import-env") {
        Context c = subContext(ctx, sub);
        return orgImportEnv(c);
    }
    const QString usage = QStringLiteral(
        "usage: orgward org add NAME [--api-base URL] [--workload W] [--session-only | --vault FILE]\n"
        "       orgward org list | test NAME | remove NAME | import-env [--replace]\n"
        "The admin key is read from standard input, never from an argument.\n");
    if (sub == u"--help" || sub == u"-h" || sub.isEmpty()) {
        ctx.out << usage;
        return sub.isEmpty() ? ExitUsage : ExitOk;
    }
    ctx.err << "orgward org: unknown subcommand '" << sub << "'\n" << usage;
    return ExitUsage;
}

} // namespace orgward::cli
