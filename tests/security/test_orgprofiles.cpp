// Organization and database profiles: metadata in the profiles file (never a secret), keys in their
// store, `org import-env` inference from the seed-000 variables.
#include "cli/command.h"
#include "security/dbprofiles.h"
#include "security/orgprofiles.h"
#include "security/secretstore.h"
#include "security/vault.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace orgward;

namespace {
QProcessEnvironment envOf(std::initializer_list<std::pair<const char *, const char *>> vars)
{
    QProcessEnvironment e;
    for (const auto &[k, v] : vars)
        e.insert(QString::fromLatin1(k), QString::fromLatin1(v));
    return e;
}
const EnvImport::Item *item(const EnvImport &imp, const QString &name)
{
    for (const auto &i : imp.items)
        if (i.profile.name == name) return &i;
    return nullptr;
}
} // namespace

class TestOrgProfiles : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("profiles.ini")));
        OrgProfiles::setSettingsPathForTesting(m_dir.filePath(QStringLiteral("profiles.ini")));
        SecretStores::resetForTesting();
        qunsetenv("OPENAI_ADMIN_KEY");
    }

    void saveListGetRemove()
    {
        QVERIFY(OrgProfiles::list()->isEmpty());
        OrgProfile p;
        p.name = QStringLiteral("finance-prod");
        p.orgId = QStringLiteral("org-FIN123");
        p.workload = QStringLiteral("finance-prod");
        p.requestTags = {QStringLiteral("finance"), QStringLiteral("prod")};
        p.quotaTag = QStringLiteral("fin-quota");
        p.userAgentTag = QStringLiteral("finance-autonomy");
        p.secretStore = SecretStoreRef::memory();
        QVERIFY(OrgProfiles::save(p).ok());
        const QString key = QStringLiteral("sk-admin-profileprofile0123456789");
        QVERIFY(writeAdminKey(p, key).ok());
        auto got = OrgProfiles::get(QStringLiteral("finance-prod"));
        QVERIFY(got.ok());
        QCOMPARE(got->orgId, p.orgId);
        QCOMPARE(got->requestTags, p.requestTags);
        QCOMPARE(got->quotaTag, p.quotaTag);
        QCOMPARE(got->workload, p.workload);
        QVERIFY(got->userAgent().endsWith(QLatin1String(" finance-autonomy")));
        QCOMPARE(readAdminKey(QStringLiteral("finance-prod")).value(), key);
        QCOMPARE(adminKeyForOrg(QStringLiteral("finance-prod")).value(), key);
        // The profiles file holds metadata only.
        QFile f(OrgProfiles::settingsPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray ini = f.readAll();
        QVERIFY(ini.contains("org-FIN123"));
        QVERIFY(!ini.contains("profileprofile"));
        f.close();
        QCOMPARE(OrgProfiles::list()->size(), 1);
        QVERIFY(OrgProfiles::remove(QStringLiteral("finance-prod")).ok());
        QVERIFY(!OrgProfiles::exists(QStringLiteral("finance-prod")));
        QCOMPARE(
            SecretStores::session()->read(adminKeySecretName(QStringLiteral("finance-prod"))).error().code,
            Error::Code::NotFound);
        QCOMPARE(OrgProfiles::get(QStringLiteral("finance-prod")).error().code, Error::Code::NotFound);
    }

    void validation()
    {
        for (const char *bad : {"", "a/b", "a b", "../x", "-x", "x=y"})
            QVERIFY2(!OrgProfiles::validateName(QString::fromLatin1(bad)).ok(), bad);
        OrgProfile p;
        p.name = QStringLiteral("x");
        p.apiBase = QStringLiteral("http://evil.example/v1"); // a key must not travel in clear text
        QVERIFY(!OrgProfiles::save(p).ok());
        p.apiBase = QStringLiteral("http://127.0.0.1:8080/v1");
        QVERIFY(OrgProfiles::save(p).ok());
        p.secretStore = SecretStoreRef::memory();
        QVERIFY(!writeAdminKey(p, QStringLiteral("not-a-key")).ok());
        QVERIFY(!writeAdminKey(p, QStringLiteral("  ")).ok());
    }

    void apiBasePolicyOnSave()
    {
        // One URL policy (api/urlpolicy.h): a prefix check let each of these through.
        OrgProfile p;
        p.name = QStringLiteral("policy");
        p.secretStore = SecretStoreRef::memory();
        for (const char *bad :
             {"http://localhost.evil.example/v1", "http://127.0.0.1.nip.io", "http://localhost@evil.example",
              "https://user:pw@api.openai.com/v1", "https://api.openai.com/v1#x",
              "http://127.0.0.1:8080/../v1", "https://api.openai.com/v1?x=1"}) {
            p.apiBase = QString::fromLatin1(bad);
            const Status st = OrgProfiles::save(p);
            QVERIFY2(!st.ok(), bad);
            QVERIFY2(st.errorMessage().contains(QLatin1String("refused")), qPrintable(st.errorMessage()));
            QVERIFY2(!st.errorMessage().contains(QLatin1String(":pw@")), qPrintable(st.errorMessage()));
            QVERIFY(!OrgProfiles::exists(p.name)); // nothing written
        }
        for (const char *good :
             {"https://api.openai.com/v1", "http://localhost:8080/v1", "http://[::1]:9/v1"}) {
            p.apiBase = QString::fromLatin1(good);
            QVERIFY2(OrgProfiles::save(p).ok(), good);
            QCOMPARE(OrgProfiles::get(p.name)->apiBase, p.apiBase);
        }
    }

    void apiBasePolicyOnRead()
    {
        // A hand-edited profiles file: the profile is listed and can be repaired or removed, but nothing
        // that sends the key gets it.
        OrgProfile p;
        p.name = QStringLiteral("edited");
        p.secretStore = SecretStoreRef::memory();
        QVERIFY(OrgProfiles::save(p).ok());
        QVERIFY(writeAdminKey(p, QStringLiteral("sk-admin-editededited0123")).ok());
        {
            QSettings s(OrgProfiles::settingsPath(), QSettings::IniFormat);
            s.setValue(QStringLiteral("org/edited/api_base"),
                       QStringLiteral("http://localhost@evil.example/v1"));
        }
        const auto got = OrgProfiles::get(p.name);
        QVERIFY(!got.ok());
        QCOMPARE(got.error().code, Error::Code::Security);
        for (const char *says : {"'edited'", "profiles.ini", "evil.example", "orgward org add edited"})
            QVERIFY2(got.errorMessage().contains(QLatin1String(says)), qPrintable(got.errorMessage()));
        const auto raw = OrgProfiles::get(p.name, OrgProfiles::BaseCheck::ForRepair);
        QVERIFY(raw.ok());
        QCOMPARE(raw->apiBase, QStringLiteral("http://localhost@evil.example/v1"));
        QCOMPARE(OrgProfiles::list()->size(), 1);
        QCOMPARE(readAdminKey(p.name).value(), QStringLiteral("sk-admin-editededited0123"));
        QVERIFY(OrgProfiles::remove(p.name).ok());
        QVERIFY(!OrgProfiles::exists(p.name));
    }

    void orgAddRefusesApiBaseBeforeTouchingTheKey()
    {
        OrgProfile p;
        p.name = QStringLiteral("kept");
        p.secretStore = SecretStoreRef::memory();
        QVERIFY(OrgProfiles::save(p).ok());
        const QString key = QStringLiteral("sk-admin-keptkeptkept0123");
        QVERIFY(writeAdminKey(p, key).ok());
        QString out, errText;
        QTextStream o(&out), e(&errText);
        cli::Context ctx{{QStringLiteral("orgward org"), QStringLiteral("add"), p.name,
                          QStringLiteral("--api-base"), QStringLiteral("http://localhost.evil.example/v1"),
                          QStringLiteral("--session-only")},
                         o,
                         e};
        QCOMPARE(cli::cmdOrg(ctx), int(cli::ExitUsage));
        e.flush();
        QVERIFY2(errText.contains(QLatin1String("localhost.evil.example")) &&
                     errText.contains(QLatin1String("unencrypted")),
                 qPrintable(errText));
        QCOMPARE(readAdminKey(p.name).value(), key); // the stored key is untouched
        QCOMPARE(OrgProfiles::get(p.name)->apiBase, p.apiBase);
    }

    void missingKeyExplained()
    {
        OrgProfile p;
        p.name = QStringLiteral("nokey");
        p.secretStore = SecretStoreRef::memory();
        QVERIFY(OrgProfiles::save(p).ok());
        auto k = readAdminKey(QStringLiteral("nokey"));
        QCOMPARE(k.error().code, Error::Code::Auth);
        QVERIFY2(k.errorMessage().contains(QLatin1String("orgward org add nokey")),
                 qPrintable(k.errorMessage()));
        // Session-only profiles take the key from the environment each session.
        qputenv("OPENAI_ADMIN_KEY", "sk-admin-fromenvfromenv123");
        QCOMPARE(readAdminKey(QStringLiteral("nokey")).value(), QStringLiteral("sk-admin-fromenvfromenv123"));
        QVERIFY(!readAdminKey(QStringLiteral("absent")).ok());
    }

    void vaultProfile()
    {
        qputenv("ORGWARD_VAULT_PASSPHRASE", "pp-123-long-enough");
        OrgProfile p;
        p.name = QStringLiteral("vaulted");
        p.secretStore = SecretStoreRef::vault(m_dir.filePath(QStringLiteral("v.vault")));
        QVERIFY(OrgProfiles::save(p).ok());
        QVERIFY(writeAdminKey(p, QStringLiteral("sk-admin-vaultedvaulted1")).ok());
        SecretStores::resetForTesting();
        QCOMPARE(readAdminKey(QStringLiteral("vaulted")).value(), QStringLiteral("sk-admin-vaultedvaulted1"));
        SecretStores::resetForTesting();
        qputenv("ORGWARD_VAULT_PASSPHRASE", "wrong");
        auto bad = readAdminKey(QStringLiteral("vaulted"));
        QVERIFY(bad.errorMessage().contains(QLatin1String("wrong passphrase or corrupted vault")));
        qunsetenv("ORGWARD_VAULT_PASSPHRASE");
    }

    void importEnvFinanceOrgs()
    {
        const auto imp =
            profilesFromEnvironment(envOf({{"OPENAI_ADMIN_KEY", "sk-admin-envenvenvenv1"},
                                           {"OPENAI_ORG_ID_FINANCE_PROD", "org-PROD"},
                                           {"OPENAI_ORG_ID_FINANCE_STAGING", "org-STAGE"},
                                           {"OPENAI_REQUEST_TAGS", "team:fin, app:glow"},
                                           {"OPENAI_REQUEST_TAGS_FINANCE_PROD", "env:prod"},
                                           {"OPENAI_REQUEST_TAGS_FINANCE_STAGING", "env:staging"},
                                           {"OPENAI_REQUEST_QUOTA_TAG_FINANCE_PROD", "q-prod"},
                                           {"OPENAI_REQUEST_QUOTA_TAG_FINANCE_STAGING", "q-stage"},
                                           {"OPENAI_USER_AGENT_TAG", "general"},
                                           {"OPENAI_USER_AGENT_TAG_FINANCE", "finance-autonomy"}}));
        QCOMPARE(imp.items.size(), 2);
        const auto *prod = item(imp, QStringLiteral("finance-prod"));
        const auto *stage = item(imp, QStringLiteral("finance-staging"));
        QVERIFY(prod && stage);
        QCOMPARE(prod->profile.orgId, QStringLiteral("org-PROD"));
        QCOMPARE(prod->profile.workload, QStringLiteral("finance-prod"));
        QCOMPARE(prod->profile.requestTags,
                 (QStringList{QStringLiteral("team:fin"), QStringLiteral("app:glow"),
                              QStringLiteral("env:prod")}));
        QCOMPARE(prod->profile.quotaTag, QStringLiteral("q-prod"));
        QCOMPARE(prod->profile.userAgentTag, QStringLiteral("finance-autonomy"));
        QCOMPARE(prod->adminKey, QStringLiteral("sk-admin-envenvenvenv1"));
        QCOMPARE(stage->profile.workload, QStringLiteral("finance-staging"));
        QCOMPARE(stage->profile.requestTags.last(), QStringLiteral("env:staging"));
        QCOMPARE(stage->profile.quotaTag, QStringLiteral("q-stage"));
    }

    void importEnvWorkloadInference_data()
    {
        QTest::addColumn<QString>("override");
        QTest::addColumn<QString>("nodeEnv");
        QTest::addColumn<bool>("financeVars");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QString() << QString() << false << QStringLiteral("default");
        QTest::newRow("plain-production")
            << QString() << QStringLiteral("production") << false << QStringLiteral("default");
        QTest::newRow("override-prod")
            << QStringLiteral("finance-prod") << QString() << false << QStringLiteral("finance-prod");
        QTest::newRow("override-wins") << QStringLiteral("staging") << QStringLiteral("production") << true
                                       << QStringLiteral("finance-staging");
        QTest::newRow("override-free")
            << QStringLiteral("Research") << QString() << false << QStringLiteral("research");
        QTest::newRow("node-production")
            << QString() << QStringLiteral("production") << true << QStringLiteral("finance-prod");
        QTest::newRow("node-development")
            << QString() << QStringLiteral("development") << true << QStringLiteral("finance-staging");
        QTest::newRow("node-unset") << QString() << QString() << true << QStringLiteral("finance-staging");
    }
    void importEnvWorkloadInference()
    {
        QFETCH(QString, override);
        QFETCH(QString, nodeEnv);
        QFETCH(bool, financeVars);
        QFETCH(QString, expected);
        QProcessEnvironment e;
        e.insert(QStringLiteral("OPENAI_ADMIN_KEY"), QStringLiteral("sk-admin-inferinferinfer"));
        e.insert(QStringLiteral("OPENAI_ORG_ID"), QStringLiteral("org-MAIN"));
        if (!override.isEmpty()) e.insert(QStringLiteral("OPENAI_FINANCE_WORKLOAD"), override);
        if (!nodeEnv.isEmpty()) e.insert(QStringLiteral("NODE_ENV"), nodeEnv);
        if (financeVars) {
            e.insert(QStringLiteral("OPENAI_USER_AGENT_TAG_FINANCE"), QStringLiteral("finance-autonomy"));
            e.insert(QStringLiteral("OPENAI_REQUEST_QUOTA_TAG_FINANCE_PROD"), QStringLiteral("qp"));
            e.insert(QStringLiteral("OPENAI_REQUEST_QUOTA_TAG_FINANCE_STAGING"), QStringLiteral("qs"));
        }
        const auto imp = profilesFromEnvironment(e);
        QCOMPARE(imp.items.size(), 1);
        const auto &p = imp.items.first().profile;
        QCOMPARE(p.name, QStringLiteral("default"));
        QCOMPARE(p.orgId, QStringLiteral("org-MAIN"));
        QCOMPARE(p.workload, expected);
        if (financeVars && expected == u"finance-prod") QCOMPARE(p.quotaTag, QStringLiteral("qp"));
        if (financeVars && expected == u"finance-staging") QCOMPARE(p.quotaTag, QStringLiteral("qs"));
        QVERIFY(!imp.notes.isEmpty());
    }

    void importEnvEdgeCases()
    {
        // Only a key: one default profile.
        auto onlyKey = profilesFromEnvironment(envOf({{"OPENAI_ADMIN_KEY", "sk-admin-onlykeyonlykey"}}));
        QCOMPARE(onlyKey.items.size(), 1);
        QCOMPARE(onlyKey.items.first().profile.workload, QStringLiteral("default"));
        // Nothing: nothing.
        QVERIFY(profilesFromEnvironment(QProcessEnvironment()).items.isEmpty());
        // OPENAI_ORG_ID equal to a finance org: no duplicate profile.
        auto dup = profilesFromEnvironment(
            envOf({{"OPENAI_ORG_ID", "org-P"}, {"OPENAI_ORG_ID_FINANCE_PROD", "org-P"}}));
        QCOMPARE(dup.items.size(), 1);
        QVERIFY(dup.items.first().adminKey.isEmpty());
        QVERIFY(dup.notes.join(u'\n').contains(QLatin1String("OPENAI_ADMIN_KEY is not set")));
        // A finance-specific admin key wins for its profile.
        auto specific =
            profilesFromEnvironment(envOf({{"OPENAI_ADMIN_KEY", "sk-admin-generalgeneral"},
                                           {"OPENAI_ADMIN_KEY_FINANCE_STAGING", "sk-admin-stagingstaging"},
                                           {"OPENAI_ORG_ID_FINANCE_STAGING", "org-S"},
                                           {"OPENAI_ORG_ID_FINANCE_PROD", "org-P"}}));
        QCOMPARE(item(specific, QStringLiteral("finance-staging"))->adminKey,
                 QStringLiteral("sk-admin-stagingstaging"));
        QCOMPARE(item(specific, QStringLiteral("finance-prod"))->adminKey,
                 QStringLiteral("sk-admin-generalgeneral"));
        // The notes never carry the key.
        for (const QString &n : specific.notes)
            QVERIFY(!n.contains(QLatin1String("stagingstaging")));
    }

    void dbProfiles()
    {
        DbProfile d;
        d.name = QStringLiteral("warehouse");
        d.host = QStringLiteral("db.internal");
        d.port = 6543;
        d.database = QStringLiteral("orgward");
        d.user = QStringLiteral("alice");
        d.sslmode = QStringLiteral("verify-full");
        d.secretStore = QStringLiteral("memory");
        QVERIFY(!DbProfiles::save(d).ok()); // verify-full needs a CA file
        d.sslrootcert = m_dir.filePath(QStringLiteral("ca.pem"));
        QVERIFY(!DbProfiles::save(d).ok()); // …that exists
        QFile ca(d.sslrootcert);
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write("-----BEGIN CERTIFICATE-----\n");
        ca.close();
        QVERIFY(DbProfiles::save(d).ok());
        QCOMPARE(DbProfiles::resolve(QStringLiteral("warehouse")).error().code,
                 Error::Code::Auth); // no password yet
        QVERIFY(SecretStores::session()
                    ->write(dbPasswordSecretName(QStringLiteral("warehouse")), QStringLiteral("db-Pa55word!"))
                    .ok());
        auto url = DbProfiles::resolve(QStringLiteral("warehouse"));
        QVERIFY(url.ok());
        QCOMPARE(url->password, QStringLiteral("db-Pa55word!"));
        QCOMPARE(url->options.value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
        QCOMPARE(url->options.value(QStringLiteral("sslrootcert")), d.sslrootcert);
        QVERIFY(!url->display().contains(QLatin1String("Pa55word")));
        QFile f(OrgProfiles::settingsPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("Pa55word"));
        f.close();
        QVERIFY(DbProfiles::remove(QStringLiteral("warehouse")).ok());
        QVERIFY(!SecretStores::session()->read(dbPasswordSecretName(QStringLiteral("warehouse"))).ok());
    }
};

QTEST_GUILESS_MAIN(TestOrgProfiles)
#include "test_orgprofiles.moc"
