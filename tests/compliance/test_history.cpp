// Row history (issue #13), both engines: revisions 0 and 1 of a generated org imported one after the other;
// as of each revision's capture time every entity equals that revision imported alone into a fresh
// database; the diff between the two lists exactly the differences of those lone copies (and the ones the
// generator is known to make); an unchanged re-import writes no version; every current row has exactly
// one open version equal to it; before the first observation the org is unknown, not empty.
#include "compliance/history.h"
#include "domain/tables.h"
#include "fixtures/fixtureorg.h"
#include "fixtures/generator.h"
#include "store/migration_v12_history.h"
#include "sync/fixtureimporter.h"
#include "sync/syncfixture.h"
#include "testsupport/historycheck.h"
#include "testsupport/testsupport.h"

#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace orgward;

namespace {
constexpr qint64 kWeek = 7 * kSecondsPerDay;

using StateMap = QMap<QString, QJsonObject>; // row key → data

StateMap mapOf(const QList<EntityState> &states)
{
    StateMap m;
    for (const EntityState &s : states)
        m.insert(s.rowKey, s.data);
    return m;
}

// An entity's present rows in a database that holds one revision only (its history's open versions).
StateMap presentOf(Database &db, const QString &org, const HistoryEntity &e)
{
    auto s = statesAsOf(db, org, e, Clock::nowSecs());
    return s ? mapOf(*s)
             : StateMap{{QStringLiteral("error"), QJsonObject{{QStringLiteral("e"), s.errorMessage()}}}};
}

// Rows under a project archived in the later revision: the API answers 400 for an archived project's
// sub-lists, so the mirror keeps their last observed state while a lone import of that revision never saw
// them. Both sides leave them out of the comparison.
StateMap withoutArchivedScope(StateMap m, const QStringList &archived, const HistoryEntity &e)
{
    bool projectScoped = false;
    for (const TableSpec *t : allSyncedTables())
        projectScoped |= t->table == e.table && t->scopeColumns.contains(QStringLiteral("project_id"));
    if (!projectScoped) return m;
    for (auto it = m.begin(); it != m.end();)
        it = archived.contains(it.key().section(u'/', 0, 0)) ? m.erase(it) : ++it;
    return m;
}

QString changeKey(const QString &entity, const QString &id, const QString &change)
{
    return entity + u' ' + id + u' ' + change;
}
} // namespace

