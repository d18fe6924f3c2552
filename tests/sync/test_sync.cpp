// Live sync against the local Admin API server: a full sync equals the served org; every fault ends in
// exact data or a clear failure that a re-run completes; a second sync changes nothing; dry runs write
// nothing; the worker thread reports and cancels; kill -9 of the orgward process resumes to a database
// identical to a clean run; two processes syncing one org into PostgreSQL do not collide.
#include "compliance/auditreach.h"
#include "compliance/journal.h"
#include "core/clock.h"
#include "core/decimal.h"
#include "store/nativesession.h"
#include "store/syncstate.h"
#include "store/tablecounts.h"
#include "sync/syncworker.h"
#include "syncfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QtTest>

using namespace orgward;

class TestSync : public QObject
{
    Q_OBJECT
    std::shared_ptr<const FixtureOrg> m_org;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_clean;
    QMap<QString, QString> m_cleanSums;
    int m_cleanRequests = 0;

    QStringList storedIds(Database &db, const EndpointRef &ref)
    {
        const TableSpec &spec = tableSpec(ref.kind);
        QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE org_key = ?").arg(spec.idColumn, spec.table);
        QVariantList binds{m_org->orgKey()};
        const QStringList scope = ref.scopeValues();
        for (qsizetype i = 0; i < spec.scopeColumns.size(); ++i) {
            sql += QStringLiteral(" AND %1 = ?").arg(spec.scopeColumns[i]);
            binds << scope.value(i);
        }
        if (!spec.goneColumn.isEmpty()) sql += QStringLiteral(" AND %1 IS NULL").arg(spec.goneColumn);
        auto q = db.exec(sql, binds);
        if (!q) return {q.errorMessage()};
        QStringList out;
        while (q->next())
            out << q->value(0).toString();
        out.sort();
        return out;
    }
    QStringList servedIds(const EndpointRef &ref)
    {
        QStringList out;
        for (const QJsonObject &o : m_org->listObjects(ref))
            out << o.value(QLatin1String("id")).toString();
        out.sort();
        return out;
    }
    void expectClean(Database &db)
    {
        const auto sums = test::checksums(db, m_org->orgKey());
        for (auto it = m_cleanSums.cbegin(); it != m_cleanSums.cend(); ++it)
            QCOMPARE(sums.value(it.key()), it.value());
    }
    qint64 usageEnd() const { return alignDay(m_org->capturedAt()) + kSecondsPerDay; }
    // id, first_seen_at and updated_at of every stored audit event: a re-read that changed nothing keeps
    // them.
    QString auditStamps(Database &db)
    {
        auto q = db.exec(
            QStringLiteral("SELECT id, %1, %2 FROM openai_audit_logs WHERE org_key = ? ORDER BY id")
                .arg(db.tsToSecs(QStringLiteral("first_seen_at")), db.tsToSecs(QStringLiteral("updated_at"))),
            {m_org->orgKey()});
        if (!q) return q.errorMessage();
        QStringList rows;
        while (q->next())
            rows << QStringLiteral("%1 %2 %3")
                        .arg(q->value(0).toString(), q->value(1).toString(), q->value(2).toString());
        return rows.join(u'\n');
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_org = std::make_shared<const FixtureOrg>(FixtureOrg::generate(GeneratorOptions{}));
        Clock::freezeAt(m_org->capturedAt());
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        m_clean = test::openSqlite(m_dir, QStringLiteral("clean.db"));
        QVERIFY(m_clean);
        auto s = test::syncOnce(*m_clean, server.baseUrl(), test::syncOptions(*m_org));
        QVERIFY2(s, qPrintable(s.errorMessage()));
        for (const EndpointResult &e : s->endpoints)
            QVERIFY2(e.status != EndpointStatus::Failed, qPrintable(e.error));
        QCOMPARE(s->status, SyncStatus::Complete);
        m_cleanSums = test::checksums(*m_clean, m_org->orgKey());
        m_cleanRequests = int(s->requests);
        qInfo("clean sync: %lld requests, %lld rows, %lld ms", s->requests, s->rows(), s->elapsedMs);
    }
    void cleanupTestCase() { Clock::reset(); }

