// After profile setup, `org test`, a full sync (SQLite and PostgreSQL) through the org profile alone (no
// OPENAI_ADMIN_KEY anywhere in the environment), listing, reports and CSV exports of every console table,
// no trace of the admin key, the database password or the vault passphrase exists in the database file,
// the PostgreSQL tables, the profiles file, the exports, any file under the user's home, or the captured
// output (with debug logging on).
//
// Runs the real orgward binary against the local fake Admin API. There is no headless export command yet:
// the console's CSV export (writeTableCsv over SqlTableModel::exportQuery, what File → Export table runs) is
// driven in-process. Add each export command here as it lands and write its output under the scanned home
// folder.
#include "fakeapiserver.h"
#include "fixtures/fixtureorg.h"
#include "models/auditlogmodel.h"
#include "models/certificatesmodel.h"
#include "models/keysmodel.h"
#include "models/membersmodel.h"
#include "models/projectsmodel.h"
#include "models/syncmodels.h"
#include "models/tableexport.h"
#include "testsupport/testsupport.h"

#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace orgward;

namespace {
const QString kKey =
    QStringLiteral("sk-admin-test-") + QStringLiteral("Zq8vLm3NpR7sT2wX9yB4cD6fG1hJ5kA0eU3iO8rW");
const QString kDbPassword = QStringLiteral("Pg-S3cret-pw!scan");
const QString kPassphrase = QStringLiteral("vault-pass-phrase-42");
constexpr bool kSyncNeedsEnvKey = false; // `sync --org NAME` reads the key from the profile's store

struct Run
{
    int code = -1;
    QString out, err;
};
} // namespace

