// The org check is one more ApiClient caller: it sends exactly the headers a sync of the same profile
// sends, is refused the same URLs and redirects, and runs off the caller's thread as an OrgCheckJob.
#include "api/urlpolicy.h"
#include "cli/command.h"
#include "core/sanitizer.h"
#include "fakeapiserver.h"
#include "security/orgcheck.h"
#include "security/secretstore.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace orgward;

namespace {
const QString kKey = QStringLiteral("sk-admin-test");
using Headers = QMap<QByteArray, QByteArray>; // lower-cased name → value

Headers headersOf(const test::ServedRequest &r)
{
    Headers out;
    for (const auto &[k, v] : r.headers)
        out.insert(k.toLower(), v);
    return out;
}

// The distinct header sets of the server's requests [from, end), each as "name: value" lines.
QSet<QString> headerSets(const test::FakeApiServer &s, qsizetype from = 0)
{
    QSet<QString> out;
    for (qsizetype i = from; i < s.requests().size(); ++i) {
        QStringList lines;
        const Headers h = headersOf(s.requests().at(i));
        for (auto it = h.cbegin(); it != h.cend(); ++it)
            lines << QString::fromLatin1(it.key() + ": " + it.value());
        out.insert(lines.join(u'\n'));
    }
    return out;
}

int runCli(cli::Handler handler, const QStringList &args, QString *output)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    cli::Context ctx{args, o, e};
    const int code = handler(ctx);
    o.flush();
    e.flush();
    *output = out + err;
    return code;
}
} // namespace

class TestOrgCheck : public QObject
{
    Q_OBJECT
    std::shared_ptr<const FixtureOrg> m_org;
    QTemporaryDir m_dir;

    OrgProfile profileAt(const QString &base)
    {
        OrgProfile p;
        p.name = QStringLiteral("checked");
        p.orgId = QStringLiteral("org-CHECK42");
        p.userAgentTag = QStringLiteral("check-tag");
        p.apiBase = base;
        p.secretStore = SecretStoreRef::memory();
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        GeneratorOptions o;
        o.users = 5;
        o.keys = 3;
        o.days = 2;
        m_org = std::make_shared<const FixtureOrg>(FixtureOrg::generate(o));
        OrgProfiles::setSettingsPathForTesting(m_dir.filePath(QStringLiteral("profiles.ini")));
        qunsetenv("OPENAI_ADMIN_KEY");
        qunsetenv("ORGWARD_DB");
    }

