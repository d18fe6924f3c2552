// The local Admin API server: paging through the contract returns exactly the org's objects, bucket
// pages cover the requested range, archived projects answer 400, auth is checked, faults fire.
#include "api/apiclient.h"
#include "fakeapiserver.h"
#include "sync/syncplan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QtTest>

using namespace orgward;

class TestFakeApi : public QObject
{
    Q_OBJECT
    std::shared_ptr<const FixtureOrg> m_org;

    QJsonObject get(test::FakeApiServer &s, ApiClient &c, const QString &path, const QUrlQuery &q,
                    int *status = nullptr)
    {
        const ApiReply r = c.fetch(path, q);
        if (status) *status = r.status;
        return QJsonDocument::fromJson(r.ok ? r.body : r.body).object();
        Q_UNUSED(s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        GeneratorOptions o;
        m_org = std::make_shared<const FixtureOrg>(FixtureOrg::generate(o));
    }

    void plainHttpOnlyToLoopback()
    {
        QVERIFY(ApiClient::checkBaseUrl(QStringLiteral("https://api.openai.com/v1")));
        QVERIFY(ApiClient::checkBaseUrl(QStringLiteral("http://127.0.0.1:8080/v1")));
        QVERIFY(ApiClient::checkBaseUrl(QStringLiteral("http://localhost:8080/v1")));
        QVERIFY(ApiClient::checkBaseUrl(QStringLiteral("http://[::1]:8080/v1")));
        const auto remote = ApiClient::checkBaseUrl(QStringLiteral("http://api.example.com/v1"));
        QVERIFY(!remote);
        QCOMPARE(remote.error().code, Error::Code::Security);
        QVERIFY(!ApiClient::checkBaseUrl(QStringLiteral("ftp://api.example.com/v1")));
        ApiOptions o;
        o.userAgentTag = QStringLiteral("ci-nightly");
        QVERIFY(ApiClient(o).userAgent().startsWith(QLatin1String("orgward/")));
        QVERIFY(ApiClient(o).userAgent().endsWith(QLatin1String(" ci-nightly")));
        QCOMPARE(ApiClient(o).urlFor(QStringLiteral("/organization/users"), {}).toString(),
                 QStringLiteral("https://api.openai.com/v1/organization/users"));
    }

    void missingScopeInPlainWords()
    {
        const QByteArray body =
            R"({"error":{"message":"You have insufficient permissions. Missing scopes: api.usage.read.","type":"invalid_request_error","param":null,"code":null}})";
        const Error e = ApiClient::authError(403, body, QStringLiteral("/organization/costs"));
        QCOMPARE(e.code, Error::Code::Auth);
        QVERIFY2(e.message.contains(QLatin1String("this key lacks api.usage.read")), qPrintable(e.message));
        QVERIFY(
            ApiClient::authError(401, "{}", QStringLiteral("/x")).message.contains(QLatin1String("refused")));
    }

    void listPagingCoversEveryObjectOnce()
    {
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        ApiOptions ao;
        ao.baseUrl = server.baseUrl();
        ao.adminKey = QStringLiteral("sk-admin-test");
        ao.requestsPerSecond = 1000;
        ApiClient client(ao);
        EndpointRef ref;
        ref.kind = EndpointKind::AuditLogs;
        QStringList got;
        QString after;
        for (int guard = 0; guard < 1000; ++guard) {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("limit"), QStringLiteral("7"));
            if (!after.isEmpty()) q.addQueryItem(QStringLiteral("after"), after);
            int status = 0;
            const QJsonObject page = get(server, client, ref.path(), q, &status);
            QCOMPARE(status, 200);
            const QJsonArray data = page.value(QLatin1String("data")).toArray();
            for (const QJsonValue &v : data)
                got << v.toObject().value(QLatin1String("id")).toString();
            if (!page.value(QLatin1String("has_more")).toBool()) break;
            after = data.last().toObject().value(QLatin1String("id")).toString();
        }
        QStringList want;
        for (const QJsonObject &o : m_org->listObjects(ref))
            want << o.value(QLatin1String("id")).toString();
        QVERIFY(want.size() > 7);
        QCOMPARE(got, want); // after=<last id> pages towards older events, newest first, no overlap
    }