class TestSecretScan : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    QString m_output; // everything every command printed
    std::unique_ptr<test::FakeApiServer> m_api;
    DatabaseUrl m_pgUrl; // the PostgreSQL database synced through a profile (empty when skipped)

    QProcessEnvironment env(bool withKey) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const QString &k : e.keys())
            if (k.startsWith(QLatin1String("OPENAI_")) || k.startsWith(QLatin1String("ORGWARD_")))
                e.remove(k);
        e.insert(QStringLiteral("HOME"), m_home.path());
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral(".config")));
        e.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral(".local/share")));
        e.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral(".cache")));
        e.insert(QStringLiteral("ORGWARD_CONFIG_DIR"), m_home.filePath(QStringLiteral(".config/orgward")));
        e.insert(QStringLiteral("ORGWARD_VAULT_PASSPHRASE"), kPassphrase);
        e.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("orgward.*.debug=true"));
        if (withKey) e.insert(QStringLiteral("OPENAI_ADMIN_KEY"), kKey);
        return e;
    }

    Run orgward(const QStringList &args, const QByteArray &stdinData = {}, bool withKey = false)
    {
        QProcess p;
        p.setProcessEnvironment(env(withKey));
        QSignalSpy done(&p, &QProcess::finished);
        p.start(QStringLiteral(ORGWARD_BINARY_DIR "/bin/orgward"), args);
        if (!p.waitForStarted(30000)) qFatal("orgward did not start");
        p.write(stdinData);
        p.closeWriteChannel();
        // The fake API lives in this process: keep its event loop running while the child works.
        if (!done.wait(600000)) qFatal("orgward %s did not finish", qPrintable(args.join(u' ')));
        Run r{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
              QString::fromUtf8(p.readAllStandardError())};
        m_output += r.out + r.err;
        return r;
    }

    static void assertClean(const QByteArray &bytes, const QString &where)
    {
        for (const QString &needle : {kKey, kKey.mid(14), kKey.mid(14, 12), kDbPassword, kPassphrase}) {
            QVERIFY2(!bytes.contains(needle.toUtf8()),
                     qPrintable(QStringLiteral("%1 contains a secret (%2…)").arg(where, needle.left(6))));
            QVERIFY2(!bytes.contains(QUrl::toPercentEncoding(needle)),
                     qPrintable(QStringLiteral("%1 contains an encoded secret").arg(where)));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        GeneratorOptions o;
        auto org = std::make_shared<const FixtureOrg>(FixtureOrg::generate(o));
        m_api = std::make_unique<test::FakeApiServer>(org, kKey);
        QVERIFY(m_api->start());
    }

    void profileAndSyncSqlite()
    {
        const QString vault = m_home.filePath(QStringLiteral("secrets.vault"));
        auto add = orgward({QStringLiteral("org"), QStringLiteral("add"), QStringLiteral("scan"),
                            QStringLiteral("--api-base"), m_api->baseUrl(), QStringLiteral("--workload"),
                            QStringLiteral("finance-prod"), QStringLiteral("--vault"), vault},
                           kKey.toUtf8() + '\n');
        QVERIFY2(add.code == 0, qPrintable(add.err));
        auto list = orgward({QStringLiteral("org"), QStringLiteral("list")});
        QCOMPARE(list.code, 0);
        QVERIFY(list.out.contains(QLatin1String("finance-prod")));
        auto test = orgward({QStringLiteral("org"), QStringLiteral("test"), QStringLiteral("scan")});
        QVERIFY2(test.code == 0, qPrintable(test.out + test.err));
        QVERIFY(test.out.contains(QLatin1String("ok")));

        // A wrong key is refused with a plain explanation, and is not echoed either.
        auto bad = orgward({QStringLiteral("org"), QStringLiteral("add"), QStringLiteral("wrongkey"),
                            QStringLiteral("--api-base"), m_api->baseUrl(), QStringLiteral("--vault"), vault},
                           "sk-admin-wrongwrongwrongwrong\n");
        QCOMPARE(bad.code, 0);
        auto refused = orgward({QStringLiteral("org"), QStringLiteral("test"), QStringLiteral("wrongkey")});
        QCOMPARE(refused.code, 4);
        QVERIFY2(refused.out.contains(QLatin1String("the key was refused")),
                 qPrintable(refused.out + refused.err));
        QVERIFY(!refused.out.contains(QLatin1String("wrongwrongwrong")));
        // A key on the command line is not accepted at all.
        auto argKey = orgward({QStringLiteral("org"), QStringLiteral("add"), QStringLiteral("x"),
                               QStringLiteral("--key"), QStringLiteral("sk-admin-argargargarg")});
        QCOMPARE(argKey.code, 2);
        // Removing a profile removes its key from the vault.
        QCOMPARE(orgward({QStringLiteral("org"), QStringLiteral("remove"), QStringLiteral("wrongkey")}).code,
                 0);
        auto gone = orgward({QStringLiteral("org"), QStringLiteral("test"), QStringLiteral("wrongkey")});
        QCOMPARE(gone.code, 1);
        QVERIFY2(gone.err.contains(QLatin1String("no organization profile 'wrongkey'")),
                 qPrintable(gone.err));

        const QString db = QStringLiteral("sqlite://") + m_home.filePath(QStringLiteral("data/orgward.db"));
        // Without a profile and without the variable, sync explains where the key comes from.
        auto noKey = orgward({QStringLiteral("sync"), QStringLiteral("--org"), QStringLiteral("noprofile"),
                              QStringLiteral("--api-base"), m_api->baseUrl(), QStringLiteral("--db"), db});
        QVERIFY(noKey.code != 0);
        QVERIFY2(noKey.err.contains(QLatin1String("OPENAI_ADMIN_KEY")), qPrintable(noKey.err));
        // With the profile alone (env(false) strips every OPENAI_* variable), the key comes from the vault;
        // the fake API accepts only that key, so a complete sync proves the profile's key was used.
        QVERIFY(!env(kSyncNeedsEnvKey).contains(QStringLiteral("OPENAI_ADMIN_KEY")));
        auto sync = orgward({QStringLiteral("sync"), QStringLiteral("--org"), QStringLiteral("scan"),
                             QStringLiteral("--api-base"), m_api->baseUrl(), QStringLiteral("--db"), db,
                             QStringLiteral("--rate"), QStringLiteral("1000")},
                            {}, kSyncNeedsEnvKey);
        QVERIFY2(sync.code == 0, qPrintable(sync.err.right(2000)));
        auto status = orgward({QStringLiteral("status"), QStringLiteral("--db"), db});
        QCOMPARE(status.code, 0);
        QVERIFY(status.out.contains(QLatin1String("scan")));
        QVERIFY2(sync.out.contains(QLatin1String("complete")) || sync.err.contains(QLatin1String("complete")),
                 qPrintable(sync.out + sync.err.right(500)));
        auto metrics = orgward({QStringLiteral("metrics"), QStringLiteral("--db"), db});
        QCOMPARE(metrics.code, 0);
    }

    void syncPostgresThroughProfile()
    {
        QString why;
        auto pg = test::openPostgres(QStringLiteral("secretscan"), &why);
        if (!pg) {
            if (test::postgresRequired()) QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
        // A password-protected login role in the admin group. (The test server trusts local connections,
        // so the password is not checked, but it travels through every Orgward code path.)
        QVERIFY(
            pg->run(QStringLiteral(
                        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 't_ow_scan') THEN "
                        "CREATE ROLE t_ow_scan LOGIN; END IF; END $$"))
                .ok());
        QVERIFY(pg->run(QStringLiteral("ALTER ROLE t_ow_scan PASSWORD '%1'").arg(kDbPassword)).ok());
        QVERIFY(pg->run(QStringLiteral("GRANT orgward_admin TO t_ow_scan")).ok());
        const DatabaseUrl u = pg->url();
        auto add =
            orgward({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("scanpg"),
                     QStringLiteral("--host"), u.host, QStringLiteral("--port"), QString::number(u.port),
                     QStringLiteral("--database"), u.database, QStringLiteral("--user"),
                     QStringLiteral("t_ow_scan"), QStringLiteral("--sslmode"), QStringLiteral("disable"),
                     QStringLiteral("--vault"), m_home.filePath(QStringLiteral("secrets.vault"))},
                    kDbPassword.toUtf8() + '\n');
        QVERIFY2(add.code == 0, qPrintable(add.err));
        auto role = orgward({QStringLiteral("db"), QStringLiteral("role"), QStringLiteral("--db"),
                             QStringLiteral("profile:scanpg")});
        QVERIFY2(role.code == 0, qPrintable(role.err));
        QCOMPARE(role.out.trimmed(), QStringLiteral("admin"));
        auto sync =
            orgward({QStringLiteral("sync"), QStringLiteral("--org"), QStringLiteral("scan"),
                     QStringLiteral("--api-base"), m_api->baseUrl(), QStringLiteral("--db"),
                     QStringLiteral("profile:scanpg"), QStringLiteral("--rate"), QStringLiteral("1000")},
                    {}, kSyncNeedsEnvKey);
        QVERIFY2(sync.code == 0, qPrintable(sync.err.right(2000)));
        m_pgUrl = u;
        QVERIFY(
            pg->scalar(QStringLiteral("SELECT COUNT(*) FROM openai_users WHERE org_key = 'scan'"))->toInt() >
            0);

        // Every row of every table and read-only view, as JSON text.
        auto rels = pg->exec(QStringLiteral(
            "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
            "c.relnamespace "
            "WHERE n.nspname IN (current_schema(), 'openai_admin_readonly') AND c.relkind IN ('r', 'v')"));
        QVERIFY(rels.ok());
        QStringList names;
        while (rels->next())
            names << rels->value(0).toString();
        QVERIFY(names.size() > 20);
        for (const QString &t : std::as_const(names)) {
            auto rows = pg->exec(QStringLiteral("SELECT row_to_json(t)::text FROM %1 t").arg(t));
            QVERIFY2(rows.ok(), qPrintable(rows.errorMessage()));
            QByteArray all;
            while (rows->next())
                all += rows->value(0).toString().toUtf8() + '\n';
            assertClean(all, t);
        }
    }

    void keychainProfile()
    {
        // The default store is the keychain: it works inside scripts/test's keyring session; elsewhere the
        // command fails with the plain no-keychain choice and writes nothing.
        auto add = orgward({QStringLiteral("org"), QStringLiteral("add"), QStringLiteral("kc"),
                            QStringLiteral("--api-base"), m_api->baseUrl()},
                           kKey.toUtf8() + '\n');
        if (add.code != 0) {
            QVERIFY2(add.err.contains(QLatin1String("No keychain (Secret Service) is available")),
                     qPrintable(add.err));
            QVERIFY(add.err.contains(QLatin1String("--session-only")));
            QCOMPARE(orgward({QStringLiteral("org"), QStringLiteral("test"), QStringLiteral("kc")}).code,
                     1); // no profile saved
            if (qEnvironmentVariableIntValue("ORGWARD_REQUIRE_KEYRING") == 1) QFAIL(qPrintable(add.err));
            QSKIP("no keychain in this environment (scripts/test provides one)");
        }
        auto test = orgward({QStringLiteral("org"), QStringLiteral("test"), QStringLiteral("kc")});
        QVERIFY2(test.code == 0, qPrintable(test.out + test.err));
        QCOMPARE(orgward({QStringLiteral("org"), QStringLiteral("remove"), QStringLiteral("kc")}).code, 0);
    }

    // The console's CSV export of every table it shows, from both databases, into the scanned home.
    void exportEverything()
    {
        QList<QPair<QString, DatabaseUrl>> dbs{
            {QStringLiteral("sqlite"),
             DatabaseUrl::sqlite(m_home.filePath(QStringLiteral("data/orgward.db")))}};
        if (!m_pgUrl.database.isEmpty()) dbs.append({QStringLiteral("postgres"), m_pgUrl});
        int exported = 0;
        for (const auto &[name, url] : dbs) {
            auto db = Database::open(url);
            QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
            Database &d = **db;
            QList<QPair<QString, SqlTableModel *>> models{
                {QStringLiteral("members"), new MembersModel(d)},
                {QStringLiteral("invites"), new InvitesModel(d)},
                {QStringLiteral("projects"), new ProjectsModel(d)},
                {QStringLiteral("keys"), new KeysModel(d)},
                {QStringLiteral("certificates"), new CertificatesModel(d)},
                {QStringLiteral("audit"), new AuditLogModel(d)},
                {QStringLiteral("sync-runs"), new SyncRunsModel(d)},
                {QStringLiteral("cursors"), new CursorsModel(d)}};
            const QString dir = m_home.filePath(QStringLiteral("exports/") + name);
            QVERIFY(QDir().mkpath(dir));
            for (const auto &[table, model] : models) {
                std::unique_ptr<SqlTableModel> owner(model);
                model->setOrgKey(QStringLiteral("scan"));
                QVERIFY2(model->lastError().isEmpty(), qPrintable(model->lastError()));
                const QString path = dir + u'/' + table + QStringLiteral(".csv");
                ExportProgress progress;
                auto r = writeTableCsv(d, model->exportQuery(), path, progress);
                QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
                // Header plus the synced rows (sync runs and cursors included): the export really ran.
                QVERIFY2(QFileInfo(path).size() > 0 && model->totalRows() > 0,
                         qPrintable(name + u'/' + table));
                ++exported;
            }
        }
        QVERIFY(exported >= 8);
    }

    void scanEverything()
    {
        QVERIFY(!m_output.isEmpty());
        assertClean(m_output.toUtf8(), QStringLiteral("captured output"));
        int files = 0;
        bool sawDb = false, sawProfiles = false, sawVault = false, sawExport = false;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            assertClean(f.readAll(), path);
            ++files;
            sawDb |= path.endsWith(QLatin1String("orgward.db"));
            sawProfiles |= path.endsWith(QLatin1String("profiles.ini"));
            sawVault |= path.endsWith(QLatin1String("secrets.vault"));
            sawExport |= path.endsWith(QLatin1String("keys.csv"));
        }
        QVERIFY(sawDb && sawProfiles && sawVault && sawExport);
        QVERIFY(files >= 3);
    }
};

QTEST_GUILESS_MAIN(TestSecretScan)
#include "test_secretscan.moc"
