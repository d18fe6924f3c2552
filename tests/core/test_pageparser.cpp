// Every object parser against the contract, including its pitfalls, and every malformed-input case.
#include "domain/pageparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace orgward;

namespace {
EndpointRef ref(const QString &path, const QString &query = {})
{
    auto r = EndpointRef::fromRequest(path, QUrlQuery(query));
    if (!r) qFatal("%s", qPrintable(r.errorMessage()));
    return *r;
}
QByteArray list(const QByteArray &items, bool hasMore = false)
{
    return "{\"object\":\"list\",\"data\":[" + items +
           "],\"first_id\":null,\"last_id\":null,\"has_more\":" + (hasMore ? "true" : "false") + "}";
}
QVariant col(const Row &row, EndpointKind kind, const char *name)
{
    const TableSpec &t = tableSpec(kind);
    const int i = t.indexOf(QString::fromLatin1(name));
    if (i < 0) qFatal("no column %s", name);
    return row.values[i];
}
ParsedPage parseOk(const EndpointRef &r, const QByteArray &body)
{
    auto p = parsePage(r, body, 1795132800);
    if (!p) qFatal("unexpected parse error: %s", qPrintable(p.errorMessage()));
    return *p;
}
QString parseErr(const EndpointRef &r, const QByteArray &body)
{
    auto p = parsePage(r, body, 1795132800);
    return p ? QString() : p.errorMessage();
}
} // namespace

class TestPageParser : public QObject
{
    Q_OBJECT
private slots:
    void endpointRefs()
    {
        auto a = EndpointRef::fromRequest(
            QStringLiteral("/v1/organization/usage/completions"),
            QUrlQuery(QStringLiteral("start_time=1&group_by%5B%5D=model&group_by%5B%5D=project_id")));
        QVERIFY(a);
        QCOMPARE(a->groupBy, (QStringList{QStringLiteral("model"), QStringLiteral("project_id")}));
        QCOMPARE(a->cursorKey(), QStringLiteral("usage/completions[1d;model,project_id]"));
        auto comma = EndpointRef::fromRequest(QStringLiteral("/organization/usage/completions"),
                                              QUrlQuery(QStringLiteral("group_by=project_id,model")));
        QVERIFY(comma);
        QCOMPARE(comma->groupBy, a->groupBy);
        auto repeated =
            EndpointRef::fromRequest(QStringLiteral("/organization/usage/completions"),
                                     QUrlQuery(QStringLiteral("group_by=model&group_by=project_id")));
        QCOMPARE(repeated->groupBy, a->groupBy);
        auto sub = EndpointRef::fromRequest(QStringLiteral("/v1/organization/projects/proj_1/api_keys"),
                                            QUrlQuery());
        QVERIFY(sub);
        QCOMPARE(sub->kind, EndpointKind::ProjectApiKeys);
        QCOMPARE(sub->projectId, QStringLiteral("proj_1"));
        QCOMPARE(sub->cursorKey(), QStringLiteral("projects/proj_1/api_keys"));
        auto bad = EndpointRef::fromRequest(QStringLiteral("/organization/usage/vector_stores"),
                                            QUrlQuery(QStringLiteral("group_by=model")));
        QVERIFY(!bad);
        QVERIFY2(bad.errorMessage().contains(QLatin1String("group_by 'model' is not valid")),
                 qPrintable(bad.errorMessage()));
        QVERIFY(!EndpointRef::fromRequest(QStringLiteral("/organization/usage/teleport"), QUrlQuery()));
        QVERIFY(!EndpointRef::fromRequest(QStringLiteral("/organization/costs"),
                                          QUrlQuery(QStringLiteral("bucket_width=1w"))));
        QVERIFY(!EndpointRef::fromRequest(QStringLiteral("/organization/widgets"), QUrlQuery()));
    }