    void fullSyncEqualsServedOrg()
    {
        Database &db = *m_clean;
        for (EndpointKind k :
             {EndpointKind::Users, EndpointKind::Invites, EndpointKind::Projects, EndpointKind::Certificates,
              EndpointKind::AdminApiKeys, EndpointKind::AuditLogs, EndpointKind::Groups, EndpointKind::Roles,
              EndpointKind::SpendAlerts}) {
            EndpointRef ref;
            ref.kind = k;
            QCOMPARE(storedIds(db, ref), servedIds(ref));
        }
        // The org's own single objects: one row each when the API has one.
        for (EndpointKind k : {EndpointKind::DataRetention, EndpointKind::SpendLimit}) {
            EndpointRef ref;
            ref.kind = k;
            QCOMPARE(storedIds(db, ref).size(), m_org->listObjects(ref).size());
        }
        // Each group's members and roles, each user's roles (ids are the member's or the role's).
        int checkedSubLists = 0;
        for (EndpointKind parent : {EndpointKind::Groups, EndpointKind::Users}) {
            EndpointRef parentRef;
            parentRef.kind = parent;
            for (const QString &id : servedIds(parentRef)) {
                const auto plan = parent == EndpointKind::Groups ? groupPlan(id, {}) : userPlan(id, {});
                for (const EndpointRef &ref : plan) {
                    QCOMPARE(storedIds(db, ref).size(), servedIds(ref).size());
                    checkedSubLists += servedIds(ref).isEmpty() ? 0 : 1;
                }
            }
        }
        QVERIFY(checkedSubLists > 0);
        EndpointRef projects;
        projects.kind = EndpointKind::Projects;
        int checkedProjects = 0;
        for (const QJsonObject &p : m_org->listObjects(projects)) {
            const QString id = p.value(QLatin1String("id")).toString();
            if (m_org->isArchivedProject(id)) continue;
            ++checkedProjects;
            for (const EndpointRef &ref : projectPlan(id, {})) {
                if (ref.kind != EndpointKind::ServiceAccounts && ref.kind != EndpointKind::ProjectApiKeys &&
                    ref.kind != EndpointKind::SpendAlerts) {
                    // id columns differ from the object's "id" for some sub-lists (single objects have
                    // none); compare counts there.
                    QCOMPARE(storedIds(db, ref).size(), servedIds(ref).size());
                } else {
                    QCOMPARE(storedIds(db, ref), servedIds(ref));
                }
            }
        }
        QVERIFY(checkedProjects > 0);

        // Usage: token and request sums per kind in each group_by set, over the whole history.
        const qint64 start = m_org->historyStart(), end = usageEnd();
        const QList<QPair<QString, QString>> metrics{
            {QStringLiteral("completions"), QStringLiteral("input_tokens")},
            {QStringLiteral("completions"), QStringLiteral("output_tokens")},
            {QStringLiteral("completions"), QStringLiteral("num_model_requests")},
            {QStringLiteral("embeddings"), QStringLiteral("input_tokens")},
            {QStringLiteral("embeddings"), QStringLiteral("num_model_requests")},
            {QStringLiteral("images"), QStringLiteral("images")},
            {QStringLiteral("audio_speeches"), QStringLiteral("characters")},
            {QStringLiteral("audio_transcriptions"), QStringLiteral("seconds")},
            {QStringLiteral("vector_stores"), QStringLiteral("usage_bytes")},
            {QStringLiteral("code_interpreter_sessions"), QStringLiteral("num_sessions")},
            {QStringLiteral("file_search_calls"), QStringLiteral("num_requests")},
            {QStringLiteral("web_search_calls"), QStringLiteral("num_requests")}};
        for (const auto &[kind, metric] : metrics) {
            // Every set the plan fetches ('' is the ungrouped one: one total per bucket; not QString(),
            // which binds as NULL) holds the whole traffic once.
            const QList<QStringList> sets = groupBySets(kind);
            QVERIFY(sets.size() >= 2);
            for (const QStringList &set : sets) {
                const QString groupBy = set.isEmpty() ? QStringLiteral("") : set.join(u',');
                auto v = db.scalar(
                    QStringLiteral(
                        "SELECT COALESCE(SUM(%1), 0) FROM usage_events WHERE org_key = ? AND kind = ? "
                        "AND COALESCE(group_by, '') = ?")
                        .arg(metric),
                    {m_org->orgKey(), kind, groupBy});
                QVERIFY2(v, qPrintable(v.errorMessage()));
                QCOMPARE(v->toLongLong(), m_org->usageTotal(kind, metric, start, end));
            }
        }
        QVERIFY(m_org->usageTotal(QStringLiteral("completions"), QStringLiteral("input_tokens"), start, end) >
                0);

        // Costs: exact totals per project from the project_id grouping.
        const QMap<QString, QString> want = m_org->costTotalsByProject(start, end);
        auto q = db.exec(
            QStringLiteral(
                "SELECT COALESCE(project_id, ''), %1 FROM openai_costs WHERE org_key = ? AND group_by = ? "
                "GROUP BY COALESCE(project_id, '')")
                .arg(db.sumDecimal(QStringLiteral("amount"))),
            {m_org->orgKey(), QStringLiteral("project_id")});
        QVERIFY2(q, qPrintable(q.errorMessage()));
        QMap<QString, QString> got;
        while (q->next())
            got.insert(q->value(0).toString(), q->value(1).toString());
        QVERIFY(!want.isEmpty());
        QCOMPARE(got, want);

        // The ungrouped set is stored as group_by '' (never NULL), has one row per bucket at most, and its
        // total equals the sum over all projects, to the last digit.
        Decimal wantTotal;
        for (const QString &v : want)
            wantTotal = wantTotal + *Decimal::parse(v);
        auto total =
            db.scalar(QStringLiteral("SELECT %1 FROM openai_costs WHERE org_key = ? AND group_by = ''")
                          .arg(db.sumDecimal(QStringLiteral("amount"))),
                      {m_org->orgKey()});
        QVERIFY2(total, qPrintable(total.errorMessage()));
        QCOMPARE(Decimal::parse(total->toString())->toString(), wantTotal.toString());
        for (const QString &table : {QStringLiteral("openai_costs"), QStringLiteral("usage_events")}) {
            auto nulls =
                db.scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE group_by IS NULL").arg(table));
            QVERIFY(nulls);
            QCOMPARE(nulls->toLongLong(), 0);
            auto rows = db.scalar(
                QStringLiteral("SELECT COUNT(*) FROM %1 WHERE org_key = ? AND group_by = ''").arg(table),
                {m_org->orgKey()});
            QVERIFY(rows);
            QVERIFY2(rows->toLongLong() > 0, qPrintable(table));
        }
        auto perBucket = db.scalar(
            QStringLiteral("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM usage_events WHERE org_key = ? AND "
                           "group_by = '' GROUP BY kind, bucket_width, bucket_start) t"),
            {m_org->orgKey()});
        QVERIFY(perBucket);
        QCOMPARE(perBucket->toLongLong(), 1);

        // The run is recorded with per-endpoint counts and cursor positions.
        auto run = db.exec(
            QStringLiteral(
                "SELECT status, counts, cursors, requests FROM openai_admin_sync_runs WHERE org_key = ?"),
            {m_org->orgKey()});
        QVERIFY(run && run->next());
        QCOMPARE(run->value(0).toString(), QStringLiteral("complete"));
        QVERIFY(QJsonDocument::fromJson(run->value(1).toString().toUtf8())
                    .object()
                    .contains(QStringLiteral("users")));
        QVERIFY(QJsonDocument::fromJson(run->value(2).toString().toUtf8())
                    .object()
                    .contains(QStringLiteral("audit_logs")));
        QVERIFY(run->value(3).toLongLong() > 0);
    }

