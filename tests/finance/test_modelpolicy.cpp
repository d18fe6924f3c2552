// Declared model policy and its drift (issue #15), both engines on the bundled fixture org: allowlists per
// project and per workload, snapshots covered by their alias, usage outside the policy or the API's
// permissions with figures checked against SQL, projects whose permissions differ from the policy, and
// refusals that change nothing.
#include "compliance/journal.h"
#include "core/clock.h"
#include "finance/modelpolicy.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace orgward;

namespace {
const QString kFraud = QStringLiteral("proj_z5JtnEZglzXWfL370hAF1R19");
const QString kDefault = QStringLiteral("proj_kLTMjcvBJNFRbb95IvFtxjCM");

const ModelUsage *find(const ModelDrift &d, const QString &project, const QString &model)
{
    for (const ModelUsage &u : d.usage)
        if (u.projectId == project && u.model == model) return &u;
    return nullptr;
}
} // namespace

class TestModelPolicy : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_sqlite, m_pg;
    QString m_org;
    qint64 m_capture = 0;

    Database &db()
    {
        QFETCH(bool, postgres);
        return postgres ? *m_pg : *m_sqlite;
    }

    Status importInto(Database &d)
    {
        Clock::freezeAt(m_capture + 3600);
        auto imported = FixtureImporter(d).run(test::fixturesDir());
        Clock::reset();
        if (!imported) return imported.error();
        m_org = imported->orgKey;
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile f(test::fixturesDir() + QStringLiteral("/manifest.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_capture =
            QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("captured_at")).toInteger();
        m_sqlite = test::openSqlite(m_dir);
        QVERIFY(m_sqlite);
        QVERIFY(importInto(*m_sqlite));
        m_pg = test::openPostgresOrFail(QStringLiteral("finance_modelpolicy"));
        QVERIFY(m_pg);
        QVERIFY(importInto(*m_pg));
    }

    void driftAgainstPolicyAndPermissions_data() { test::addEngineRows(); }
    void driftAgainstPolicyAndPermissions()
    {
        Database &d = db();
        ModelPolicyStore store(d);
        const qint64 from = m_capture - 30 * 86400;
        // Without a policy only the API's permissions count.
        auto before = modelDrift(d, m_org, from, m_capture);
        QVERIFY2(before, qPrintable(before.errorMessage()));
        QVERIFY(before->mismatches.isEmpty());
        for (const ModelUsage &u : std::as_const(before->usage)) {
            QVERIFY(!u.outsidePolicy);
            QVERIFY(u.outsidePermissions);
        }
        const ModelUsage *audio = find(*before, kFraud, QStringLiteral("gpt-4o-audio-preview"));
        QVERIFY(audio);
        // The figures, by SQL over the usage rows grouped by model and project.
        auto q = d.exec(
            QStringLiteral("SELECT SUM(input_tokens), SUM(num_model_requests), MIN(%2), MAX(%2) FROM "
                           "usage_events WHERE org_key = ? AND kind = 'completions' AND group_by = "
                           "'model,project_id' AND project_id = ? AND model = ? AND bucket_start >= %1 "
                           "AND bucket_start < %1")
                .arg(d.secsToTs(QStringLiteral("?")), d.tsToSecs(QStringLiteral("bucket_start"))),
            {m_org, kFraud, QStringLiteral("gpt-4o-audio-preview"), from, m_capture});
        QVERIFY(q && q->next());
        QCOMPARE(audio->inputTokens, q->value(0).toLongLong());
        QCOMPARE(audio->requests, q->value(1).toLongLong());
        QCOMPARE(audio->firstSeen, q->value(2).toLongLong());
        QCOMPARE(audio->lastSeen, q->value(3).toLongLong());
        QVERIFY(audio->requests > 0);

        // A project's own allowlist and a workload's ("Default project" is experimentation by rule).
        QVERIFY(store.set(m_org, *BudgetScope::parse(u"project:" + kFraud), suggestedAllowedModels()));
        QVERIFY(store.set(m_org, *BudgetScope::parse(QStringLiteral("workload:experimentation")),
                          {QStringLiteral("gpt-4o-mini"), QStringLiteral("o3")}));
        auto drift = modelDrift(d, m_org, from, m_capture);
        QVERIFY(drift);
        const ModelUsage *gpt4o = find(*drift, kFraud, QStringLiteral("gpt-4o-2024-08-06"));
        QVERIFY(gpt4o);
        QVERIFY(gpt4o->outsidePolicy);
        QVERIFY(!gpt4o->outsidePermissions); // the API allows it
        QCOMPARE(gpt4o->policySource, QStringLiteral("project"));
        const ModelUsage *gpt5 = find(*drift, kFraud, QStringLiteral("gpt-5-2025-08-07"));
        QVERIFY(gpt5);
        QVERIFY(!gpt5->outsidePolicy); // "gpt-5" covers its snapshot
        QVERIFY(gpt5->outsidePermissions);
        QVERIFY(!find(*drift, kDefault, QStringLiteral("gpt-4o-mini-2024-07-18"))); // allowed by the workload
        QVERIFY(!find(*drift, kDefault, QStringLiteral("o3-2025-04-16")));
        const ModelUsage *dflt = find(*drift, kDefault, QStringLiteral("gpt-5-2025-08-07"));
        QVERIFY(dflt && dflt->outsidePolicy);
        QCOMPARE(dflt->policySource, QStringLiteral("workload:experimentation"));
        // Fraud scoring's API allow list differs from the policy both ways.
        const PermissionMismatch *m = nullptr;
        for (const PermissionMismatch &x : std::as_const(drift->mismatches))
            if (x.projectId == kFraud) m = &x;
        QVERIFY(m);
        QCOMPARE(m->apiMode, QStringLiteral("allow_list"));
        QCOMPARE(m->notAllowedByApi, (QStringList{QStringLiteral("gpt-5"), QStringLiteral("gpt-5-mini")}));
        QVERIFY(m->allowedBeyond.contains(QStringLiteral("gpt-4o-2024-08-06")));
        QVERIFY(!m->allowedBeyond.contains(QStringLiteral("text-embedding-3-small")));

        // Refusals change nothing; removing is an empty list. Every change journaled.
        JournalFilter jf;
        jf.kind = JournalKind::BudgetChange;
        const qint64 journaled = Journal(d).entries(jf)->size();
        const QString before2 = test::tableChecksum(d, QStringLiteral("orgward_model_allowlists"), m_org);
        Status s = store.set(m_org, BudgetScope{}, {QStringLiteral("gpt-5")});
        QVERIFY(!s && s.errorMessage().contains(QLatin1String("per project:ID or workload:NAME")));
        s = store.set(m_org, *BudgetScope::parse(QStringLiteral("project:proj_none")),
                      {QStringLiteral("gpt-5")});
        QVERIFY(!s && s.errorMessage().contains(QLatin1String("no project 'proj_none'")));
        s = store.set(m_org, *BudgetScope::parse(u"project:" + kFraud), {QStringLiteral("gpt 5")});
        QVERIFY(!s && s.errorMessage().contains(QLatin1String("'gpt 5' is not a model id")));
        QCOMPARE(test::tableChecksum(d, QStringLiteral("orgward_model_allowlists"), m_org), before2);
        QCOMPARE(Journal(d).entries(jf)->size(), journaled);
        QVERIFY(store.set(m_org, *BudgetScope::parse(u"project:" + kFraud), {}));
        QVERIFY(store.set(m_org, *BudgetScope::parse(QStringLiteral("workload:experimentation")), {}));
        QVERIFY(store.list(m_org)->isEmpty());
        QCOMPARE(Journal(d).entries(jf)->size(), journaled + 2);
    }
};

QTEST_GUILESS_MAIN(TestModelPolicy)
#include "test_modelpolicy.moc"
