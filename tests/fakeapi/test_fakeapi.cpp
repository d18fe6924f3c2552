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

namespace {
EndpointRef refOf(EndpointKind k, const QString &project = {}, const QString &group = {},
                  const QString &user = {})
{
    EndpointRef r;
    r.kind = k;
    r.projectId = project;
    r.groupId = group;
    r.userId = user;
    return r;
}

// The properties each schema of openai-openapi.yaml lists as required (GroupResponse, GroupUser,
// AssignedRoleDetails, Role, ProjectGroup, ProjectModelPermissions, ProjectHostedToolPermissions,
// *DataRetention, *SpendAlert, *SpendLimitResource).
QList<const char *> required(EndpointKind k)
{
    switch (k) {
    case EndpointKind::Groups:
        return {"id", "name", "created_at", "is_scim_managed", "group_type"};
    case EndpointKind::GroupUsers:
        return {"id", "name", "email"};
    case EndpointKind::GroupRoles:
    case EndpointKind::UserRoles:
        return {"id",
                "name",
                "permissions",
                "resource_type",
                "predefined_role",
                "description",
                "created_at",
                "updated_at",
                "created_by",
                "created_by_user_obj",
                "metadata",
                "assignment_sources"};
    case EndpointKind::Roles:
        return {"object", "id", "name", "description", "permissions", "resource_type", "predefined_role"};
    case EndpointKind::ProjectGroups:
        return {"object", "project_id", "group_id", "group_name", "group_type", "created_at"};
    case EndpointKind::ProjectModelPermissions:
        return {"object", "mode", "model_ids"};
    case EndpointKind::ProjectHostedToolPermissions:
        return {"file_search", "web_search", "image_generation", "mcp", "code_interpreter"};
    case EndpointKind::DataRetention:
        return {"object", "type"};
    case EndpointKind::SpendAlerts:
        return {"id", "object", "threshold_amount", "currency", "interval", "notification_channel"};
    case EndpointKind::SpendLimit:
        return {"object", "threshold_amount", "currency", "interval", "enforcement"};
    default:
        return {};
    }
}

QString missingRequired(EndpointKind k, const QJsonObject &o)
{
    for (const char *key : required(k))
        if (!o.contains(QLatin1String(key))) return QLatin1String(key);
    return {};
}

QStringList keysOf(const QList<QJsonObject> &l, const char *key)
{
    QStringList out;
    for (const QJsonObject &o : l)
        out << o.value(QLatin1String(key)).toString();
    return out;
}
} // namespace

class TestFakeApi : public QObject
{
    Q_OBJECT
    std::shared_ptr<const FixtureOrg> m_org;

    QJsonObject answer(const test::FakeApiServer &s, const EndpointRef &ref, const QUrlQuery &q, int *status)
    {
        return QJsonDocument::fromJson(s.respond(QStringLiteral("/v1") + ref.path(), q, status)).object();
    }

    // Walks a `next` list with `limit` per page: every object once, in the org's order, with the spec's
    // envelope (object, data, has_more, next; next = the last element's id while has_more, else null).
    QStringList walkNext(const test::FakeApiServer &s, const EndpointRef &ref, int limit, int *pages)
    {
        const char *idKey = ref.kind == EndpointKind::ProjectGroups ? "group_id" : "id";
        QStringList got;
        QString after;
        *pages = 0;
        for (int guard = 0; guard < 200; ++guard) {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
            if (!after.isEmpty()) q.addQueryItem(QStringLiteral("after"), after);
            int status = 0;
            const QJsonObject page = answer(s, ref, q, &status);
            if (status != 200) return {QStringLiteral("status %1").arg(status)};
            ++*pages;
            QStringList keys = page.keys();
            if (keys != QStringList{QStringLiteral("data"), QStringLiteral("has_more"),
                                    QStringLiteral("next"), QStringLiteral("object")})
                return {QStringLiteral("envelope ") + keys.join(u',')};
            const QJsonArray data = page.value(QLatin1String("data")).toArray();
            if (data.size() > limit) return {QStringLiteral("page over limit")};
            for (const QJsonValue &v : data) {
                const QString missing = missingRequired(ref.kind, v.toObject());
                if (!missing.isEmpty()) return {QStringLiteral("missing ") + missing};
                got << v.toObject().value(QLatin1String(idKey)).toString();
            }
            const bool more = page.value(QLatin1String("has_more")).toBool();
            const QJsonValue next = page.value(QLatin1String("next"));
            if (!more) {
                if (!next.isNull()) return {QStringLiteral("next on the last page")};
                return got;
            }
            if (next.toString() != data.last().toObject().value(QLatin1String(idKey)).toString())
                return {QStringLiteral("next is not the last element's id")};
            after = next.toString();
        }
        return {QStringLiteral("no end")};
    }

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