    void secondSyncChangesNothing()
    {
        QTemporaryDir dir;
        auto db = test::openSqlite(dir);
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        auto first = test::syncOnce(*db, server.baseUrl(), test::syncOptions(*m_org));
        QVERIFY(first && first->status == SyncStatus::Complete);
        const auto before = test::checksums(*db, m_org->orgKey());
        const int served = server.requestCount();
        auto second = test::syncOnce(*db, server.baseUrl(), test::syncOptions(*m_org));
        QVERIFY(second && second->status == SyncStatus::Complete);
        for (auto it = second->counts.cbegin(); it != second->counts.cend(); ++it) {
            QVERIFY2(it->added == 0 && it->changed == 0 && it->gone == 0, qPrintable(it.key()));
        }
        QCOMPARE(test::checksums(*db, m_org->orgKey()), before);
        expectClean(*db);
        // Incremental: usage/costs re-fetch only the trailing window, so far fewer requests.
        QVERIFY2(server.requestCount() - served < served, "the second sync re-fetched the whole history");
        // Audit logs asked with effective_at[gte] on the incremental run.
        bool sawGte = false;
        for (const test::ServedRequest &r : server.requests())
            if (r.path.endsWith(QLatin1String("/audit_logs")) &&
                r.query.contains(QLatin1String("effective_at[gte]=")))
                sawGte = true;
        QVERIFY(sawGte);
    }

    void trailingWindowFinalizesProvisionalBuckets()
    {
        QTemporaryDir dir;
        auto db = test::openSqlite(dir);
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        auto first = test::syncOnce(*db, server.baseUrl(), test::syncOptions(*m_org));
        QVERIFY(first && first->status == SyncStatus::Complete);
        auto provisional = [&db] {
            auto v = db->scalar(
                QStringLiteral("SELECT (SELECT COUNT(*) FROM usage_events WHERE provisional = 1) + "
                               "(SELECT COUNT(*) FROM openai_costs WHERE provisional = 1)"));
            return v ? v->toLongLong() : -1;
        };
        auto tokens = [&db] {
            auto v = db->scalar(QStringLiteral("SELECT SUM(input_tokens) FROM usage_events WHERE kind = "
                                               "'completions' AND group_by = 'project_id'"));
            return v ? v->toLongLong() : -1;
        };
        QVERIFY2(provisional() > 0, "buckets within a day of now are provisional");
        const qint64 before = tokens();
        // Three days later the same buckets are re-fetched (trailing window) and become final; totals
        // stay exact (upserted, never added).
        Clock::freezeAt(m_org->capturedAt() + 3 * kSecondsPerDay);
        auto later = test::syncOnce(*db, server.baseUrl(), test::syncOptions(*m_org));
        Clock::freezeAt(m_org->capturedAt());
        QVERIFY(later && later->status == SyncStatus::Complete);
        QCOMPARE(provisional(), 0);
        QCOMPARE(tokens(), before);
        // Only the trailing window was asked for: no request starts before (last window end - 2 days).
        const qint64 windowStart = alignDay(m_org->capturedAt()) + kSecondsPerDay - 2 * kSecondsPerDay;
        int bucketRequests = 0;
        for (const test::ServedRequest &r :
             server.requests().mid(server.requests().size() - int(later->requests))) {
            const QUrlQuery q(r.query);
            if (!q.hasQueryItem(QStringLiteral("start_time"))) continue;
            ++bucketRequests;
            QVERIFY2(q.queryItemValue(QStringLiteral("start_time")).toLongLong() >= windowStart,
                     qPrintable(r.query));
        }
        QVERIFY(bucketRequests > 0);
    }

    void dryRunWritesNothing()
    {
        QTemporaryDir dir;
        auto db = test::openSqlite(dir);
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        SyncOptions o = test::syncOptions(*m_org);
        o.dryRun = true;
        auto s = test::syncOnce(*db, server.baseUrl(), o);
        QVERIFY2(s, qPrintable(s.errorMessage()));
        QCOMPARE(s->status, SyncStatus::Complete);
        QVERIFY(s->counts.value(QStringLiteral("openai_users")).added > 0);
        QCOMPARE(s->counts.value(QStringLiteral("openai_users")).added,
                 qint64(servedIds(EndpointRef{}).size()));
        auto n = db->scalar(QStringLiteral(
            "SELECT (SELECT COUNT(*) FROM openai_users) + (SELECT COUNT(*) FROM usage_events) + "
            "(SELECT COUNT(*) FROM openai_admin_cursors) + (SELECT COUNT(*) FROM openai_admin_sync_runs) + "
            "(SELECT COUNT(*) FROM orgward_journal)"));
        QVERIFY(n);
        QCOMPARE(n->toLongLong(), 0);
    }

