// Row history (issue #13), both engines: revisions 0 to 3 of a generated org imported one after the other;
// as of each revision's capture time every entity equals that revision imported alone into a fresh
// database; the diff between two capture times lists exactly the changes the generator wrote to
// changes.json; an unchanged re-import writes no version; every current row has exactly one open version
// equal to it; before the first observation the org is unknown, not empty.
#include "compliance/history.h"
#include "domain/tables.h"
#include "fixtures/changelist.h"
#include "fixtures/fixtureorg.h"
#include "fixtures/generator.h"
#include "store/migration_v12_history.h"
#include "sync/fixtureimporter.h"
#include "sync/syncfixture.h"
#include "testsupport/historycheck.h"
#include "testsupport/testsupport.h"

#include <QDateTime>
#include <QFile>
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

// A value as text, so the generator's parsed values (numbers, booleans, Unix times) and the diff's (ISO 8601
// times) compare by what they say; types are checked by the as-of comparison with lone imports.
QString jsonText(const QJsonValue &v)
{
    if (v.isDouble() && v.toDouble() == double(v.toInteger())) return QString::number(v.toInteger());
    if (v.isString() && v.toString().endsWith(u'Z')) {
        const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
        if (t.isValid()) return QString::number(t.toSecsSinceEpoch());
    }
    if (v.isString()) return v.toString();
    if (v.isArray()) return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject()) return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return v.isBool() ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                      : QStringLiteral("null");
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
    QStringList m_revs; // fixture folders of revisions 0..3
    QString m_rev0;

    Result<ImportSummary> importAt(Database &db, const QString &dir, qint64 at)
    {
        Clock::freezeAt(at);
        return FixtureImporter(db).run(dir);
    }

    struct Seen
    {
        bool roleChange = false, alertChange = false, deletionExplained = false, reappeared = false,
             serviceAccount = false;
    };

    // The diff between a revision's two capture times is exactly what the generator says it changed: the
    // same rows and change kinds, the same fields old → new (noise left out), the same audit events.
    void diffMatches(Database &db, const QString &org, const FixtureRevisionChanges &rev, Seen *seen)
    {
        QMap<QString, FixtureChange> want;
        for (const FixtureChange &c : rev.changes) {
            FixtureChange x = c;
            for (const QString &n : historyNoiseColumns(c.table))
                x.fields.remove(n);
            if (x.change == u"changed" && x.fields.isEmpty()) continue; // noise only: not a change
            want.insert(changeKey(x.entity, x.rowKey, x.change), x);
        }
        QVERIFY(want.size() >= 5);
        auto diff = diffBetween(db, org, rev.from + 1, rev.to + 1);
        QVERIFY2(diff, qPrintable(diff.errorMessage()));
        QStringList got;
        QSet<QString> runs; // the one sync or import that observed the revision
        for (const EntityChange &c : std::as_const(*diff)) {
            const QString key = changeKey(c.entity.name, c.id, changeText(c.change));
            got << key;
            runs << c.observedBy;
            const FixtureChange w = want.value(key);
            if (w.rowKey.isEmpty()) continue; // reported below as unexpected
            QMap<QString, QPair<QString, QString>> fields, wantFields;
            for (const auto &[field, old, now] : c.fields)
                fields.insert(field, qMakePair(jsonText(old), jsonText(now)));
            for (auto it = w.fields.cbegin(); it != w.fields.cend(); ++it)
                wantFields.insert(it.key(), qMakePair(jsonText(it->first), jsonText(it->second)));
            if (fields != wantFields) qWarning().noquote() << "revision" << rev.revision << key;
            QCOMPARE(fields, wantFields);
            QStringList evidence = c.evidence, wantEvidence = w.evidence;
            evidence.sort();
            wantEvidence.sort();
            QCOMPARE(evidence, wantEvidence);
            QVERIFY2(c.observedAt > 0 || c.change == ChangeKind::Removed, qPrintable(key));
            if (c.entity.name == u"members" && c.change == ChangeKind::Removed && rev.revision == 1)
                seen->deletionExplained =
                    c.happenedFrom == u"audit_log" && c.happenedAt > rev.from && c.happenedAt <= rev.to;
            seen->reappeared |= c.entity.name == u"members" && c.change == ChangeKind::Reappeared;
            seen->serviceAccount |= c.entity.name == u"service_accounts" && c.change == ChangeKind::Added &&
                                    !c.evidence.isEmpty();
            for (const auto &[field, old, now] : c.fields) {
                if (c.entity.name == u"members" && field == u"role")
                    seen->roleChange |= old.toString() == u"reader" && now.toString() == u"owner";
                if (c.entity.name == u"spend_alerts" && field == u"threshold_amount")
                    seen->alertChange |= old.toInteger() == 5000000 && now.toInteger() == 6000000;
                QVERIFY2(!historyNoiseColumns(c.entity.table).contains(field), qPrintable(field));
            }
        }
        QCOMPARE(runs.size(), 1);
        QVERIFY2(!runs.cbegin()->isEmpty(), "each change names the run that observed it");
        QStringList wanted = want.keys();
        got.sort();
        wanted.sort();
        QCOMPARE(got, wanted);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        GeneratorOptions o;
        for (int r = 0; r <= kLastFixtureRevision; ++r) {
            o.revision = r;
            m_revs << m_dir.filePath(QStringLiteral("rev%1").arg(r));
            QVERIFY(FixtureGenerator(o).write(m_revs.last()).ok());
        }
        m_rev0 = m_revs[0];
        QVERIFY2(!QFile::exists(m_rev0 + QStringLiteral("/changes.json")), "revision 0 changes nothing");
    }
    void cleanupTestCase() { Clock::reset(); }

    // Revisions 0 to 3 imported one after the other, each at its capture time: as of each capture time every
    // entity equals that revision imported alone into a fresh database, and the diff between two capture
    // times lists exactly the changes the generator made (changes.json), field by field, with the audit
    // events it emitted for them.
    void asOfAndDiffFollowTheRevisions_data() { test::addEngineRows(); }
    void asOfAndDiffFollowTheRevisions()
    {
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("history_revisions"));
        if (!db) return;
        auto made = readFixtureChanges(m_revs.last() + QStringLiteral("/changes.json"));
        QVERIFY2(made, qPrintable(made.errorMessage()));
        QCOMPARE(made->size(), kLastFixtureRevision);
        QList<qint64> at{made->first().from};
        for (const FixtureRevisionChanges &r : std::as_const(*made))
            at << r.to;
        QString org;
        std::vector<std::unique_ptr<Database>> alone;
        for (int r = 0; r <= kLastFixtureRevision; ++r) {
            auto imported = importAt(*db, m_revs[r], at[r]);
            QVERIFY2(imported, qPrintable(imported.errorMessage()));
            org = imported->orgKey;
            alone.push_back(test::openSqlite(dir, QStringLiteral("alone%1.db").arg(r)));
            QVERIFY(importAt(*alone.back(), m_revs[r], at[r]).ok());
        }
        Clock::freezeAt(at.last() + kSecondsPerDay);
        QStringList archived; // by the last revision: their sub-lists stay as last seen
        auto q =
            alone.back()->exec(QStringLiteral("SELECT id FROM openai_projects WHERE status = 'archived'"));
        QVERIFY(q);
        while (q->next())
            archived << q->value(0).toString();

        // As of each capture time: exactly that revision.
        for (int r = 0; r <= kLastFixtureRevision; ++r) {
            int compared = 0;
            for (const HistoryEntity &e : historyEntities()) {
                auto got = statesAsOf(*db, org, e, at[r] + 1);
                QVERIFY2(got, qPrintable(got.errorMessage()));
                const QStringList scope = r == 0 ? QStringList() : archived;
                const StateMap g = withoutArchivedScope(mapOf(*got), scope, e),
                               w = withoutArchivedScope(presentOf(*alone[size_t(r)], org, e), scope, e);
                for (auto it = w.cbegin(); it != w.cend(); ++it)
                    if (g.value(it.key()) != it.value())
                        qWarning().noquote()
                            << "revision" << r << e.name << it.key() << "want"
                            << QJsonDocument(it.value()).toJson(QJsonDocument::Compact) << "got"
                            << QJsonDocument(g.value(it.key())).toJson(QJsonDocument::Compact);
                for (auto it = g.cbegin(); it != g.cend(); ++it)
                    if (!w.contains(it.key()))
                        qWarning().noquote() << "revision" << r << e.name << it.key() << "not expected";
                QCOMPARE(g, w);
                compared += int(got->size());
            }
            QVERIFY(compared > 300);
        }

        // Between consecutive capture times: the generator's changes, no more, no less.
        Seen seen;
        for (const FixtureRevisionChanges &rev : std::as_const(*made)) {
            diffMatches(*db, org, rev, &seen);
            if (QTest::currentTestFailed()) return;
        }
        QVERIFY2(seen.roleChange, "revision 1 promotes a reader to owner");
        QVERIFY2(seen.alertChange, "revision 1 raises an org spend alert from 5,000,000 to 6,000,000 cents");
        QVERIFY2(seen.deletionExplained, "a removed member is explained by its user.deleted audit event");
        QVERIFY2(seen.reappeared, "revision 3 brings back a member revision 1 removed");
        QVERIFY2(seen.serviceAccount, "revision 2 creates a service account, explained by its audit event");

        // What an as-of answer rests on: the import before the instant, and the next one.
        auto basis = asOfBasis(*db, org, at[1] + 3600);
        QVERIFY2(basis, qPrintable(basis.errorMessage()));
        QCOMPARE(basis->observedAt, at[1]);
        QCOMPARE(basis->source, QStringLiteral("import"));
        QCOMPARE(basis->nextObservedAt, at[2]);
        QVERIFY2(describeAsOfBasis(*basis).startsWith(u"As the import of 2026-11-27 00:00 UTC observed it"),
                 qPrintable(describeAsOfBasis(*basis)));

        // Before the first observation: unknown, said plainly.
        auto before = statesAsOf(*db, org, historyEntities().first(), at[0] - 1);
        QVERIFY(!before);
        QVERIFY2(before.errorMessage().contains(u"no record"), qPrintable(before.errorMessage()));
        auto counts = countsAsOf(*db, org, at[0] - kSecondsPerDay);
        QVERIFY(!counts);

        // Unchanged re-import: no version.
        auto versions = [&db] {
            return db->scalar(QStringLiteral("SELECT COUNT(*) FROM orgward_history"))->toLongLong();
        };
        const qint64 n = versions();
        QVERIFY(importAt(*db, m_revs.last(), at.last() + kSecondsPerDay).ok());
        QCOMPARE(versions(), n);
        QVERIFY2(test::historyConsistent(*db), "every current row has one open version equal to it");
    }

    // Against the local Admin API: sync the org, then the same org a week later (a member deleted, a reader
    // promoted to owner, a project archived, a spend alert raised) and two weeks later (a service account
    // created, a project renamed, a rate limit raised, the promotion undone, a member invited), syncing each
    // time: the diffs report exactly the generator's changes with their audit events.
    void liveSyncDiffReportsTheServedChanges_data() { test::addEngineRows(); }
    void liveSyncDiffReportsTheServedChanges()
    {
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("history_live"));
        if (!db) return;
        GeneratorOptions o;
        o.revision = 2;
        auto made = fixtureRevisionChanges(o);
        QVERIFY2(made, qPrintable(made.errorMessage()));
        QString org;
        for (int r = 0; r <= 2; ++r) {
            o.revision = r;
            auto served = std::make_shared<const FixtureOrg>(FixtureOrg::generate(o));
            test::FakeApiServer server(served);
            QVERIFY(server.start());
            org = served->orgKey();
            Clock::freezeAt(served->capturedAt());
            auto s = test::syncOnce(*db, server.baseUrl(), test::syncOptions(*served));
            QVERIFY2(s && s->status == SyncStatus::Complete, qPrintable(s ? s->message : s.errorMessage()));
            QVERIFY2(test::historyConsistent(*db),
                     qPrintable(QStringLiteral("history after sync %1").arg(r)));
        }
        Seen seen;
        for (const FixtureRevisionChanges &rev : std::as_const(*made)) {
            // A sync observes at its clock, the capture time itself.
            FixtureRevisionChanges atSync = rev;
            atSync.from -= 1;
            atSync.to -= 1;
            diffMatches(*db, org, atSync, &seen);
            if (QTest::currentTestFailed()) return;
        }
        QVERIFY2(seen.roleChange, "the promoted member");
        QVERIFY2(seen.deletionExplained, "a deleted member, explained by its audit event");
        QVERIFY2(seen.serviceAccount, "the created service account, explained by its audit event");
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