    void sameHeadersAsTheSync()
    {
        test::FakeApiServer server(m_org, kKey);
        QVERIFY(server.start());
        const OrgProfile p = profileAt(server.baseUrl());
        QVERIFY(OrgProfiles::save(p).ok());
        QVERIFY(writeAdminKey(p, kKey).ok());

        QString out;
        QCOMPARE(runCli(&cli::cmdOrg, {QStringLiteral("orgward org"), QStringLiteral("test"), p.name}, &out),
                 int(cli::ExitOk));
        QVERIFY2(out.contains(QLatin1String("ok      members")), qPrintable(out));
        const int checkRequests = int(server.requests().size());
        QCOMPARE(checkRequests, 2);
        const QSet<QString> checkHeaders = headerSets(server);
        QCOMPARE(checkHeaders.size(), 1); // both probes alike

        const QString db = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("sync.db"));
        const int code =
            runCli(&cli::cmdSync,
                   {QStringLiteral("orgward sync"), QStringLiteral("--org"), p.name, QStringLiteral("--db"),
                    db, QStringLiteral("--endpoints"), QStringLiteral("users,projects")},
                   &out);
        QVERIFY2(code == cli::ExitOk, qPrintable(out));
        QVERIFY(server.requests().size() > checkRequests);
        QCOMPARE(headerSets(server, checkRequests), checkHeaders);
        const Headers h = headersOf(server.requests().constFirst());
        QCOMPARE(h.value("authorization"), "Bearer " + kKey.toUtf8());
        QCOMPARE(h.value("openai-organization"), QByteArray("org-CHECK42"));
        QVERIFY(h.value("user-agent").endsWith(" check-tag"));
    }

    void refusedBaseSendsNothing_data()
    {
        QTest::addColumn<QString>("base"); // %1: the listener's port
        QTest::addColumn<QString>("says");
        QTest::newRow("userinfo") << QStringLiteral("http://localhost@127.0.0.1:%1/v1")
                                  << QStringLiteral("request would go to 127.0.0.1");
        QTest::newRow("fragment") << QStringLiteral("http://127.0.0.1:%1/v1#x") << QStringLiteral("fragment");
        QTest::newRow("dot-segment") << QStringLiteral("http://127.0.0.1:%1/v1/..")
                                     << QStringLiteral("not a plain path");
    }

    void refusedBaseSendsNothing()
    {
        // A profile written by hand (save() would refuse it) never gets the key sent.
        QFETCH(QString, base);
        QFETCH(QString, says);
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        int connections = 0;
        connect(&listener, &QTcpServer::newConnection, this, [&connections] { ++connections; });
        const auto r = checkOrganization(profileAt(base.arg(listener.serverPort())), kKey);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::Security);
        QVERIFY2(r.errorMessage().contains(says), qPrintable(r.errorMessage()));
        QTest::qWait(100);
        QCOMPARE(connections, 0);
    }

    void redirectToAnotherHostRefused()
    {
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost));
        QByteArray seen;
        connect(&other, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = other.nextPendingConnection())
                connect(s, &QTcpSocket::readyRead, s, [s, &seen] { seen += s->readAll(); });
        });
        test::FakeApiServer server(m_org, kKey);
        QVERIFY(server.start());
        test::Fault f;
        f.kind = test::Fault::Redirect;
        f.redirectTo = QStringLiteral("http://127.0.0.1:%1/v1/organization/users").arg(other.serverPort());
        server.addFault(f);
        const auto r = checkOrganization(profileAt(server.baseUrl()), kKey);
        QVERIFY(!r.ok());
        QVERIFY2(r.errorMessage().contains(QLatin1String("redirected to another host")),
                 qPrintable(r.errorMessage()));
        QVERIFY2(r.errorMessage().contains(QLatin1String("refusing to send the admin key there")),
                 qPrintable(r.errorMessage()));
        QTest::qWait(200);
        QVERIFY2(seen.isEmpty(), seen.constData());
    }

    void missingScopeExplained()
    {
        test::FakeApiServer server(m_org, kKey);
        QVERIFY(server.start());
        test::Fault f;
        f.kind = test::Fault::Forbidden;
        f.pathContains = QStringLiteral("/organization/costs");
        server.addFault(f);
        const auto r = checkOrganization(profileAt(server.baseUrl()), kKey);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(r->lines.size(), 2);
        QVERIFY(r->lines.at(0).ok);
        QVERIFY(!r->lines.at(1).ok);
        QVERIFY2(r->lines.at(1).detail.contains(QLatin1String("api.usage.read")),
                 qPrintable(r->lines.at(1).detail));
        QVERIFY(!r->allOk());
    }

    void jobRunsOffTheCallersThread()
    {
        test::FakeApiServer server(m_org, kKey);
        QVERIFY(server.start());
        OrgCheckJob job;
        std::optional<Result<OrgCheck>> got;
        connect(&job, &OrgCheckJob::finished, this, [&got](const Result<OrgCheck> &r) { got = r; });
        QVERIFY(job.start(profileAt(server.baseUrl()), kKey));
        // This thread serves the fake API and receives the result: neither can happen inside start().
        QCOMPARE(server.requestCount(), 0);
        QVERIFY(!got);
        QVERIFY(!job.start(profileAt(server.baseUrl()), kKey)); // one at a time
        QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 20000);
        QVERIFY2(got->ok(), qPrintable(got->errorMessage()));
        QVERIFY((*got)->allOk());
        QCOMPARE(server.requestCount(), 2);
    }

    void jobCancelledPromptly()
    {
        test::FakeApiServer server(m_org, kKey);
        QVERIFY(server.start());
        server.setHoldFrom(1); // never answers
        Result<OrgCheck> got = err(Error::Code::Generic, QString());
        int results = 0;
        {
            OrgCheckJob job;
            connect(&job, &OrgCheckJob::finished, this, [&](const Result<OrgCheck> &r) {
                got = r;
                ++results;
            });
            QVERIFY(job.start(profileAt(server.baseUrl()), kKey));
            QTRY_COMPARE(server.requestCount(), 1); // the request is out, held by the server
            job.cancel();
            QTRY_COMPARE_WITH_TIMEOUT(results, 1, 5000); // well before the 20 s request timeout
            QCOMPARE(got.error().code, Error::Code::Cancelled);
            QVERIFY(!job.isRunning());
        }
        // A job destroyed mid-check: cancelled and joined by its destructor, no result delivered later.
        QElapsedTimer t;
        t.start();
        {
            OrgCheckJob job;
            connect(&job, &OrgCheckJob::finished, this, [&] { ++results; });
            QVERIFY(job.start(profileAt(server.baseUrl()), kKey));
            QTRY_COMPARE(server.requestCount(), 2);
        }
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QTest::qWait(100);
        QCOMPARE(results, 1);
    }
};

QTEST_MAIN(TestOrgCheck)
#include "test_orgcheck.moc"