    // The run row and its journal entry are written together, and name each other.
    void syncRunIsJournaled()
    {
        auto entries = Journal(*m_clean).entries();
        QVERIFY2(entries, qPrintable(entries.errorMessage()));
        QCOMPARE(entries->size(), 1);
        const JournalEntry &e = entries->first();
        QCOMPARE(e.kind, QStringLiteral("sync"));
        QCOMPARE(e.orgKey, m_org->orgKey());
        const QJsonObject p = QJsonDocument::fromJson(e.payload).object();
        auto run = m_clean->scalar(QStringLiteral("SELECT id FROM openai_admin_sync_runs WHERE status = ?"),
                                   {QStringLiteral("complete")});
        QVERIFY(run);
        QCOMPARE(p.value(QStringLiteral("run_id")).toString(), run->toString());
        QCOMPARE(p.value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
        QCOMPARE(p.value(QStringLiteral("requests")).toInt(), m_cleanRequests);
        QVERIFY(Journal(*m_clean).verify()->ok());
    }

    void faults_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("times");
        QTest::addColumn<bool>("cursorOnly");
        QTest::addColumn<bool>("completesFirstTime");
        QTest::newRow("429 with Retry-After")
            << int(test::Fault::TooMany) << QStringLiteral("/users") << 2 << false << true;
        QTest::newRow("5xx") << int(test::Fault::ServerError) << QStringLiteral("/usage/completions") << 3
                             << true << true;
        QTest::newRow("dropped connection")
            << int(test::Fault::Drop) << QStringLiteral("/audit_logs") << 2 << true << true;
        QTest::newRow("truncated body")
            << int(test::Fault::Truncate) << QStringLiteral("/costs") << 2 << false << true;
        QTest::newRow("slow response (timeout)")
            << int(test::Fault::Slow) << QStringLiteral("/projects") << 1 << false << true;
        QTest::newRow("5xx beyond the attempt budget")
            << int(test::Fault::ServerError) << QStringLiteral("/audit_logs") << 50 << true << false;
        QTest::newRow("repeated cursor")
            << int(test::Fault::RepeatCursor) << QStringLiteral("/usage/embeddings") << 1 << true << false;
        QTest::newRow("repeated list cursor")
            << int(test::Fault::RepeatCursor) << QStringLiteral("/organization/audit_logs") << 1 << true
            << false;
        // Issue #12's endpoints: a single object, a "next"-paged list, the per-user role lists.
        QTest::newRow("truncated single object")
            << int(test::Fault::Truncate) << QStringLiteral("/spend_limit") << 2 << false << true;
        QTest::newRow("dropped connection on group members")
            << int(test::Fault::Drop) << QStringLiteral("/organization/groups/") << 2 << false << true;
        QTest::newRow("5xx beyond the attempt budget on user roles")
            << int(test::Fault::ServerError) << QStringLiteral("/roles") << 50 << false << false;
    }
    void faults()
    {
        QFETCH(int, kind);
        QFETCH(QString, path);
        QFETCH(int, times);
        QFETCH(bool, cursorOnly);
        QFETCH(bool, completesFirstTime);
        QTemporaryDir dir;
        auto db = test::openSqlite(dir);
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        test::Fault f;
        f.kind = test::Fault::Kind(kind);
        f.pathContains = path;
        f.times = times;
        f.cursorOnly = cursorOnly;
        f.retryAfterSecs = 1;
        f.delayMs = 1500;
        server.addFault(f);
        ApiOptions api = test::fastApi(server.baseUrl());
        api.timeoutMs = 700;
        api.maxAttempts = 4;
        QElapsedTimer t;
        t.start();
        auto s = test::syncOnce(*db, server.baseUrl(), test::syncOptions(*m_org), api);
        QVERIFY2(s, qPrintable(s.errorMessage()));
        if (completesFirstTime) {
            QCOMPARE(s->status, SyncStatus::Complete);
            QVERIFY(s->retries >= 1);
            if (kind == test::Fault::TooMany) QVERIFY2(t.elapsed() >= 1900, "Retry-After was not honoured");
        } else {
            QCOMPARE(s->status, SyncStatus::Partial);
            QStringList errors;
            for (const EndpointResult &e : s->endpoints)
                if (e.status == EndpointStatus::Failed) errors << e.error;
            QVERIFY(!errors.isEmpty());
            const QString all = errors.join(u'\n');
            if (kind == test::Fault::RepeatCursor)
                QVERIFY2(all.contains(QLatin1String("cursor")), qPrintable(all));
            else
                QVERIFY2(all.contains(QLatin1String("gave up after 4 attempts")), qPrintable(all));
            server.clearFaults();
            auto again = test::syncOnce(*db, server.baseUrl(), test::syncOptions(*m_org));
            QVERIFY2(again, qPrintable(again.errorMessage()));
            QCOMPARE(again->status, SyncStatus::Complete);
        }
        expectClean(*db);
    }

    void missingScopeStopsOnlyThatEndpoint()
    {
        QTemporaryDir dir;
        auto db = test::openSqlite(dir);
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        server.addFault(test::fault(test::Fault::Forbidden, QStringLiteral("/organization/usage/"), 1000));
        auto s = test::syncOnce(*db, server.baseUrl(), test::syncOptions(*m_org));
        QVERIFY(s);
        QCOMPARE(s->status, SyncStatus::Partial);
        QVERIFY(s->authFailure);
        int failed = 0;
        for (const EndpointResult &e : s->endpoints) {
            if (e.status != EndpointStatus::Failed) continue;
            ++failed;
            QVERIFY2(e.endpoint.startsWith(QLatin1String("usage/")), qPrintable(e.endpoint));
        }
        QVERIFY(failed > 0);
        EndpointRef usersRef;
        usersRef.kind = EndpointKind::Users;
        const auto users =
            std::find_if(s->endpoints.cbegin(), s->endpoints.cend(),
                         [&](const EndpointResult &e) { return e.endpoint == usersRef.cursorKey(); });
        QVERIFY2(users != s->endpoints.cend() && users->status == EndpointStatus::Ok,
                 "users should still sync");
        const auto it = std::find_if(s->endpoints.cbegin(), s->endpoints.cend(), [](const EndpointResult &e) {
            return e.status == EndpointStatus::Failed;
        });
        QVERIFY2(it->error.contains(QLatin1String("this key lacks api.usage.read")), qPrintable(it->error));
        // Only one request per usage kind's first chain: later chains of the kind are skipped, not hammered.
        int usageRequests = 0;
        for (const test::ServedRequest &r : server.requests())
            if (r.path.contains(QLatin1String("/usage/"))) ++usageRequests;
        QCOMPARE(usageRequests, 1);
        QCOMPARE(test::tableChecksum(*db, QStringLiteral("openai_users"), m_org->orgKey()),
                 m_cleanSums.value(QStringLiteral("openai_users")));
        QCOMPARE(test::tableChecksum(*db, QStringLiteral("openai_costs"), m_org->orgKey()),
                 m_cleanSums.value(QStringLiteral("openai_costs")));
    }

    void serverDyingMidSyncResumes_data()
    {
        QTest::addColumn<int>("after");
        QTest::newRow("early") << 4;
        QTest::newRow("project sub-lists") << m_cleanRequests / 4;
        QTest::newRow("usage") << m_cleanRequests * 3 / 4;
        QTest::newRow("last page") << m_cleanRequests - 1;
    }
    void serverDyingMidSyncResumes()
    {
        QFETCH(int, after);
        QTemporaryDir dir;
        auto db = test::openSqlite(dir);
        {
            test::FakeApiServer dying(m_org);
            QVERIFY(dying.start());
            dying.setExitAfter(after);
            ApiOptions api = test::fastApi(dying.baseUrl());
            api.maxAttempts = 2;
            auto s = test::syncOnce(*db, dying.baseUrl(), test::syncOptions(*m_org), api);
            QVERIFY(s);
            QVERIFY(s->status != SyncStatus::Complete);
        }
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        auto s = test::syncOnce(*db, server.baseUrl(), test::syncOptions(*m_org));
        QVERIFY(s);
        QCOMPARE(s->status, SyncStatus::Complete);
        expectClean(*db);
    }

