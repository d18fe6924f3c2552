#include "orgprofiles.h"

#include "api/apiclient.h"
#include "api/urlpolicy.h"
#include "core/logging.h"
#include "core/sanitizer.h"
#include "secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace orgward {

namespace {
QMutex g_pathLock;
QString g_testPath;

const QString kGroup = QStringLiteral("org");

OrgProfile readProfile(QSettings &s, const QString &name)
{
    OrgProfile p;
    s.beginGroup(kGroup + u'/' + name);
    p.name = name;
    p.displayName = s.value(QStringLiteral("display_name"), name).toString();
    p.orgId = s.value(QStringLiteral("org_id")).toString();
    p.apiBase = s.value(QStringLiteral("api_base"), p.apiBase).toString();
    p.workload = s.value(QStringLiteral("workload"), p.workload).toString();
    p.requestTags = s.value(QStringLiteral("request_tags")).toStringList();
    p.quotaTag = s.value(QStringLiteral("quota_tag")).toString();
    p.userAgentTag = s.value(QStringLiteral("user_agent_tag")).toString();
    p.secretStore = SecretStoreRef::fromStored(s.value(QStringLiteral("secret_store")).toString());
    s.endGroup();
    return p;
}

Status settingsStatus(const QSettings &s)
{
    if (s.status() == QSettings::AccessError)
        return err(Error::Code::Io, QStringLiteral("cannot write the profiles file %1").arg(s.fileName()));
    if (s.status() == QSettings::FormatError)
        return err(Error::Code::Parse,
                   QStringLiteral("the profiles file %1 is not a valid INI file").arg(s.fileName()));
    return {};
}

QStringList splitTags(const QString &v)
{
    QStringList out;
    for (const QString &t : v.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
        if (!out.contains(t)) out << t;
    return out;
}
} // namespace

QString OrgProfile::userAgent() const
{
    QString ua = QStringLiteral("orgward/") + QCoreApplication::applicationVersion();
    if (ua.endsWith(u'/')) ua += QStringLiteral("dev");
    if (!userAgentTag.isEmpty()) ua += u' ' + userAgentTag;
    return ua;
}

ApiOptions apiOptionsFor(const OrgProfile &profile, const QString &adminKey)
{
    ApiOptions o;
    o.baseUrl = profile.apiBase;
    o.adminKey = adminKey;
    o.userAgentTag = profile.userAgentTag;
    o.organizationId = profile.orgId;
    return o;
}

QString OrgProfiles::settingsPath()
{
    {
        QMutexLocker lock(&g_pathLock);
        if (!g_testPath.isEmpty()) return g_testPath;
    }
    const QString dir = qEnvironmentVariable("ORGWARD_CONFIG_DIR");
    if (!dir.isEmpty()) return QDir(dir).filePath(QStringLiteral("profiles.ini"));
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    if (base.isEmpty()) base = QDir::homePath() + QStringLiteral("/.config");
    return base + QStringLiteral("/orgward/profiles.ini");
}

void OrgProfiles::setSettingsPathForTesting(const QString &path)
{
    QMutexLocker lock(&g_pathLock);
    g_testPath = path;
}

Status OrgProfiles::validateName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (!re.match(name).hasMatch())
        return err(
            Error::Code::Usage,
            QStringLiteral("'%1' is not a valid profile name: use 1-64 letters, digits, '.', '_' or '-'")
                .arg(name));
    return {};
}

Result<QList<OrgProfile>> OrgProfiles::list()
{
    QSettings s(settingsPath(), QSettings::IniFormat);
    if (auto st = settingsStatus(s); !st) return st.error();
    s.beginGroup(kGroup);
    QStringList names = s.childGroups();
    s.endGroup();
    names.sort();
    QList<OrgProfile> out;
    for (const QString &n : std::as_const(names))
        out << readProfile(s, n);
    return out;
}

bool OrgProfiles::exists(const QString &name)
{
    if (!validateName(name)) return false;
    QSettings s(settingsPath(), QSettings::IniFormat);
    s.beginGroup(kGroup);
    return s.childGroups().contains(name);
}

Result<OrgProfile> OrgProfiles::get(const QString &name, BaseCheck check)
{
    if (auto v = validateName(name); !v) return v.error();
    if (!exists(name))
        return err(Error::Code::NotFound,
                   QStringLiteral("no organization profile '%1'. Create it with 'orgward org add %1' "
                                  "or 'orgward org import-env'.")
                       .arg(name));
    QSettings s(settingsPath(), QSettings::IniFormat);
    OrgProfile p = readProfile(s, name);
    if (check == BaseCheck::Refuse)
        if (auto base = checkApiBaseUrl(p.apiBase); !base)
            return err(base.error().code,
                       QStringLiteral("organization profile '%1' (in %2): %3 Fix it with 'orgward org add %1 "
                                      "--api-base https://…' or in Settings → Organizations.")
                           .arg(name, s.fileName(), base.errorMessage()));
    return p;
}