    void users()
    {
        const auto r = ref(QStringLiteral("/organization/users"));
        const auto p = parseOk(
            r,
            list(
                R"({"object":"organization.user","id":"user-AbC123","name":"Ada","email":"ada@example.com","role":"member","added_at":1711471533,"is_scim_managed":true,"future_field":{"x":1}},
            {"object":"organization.user","id":"user-2","name":null,"email":null,"role":null,"added_at":1711471534,"api_key_last_used_at":null})",
                true));
        QCOMPARE(p.rows.size(), 2);
        QVERIFY(p.hasMore);
        QCOMPARE(p.nextCursor, QStringLiteral("user-2")); // id of the last element, not last_id
        QCOMPARE(col(p.rows[0], EndpointKind::Users, "role").toString(),
                 QStringLiteral("member")); // any role string
        QCOMPARE(col(p.rows[0], EndpointKind::Users, "added_at").toLongLong(), 1711471533);
        QCOMPARE(col(p.rows[0], EndpointKind::Users, "is_scim_managed").toBool(), true);
        QVERIFY(p.rows[0].raw.contains("future_field"));               // unknown fields kept
        QVERIFY(col(p.rows[1], EndpointKind::Users, "name").isNull()); // null stays null, not ""
        QVERIFY(col(p.rows[1], EndpointKind::Users, "email").isNull());
    }

    void invites()
    {
        const auto r = ref(QStringLiteral("/organization/invites"));
        const auto p = parseOk(
            r,
            list(
                R"({"object":"organization.invite","id":"invite-1","email":"a@x.com","role":"reader","status":"pending","created_at":1,"expires_at":2,"accepted_at":null},
            {"object":"organization.invite","id":"invite-2","email":"b@x.com","role":"owner","status":"accepted","created_at":1,"expires_at":null,"accepted_at":5,"projects":[{"id":"proj_1","role":"member"}]},
            {"object":"organization.invite","id":"invite-3","email":"c@x.com","role":"reader","status":"quantum","created_at":1})"));
        QCOMPARE(p.rows.size(), 3);
        QCOMPARE(col(p.rows[0], EndpointKind::Invites, "projects").toString(),
                 QStringLiteral("[]")); // absent → []
        QVERIFY(
            col(p.rows[1], EndpointKind::Invites, "projects").toString().contains(QLatin1String("proj_1")));
        QCOMPARE(col(p.rows[2], EndpointKind::Invites, "status").toString(),
                 QStringLiteral("quantum")); // unknown enum kept
        QVERIFY(col(p.rows[1], EndpointKind::Invites, "expires_at").isNull());
    }

    void projects()
    {
        const auto r = ref(QStringLiteral("/organization/projects"), QStringLiteral("include_archived=true"));
        const auto p = parseOk(
            r,
            list(
                R"({"id":"proj_a","object":"organization.project","name":"Payments","created_at":10,"archived_at":null,"status":"active","residency":"EU_STORAGE_PROCESSING"},
            {"id":"proj_b","object":"organization.project","name":null,"created_at":11,"archived_at":20,"status":"archived"})"));
        QCOMPARE(col(p.rows[0], EndpointKind::Projects, "residency").toString(),
                 QStringLiteral("EU_STORAGE_PROCESSING"));
        QCOMPARE(col(p.rows[1], EndpointKind::Projects, "archived_at").toLongLong(), 20);
        QCOMPARE(col(p.rows[1], EndpointKind::Projects, "status").toString(), QStringLiteral("archived"));
    }

    void projectSubResources()
    {
        const auto users = parseOk(
            ref(QStringLiteral("/organization/projects/proj_a/users")),
            list(
                R"({"object":"organization.project.user","id":"user-1","name":"Ada","email":"a@x","role":"owner","added_at":5})",
                true));
        QCOMPARE(col(users.rows[0], EndpointKind::ProjectUsers, "project_id").toString(),
                 QStringLiteral("proj_a"));
        QCOMPARE(col(users.rows[0], EndpointKind::ProjectUsers, "user_id").toString(),
                 QStringLiteral("user-1"));
        QCOMPARE(users.nextCursor, QStringLiteral("user-1"));

        const auto sas = parseOk(
            ref(QStringLiteral("/organization/projects/proj_a/service_accounts")),
            list(
                R"({"object":"organization.project.service_account","id":"svc_acct_1","name":"ci","role":"none","created_at":5})"));
        QCOMPARE(col(sas.rows[0], EndpointKind::ServiceAccounts, "role").toString(), QStringLiteral("none"));

        const auto keys = parseOk(
            ref(QStringLiteral("/organization/projects/proj_a/api_keys"),
                QStringLiteral("owner_project_access=any")),
            list(
                R"({"object":"organization.project.api_key","redacted_value":"sk-proj-ab...wxyz","name":"laptop","created_at":1,"last_used_at":null,"id":"key_u","owner_project_access":"inactive","owner":{"type":"user","user":{"id":"user-1","name":"Ada","email":"a@x","role":"owner","created_at":1}}},
                                       {"object":"organization.project.api_key","redacted_value":"sk-svcacct-ab...wxyz","name":"ci","created_at":1,"last_used_at":7,"id":"key_s","owner":{"type":"service_account","service_account":{"id":"svc_acct_1","name":"ci","created_at":1,"role":"member"}}})"));
        QCOMPARE(col(keys.rows[0], EndpointKind::ProjectApiKeys, "owner_type").toString(),
                 QStringLiteral("user"));
        QCOMPARE(col(keys.rows[0], EndpointKind::ProjectApiKeys, "owner_id").toString(),
                 QStringLiteral("user-1"));
        QCOMPARE(col(keys.rows[0], EndpointKind::ProjectApiKeys, "owner_email").toString(),
                 QStringLiteral("a@x"));
        QVERIFY(col(keys.rows[0], EndpointKind::ProjectApiKeys, "last_used_at").isNull());
        QCOMPARE(col(keys.rows[1], EndpointKind::ProjectApiKeys, "owner_type").toString(),
                 QStringLiteral("service_account"));
        QCOMPARE(col(keys.rows[1], EndpointKind::ProjectApiKeys, "owner_id").toString(),
                 QStringLiteral("svc_acct_1"));
        QVERIFY(col(keys.rows[1], EndpointKind::ProjectApiKeys, "owner_project_access").isNull());

        const auto rl = parseOk(
            ref(QStringLiteral("/organization/projects/proj_a/rate_limits")),
            list(
                R"({"object":"project.rate_limit","id":"rl-gpt-4o","model":"gpt-4o","max_requests_per_1_minute":500,"max_tokens_per_1_minute":200000},
                                     {"object":"project.rate_limit","id":"rl_dall-e","model":"dall-e-3","max_requests_per_1_minute":5,"max_tokens_per_1_minute":0,"max_images_per_1_minute":10})"));
        QCOMPARE(col(rl.rows[0], EndpointKind::RateLimits, "max_tokens_per_1_minute").toLongLong(), 200000);
        QVERIFY(col(rl.rows[0], EndpointKind::RateLimits, "max_images_per_1_minute")
                    .isNull()); // only where it applies
        QCOMPARE(col(rl.rows[1], EndpointKind::RateLimits, "max_images_per_1_minute").toLongLong(), 10);

        const auto pc = parseOk(
            ref(QStringLiteral("/organization/projects/proj_a/certificates")),
            list(
                R"({"object":"organization.project.certificate","id":"cert_1","name":"ca","active":false,"created_at":1,"certificate_details":{"valid_at":2,"expires_at":3}})"));
        QCOMPARE(col(pc.rows[0], EndpointKind::ProjectCertificates, "certificate_id").toString(),
                 QStringLiteral("cert_1"));
        QCOMPARE(col(pc.rows[0], EndpointKind::ProjectCertificates, "active").toBool(), false);
    }

    void certificatesAndAdminKeys()
    {
        const auto certs = parseOk(
            ref(QStringLiteral("/organization/certificates")),
            list(
                R"({"object":"organization.certificate","id":"cert_1","name":"corp","active":true,"created_at":1,"certificate_details":{"valid_at":100,"expires_at":200}},
                                        {"object":"certificate","id":"cert_2","name":"x","created_at":1,"certificate_details":{"valid_at":100,"expires_at":300}})"));
        QCOMPARE(col(certs.rows[0], EndpointKind::Certificates, "expires_at").toLongLong(), 200);
        QVERIFY(
            col(certs.rows[1], EndpointKind::Certificates, "active").isNull()); // missing on some responses

        const auto admin = parseOk(
            ref(QStringLiteral("/organization/admin_api_keys")),
            list(
                R"({"object":"organization.admin_api_key","id":"key_a","name":null,"redacted_value":"sk-admin...xyz","created_at":1,"expires_at":null,"last_used_at":null,"owner":{"type":"service_account","object":"organization.service_account","id":"svc_1","name":"bot","created_at":1,"role":"owner"}})"));
        QCOMPARE(col(admin.rows[0], EndpointKind::AdminApiKeys, "owner_type").toString(),
                 QStringLiteral("service_account"));
        QCOMPARE(col(admin.rows[0], EndpointKind::AdminApiKeys, "redacted_value").toString(),
                 QStringLiteral("sk-admin...xyz"));
    }

    void auditLogs()
    {
        const auto r = ref(QStringLiteral("/organization/audit_logs"));
        const auto p = parseOk(
            r,
            list(
                R"({"object":"organization.audit_log","id":"audit_log-3","type":"certificates.activated","effective_at":300,"project":{"id":"proj_a","name":"P"},
                 "actor":{"type":"session","session":{"user":{"id":"user-1","email":"a@x"},"ip_address":"203.0.113.7","ja3":"j","ip_address_details":{"country":"US"}}},
                 "certificates.activated":{"certificates":[{"id":"cert_1","name":"a"},{"id":"cert_2","name":"b"}]}},
             {"id":"audit_log-2","type":"quantum_vault.sealed","effective_at":200,"actor":{"type":"api_key","api_key":{"id":"key_t","type":"service_account","service_account":{"id":"svc_1"}}},"quantum_vault.sealed":{"id":"qv_1","data":{"level":9}}},
             {"id":"audit_log-1","type":"project.archived","effective_at":100,"actor":null,"project.archived":{"id":"proj_a"}})"));
        QCOMPARE(p.rows.size(), 3);
        QCOMPARE(p.minTime, 100);
        QCOMPARE(p.maxTime, 300);
        QCOMPARE(col(p.rows[0], EndpointKind::AuditLogs, "actor_id").toString(), QStringLiteral("user-1"));
        QCOMPARE(col(p.rows[0], EndpointKind::AuditLogs, "actor_ip").toString(),
                 QStringLiteral("203.0.113.7"));
        QVERIFY(p.rows[0].raw.contains("ja3"));
        QCOMPARE(col(p.rows[1], EndpointKind::AuditLogs, "type").toString(),
                 QStringLiteral("quantum_vault.sealed"));
        QVERIFY(col(p.rows[1], EndpointKind::AuditLogs, "payload")
                    .toString()
                    .contains(QLatin1String("qv_1"))); // payload under the type key
        QCOMPARE(col(p.rows[1], EndpointKind::AuditLogs, "actor_type").toString(), QStringLiteral("api_key"));
        QCOMPARE(col(p.rows[1], EndpointKind::AuditLogs, "actor_id").toString(), QStringLiteral("key_t"));
        QVERIFY(col(p.rows[2], EndpointKind::AuditLogs, "actor_type").isNull());
        // certificates.activated yields one certificate event per certificate, with the actor.
        QCOMPARE(p.certificateEvents.size(), 2);
        const TableSpec &ev = certificateEventsSpec();
        QCOMPARE(p.certificateEvents[1].values[ev.indexOf(QStringLiteral("certificate_id"))].toString(),
                 QStringLiteral("cert_2"));
        QCOMPARE(p.certificateEvents[1].values[ev.indexOf(QStringLiteral("actor_id"))].toString(),
                 QStringLiteral("user-1"));
        QCOMPARE(p.certificateEvents[1].values[ev.indexOf(QStringLiteral("action"))].toString(),
                 QStringLiteral("certificates.activated"));
    }

    void usageBuckets()
    {
        const auto r = ref(QStringLiteral("/organization/usage/completions"),
                           QStringLiteral("group_by[]=model&group_by[]=project_id"));
        const QByteArray body = R"({"object":"page","data":[
            {"object":"bucket","start_time":1795046400,"end_time":1795132800,"results":[
              {"object":"organization.usage.completions.result","input_tokens":5000,"output_tokens":1000,"num_model_requests":5,"input_cached_tokens":1800,"input_image_tokens":200,"project_id":"proj_a","model":"gpt-4o-mini","user_id":null,"api_key_id":null,"batch":null,"service_tier":null},
              {"object":"organization.usage.completions.result","input_tokens":7,"output_tokens":3,"num_model_requests":1,"project_id":null,"model":"gpt-4o-mini"}]},
            {"object":"bucket","start_time":1795132800,"end_time":1795219200,"results":[]},
            {"object":"bucket","start_time":1794960000,"end_time":1795046400,"result":[
              {"object":"organization.usage.completions.result","input_tokens":1,"output_tokens":1,"num_model_requests":1,"project_id":"proj_a","model":"gpt-4o"}]}],
            "has_more":true,"next_page":"page_AAAA"})";
        const auto p = parseOk(r, body);
        QCOMPARE(p.rows.size(), 3); // empty bucket adds nothing; 2025 "result" array read too
        QVERIFY(p.hasMore);
        QCOMPARE(p.nextCursor, QStringLiteral("page_AAAA"));
        QCOMPARE(p.itemCount, 3);
        const Row &a = p.rows[0];
        QCOMPARE(col(a, EndpointKind::Usage, "input_tokens").toLongLong(), 5000);
        QCOMPARE(col(a, EndpointKind::Usage, "input_image_tokens").toLongLong(), 200);
        QVERIFY(col(a, EndpointKind::Usage, "input_text_tokens").isNull()); // missing metric stays null
        QVERIFY(col(a, EndpointKind::Usage, "user_id").isNull());
        QCOMPARE(col(a, EndpointKind::Usage, "group_by").toString(), QStringLiteral("model,project_id"));
        QCOMPARE(col(a, EndpointKind::Usage, "kind").toString(), QStringLiteral("completions"));
        QVERIFY(col(p.rows[1], EndpointKind::Usage, "project_id").isNull()); // unattributed usage
        // The bucket ending at "now" (1795132800) is within the finalization grace: provisional.
        QCOMPARE(col(a, EndpointKind::Usage, "provisional").toBool(), true);
        QCOMPARE(col(p.rows[2], EndpointKind::Usage, "provisional").toBool(), false);
        // Row ids are stable across replays and distinct across group_by sets.
        const auto again = parseOk(r, body);
        QCOMPARE(col(again.rows[0], EndpointKind::Usage, "id"), col(a, EndpointKind::Usage, "id"));
        const auto other =
            ref(QStringLiteral("/organization/usage/completions"), QStringLiteral("group_by=model"));
        const auto p2 = parseOk(other, body);
        QVERIFY(col(p2.rows[0], EndpointKind::Usage, "id") != col(a, EndpointKind::Usage, "id"));
    }

    void usageKindsDrift()
    {
        const auto ci = parseOk(
            ref(QStringLiteral("/organization/usage/code_interpreter_sessions")),
            R"({"object":"page","data":[{"object":"bucket","start_time":0,"end_time":86400,"results":[{"object":"organization.usage.code_interpreter_sessions.result","sessions":4,"project_id":null}]}],"has_more":false,"next_page":null})");
        QCOMPARE(col(ci.rows[0], EndpointKind::Usage, "num_sessions").toLongLong(), 4); // 2025 spec name
        const auto img = parseOk(
            ref(QStringLiteral("/organization/usage/images"),
                QStringLiteral("group_by=size&group_by=source")),
            R"({"object":"page","data":[{"object":"bucket","start_time":0,"end_time":86400,"results":[{"object":"organization.usage.images.result","images":2,"num_model_requests":2,"size":"1024x1024","source":"image.generation"}]}],"has_more":false,"next_page":""})");
        QCOMPARE(col(img.rows[0], EndpointKind::Usage, "size").toString(), QStringLiteral("1024x1024"));
        QVERIFY(!img.hasMore);
        const auto audio = parseOk(
            ref(QStringLiteral("/organization/usage/audio_transcriptions")),
            R"({"object":"page","data":[{"object":"bucket","start_time":0,"end_time":86400,"results":[{"object":"organization.usage.audio_transcriptions.result","seconds":9000000000,"num_model_requests":2}]}],"has_more":false,"next_page":null})");
        QCOMPARE(col(audio.rows[0], EndpointKind::Usage, "seconds").toLongLong(),
                 Q_INT64_C(9000000000)); // int64
        const auto ws = parseOk(
            ref(QStringLiteral("/organization/usage/web_search_calls"),
                QStringLiteral("group_by=context_level")),
            R"({"object":"page","data":[{"object":"bucket","start_time":0,"end_time":86400,"results":[{"object":"organization.usage.web_searches.result","num_requests":3,"num_model_requests":2,"context_level":"high"}]}],"has_more":false,"next_page":null})");
        QCOMPARE(col(ws.rows[0], EndpointKind::Usage, "context_level").toString(), QStringLiteral("high"));
        QCOMPARE(col(ws.rows[0], EndpointKind::Usage, "num_requests").toLongLong(), 3);
    }

    void costs()
    {
        const auto r = ref(QStringLiteral("/organization/costs"),
                           QStringLiteral("group_by[]=project_id&group_by[]=line_item"));
        const auto p = parseOk(
            r, R"({"object":"page","data":[{"object":"bucket","start_time":0,"end_time":86400,"results":[
            {"object":"organization.costs.result","amount":{"value":0.06,"currency":"usd"},"line_item":"gpt-4o-2024-08-06, input","project_id":"proj_a","quantity":10000,"quantity_unit":"tokens"},
            {"object":"organization.costs.result","amount":{"value":"12.50","currency":"usd"},"line_item":"Web search","project_id":null,"organization_id":"org-1"},
            {"object":"organization.costs.result","amount":{"value":"12.50","currency":"usd"},"line_item":"Web search","project_id":null}]}],"has_more":false,"next_page":null})");
        QCOMPARE(p.rows.size(), 3);
        QCOMPARE(col(p.rows[0], EndpointKind::Costs, "amount").toString(),
                 QStringLiteral("0.06")); // number → exact
        QCOMPARE(col(p.rows[1], EndpointKind::Costs, "amount").toString(),
                 QStringLiteral("12.5")); // string → exact
        QCOMPARE(col(p.rows[0], EndpointKind::Costs, "quantity").toString(), QStringLiteral("10000"));
        QCOMPARE(col(p.rows[1], EndpointKind::Costs, "organization_id").toString(), QStringLiteral("org-1"));
        // Two identical results in one bucket are both kept (never merged, never one lost).
        QVERIFY(col(p.rows[1], EndpointKind::Costs, "id") != col(p.rows[2], EndpointKind::Costs, "id"));
    }

    // Issue #12: RBAC lists page by "next"; single objects become one row scoped to their project ("" for
    // the org's own); a 404-less empty org has no rows.
    void rbacListsPageByNext()
    {
        const auto r = ref(QStringLiteral("/organization/groups/group_a/users"));
        QCOMPARE(r.kind, EndpointKind::GroupUsers);
        QCOMPARE(r.groupId, QStringLiteral("group_a"));
        QCOMPARE(r.cursorKey(), QStringLiteral("groups/group_a/users"));
        const ParsedPage p = parseOk(
            r,
            "{\"object\":\"list\",\"data\":[{\"id\":\"user_1\",\"name\":\"Ada\",\"email\":null},"
            "{\"id\":\"user_2\",\"name\":\"Bo\",\"email\":\"bo@x\"}],\"has_more\":true,\"next\":\"cur_9\"}");
        QCOMPARE(p.rows.size(), 2);
        QVERIFY(p.hasMore);
        QCOMPARE(p.nextCursor, QStringLiteral("cur_9")); // the envelope's cursor, not the last id
        QCOMPARE(col(p.rows[1], r.kind, "group_id").toString(), QStringLiteral("group_a"));
        QCOMPARE(col(p.rows[1], r.kind, "user_id").toString(), QStringLiteral("user_2"));
        QVERIFY(col(p.rows[0], r.kind, "email").isNull());
        QCOMPARE(parseErr(r, "{\"object\":\"list\",\"data\":[],\"has_more\":false}"),
                 QStringLiteral("$.next: required field is missing"));

        const auto roles = ref(QStringLiteral("/organization/users/user_1/roles"));
        QCOMPARE(roles.kind, EndpointKind::UserRoles);
        const ParsedPage rp = parseOk(
            roles, "{\"object\":\"list\",\"data\":[{\"id\":\"role_1\",\"name\":\"Owner\",\"permissions\":"
                   "[\"api.groups.read\"],\"resource_type\":\"api.organization\",\"predefined_role\":true,"
                   "\"description\":null,\"created_at\":null,\"updated_at\":null,\"created_by\":null,"
                   "\"created_by_user_obj\":null,\"metadata\":null,\"assignment_sources\":[{\"principal_id\":"
                   "\"group_a\",\"principal_type\":\"group\"}]}],\"has_more\":false,\"next\":null}");
        QCOMPARE(col(rp.rows[0], roles.kind, "user_id").toString(), QStringLiteral("user_1"));
        QCOMPARE(col(rp.rows[0], roles.kind, "permissions").toString(),
                 QStringLiteral("[\"api.groups.read\"]"));
        QVERIFY(col(rp.rows[0], roles.kind, "assignment_sources").toString().contains(u"group_a"));
        QCOMPARE(rp.nextCursor, QStringLiteral("role_1"));
        QVERIFY(parseErr(roles, "{\"object\":\"list\",\"data\":[{\"id\":\"role_1\",\"name\":\"Owner\","
                                "\"permissions\":\"all\",\"resource_type\":\"x\",\"predefined_role\":true}],"
                                "\"has_more\":false,\"next\":null}")
                    .startsWith(u"$.data[0].permissions: expected an array of strings"));
    }

    void singleObjects()
    {
        const auto tools = ref(QStringLiteral("/organization/projects/proj_a/hosted_tool_permissions"));
        QVERIFY(tools.isSingleObject());
        const ParsedPage t =
            parseOk(tools, "{\"file_search\":{\"enabled\":true},\"web_search\":{\"enabled\":false},"
                           "\"image_generation\":{\"enabled\":true},\"mcp\":{\"enabled\":false},"
                           "\"code_interpreter\":{\"enabled\":true},\"new_tool\":{\"enabled\":true}}");
        QCOMPARE(t.rows.size(), 1);
        QCOMPARE(col(t.rows[0], tools.kind, "project_id").toString(), QStringLiteral("proj_a"));
        QCOMPARE(col(t.rows[0], tools.kind, "web_search").toBool(), false);
        QCOMPARE(col(t.rows[0], tools.kind, "code_interpreter").toBool(), true);
        QVERIFY(t.rows[0].raw.contains("new_tool")); // a tool the spec does not name yet stays in raw
        QVERIFY(!t.hasMore);
        QCOMPARE(parseErr(tools, "{\"file_search\":{\"enabled\":true}}"),
                 QStringLiteral("$.web_search: required field is missing"));

        const auto orgLimit = ref(QStringLiteral("/organization/spend_limit"));
        QCOMPARE(orgLimit.kind, EndpointKind::SpendLimit);
        QVERIFY(orgLimit.projectId.isEmpty());
        QCOMPARE(orgLimit.cursorKey(), QStringLiteral("spend_limit"));
        const ParsedPage l =
            parseOk(orgLimit, "{\"object\":\"organization.spend_limit\",\"threshold_amount\":"
                              "500000,\"currency\":\"USD\",\"interval\":\"month\","
                              "\"enforcement\":{\"status\":\"enforcing\"}}");
        const QVariant scope = col(l.rows[0], orgLimit.kind, "project_id");
        QVERIFY(!scope.isNull()); // "" binds as text, never NULL (the column is NOT NULL)
        QCOMPARE(scope.toString(), QString());
        QCOMPARE(col(l.rows[0], orgLimit.kind, "threshold_amount").toLongLong(), 500000);
        QCOMPARE(col(l.rows[0], orgLimit.kind, "enforcement_status").toString(), QStringLiteral("enforcing"));

        const auto retention = ref(QStringLiteral("/organization/projects/proj_b/data_retention"));
        QCOMPARE(retention.kind, EndpointKind::DataRetention);
        QCOMPARE(retention.scopeValues(), QStringList{QStringLiteral("proj_b")});
        QCOMPARE(retention.path(), QStringLiteral("/organization/projects/proj_b/data_retention"));
        QCOMPARE(parseErr(retention, "{\"object\":\"project.data_retention\"}"),
                 QStringLiteral("$.type: required field is missing"));
        const auto alerts = ref(QStringLiteral("/organization/spend_alerts"));
        QCOMPARE(alerts.scopeValues(), QStringList{QStringLiteral("")});
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        const QString users = QStringLiteral("/organization/users");
        QTest::newRow("bad json") << users << QByteArray("{\"object\":\"list\",\"data\":[")
                                  << "not valid JSON at byte";
        QTest::newRow("top-level array") << users << QByteArray("[]") << "$: expected a JSON object";
        QTest::newRow("data not array")
            << users << QByteArray(R"({"object":"list","data":{},"has_more":false})")
            << "$.data: expected an array, got an object";
        QTest::newRow("has_more missing") << users << QByteArray(R"({"object":"list","data":[]})")
                                          << "$.has_more: required field is missing";
        QTest::newRow("wrong envelope")
            << users << QByteArray(R"({"object":"page","data":[],"has_more":false})")
            << "$.object: expected \"list\"";
        QTest::newRow("id missing") << users << list(R"({"object":"organization.user","added_at":1})")
                                    << "$.data[0].id: required field is missing";
        QTest::newRow("timestamp as string")
            << users
            << list(
                   R"({"object":"organization.user","id":"u1","added_at":1},{"object":"organization.user","id":"u2","added_at":"yesterday"})")
            << "$.data[1].added_at: expected Unix seconds (an integer), got a string";
        QTest::newRow("fractional timestamp")
            << users << list(R"({"object":"organization.user","id":"u1","added_at":1.5})")
            << "$.data[0].added_at: expected Unix seconds (a whole number)";
        QTest::newRow("role as number")
            << users << list(R"({"object":"organization.user","id":"u1","added_at":1,"role":7})")
            << "$.data[0].role: expected a string, got a number";
        QTest::newRow("duplicate id")
            << users
            << list(
                   R"({"object":"organization.user","id":"u1","added_at":1},{"object":"organization.user","id":"u1","added_at":1})")
            << "appears twice";
        QTest::newRow("item not object")
            << users << list(R"("u1")") << "$.data[0]: expected an object, got a string";
        QTest::newRow("owner not object")
            << QStringLiteral("/organization/projects/p/api_keys")
            << list(R"({"object":"organization.project.api_key","id":"k","owner":"me"})")
            << "$.data[0].owner: expected an object";
        QTest::newRow("bucket end before start")
            << QStringLiteral("/organization/costs")
            << QByteArray(
                   R"({"object":"page","data":[{"object":"bucket","start_time":10,"end_time":5,"results":[]}],"has_more":false,"next_page":null})")
            << "$.data[0]: end_time is not after start_time";
        QTest::newRow("amount not numeric")
            << QStringLiteral("/organization/costs")
            << QByteArray(
                   R"({"object":"page","data":[{"object":"bucket","start_time":0,"end_time":5,"results":[{"object":"organization.costs.result","amount":{"value":"twelve","currency":"usd"}}]}],"has_more":false,"next_page":null})")
            << "$.data[0].results[0].amount.value: expected a decimal number, got a string";
        // Out of Decimal's range: refused by name (was: 1e300 stored as 0, "5e20" signed overflow).
        QTest::newRow("amount number out of range")
            << QStringLiteral("/organization/costs")
            << QByteArray(
                   R"({"object":"page","data":[{"object":"bucket","start_time":0,"end_time":5,"results":[{"object":"organization.costs.result","amount":{"value":1e300,"currency":"usd"}}]}],"has_more":false,"next_page":null})")
            << "$.data[0].results[0].amount.value: expected a decimal number (|x| < 1e20), got a number";
        QTest::newRow("amount string out of range")
            << QStringLiteral("/organization/costs")
            << QByteArray(
                   R"({"object":"page","data":[{"object":"bucket","start_time":0,"end_time":5,"results":[{"object":"organization.costs.result","amount":{"value":"5e20","currency":"usd"}}]}],"has_more":false,"next_page":null})")
            << "$.data[0].results[0].amount.value: expected a decimal number, got a string";
        // A result without an amount is valid (CostsResult requires only "object": tests/conformance); an
        // amount that is not an object is not.
        QTest::newRow("amount not object")
            << QStringLiteral("/organization/costs")
            << QByteArray(
                   R"({"object":"page","data":[{"object":"bucket","start_time":0,"end_time":5,"results":[{"object":"organization.costs.result","amount":"12"}]}],"has_more":false,"next_page":null})")
            << "$.data[0].results[0].amount: expected an object, got a string";
        QTest::newRow("metric as string")
            << QStringLiteral("/organization/usage/embeddings")
            << QByteArray(
                   R"({"object":"page","data":[{"object":"bucket","start_time":0,"end_time":5,"results":[{"object":"organization.usage.embeddings.result","input_tokens":"9"}]}],"has_more":false,"next_page":null})")
            << "$.data[0].results[0].input_tokens: expected an integer, got a string";
        QTest::newRow("results not array")
            << QStringLiteral("/organization/usage/embeddings")
            << QByteArray(
                   R"({"object":"page","data":[{"object":"bucket","start_time":0,"end_time":5,"results":{}}],"has_more":false,"next_page":null})")
            << "$.data[0].results: expected an array, got an object";
        QTest::newRow("audit without type")
            << QStringLiteral("/organization/audit_logs") << list(R"({"id":"a","effective_at":1})")
            << "$.data[0].type: required field is missing";
    }
    void malformed()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const QString e = parseErr(ref(path), body);
        QVERIFY2(e.contains(expected), qPrintable(QStringLiteral("got: ") + e));
    }
};

QTEST_GUILESS_MAIN(TestPageParser)
#include "test_pageparser.moc"