    void goneRowsAreSoftDeletedAndReappearanceClearsIt_data() { test::addEngineRows(); }
    void goneRowsAreSoftDeletedAndReappearanceClearsIt()
    {
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("sync_gone"));
        if (!db) return;
        SyncOptions o = test::syncOptions(*m_org);
        o.endpoints = QStringList{QStringLiteral("users"), QStringLiteral("projects"),
                                  QStringLiteral("project_users"), QStringLiteral("api_keys")};
        {
            test::FakeApiServer server(m_org);
            QVERIFY(server.start());
            auto s = test::syncOnce(*db, server.baseUrl(), o);
            QVERIFY(s && s->status == SyncStatus::Complete);
        }
        GeneratorOptions later;
        later.revision = 1;
        auto week = std::make_shared<const FixtureOrg>(FixtureOrg::generate(later));
        {
            test::FakeApiServer server(week);
            QVERIFY(server.start());
            auto s = test::syncOnce(*db, server.baseUrl(), o);
            QVERIFY(s && s->status == SyncStatus::Complete);
            qint64 gone = 0;
            for (const WriteCounts &c : s->counts)
                gone += c.gone;
            QVERIFY2(gone > 0, "revision 1 removes members; the sync should soft-delete them");
            EndpointRef users;
            QStringList want;
            for (const QJsonObject &u : week->listObjects(users))
                want << u.value(QLatin1String("id")).toString();
            want.sort();
            QCOMPARE(storedIds(*db, users), want);
        }
        {
            test::FakeApiServer server(m_org);
            QVERIFY(server.start());
            auto s = test::syncOnce(*db, server.baseUrl(), o);
            QVERIFY(s && s->status == SyncStatus::Complete);
            // Everyone revision 1 removed is back (deleted_at cleared); only revision 1's newcomers are gone.
            EndpointRef users;
            QCOMPARE(storedIds(*db, users), servedIds(users));
            QSet<QString> original;
            for (const QString &id : servedIds(users))
                original.insert(id);
            qint64 newcomers = 0;
            for (const QJsonObject &u : week->listObjects(users))
                if (!original.contains(u.value(QLatin1String("id")).toString())) ++newcomers;
            auto stillGone =
                db->scalar(QStringLiteral("SELECT COUNT(*) FROM openai_users WHERE deleted_at IS NOT NULL"));
            QVERIFY(stillGone);
            QCOMPARE(stillGone->toLongLong(), newcomers);
        }
    }

    // A page that fails to commit (here a trigger refuses one audit event of the second page) stops its
    // chain at the last committed page: the first page's rows and cursor are stored, nothing of the
    // second, the other endpoints go on, and the next run completes the chain. Pages are committed on a
    // helper thread; on PostgreSQL the failing page of new rows is the COPY path.
    void pageCommitFailureStopsChainAtLastCommittedPage_data() { test::addEngineRows(); }
    void pageCommitFailureStopsChainAtLastCommittedPage()
    {
        QFETCH(bool, postgres);
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("sync_commit_failure"));
        if (!db) return;
        EndpointRef audit;
        audit.kind = EndpointKind::AuditLogs;
        const QList<QJsonObject> events = m_org->listObjects(audit); // newest first, as served
        QVERIFY(events.size() > 140);
        const QString victim = events[100].value(QLatin1String("id")).toString(); // on page 2 of 70
        const QString trigger =
            postgres
                ? QStringLiteral(
                      "CREATE FUNCTION orgward_test_refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION "
                      "'injected failure'; END $$ LANGUAGE plpgsql; CREATE TRIGGER orgward_test_refuse "
                      "BEFORE INSERT ON openai_audit_logs FOR EACH ROW WHEN (NEW.id = '%1') EXECUTE "
                      "FUNCTION orgward_test_refuse()")
                      .arg(victim)
                : QStringLiteral("CREATE TRIGGER orgward_test_refuse BEFORE INSERT ON openai_audit_logs "
                                 "WHEN NEW.id = '%1' BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
                      .arg(victim);
        QVERIFY2(db->run(trigger), "creating the trigger");
        SyncOptions o = test::syncOptions(*m_org);
        o.listLimit = 70;
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        auto s = test::syncOnce(*db, server.baseUrl(), o);
        QVERIFY2(s, qPrintable(s.errorMessage()));
        QCOMPARE(s->status, SyncStatus::Partial);
        int failed = 0;
        for (const EndpointResult &e : s->endpoints) {
            if (e.status != EndpointStatus::Failed) continue;
            ++failed;
            QCOMPARE(e.endpoint, audit.cursorKey());
            QVERIFY2(e.error.contains(QLatin1String("injected failure")), qPrintable(e.error));
            QCOMPARE(e.nextPage, events[69].value(QLatin1String("id")).toString());
        }
        QCOMPARE(failed, 1);
        QStringList firstPage;
        for (int i = 0; i < 70; ++i)
            firstPage << events[i].value(QLatin1String("id")).toString();
        firstPage.sort();
        QCOMPARE(storedIds(*db, audit), firstPage);
        auto cursor = SyncState(*db).cursor(m_org->orgKey(), audit.cursorKey());
        QVERIFY(cursor);
        QCOMPARE(cursor->nextPage, events[69].value(QLatin1String("id")).toString());
        QCOMPARE(cursor->errorCount, 1);
        EndpointRef users;
        QCOMPARE(storedIds(*db, users), servedIds(users)); // the other endpoints went on

        QVERIFY(db->run(QStringLiteral("DROP TRIGGER orgward_test_refuse%1")
                            .arg(postgres ? QStringLiteral(" ON openai_audit_logs") : QString())));
        auto again = test::syncOnce(*db, server.baseUrl(), o);
        QVERIFY2(again, qPrintable(again.errorMessage()));
        QCOMPARE(again->status, SyncStatus::Complete);
        QCOMPARE(storedIds(*db, audit), servedIds(audit));
    }

    // Issue #13: audit events the API no longer returns (aged out of its retention window) stay stored. A
    // whole read (SyncOptions::fullAuditRead, `sync --audit-log-full`) of an API that now serves only the
    // newer half deletes, soft-deletes and changes none of the older half, and records how far back the
    // API reached then; an incremental run after it leaves that record alone.
    void agedOutAuditEventsStayStored_data() { test::addEngineRows(); }
    void agedOutAuditEventsStayStored()
    {
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("sync_audit_aged_out"));
        if (!db) return;
        const auto restoreClock = qScopeGuard([this] { Clock::freezeAt(m_org->capturedAt()); });
        QVERIFY(tableSpec(EndpointKind::AuditLogs).goneColumn.isEmpty()); // nothing can mark one gone
        SyncOptions o = test::syncOptions(*m_org);
        o.endpoints = QStringList{QStringLiteral("audit_logs")};
        o.listLimit = 40; // several pages, before and after the older half ages out
        EndpointRef audit;
        audit.kind = EndpointKind::AuditLogs;
        const QList<QJsonObject> served = m_org->listObjects(audit); // newest first
        QVERIFY(served.size() > 2 * o.listLimit); // more than one page, also once half aged out
        auto at = [](const QJsonObject &e) {
            return qint64(e.value(QLatin1String("effective_at")).toDouble());
        };
        const QString org = m_org->orgKey();
        {
            test::FakeApiServer server(m_org);
            QVERIFY(server.start());
            auto s = test::syncOnce(*db, server.baseUrl(), o);
            QVERIFY(s && s->status == SyncStatus::Complete);
        }
        const QStringList everyEvent = servedIds(audit);
        QCOMPARE(storedIds(*db, audit), everyEvent);
        auto first = readAuditReach(*db, org);
        QVERIFY2(first, qPrintable(first.errorMessage()));
        QVERIFY(first->apiRead); // the first sync reads the whole audit log
        QCOMPARE(first->apiOldest, at(served.last()));
        QCOMPARE(first->apiReadAt, m_org->capturedAt());
        QCOMPARE(first->onlyLocal, qint64(0));
        const QString before = test::tableChecksum(*db, QStringLiteral("openai_audit_logs"), org);
        const QString stampsBefore = auditStamps(*db);

        // The older half ages out of the API's retention window.
        const qint64 cutoff = at(served.at(served.size() / 2));
        qint64 agedOut = 0, apiOldest = std::numeric_limits<qint64>::max();
        for (const QJsonObject &e : served) {
            if (at(e) < cutoff)
                ++agedOut;
            else
                apiOldest = std::min(apiOldest, at(e));
        }
        QVERIFY(agedOut > 0 && agedOut < served.size());
        test::FakeApiServer server(m_org);
        server.setAuditRetentionStart(cutoff);
        QVERIFY(server.start());
        Clock::freezeAt(m_org->capturedAt() + 3600);
        SyncOptions whole = o;
        whole.fullAuditRead = true;
        auto s = test::syncOnce(*db, server.baseUrl(), whole);
        QVERIFY(s && s->status == SyncStatus::Complete);
        const WriteCounts counts = s->counts.value(QStringLiteral("openai_audit_logs"));
        QCOMPARE(counts.gone, qint64(0));
        QCOMPARE(counts.added + counts.changed, qint64(0));
        QCOMPARE(counts.unchanged, qint64(served.size()) - agedOut);
        QVERIFY(server.requestCount() > 1);
        for (const test::ServedRequest &r : server.requests()) // a whole read: no filter on any page
            QVERIFY2(!r.query.contains(QLatin1String("effective_at")), qPrintable(r.query));

        // Every earlier event is still stored, unchanged (no deleted_at exists to set; updated_at kept).
        QCOMPARE(storedIds(*db, audit), everyEvent);
        QCOMPARE(test::tableChecksum(*db, QStringLiteral("openai_audit_logs"), org), before);
        QCOMPARE(auditStamps(*db), stampsBefore);
        auto second = readAuditReach(*db, org);
        QVERIFY2(second, qPrintable(second.errorMessage()));
        QCOMPARE(second->apiOldest, apiOldest);
        QCOMPARE(second->apiReadAt, m_org->capturedAt() + 3600);
        QCOMPARE(second->onlyLocal, agedOut);
        QCOMPARE(second->localEvents, qint64(served.size()));
        QCOMPARE(second->localOldest, at(served.last()));

        // An incremental run asks only for newer events and leaves the record of the whole read alone.
        Clock::freezeAt(m_org->capturedAt() + 7200);
        const int requestsBefore = server.requestCount();
        auto incremental = test::syncOnce(*db, server.baseUrl(), o);
        QVERIFY(incremental && incremental->status == SyncStatus::Complete);
        QVERIFY(server.requests().at(requestsBefore).query.contains(QLatin1String("effective_at[gte]")));
        QCOMPARE(storedIds(*db, audit), everyEvent);
        auto third = readAuditReach(*db, org);
        QVERIFY(third);
        QCOMPARE(third->apiReadAt, m_org->capturedAt() + 3600);
        QCOMPARE(third->apiOldest, apiOldest);
    }

    // A whole audit log read that stops part-way is resumed by the next run (with or without the option)
    // and records the API's reach from every page of its pass, the pages of the earlier run included.
    void interruptedWholeAuditReadRecordsReachWhenResumed_data() { test::addEngineRows(); }
    void interruptedWholeAuditReadRecordsReachWhenResumed()
    {
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("sync_audit_resumed"));
        if (!db) return;
        SyncOptions o = test::syncOptions(*m_org);
        o.endpoints = QStringList{QStringLiteral("audit_logs")};
        EndpointRef audit;
        audit.kind = EndpointKind::AuditLogs;
        const QList<QJsonObject> served = m_org->listObjects(audit);
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        test::Fault refuse = test::fault(test::Fault::ServerError, QStringLiteral("audit_logs"), -1);
        refuse.cursorOnly = true; // the first page lands, the second never comes
        server.addFault(refuse);
        auto cut = test::syncOnce(*db, server.baseUrl(), o);
        QVERIFY(cut && cut->status != SyncStatus::Complete);
        auto none = readAuditReach(*db, m_org->orgKey());
        QVERIFY(none && !none->apiRead && none->localEvents == o.listLimit);
        server.clearFaults();
        auto resumed = test::syncOnce(*db, server.baseUrl(), o);
        QVERIFY(resumed && resumed->status == SyncStatus::Complete);
        QCOMPARE(storedIds(*db, audit), servedIds(audit));
        auto reach = readAuditReach(*db, m_org->orgKey());
        QVERIFY(reach && reach->apiRead);
        QCOMPARE(reach->apiOldest, qint64(served.last().value(QLatin1String("effective_at")).toDouble()));
        QCOMPARE(reach->onlyLocal, qint64(0));
    }

    // Both ways a page's key range is found before a COPY: by the ids' bytes where the database's
    // collation sorts that way, by the server otherwise (an ICU collation).
    void postgresFullSyncAndResync_data()
    {
        QTest::addColumn<QString>("createOptions");
        QTest::addColumn<int>("byBytes"); // 1 yes, 0 no, -1 whatever the cluster's default is
        QTest::newRow("cluster collation") << QString() << -1;
        QTest::newRow("ICU collation")
            << QStringLiteral("TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'") << 0;
        QTest::newRow("C collation") << QStringLiteral("TEMPLATE template0 LOCALE 'C'") << 1;
    }
    void postgresFullSyncAndResync()
    {
        QFETCH(QString, createOptions);
        QFETCH(int, byBytes);
        auto db = test::openPostgresOrFail(QStringLiteral("sync_full"), createOptions);
        if (!db) return;
        if (byBytes >= 0) QCOMPARE(db->native().textSortsByBytes(), byBytes == 1);
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        auto s = test::syncOnce(*db, server.baseUrl(), test::syncOptions(*m_org));
        QVERIFY2(s, qPrintable(s.errorMessage()));
        QCOMPARE(s->status, SyncStatus::Complete);
        EndpointRef users;
        QCOMPARE(storedIds(*db, users), servedIds(users));
        EndpointRef audit;
        audit.kind = EndpointKind::AuditLogs;
        QCOMPARE(storedIds(*db, audit), servedIds(audit));
        const QMap<QString, QString> want = m_org->costTotalsByProject(m_org->historyStart(), usageEnd());
        auto q = db->exec(
            QStringLiteral(
                "SELECT COALESCE(project_id, ''), %1 FROM openai_costs WHERE org_key = ? AND group_by = ? "
                "GROUP BY COALESCE(project_id, '')")
                .arg(db->sumDecimal(QStringLiteral("amount"))),
            {m_org->orgKey(), QStringLiteral("project_id")});
        QVERIFY2(q, qPrintable(q.errorMessage()));
        QMap<QString, QString> got;
        while (q->next())
            got.insert(q->value(0).toString(), Decimal::parse(q->value(1).toString())->toString());
        QCOMPARE(got, want);
        auto tokens = db->scalar(
            QStringLiteral(
                "SELECT SUM(input_tokens) FROM usage_events WHERE org_key = ? AND kind = 'completions' "
                "AND group_by = 'project_id'"),
            {m_org->orgKey()});
        QVERIFY(tokens);
        QCOMPARE(tokens->toLongLong(),
                 m_org->usageTotal(QStringLiteral("completions"), QStringLiteral("input_tokens"),
                                   m_org->historyStart(), usageEnd()));
        // Every table holds exactly what the SQLite sync stored (pages of new rows were COPYed here).
        expectClean(*db);
        const auto before = test::checksums(*db, m_org->orgKey());
        auto again = test::syncOnce(*db, server.baseUrl(), test::syncOptions(*m_org));
        QVERIFY(again && again->status == SyncStatus::Complete);
        for (auto it = again->counts.cbegin(); it != again->counts.cend(); ++it)
            QVERIFY2(it->added == 0 && it->changed == 0 && it->gone == 0, qPrintable(it.key()));
        QCOMPARE(test::checksums(*db, m_org->orgKey()), before);
    }

    // The progress a GUI bar shows: endpoints done of a total that is known once the project list is in
    // (it decides the project sub-lists) and never changes after; pages counted over all endpoints.
    void progressCountsEndpointsOfAKnownTotal()
    {
        QTemporaryDir dir;
        auto db = test::openSqlite(dir);
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        ApiClient client(test::fastApi(server.baseUrl()));
        SyncEngine engine(*db, client, test::syncOptions(*m_org));
        QList<SyncProgress> reports;
        engine.onProgress = [&reports](const SyncProgress &p) { reports << p; };
        auto s = engine.run();
        QVERIFY2(s, qPrintable(s.errorMessage()));
        QCOMPARE(s->status, SyncStatus::Complete);

        // The plan: organization lists, the sub-lists of each live project, group and user, the trailing
        // lists.
        EndpointRef projectsRef, groupsRef, usersRef;
        projectsRef.kind = EndpointKind::Projects;
        groupsRef.kind = EndpointKind::Groups;
        usersRef.kind = EndpointKind::Users;
        int planned = int(organizationPlan({}).size() + trailingPlan({}).size());
        for (const QJsonObject &p : m_org->listObjects(projectsRef))
            if (!m_org->isArchivedProject(p.value(QLatin1String("id")).toString()))
                planned += int(projectPlan(p.value(QLatin1String("id")).toString(), {}).size());
        const int groups = int(m_org->listObjects(groupsRef).size());
        const int users = int(m_org->listObjects(usersRef).size());
        QVERIFY(groups > 0);
        planned += groups * int(groupPlan(QStringLiteral("g"), {}).size()) +
                   users * int(userPlan(QStringLiteral("u"), {}).size());
        QCOMPARE(int(s->endpoints.size()), planned);
        const QStringList parents{projectsRef.cursorKey(), usersRef.cursorKey(), groupsRef.cursorKey()};

        QVERIFY(!reports.isEmpty());
        int lastDone = 0, lastPages = 0, unknownTotal = 0;
        for (const SyncProgress &p : std::as_const(reports)) {
            if (p.endpointsTotal == 0) {
                // Only while the parent lists (projects, users, groups) are being read.
                QVERIFY2(parents.contains(p.endpoint), qPrintable(p.endpoint));
                ++unknownTotal;
            } else {
                QCOMPARE(p.endpointsTotal, planned);
            }
            QVERIFY(p.endpointsDone >= lastDone);
            QVERIFY(p.endpointsDone <= planned);
            QVERIFY(p.pagesDone >= lastPages);
            lastDone = p.endpointsDone;
            lastPages = p.pagesDone;
        }
        QVERIFY2(unknownTotal < reports.size() / 10, "the total should be known for almost the whole sync");
        QCOMPARE(reports.constLast().endpointsDone, planned);
        QCOMPARE(reports.constLast().endpointsTotal, planned);
        int pages = 0;
        for (const EndpointResult &e : s->endpoints)
            pages += e.pages;
        QCOMPARE(reports.constLast().pagesDone, pages);
    }

    // A key revoked mid-sync (401 on the fifth page of users): the sync stops there, names the endpoint,
    // keeps the four pages before it with their cursor; a run with a valid key resumes, no duplicates.
    void keyRevokedMidSyncStopsAndResumes_data() { test::addEngineRows(); }
    void keyRevokedMidSyncStopsAndResumes()
    {
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("sync_revoked"));
        if (!db) return;
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        constexpr int kPageSize = 2;
        constexpr int kPagesKept = 4;
        EndpointRef users;
        QVERIFY(servedIds(users).size() > (kPagesKept + 1) * kPageSize);
        server.addFault(
            test::fault(test::Fault::RevokeKey, QStringLiteral("/organization/users"), 1, kPagesKept));
        SyncOptions o = test::syncOptions(*m_org);
        o.listLimit = kPageSize;
        auto s = test::syncOnce(*db, server.baseUrl(), o);
        QVERIFY2(s, qPrintable(s.errorMessage()));
        QVERIFY(s->status != SyncStatus::Complete);
        QVERIFY(s->authFailure);
        QCOMPARE(s->keyRefusedAt, users.cursorKey());
        const EndpointResult &last = s->endpoints.constLast();
        QCOMPARE(last.endpoint, users.cursorKey());
        QCOMPARE(last.status, EndpointStatus::Failed);
        QVERIFY2(last.error.contains(QLatin1String("/organization/users")) &&
                     last.error.contains(QLatin1String("HTTP 401")),
                 qPrintable(last.error));
        // Stopped: the refused request was the last one; no other endpoint was asked with a dead key.
        int refused = 0;
        for (const test::ServedRequest &r : server.requests())
            if (r.status == 401) ++refused;
        QCOMPARE(refused, 1);
        QCOMPARE(server.requests().constLast().status, 401);
        // The pages before it are kept, with the cursor after the fourth.
        QCOMPARE(storedIds(*db, users).size(), kPagesKept * kPageSize);
        auto cursor = SyncState(*db).cursor(m_org->orgKey(), users.cursorKey());
        QVERIFY(cursor);
        QVERIFY(!cursor->nextPage.isEmpty());
        QCOMPARE(cursor->errorCount, 1);

        // A valid key again: the run resumes users after the fourth page and ends equal to a clean sync.
        const QString resumeAt = cursor->nextPage;
        server.clearFaults();
        server.setAdminKey(QStringLiteral("sk-admin-test"));
        const qsizetype before = server.requests().size();
        auto again = test::syncOnce(*db, server.baseUrl(), o);
        QVERIFY2(again, qPrintable(again.errorMessage()));
        QCOMPARE(again->status, SyncStatus::Complete);
        bool resumed = false;
        for (qsizetype i = before; i < server.requests().size(); ++i) {
            const test::ServedRequest &r = server.requests()[i];
            if (r.path.endsWith(QLatin1String("/organization/users"))) {
                resumed = r.query.contains(QStringLiteral("after=") + resumeAt);
                break;
            }
        }
        QVERIFY2(resumed, "the users chain did not resume from its cursor");
        QCOMPARE(storedIds(*db, users), servedIds(users));
        expectClean(*db);
    }

    void workerReportsOverQueuedSignalsAndCancels()
    {
        test::FakeApiServer server(m_org);
        QVERIFY(server.start());
        QTemporaryDir dir;
        const DatabaseUrl url = DatabaseUrl::sqlite(dir.filePath(QStringLiteral("w.db")));
        SyncWorker *w =
            SyncWorker::startOnThread(url, test::fastApi(server.baseUrl()), test::syncOptions(*m_org));
        QString threadName;
        connect(w, &SyncWorker::progress, this, [&threadName, w](const SyncProgress &) {
            if (threadName.isEmpty()) threadName = w->thread()->objectName();
        });
        QSignalSpy endpoints(w, &SyncWorker::endpointFinished);
        QSignalSpy done(w, &SyncWorker::finished);
        QVERIFY(done.wait(60000));
        QCOMPARE(threadName, QStringLiteral("orgward-sync"));
        const SyncSummary s = done.first().first().value<SyncSummary>();
        QCOMPARE(s.status, SyncStatus::Complete);
        QCOMPARE(endpoints.size(), s.endpoints.size());
        auto db = Database::open(url);
        QVERIFY(db);
        expectClean(**db);

        // Cancel: a slow server, cancel after the first page; the worker stops promptly.
        server.setDelayMs(300);
        QTemporaryDir dir2;
        SyncWorker *w2 =
            SyncWorker::startOnThread(DatabaseUrl::sqlite(dir2.filePath(QStringLiteral("c.db"))),
                                      test::fastApi(server.baseUrl()), test::syncOptions(*m_org));
        QSignalSpy progress2(w2, &SyncWorker::progress);
        QSignalSpy done2(w2, &SyncWorker::finished);
        QVERIFY(progress2.wait(10000));
        QElapsedTimer t;
        t.start();
        w2->cancel();
        QVERIFY(done2.wait(5000));
        QVERIFY2(t.elapsed() < 2000, "cancel took too long");
        QCOMPARE(done2.first().first().value<SyncSummary>().status, SyncStatus::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "test_sync.moc"