Status OrgProfiles::save(const OrgProfile &p)
{
    if (auto v = validateName(p.name); !v) return v;
    if (auto base = checkApiBaseUrl(p.apiBase); !base) return base.error();
    QFileInfo fi(settingsPath());
    if (!QDir().mkpath(fi.absolutePath()))
        return err(Error::Code::Io, QStringLiteral("cannot create %1").arg(fi.absolutePath()));
    QSettings s(settingsPath(), QSettings::IniFormat);
    s.remove(kGroup + u'/' + p.name);
    s.beginGroup(kGroup + u'/' + p.name);
    s.setValue(QStringLiteral("display_name"), p.displayName.isEmpty() ? p.name : p.displayName);
    s.setValue(QStringLiteral("org_id"), p.orgId);
    s.setValue(QStringLiteral("api_base"), p.apiBase);
    s.setValue(QStringLiteral("workload"), p.workload.isEmpty() ? QStringLiteral("default") : p.workload);
    s.setValue(QStringLiteral("request_tags"), p.requestTags);
    s.setValue(QStringLiteral("quota_tag"), p.quotaTag);
    s.setValue(QStringLiteral("user_agent_tag"), p.userAgentTag);
    s.setValue(QStringLiteral("secret_store"), p.secretStore.format());
    s.endGroup();
    s.sync();
    QFile::setPermissions(s.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return settingsStatus(s);
}

Status OrgProfiles::remove(const QString &name)
{
    auto p = get(name, BaseCheck::ForRepair);
    if (!p) return p.error();
    // The key first: a profile whose secret cannot be removed stays, so the user can retry.
    auto store = SecretStores::open(p->secretStore);
    if (!store) return store.error();
    if (auto r = (*store)->remove(adminKeySecretName(name)); !r) return r;
    QSettings s(settingsPath(), QSettings::IniFormat);
    s.remove(kGroup + u'/' + name);
    s.sync();
    return settingsStatus(s);
}

QString adminKeySecretName(const QString &org)
{
    return QStringLiteral("org/%1/admin-key").arg(org);
}

Result<QString> readAdminKey(const QString &org)
{
    // Only the store matters here; whoever sends the key checks the URL (get(), ApiClient).
    auto p = OrgProfiles::get(org, OrgProfiles::BaseCheck::ForRepair);
    if (!p) return p.error();
    auto store = SecretStores::open(p->secretStore);
    if (!store) return store.error();
    auto key = (*store)->read(adminKeySecretName(org));
    // Session-only profiles get their key anew each session: from the environment when it is not in memory.
    if (!key && key.error().code == Error::Code::NotFound && p->secretStore.kind == SecretStoreKind::Memory &&
        !qEnvironmentVariableIsEmpty("OPENAI_ADMIN_KEY")) {
        const QString envKey = qEnvironmentVariable("OPENAI_ADMIN_KEY").trimmed();
        Sanitizer::addSecret(envKey);
        if (auto w = (*store)->write(adminKeySecretName(org), envKey); !w) return w.error();
        key = envKey;
    }
    if (!key) {
        if (key.error().code == Error::Code::NotFound)
            return err(Error::Code::Auth,
                       QStringLiteral("no admin key is stored for organization '%1' in %2. Store one with "
                                      "'orgward org add %1' (the key is read from standard input).")
                           .arg(org, (*store)->describe()));
        return key.error();
    }
    Sanitizer::addSecret(*key);
    return key;
}

Status writeAdminKey(const OrgProfile &profile, const QString &key)
{
    const QString k = key.trimmed();
    if (k.isEmpty()) return err(Error::Code::Usage, QStringLiteral("the admin key is empty"));
    Sanitizer::addSecret(k);
    if (!k.startsWith(QLatin1String("sk-")))
        return err(Error::Code::Usage,
                   QStringLiteral("that does not look like an OpenAI key (it should start with sk-admin-)"));
    auto store = SecretStores::open(profile.secretStore);
    if (!store) return store.error();
    return (*store)->write(adminKeySecretName(profile.name), k);
}

QString normalizeWorkload(const QString &w)
{
    const QString l = w.trimmed().toLower();
    if (l.isEmpty()) return QStringLiteral("default");
    if (l == u"finance-prod" || l == u"prod" || l == u"production" || l == u"finance-production" ||
        l == u"finance_prod")
        return QStringLiteral("finance-prod");
    if (l == u"finance-staging" || l == u"staging" || l == u"stage" || l == u"finance_staging")
        return QStringLiteral("finance-staging");
    return l;
}

EnvImport profilesFromEnvironment(const QProcessEnvironment &env)
{
    EnvImport out;
    auto v = [&env](const char *name) { return env.value(QString::fromLatin1(name)).trimmed(); };
    const QString adminKey = v("OPENAI_ADMIN_KEY");
    const QStringList baseTags = splitTags(v("OPENAI_REQUEST_TAGS"));
    const QString uaBase = v("OPENAI_USER_AGENT_TAG");
    const QString uaFinance = v("OPENAI_USER_AGENT_TAG_FINANCE");

    struct Fin
    {
        const char *suffix;
        const char *name;
    };
    bool anyFinanceOrg = false;
    for (const Fin f : {Fin{"PROD", "finance-prod"}, Fin{"STAGING", "finance-staging"}}) {
        const QString sfx = QString::fromLatin1(f.suffix);
        const QString orgId = env.value(QStringLiteral("OPENAI_ORG_ID_FINANCE_") + sfx).trimmed();
        if (orgId.isEmpty()) continue;
        anyFinanceOrg = true;
        EnvImport::Item item;
        item.profile.name = QString::fromLatin1(f.name);
        item.profile.displayName =
            sfx == u"PROD" ? QStringLiteral("Finance (production)") : QStringLiteral("Finance (staging)");
        item.profile.orgId = orgId;
        item.profile.workload = QString::fromLatin1(f.name);
        item.profile.requestTags = baseTags;
        for (const QString &t : splitTags(env.value(QStringLiteral("OPENAI_REQUEST_TAGS_FINANCE_") + sfx)))
            if (!item.profile.requestTags.contains(t)) item.profile.requestTags << t;
        item.profile.quotaTag =
            env.value(QStringLiteral("OPENAI_REQUEST_QUOTA_TAG_FINANCE_") + sfx).trimmed();
        item.profile.userAgentTag = uaFinance.isEmpty() ? uaBase : uaFinance;
        const QString specific = env.value(QStringLiteral("OPENAI_ADMIN_KEY_FINANCE_") + sfx).trimmed();
        item.adminKey = specific.isEmpty() ? adminKey : specific;
        out.notes << QStringLiteral("%1: org %2 from OPENAI_ORG_ID_FINANCE_%3, workload %4")
                         .arg(item.profile.name, orgId, sfx, item.profile.workload);
        out.items << item;
    }

    const QString orgId = v("OPENAI_ORG_ID");
    const bool financeVars = !uaFinance.isEmpty() || !v("OPENAI_REQUEST_TAGS_FINANCE_PROD").isEmpty() ||
                             !v("OPENAI_REQUEST_TAGS_FINANCE_STAGING").isEmpty() ||
                             !v("OPENAI_REQUEST_QUOTA_TAG_FINANCE_PROD").isEmpty() ||
                             !v("OPENAI_REQUEST_QUOTA_TAG_FINANCE_STAGING").isEmpty();
    const bool duplicateOfFinance =
        std::any_of(out.items.cbegin(), out.items.cend(),
                    [&orgId](const EnvImport::Item &i) { return i.profile.orgId == orgId; });
    if ((!orgId.isEmpty() && !duplicateOfFinance) ||
        (orgId.isEmpty() && !anyFinanceOrg && !adminKey.isEmpty())) {
        EnvImport::Item item;
        item.profile.name = QStringLiteral("default");
        item.profile.displayName = QStringLiteral("Default organization");
        item.profile.orgId = orgId;
        item.profile.requestTags = baseTags;
        item.profile.userAgentTag = uaBase;
        item.adminKey = adminKey;
        QString why;
        if (!v("OPENAI_FINANCE_WORKLOAD").isEmpty()) {
            item.profile.workload = normalizeWorkload(v("OPENAI_FINANCE_WORKLOAD"));
            why = QStringLiteral("OPENAI_FINANCE_WORKLOAD");
        } else if (financeVars && !anyFinanceOrg) {
            const bool prod = v("NODE_ENV").toLower() == u"production";
            item.profile.workload = prod ? QStringLiteral("finance-prod") : QStringLiteral("finance-staging");
            why = QStringLiteral("NODE_ENV=%1 with finance variables and no separate finance org")
                      .arg(v("NODE_ENV").isEmpty() ? QStringLiteral("(unset)") : v("NODE_ENV"));
        } else {
            item.profile.workload = QStringLiteral("default");
            why = QStringLiteral("no finance override");
        }
        if (item.profile.workload.startsWith(QLatin1String("finance-"))) {
            const QString sfx =
                item.profile.workload == u"finance-prod" ? QStringLiteral("PROD") : QStringLiteral("STAGING");
            for (const QString &t :
                 splitTags(env.value(QStringLiteral("OPENAI_REQUEST_TAGS_FINANCE_") + sfx)))
                if (!item.profile.requestTags.contains(t)) item.profile.requestTags << t;
            item.profile.quotaTag =
                env.value(QStringLiteral("OPENAI_REQUEST_QUOTA_TAG_FINANCE_") + sfx).trimmed();
            if (!uaFinance.isEmpty()) item.profile.userAgentTag = uaFinance;
        }
        out.notes << QStringLiteral("default: org %1, workload %2 (%3)")
                         .arg(orgId.isEmpty() ? QStringLiteral("(the key's own org)") : orgId,
                              item.profile.workload, why);
        out.items.prepend(item);
    }
    if (adminKey.isEmpty() && !out.items.isEmpty())
        out.notes << QStringLiteral("OPENAI_ADMIN_KEY is not set: add each key with 'orgward org add NAME' "
                                    "(read from standard input)");
    return out;
}

} // namespace orgward