    void rbacListsPageByNext()
    {
        test::FakeApiServer server(m_org);
        const QList<QJsonObject> groups = m_org->listObjects(refOf(EndpointKind::Groups));
        QVERIFY(groups.size() >= 4);
        // The largest group, a group with roles, a user with several roles, a project with several groups.
        QString bigGroup, roleGroup, busyUser, busyProject;
        qsizetype most = 0;
        for (const QJsonObject &g : groups) {
            const QString id = g.value(QLatin1String("id")).toString();
            const qsizetype n = m_org->listObjects(refOf(EndpointKind::GroupUsers, {}, id)).size();
            if (n > most) {
                most = n;
                bigGroup = id;
            }
            if (m_org->listObjects(refOf(EndpointKind::GroupRoles, {}, id)).size() >= 2) roleGroup = id;
        }
        for (const QJsonObject &u : m_org->listObjects(refOf(EndpointKind::Users)))
            if (m_org
                    ->listObjects(
                        refOf(EndpointKind::UserRoles, {}, {}, u.value(QLatin1String("id")).toString()))
                    .size() >= 2)
                busyUser = u.value(QLatin1String("id")).toString();
        for (const QJsonObject &p : m_org->listObjects(refOf(EndpointKind::Projects)))
            if (m_org
                    ->listObjects(refOf(EndpointKind::ProjectGroups, p.value(QLatin1String("id")).toString()))
                    .size() >= 2)
                busyProject = p.value(QLatin1String("id")).toString();
        QVERIFY(most > 5 && !roleGroup.isEmpty() && !busyUser.isEmpty() && !busyProject.isEmpty());
        const QList<EndpointRef> refs{refOf(EndpointKind::Groups),
                                      refOf(EndpointKind::GroupUsers, {}, bigGroup),
                                      refOf(EndpointKind::GroupRoles, {}, roleGroup),
                                      refOf(EndpointKind::Roles),
                                      refOf(EndpointKind::UserRoles, {}, {}, busyUser),
                                      refOf(EndpointKind::ProjectGroups, busyProject)};
        for (const EndpointRef &ref : refs) {
            const QStringList want =
                keysOf(m_org->listObjects(ref), ref.kind == EndpointKind::ProjectGroups ? "group_id" : "id");
            QVERIFY2(want.size() >= 2, qPrintable(ref.path()));
            for (int limit : {1, 2, 1000}) {
                int pages = 0;
                QCOMPARE(walkNext(server, ref, limit, &pages), want);
                QCOMPARE(pages, int((want.size() + limit - 1) / limit));
            }
        }
        // The spec's limits: up to 1,000; `before` is not a parameter of these lists; an unknown cursor.
        int status = 0;
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("1001"));
        answer(server, refOf(EndpointKind::Roles), q, &status);
        QCOMPARE(status, 400);
        q = QUrlQuery();
        q.addQueryItem(
            QStringLiteral("before"),
            m_org->listObjects(refOf(EndpointKind::Roles)).last().value(QLatin1String("id")).toString());
        answer(server, refOf(EndpointKind::Roles), q, &status);
        QCOMPARE(status, 400);
        q = QUrlQuery();
        q.addQueryItem(QStringLiteral("after"), QStringLiteral("role_nope"));
        answer(server, refOf(EndpointKind::Roles), q, &status);
        QCOMPARE(status, 400);
        // Unknown (or removed) group and user ids: 404.
        answer(server, refOf(EndpointKind::GroupUsers, {}, QStringLiteral("group_nope")), {}, &status);
        QCOMPARE(status, 404);
        answer(server, refOf(EndpointKind::GroupRoles, {}, QStringLiteral("group_nope")), {}, &status);
        QCOMPARE(status, 404);
        const QJsonObject e =
            answer(server, refOf(EndpointKind::UserRoles, {}, {}, QStringLiteral("user-nope")), {}, &status);
        QCOMPARE(status, 404);
        QVERIFY(e.value(QLatin1String("error")).toObject().value(QLatin1String("message")).isString());
    }

    void spendAlertListsCarryFirstAndLastIds()
    {
        test::FakeApiServer server(m_org);
        const EndpointRef ref = refOf(EndpointKind::SpendAlerts);
        const QStringList want = keysOf(m_org->listObjects(ref), "id");
        QVERIFY(want.size() >= 2);
        QStringList got;
        QString after;
        for (int guard = 0; guard < 10; ++guard) {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("limit"), QStringLiteral("2"));
            if (!after.isEmpty()) q.addQueryItem(QStringLiteral("after"), after);
            int status = 0;
            const QJsonObject page = answer(server, ref, q, &status);
            QCOMPARE(status, 200);
            for (const char *key : {"object", "data", "first_id", "last_id", "has_more"})
                QVERIFY2(page.contains(QLatin1String(key)), key);
            const QJsonArray data = page.value(QLatin1String("data")).toArray();
            QCOMPARE(page.value(QLatin1String("first_id")),
                     data.first().toObject().value(QLatin1String("id")));
            QCOMPARE(page.value(QLatin1String("last_id")), data.last().toObject().value(QLatin1String("id")));
            for (const QJsonValue &v : data) {
                QCOMPARE(missingRequired(ref.kind, v.toObject()), QString());
                QCOMPARE(v.toObject().value(QLatin1String("object")).toString(),
                         QStringLiteral("organization.spend_alert"));
                got << v.toObject().value(QLatin1String("id")).toString();
            }
            if (!page.value(QLatin1String("has_more")).toBool()) break;
            after = data.last().toObject().value(QLatin1String("id")).toString();
        }
        QCOMPARE(got, want);
        // A project's alerts: project.spend_alert objects.
        for (const QJsonObject &p : m_org->listObjects(refOf(EndpointKind::Projects))) {
            const QString pid = p.value(QLatin1String("id")).toString();
            if (m_org->isArchivedProject(pid)) continue;
            int status = 0;
            const QJsonObject page = answer(server, refOf(EndpointKind::SpendAlerts, pid), {}, &status);
            QCOMPARE(status, 200);
            for (const QJsonValue &v : page.value(QLatin1String("data")).toArray())
                QCOMPARE(v.toObject().value(QLatin1String("object")).toString(),
                         QStringLiteral("project.spend_alert"));
        }
    }

    void singleObjectsAreTheWholeBody()
    {
        test::FakeApiServer server(m_org);
        int status = 0;
        const QJsonObject retention = answer(server, refOf(EndpointKind::DataRetention), {}, &status);
        QCOMPARE(status, 200);
        QCOMPARE(retention, m_org->listObjects(refOf(EndpointKind::DataRetention)).first());
        QCOMPARE(retention.value(QLatin1String("object")).toString(),
                 QStringLiteral("organization.data_retention"));
        const QJsonObject limit = answer(server, refOf(EndpointKind::SpendLimit), {}, &status);
        QCOMPARE(status, 200);
        QCOMPARE(missingRequired(EndpointKind::SpendLimit, limit), QString());
        QCOMPARE(limit.value(QLatin1String("object")).toString(), QStringLiteral("organization.spend_limit"));

        QString withLimit, withoutLimit, archived;
        for (const QJsonObject &p : m_org->listObjects(refOf(EndpointKind::Projects))) {
            const QString pid = p.value(QLatin1String("id")).toString();
            if (m_org->isArchivedProject(pid)) {
                archived = pid;
                continue;
            }
            for (EndpointKind k : {EndpointKind::ProjectModelPermissions,
                                   EndpointKind::ProjectHostedToolPermissions, EndpointKind::DataRetention}) {
                const QJsonObject o = answer(server, refOf(k, pid), {}, &status);
                QCOMPARE(status, 200);
                QVERIFY2(!o.contains(QLatin1String("data")), "the object itself, not a list");
                QCOMPARE(missingRequired(k, o), QString());
                QCOMPARE(o, m_org->listObjects(refOf(k, pid)).first());
            }
            const QJsonObject l = answer(server, refOf(EndpointKind::SpendLimit, pid), {}, &status);
            if (status == 200) {
                withLimit = pid;
                QCOMPARE(missingRequired(EndpointKind::SpendLimit, l), QString());
                QCOMPARE(l.value(QLatin1String("object")).toString(), QStringLiteral("project.spend_limit"));
            } else {
                // No spend limit configured: 404 with the API's error body.
                QCOMPARE(status, 404);
                withoutLimit = pid;
                const QJsonObject e = l.value(QLatin1String("error")).toObject();
                QVERIFY(e.value(QLatin1String("message")).toString().contains(pid));
                QCOMPARE(e.value(QLatin1String("type")).toString(), QStringLiteral("invalid_request_error"));
                QVERIFY(m_org->listObjects(refOf(EndpointKind::SpendLimit, pid)).isEmpty());
            }
        }
        QVERIFY(!withLimit.isEmpty() && !withoutLimit.isEmpty() && !archived.isEmpty());
        // An archived project's sub-resources: 400, as its members.
        for (EndpointKind k : {EndpointKind::ProjectGroups, EndpointKind::ProjectModelPermissions,
                               EndpointKind::ProjectHostedToolPermissions, EndpointKind::DataRetention,
                               EndpointKind::SpendAlerts, EndpointKind::SpendLimit}) {
            answer(server, refOf(k, archived), {}, &status);
            QCOMPARE(status, 400);
            answer(server, refOf(k, QStringLiteral("proj_nope")), {}, &status);
            QCOMPARE(status, 404);
        }
    }

    void unavailableEndpointsAnswer404()
    {
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        ApiOptions ao;
        ao.baseUrl = server.baseUrl();
        ao.adminKey = QStringLiteral("sk-admin-test");
        ao.requestsPerSecond = 1000;
        ao.maxAttempts = 1;
        ApiClient client(ao);
        const QString group =
            m_org->listObjects(refOf(EndpointKind::Groups)).first().value(QLatin1String("id")).toString();
        const EndpointRef groups = refOf(EndpointKind::Groups),
                          members = refOf(EndpointKind::GroupUsers, {}, group),
                          roles = refOf(EndpointKind::Roles), limit = refOf(EndpointKind::SpendLimit);
        QCOMPARE(client.fetch(groups.path(), {}).status, 200);
        server.setUnavailable({QStringLiteral("/organization/groups")});
        for (int i = 0; i < 3; ++i) { // every time, not once
            const ApiReply r = client.fetch(groups.path(), {});
            QCOMPARE(r.status, 404);
            QVERIFY(!r.ok);
            QCOMPARE(client.fetch(members.path(), {}).status, 404);
        }
        QCOMPARE(client.fetch(roles.path(), {}).status, 200);
        int status = 0;
        const QJsonObject e = answer(server, groups, {}, &status);
        QCOMPARE(status, 404);
        QVERIFY(e.value(QLatin1String("error"))
                    .toObject()
                    .value(QLatin1String("message"))
                    .toString()
                    .startsWith(QLatin1String("Invalid URL (GET /v1/organization/groups")));
        server.setUnavailable({});
        QCOMPARE(client.fetch(groups.path(), {}).status, 200);

        // By kind: only that endpoint, whatever its path shares with others.
        server.setUnavailableKinds({EndpointKind::GroupUsers});
        QCOMPARE(client.fetch(members.path(), {}).status, 404);
        QCOMPARE(client.fetch(groups.path(), {}).status, 200);
        server.setUnavailableKinds({});

        // As a fault: NotFound with times -1 hits every matching request; parseFault reads "404".
        test::Fault f;
        QVERIFY(test::parseFault(QStringLiteral("404:/spend_limit:-1"), &f));
        QCOMPARE(f.kind, test::Fault::NotFound);
        QCOMPARE(f.times, -1);
        server.addFault(f);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(client.fetch(limit.path(), {}).status, 404);
        QCOMPARE(client.fetch(roles.path(), {}).status, 200);
        server.clearFaults();
        QCOMPARE(client.fetch(limit.path(), {}).status, 200);
    }

    void revisionOneIsServed()
    {
        GeneratorOptions o;
        o.revision = 1;
        auto next = std::make_shared<const FixtureOrg>(FixtureOrg::generate(o));
        test::FakeApiServer before(m_org), after(next);
        int status = 0;
        int changedGroups = 0, changedUsers = 0;
        for (const QJsonObject &g : m_org->listObjects(refOf(EndpointKind::Groups))) {
            const EndpointRef r =
                refOf(EndpointKind::GroupUsers, {}, g.value(QLatin1String("id")).toString());
            changedGroups += answer(before, r, {}, &status) != answer(after, r, {}, &status);
        }
        QVERIFY(changedGroups >= 1);
        for (const QJsonObject &u : m_org->listObjects(refOf(EndpointKind::Users))) {
            const EndpointRef r =
                refOf(EndpointKind::UserRoles, {}, {}, u.value(QLatin1String("id")).toString());
            const QJsonObject b = answer(before, r, {}, &status);
            const QJsonObject a = answer(after, r, {}, &status);
            if (status == 404) continue; // removed from the org a week later
            changedUsers += a != b;
        }
        QVERIFY(changedUsers >= 1);
        const EndpointRef alerts = refOf(EndpointKind::SpendAlerts);
        const QJsonObject b = answer(before, alerts, {}, &status);
        const QJsonObject a = answer(after, alerts, {}, &status);
        QCOMPARE(keysOf({b}, "first_id"), keysOf({a}, "first_id"));
        QVERIFY(a != b); // a threshold moved
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