    void auditLogBeforePagesTowardsNewerEvents()
    {
        // The spec's `before`: the page that precedes an id in list order. Walking back from the oldest
        // event with before=<first id of the previous page> also covers everything once, in reverse page
        // order. Elastic's reading (before=<last id> for the next older page) instead returns the newer
        // events of the page already read: the overlap that made Orgward use `after`.
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        ApiOptions ao;
        ao.baseUrl = server.baseUrl();
        ao.adminKey = QStringLiteral("sk-admin-test");
        ao.requestsPerSecond = 1000;
        ao.maxAttempts = 1;
        ApiClient client(ao);
        EndpointRef ref;
        ref.kind = EndpointKind::AuditLogs;
        QStringList want;
        for (const QJsonObject &o : m_org->listObjects(ref))
            want << o.value(QLatin1String("id")).toString();
        QVERIFY(want.size() > 14);
        auto ids = [](const QJsonObject &page) {
            QStringList out;
            for (const QJsonValue &v : page.value(QLatin1String("data")).toArray())
                out << v.toObject().value(QLatin1String("id")).toString();
            return out;
        };
        auto query = [](const QString &cursorName, const QString &cursor) {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("limit"), QStringLiteral("7"));
            q.addQueryItem(cursorName, cursor);
            return q;
        };

        QStringList got{want.last()};
        QString before = want.last();
        int pages = 0;
        for (int guard = 0; guard < 1000; ++guard) {
            int status = 0;
            const QJsonObject page =
                get(server, client, ref.path(), query(QStringLiteral("before"), before), &status);
            QCOMPARE(status, 200);
            const QStringList data = ids(page);
            QVERIFY(!data.isEmpty());
            QVERIFY(data.size() <= 7);
            ++pages;
            got = data + got;
            if (!page.value(QLatin1String("has_more")).toBool()) break;
            before = data.first();
        }
        QCOMPARE(got, want);
        QVERIFY(pages > 1);

        // before=<last id of the first page>: the rest of the first page again, not older events.
        int status = 0;
        const QStringList first = want.mid(0, 7);
        const QJsonObject overlap =
            get(server, client, ref.path(), query(QStringLiteral("before"), first.last()), &status);
        QCOMPARE(status, 200);
        QCOMPARE(ids(overlap), first.mid(0, 6));
        QCOMPARE(overlap.value(QLatin1String("has_more")).toBool(), false);

        QUrlQuery both = query(QStringLiteral("after"), want.first());
        both.addQueryItem(QStringLiteral("before"), want.last());
        (void)get(server, client, ref.path(), both, &status);
        QCOMPARE(status, 400);
        (void)get(server, client, QStringLiteral("/organization/users"),
                  query(QStringLiteral("before"), QStringLiteral("user_x")), &status);
        QCOMPARE(status, 400); // users offer no `before`
    }

    void archivedProjectsAnswer400AndAuthIsChecked()
    {
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        ApiOptions ao;
        ao.baseUrl = server.baseUrl();
        ao.adminKey = QStringLiteral("sk-admin-test");
        ao.requestsPerSecond = 1000;
        ApiClient client(ao);
        EndpointRef projects;
        projects.kind = EndpointKind::Projects;
        int status = 0;
        const QJsonObject all = get(server, client, projects.path(), listQuery(projects, 100), &status);
        QCOMPARE(status, 200);
        QString archived;
        for (const QJsonValue &v : all.value(QLatin1String("data")).toArray())
            if (v.toObject().value(QLatin1String("status")).toString() == u"archived")
                archived = v.toObject().value(QLatin1String("id")).toString();
        QVERIFY2(!archived.isEmpty(), "the fixture org has an archived project");
        EndpointRef users;
        users.kind = EndpointKind::ProjectUsers;
        users.projectId = archived;
        get(server, client, users.path(), listQuery(users, 20), &status);
        QCOMPARE(status, 400);

        ao.adminKey = QStringLiteral("sk-admin-wrong");
        ApiClient bad(ao);
        const ApiReply r = bad.fetch(projects.path(), listQuery(projects, 20));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.error.code, Error::Code::Auth);
        QCOMPARE(r.attempts, 1); // never retried
    }

    void bucketPagesSpanTheRange()
    {
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        EndpointRef ref;
        ref.kind = EndpointKind::Costs;
        ref.groupBy = {QStringLiteral("project_id")};
        const qint64 start = alignDay(m_org->capturedAt()) - 40 * 86400;
        const qint64 end = alignDay(m_org->capturedAt());
        QUrlQuery q = bucketQuery(ref, start, end, 7);
        int buckets = 0;
        qint64 expectStart = start;
        for (int guard = 0; guard < 100; ++guard) {
            int status = 0;
            const QJsonObject page = QJsonDocument::fromJson(server.respond(ref.path(), q, &status)).object();
            QCOMPARE(status, 200);
            for (const QJsonValue &b : page.value(QLatin1String("data")).toArray()) {
                QCOMPARE(qint64(b.toObject().value(QLatin1String("start_time")).toDouble()), expectStart);
                expectStart += 86400;
                ++buckets;
            }
            if (!page.value(QLatin1String("has_more")).toBool()) break;
            q = bucketQuery(ref, start, end, 7);
            q.addQueryItem(QStringLiteral("page"), page.value(QLatin1String("next_page")).toString());
        }
        QCOMPARE(buckets, 40);
    }
};

QTEST_GUILESS_MAIN(TestFakeApi)
#include "test_fakeapi.moc"