class TestHistory : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_rev0, m_rev1;

    Result<ImportSummary> importAt(Database &db, const QString &dir, qint64 at)
    {
        Clock::freezeAt(at);
        return FixtureImporter(db).run(dir);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_rev0 = m_dir.filePath(QStringLiteral("rev0"));
        m_rev1 = m_dir.filePath(QStringLiteral("rev1"));
        GeneratorOptions o;
        QVERIFY(FixtureGenerator(o).write(m_rev0).ok());
        o.revision = 1;
        QVERIFY(FixtureGenerator(o).write(m_rev1).ok());
    }
    void cleanupTestCase() { Clock::reset(); }

    void asOfAndDiffFollowTheRevisions_data() { test::addEngineRows(); }
    void asOfAndDiffFollowTheRevisions()
    {
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("history_revisions"));
        if (!db) return;
        auto alone0 = test::openSqlite(dir, QStringLiteral("alone0.db"));
        auto alone1 = test::openSqlite(dir, QStringLiteral("alone1.db"));
        const qint64 t0 = 1795132800; // 2026-11-20, the fixtures' capture day
        const qint64 t1 = t0 + kWeek;
        auto r0 = importAt(*db, m_rev0, t0);
        QVERIFY2(r0, qPrintable(r0.errorMessage()));
        const QString org = r0->orgKey;
        QVERIFY(importAt(*alone0, m_rev0, t0).ok());
        QVERIFY(importAt(*alone1, m_rev1, t1).ok());
        auto r1 = importAt(*db, m_rev1, t1);
        QVERIFY2(r1, qPrintable(r1.errorMessage()));
        Clock::freezeAt(t1 + kSecondsPerDay);

        QStringList archived;
        auto q = alone1->exec(QStringLiteral("SELECT id FROM openai_projects WHERE status = 'archived'"));
        QVERIFY(q);
        while (q->next())
            archived << q->value(0).toString();
        QVERIFY(!archived.isEmpty());

        // As of each capture time: exactly that revision.
        int compared = 0;
        for (const HistoryEntity &e : historyEntities()) {
            auto at0 = statesAsOf(*db, org, e, t0 + 1);
            QVERIFY2(at0, qPrintable(at0.errorMessage()));
            QCOMPARE(mapOf(*at0), presentOf(*alone0, org, e));
            auto at1 = statesAsOf(*db, org, e, t1 + 1);
            QVERIFY2(at1, qPrintable(at1.errorMessage()));
            const StateMap got1 = withoutArchivedScope(mapOf(*at1), archived, e),
                           want1 = withoutArchivedScope(presentOf(*alone1, org, e), archived, e);
            for (auto it = want1.cbegin(); it != want1.cend(); ++it)
                if (got1.value(it.key()) != it.value())
                    qWarning().noquote()
                        << e.name << it.key() << "want"
                        << QJsonDocument(it.value()).toJson(QJsonDocument::Compact) << "got"
                        << QJsonDocument(got1.value(it.key())).toJson(QJsonDocument::Compact);
            for (auto it = got1.cbegin(); it != got1.cend(); ++it)
                if (!want1.contains(it.key())) qWarning().noquote() << e.name << it.key() << "not expected";
            QCOMPARE(got1, want1);
            compared += int(at1->size());
        }
        QVERIFY(compared > 300);

        // The diff: the lone copies' differences, no more, no less.
        QSet<QString> expected;
        for (const HistoryEntity &e : historyEntities()) {
            const StateMap a = withoutArchivedScope(presentOf(*alone0, org, e), archived, e),
                           b = withoutArchivedScope(presentOf(*alone1, org, e), archived, e);
            const QStringList noise = historyNoiseColumns(e.table);
            for (auto it = a.cbegin(); it != a.cend(); ++it)
                if (!b.contains(it.key())) expected << changeKey(e.name, it.key(), QStringLiteral("removed"));
            for (auto it = b.cbegin(); it != b.cend(); ++it) {
                if (!a.contains(it.key())) {
                    expected << changeKey(e.name, it.key(), QStringLiteral("added"));
                    continue;
                }
                QJsonObject x = a.value(it.key()), y = it.value();
                for (const QString &n : noise) {
                    x.remove(n);
                    y.remove(n);
                }
                if (x != y) expected << changeKey(e.name, it.key(), QStringLiteral("changed"));
            }
        }
        auto diff = diffBetween(*db, org, t0 + 1, t1 + 1);
        QVERIFY2(diff, qPrintable(diff.errorMessage()));
        QSet<QString> got;
        bool roleChange = false, alertChange = false, deletionExplained = false;
        for (const EntityChange &c : *diff) {
            // A member removed in revision 1 has its user.deleted event as evidence, and that event's time.
            if (c.entity.name == u"members" && c.change == ChangeKind::Removed && !c.evidence.isEmpty()) {
                deletionExplained = c.happenedFrom == u"audit_log" && c.happenedAt > t0 && c.happenedAt <= t1;
                if (!deletionExplained) break;
            }
            got << changeKey(c.entity.name, c.id, changeText(c.change));
            QCOMPARE(c.observedAt > 0 || c.change == ChangeKind::Removed, true);
            for (const auto &[field, old, now] : c.fields) {
                if (c.entity.name == u"members" && field == u"role")
                    roleChange |= old.toString() == u"reader" && now.toString() == u"owner";
                if (c.entity.name == u"spend_alerts" && field == u"threshold_amount")
                    alertChange |= old.toInteger() == 5000000 && now.toInteger() == 6000000;
                QVERIFY2(!historyNoiseColumns(c.entity.table).contains(field), qPrintable(field));
            }
        }
        QVERIFY(expected.size() >= 10);
        QCOMPARE(got, expected);
        QVERIFY2(roleChange, "revision 1 promotes a reader to owner");
        QVERIFY2(alertChange, "revision 1 raises an org spend alert from 5,000,000 to 6,000,000 cents");
        QVERIFY2(deletionExplained, "a removed member is explained by its user.deleted audit event");

        // Before the first observation: unknown, said plainly.
        auto before = statesAsOf(*db, org, historyEntities().first(), t0 - 1);
        QVERIFY(!before);
        QVERIFY2(before.errorMessage().contains(u"no record"), qPrintable(before.errorMessage()));
        auto counts = countsAsOf(*db, org, t0 - kSecondsPerDay);
        QVERIFY(!counts);

        // Unchanged re-import: no version.
        auto versions = [&db] {
            return db->scalar(QStringLiteral("SELECT COUNT(*) FROM orgward_history"))->toLongLong();
        };
        const qint64 n = versions();
        QVERIFY(importAt(*db, m_rev1, t1 + kSecondsPerDay).ok());
        QCOMPARE(versions(), n);
        QVERIFY2(test::historyConsistent(*db), "every current row has one open version equal to it");
    }

    // Against the local Admin API: sync the org, then the same org a week later (a member deleted, a reader
    // promoted to owner, a project archived, a spend alert raised), sync again: the diff reports exactly
    // the differences of the two served states, each removal explained by its audit event.
    void liveSyncDiffReportsTheServedChanges_data() { test::addEngineRows(); }
    void liveSyncDiffReportsTheServedChanges()
    {
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("history_live"));
        if (!db) return;
        GeneratorOptions o;
        auto week0 = std::make_shared<const FixtureOrg>(FixtureOrg::generate(o));
        o.revision = 1;
        auto week1 = std::make_shared<const FixtureOrg>(FixtureOrg::generate(o));
        test::FakeApiServer first(week0), second(week1);
        QVERIFY(first.start());
        QVERIFY(second.start());
        const qint64 t0 = week0->capturedAt(), t1 = week1->capturedAt();
        QVERIFY(t1 > t0);
        Clock::freezeAt(t0);
        auto s0 = test::syncOnce(*db, first.baseUrl(), test::syncOptions(*week0));
        QVERIFY2(s0 && s0->status == SyncStatus::Complete, qPrintable(s0 ? s0->message : s0.errorMessage()));
        Clock::freezeAt(t1);
        auto s1 = test::syncOnce(*db, second.baseUrl(), test::syncOptions(*week1));
        QVERIFY2(s1 && s1->status == SyncStatus::Complete, qPrintable(s1 ? s1->message : s1.errorMessage()));
        QVERIFY2(test::historyConsistent(*db), "history after two syncs");

        auto diff = diffBetween(*db, week0->orgKey(), t0, t1);
        QVERIFY2(diff, qPrintable(diff.errorMessage()));
        QMap<QString, QStringList> byEntity;
        bool archived = false, promoted = false;
        int explainedRemovals = 0, removals = 0;
        for (const EntityChange &c : *diff) {
            byEntity[c.entity.name] << changeText(c.change) + u' ' + c.id;
            for (const auto &[field, old, now] : c.fields) {
                archived |=
                    c.entity.name == u"projects" && field == u"status" && now.toString() == u"archived";
                promoted |= c.entity.name == u"members" && field == u"role" && now.toString() == u"owner";
            }
            if (c.entity.name == u"members" && c.change == ChangeKind::Removed) {
                ++removals;
                explainedRemovals += c.evidence.isEmpty() ? 0 : 1;
            }
        }
        // What the two served states differ by, per entity (row keys as the history stores them).
        auto served = [](const FixtureOrg &org, EndpointKind kind) {
            EndpointRef r;
            r.kind = kind;
            QSet<QString> ids;
            for (const QJsonObject &x : org.listObjects(r))
                if (!x.value(QLatin1String("deleted")).toBool())
                    ids << x.value(QLatin1String("id")).toString();
            return ids;
        };
        const QSet<QString> users0 = served(*week0, EndpointKind::Users),
                            users1 = served(*week1, EndpointKind::Users);
        QStringList wantMembers;
        for (const QString &id : users0 - users1)
            wantMembers << QStringLiteral("removed ") + id;
        for (const QString &id : users1 - users0)
            wantMembers << QStringLiteral("added ") + id;
        QStringList gotMembers;
        for (const QString &line : byEntity.value(QStringLiteral("members")))
            if (!line.startsWith(u"changed")) gotMembers << line;
        wantMembers.sort();
        gotMembers.sort();
        QCOMPARE(gotMembers, wantMembers);
        QVERIFY(removals > 0);
        QCOMPARE(explainedRemovals, removals);
        QVERIFY2(archived, "the archived project");
        QVERIFY2(promoted, "the promoted member");
    }

    // A billed amount that changes for a closed day is a correction event, whoever writes it; a provisional
    // bucket's change is not.
    void closedDayCostChangeIsACorrection_data() { test::addEngineRows(); }
    void closedDayCostChangeIsACorrection()
    {
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("history_corrections"));
        if (!db) return;
        QVERIFY(importAt(*db, m_rev0, 1795132800).ok());
        auto id =
            db->scalar(QStringLiteral("SELECT MIN(id) FROM openai_costs WHERE provisional = ? AND amount IS "
                                      "NOT NULL"),
                       {false});
        QVERIFY(id && !id->toString().isEmpty());
        QVERIFY(db->run(
            QStringLiteral("UPDATE openai_costs SET amount = amount + 1, updated_at = ? WHERE id = ?"),
            {db->bindTimestamp(1795132900), *id}));
        auto n =
            db->scalar(QStringLiteral("SELECT COUNT(*) FROM orgward_cost_corrections WHERE cost_id = ? AND "
                                      "old_amount IS NOT NULL AND new_amount IS NOT NULL"),
                       {*id});
        QVERIFY(n);
        QCOMPARE(n->toInt(), 1);
        auto open =
            db->scalar(QStringLiteral("SELECT MIN(id) FROM openai_costs WHERE provisional = ?"), {true});
        if (open && !open->toString().isEmpty()) {
            QVERIFY(db->run(QStringLiteral("UPDATE openai_costs SET amount = '1' WHERE id = ?"), {*open}));
            auto none = db->scalar(
                QStringLiteral("SELECT COUNT(*) FROM orgward_cost_corrections WHERE cost_id = ?"), {*open});
            QVERIFY(none);
            QCOMPARE(none->toInt(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "test_history.moc"
