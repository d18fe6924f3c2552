// Offline import of the bundled fixture org: same counts on SQLite and PostgreSQL, idempotent re-import,
// a newer snapshot updates and soft-deletes, and malformed files fail precisely without losing data.
#include "compliance/journal.h"
#include "core/decimal.h"
#include "domain/tables.h"
#include "fixtures/generator.h"
#include "store/syncstate.h"
#include "store/tablecounts.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace orgward;

namespace {
QMap<QString, qint64> countsOf(Database &db, const QString &org)
{
    QMap<QString, qint64> out;
    auto c = tableCounts(db, org);
    if (!c) qFatal("%s", qPrintable(c.errorMessage()));
    for (const TableCount &t : *c)
        out.insert(t.table, t.total);
    return out;
}
QMap<QString, QString> checksums(Database &db, const QString &org)
{
    QMap<QString, QString> out;
    for (const TableSpec *t : allSyncedTables())
        out.insert(t->table, test::tableChecksum(db, t->table, org));
    return out;
}
bool copyDir(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = to + src.mid(from.size());
        QDir().mkpath(QFileInfo(dst).absolutePath());
        if (!QFile::copy(src, dst)) return false;
    }
    return true;
}
QJsonArray manifestResponses(const QString &dir)
{
    QFile f(dir + QStringLiteral("/manifest.json"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("responses")).toArray();
}
} // namespace

class TestImport : public QObject
{
    Q_OBJECT
private:
    QString m_org;

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(test::fixturesDir() + QStringLiteral("/manifest.json")),
                 "the bundled fixtures/ folder is missing");
    }

    void sqliteImportIsIdempotentAndComplete()
    {
        QTemporaryDir dir;
        auto db = test::openSqlite(dir);
        auto first = FixtureImporter(*db).run(test::fixturesDir());
        QVERIFY2(first, qPrintable(first.errorMessage()));
        m_org = first->orgKey;
        const auto counts = countsOf(*db, m_org);
        // The fixture org covers every table of the Admin API surface.
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            QVERIFY2(it.value() > 0, qPrintable(it.key() + QStringLiteral(" is empty")));
        for (auto it = first->counts.cbegin(); it != first->counts.cend(); ++it)
            QCOMPARE(it->changed + it->unchanged, 0);
        const auto before = checksums(*db, m_org);

        auto second = FixtureImporter(*db).run(test::fixturesDir());
        QVERIFY2(second, qPrintable(second.errorMessage()));
        for (auto it = second->counts.cbegin(); it != second->counts.cend(); ++it) {
            QVERIFY2(it->added == 0 && it->changed == 0 && it->gone == 0, qPrintable(it.key()));
            QVERIFY(it->unchanged > 0);
        }
        QCOMPARE(countsOf(*db, m_org), counts);
        QCOMPARE(checksums(*db, m_org), before);
        QCOMPARE(db->scalar(QStringLiteral(
                                "SELECT COUNT(*) FROM openai_admin_sync_runs WHERE status = 'complete'"))
                     ->toInt(),
                 2);
        // Each import is journaled with its run, in the same transaction as the run's record.
        auto journal = Journal(*db).entries();
        QVERIFY(journal);
        QCOMPARE(journal->size(), 2);
        for (const JournalEntry &e : *journal) {
            QCOMPARE(e.kind, QStringLiteral("import"));
            QCOMPARE(e.orgKey, m_org);
        }
        QCOMPARE(QJsonDocument::fromJson(journal->last().payload)
                     .object()
                     .value(QStringLiteral("run_id"))
                     .toString(),
                 second->runId);
        QVERIFY(Journal(*db).verify()->ok());
        // Money is exact: the stored sum equals the sum of the raw amounts parsed as decimals.
        auto total =
            db->scalar(QStringLiteral("SELECT %1 FROM openai_costs WHERE org_key = ? AND group_by = ''")
                           .arg(db->sumDecimal(QStringLiteral("amount"))),
                       {m_org});
        QVERIFY(total && !total->isNull());
        QVERIFY(Decimal::parse(total->toString()).has_value());
    }

    void postgresMatchesSqlite()
    {
        QString why;
        auto pg = test::openPostgres(QStringLiteral("import"), &why);
        if (!pg) {
            if (test::postgresRequired()) QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
        QTemporaryDir dir;
        auto lite = test::openSqlite(dir);
        QVERIFY(FixtureImporter(*lite).run(test::fixturesDir()));
        for (int pass = 0; pass < 2; ++pass) {
            auto r = FixtureImporter(*pg).run(test::fixturesDir());
            QVERIFY2(r, qPrintable(r.errorMessage()));
        }
        const QString org = SyncState(*lite).organizations()->first().key;
        QCOMPARE(countsOf(*pg, org), countsOf(*lite, org));
        // Same logical contents, value by value (timestamps, booleans, decimals and JSON normalised).
        const auto pgSums = checksums(*pg, org), liteSums = checksums(*lite, org);
        for (auto it = liteSums.cbegin(); it != liteSums.cend(); ++it)
            QVERIFY2(pgSums.value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("contents differ in ") + it.key()));
        const QString sumSql =
            QStringLiteral("SELECT %1 FROM openai_costs WHERE org_key = ? AND group_by = 'project_id'");
        const auto a = lite->scalar(sumSql.arg(lite->sumDecimal(QStringLiteral("amount"))), {org});
        const auto b = pg->scalar(sumSql.arg(pg->sumDecimal(QStringLiteral("amount"))), {org});
        QCOMPARE(Decimal::parse(b->toString())->toString(), Decimal::parse(a->toString())->toString());
    }

    void upgradeToTimeOrderedIdsKeepsEveryBucketOnce_data() { test::addEngineRows(); }
    void upgradeToTimeOrderedIdsKeepsEveryBucketOnce()
    {
        // A database written before migration 6 holds bare-hash usage and cost ids. After the upgrade
        // every stored id is the one the parser now computes, so re-importing adds no bucket twice.
        QTemporaryDir dir;
        std::unique_ptr<Database> db = test::openEngine(dir, QStringLiteral("import_v6"));
        if (!db) return;
        auto first = FixtureImporter(*db).run(test::fixturesDir());
        QVERIFY2(first, qPrintable(first.errorMessage()));
        const QString org = first->orgKey;
        auto ids = [](Database &d, const char *table) {
            QSet<QString> out;
            auto q = d.exec(QStringLiteral("SELECT id FROM %1").arg(QLatin1String(table)));
            while (q && q->next())
                out.insert(q->value(0).toString());
            return out;
        };
        const QSet<QString> usageIds = ids(*db, "usage_events"), costIds = ids(*db, "openai_costs");
        QVERIFY(usageIds.size() > 1000);
        QVERIFY(usageIds.cbegin()->contains(u'-'));
        const auto before = countsOf(*db, org);
        // Back to the v5 shape: ids without their prefix, migrations 6 and later not applied.
        for (const char *t : {"usage_events", "openai_costs"})
            QVERIFY(db->run(QStringLiteral("UPDATE %1 SET id = substr(id, 21)").arg(QLatin1String(t))));
        QVERIFY(!ids(*db, "usage_events").cbegin()->contains(u'-'));
        QVERIFY(db->run(QStringLiteral("DELETE FROM schema_migrations WHERE version >= 6")));
        const DatabaseUrl url = db->url();
        db.reset();
        auto reopened = Database::open(url); // applies migration 6
        QVERIFY2(reopened, qPrintable(reopened.errorMessage()));
        db = std::move(*reopened);
        QCOMPARE(ids(*db, "usage_events"), usageIds);
        QCOMPARE(ids(*db, "openai_costs"), costIds);
        auto again = FixtureImporter(*db).run(test::fixturesDir());
        QVERIFY2(again, qPrintable(again.errorMessage()));
        QCOMPARE(again->counts.value(QStringLiteral("usage_events")).added, 0);
        QCOMPARE(again->counts.value(QStringLiteral("openai_costs")).added, 0);
        QCOMPARE(countsOf(*db, org), before);
    }

    void newerSnapshotUpdatesAndSoftDeletes()
    {
        QTemporaryDir dir;
        auto db = test::openSqlite(dir);
        QVERIFY(FixtureImporter(*db).run(test::fixturesDir()));
        GeneratorOptions o;
        o.revision = 1;
        QTemporaryDir newer;
        auto gen = FixtureGenerator(o).write(newer.path() + QStringLiteral("/org"));
        QVERIFY2(gen, qPrintable(gen.errorMessage()));
        auto r = FixtureImporter(*db).run(newer.path() + QStringLiteral("/org"));
        QVERIFY2(r, qPrintable(r.errorMessage()));
        QVERIFY(r->counts.value(QStringLiteral("openai_users")).gone >= 2);
        QVERIFY(r->counts.value(QStringLiteral("openai_users")).changed >= 1);
        QVERIFY(r->counts.value(QStringLiteral("openai_users")).added >= 1);
        QVERIFY(r->counts.value(QStringLiteral("openai_invites")).gone >= 1);
        QVERIFY(r->counts.value(QStringLiteral("usage_events")).added > 0);
        // Soft delete only: the removed users are still there, with deleted_at set.
        const int removed =
            db->scalar(QStringLiteral(
                           "SELECT COUNT(*) FROM openai_users WHERE org_key = ? AND deleted_at IS NOT NULL"),
                       {r->orgKey})
                ->toInt();
        QVERIFY(removed >= 2);
        // Re-importing the older snapshot brings them back (reappearance clears deleted_at).
        QVERIFY(FixtureImporter(*db).run(test::fixturesDir()));
        QCOMPARE(
            db->scalar(QStringLiteral(
                           "SELECT COUNT(*) FROM openai_users WHERE org_key = ? AND deleted_at IS NOT NULL"),
                       {r->orgKey})
                ->toInt(),
            1);
    }

    void malformedFileKeepsWhatWasStored()
    {
        // A broken second page of a multi-page list: page 1 stays committed, nothing of page 2 lands,
        // and the message names the file, the JSON path and the reason.
        QTemporaryDir dir;
        const QString copy = dir.path() + QStringLiteral("/fx");
        QVERIFY(copyDir(test::fixturesDir(), copy));
        const QJsonArray responses = manifestResponses(copy);
        int broken = -1;
        for (int i = 1; i < responses.size(); ++i)
            if (responses[i]
                    .toObject()
                    .value(QLatin1String("request"))
                    .toString()
                    .contains(QLatin1String("after="))) {
                broken = i;
                break;
            }
        QVERIFY2(broken > 0, "the fixture org needs a multi-page list");
        const QString file = responses[broken].toObject().value(QLatin1String("file")).toString();
        QFile f(copy + u'/' + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject page = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonArray data = page.value(QLatin1String("data")).toArray();
        QVERIFY(data.size() >= 2);
        QJsonObject last = data.last().toObject();
        const QString timeField = last.contains(QLatin1String("added_at")) ? QStringLiteral("added_at")
                                                                           : QStringLiteral("created_at");
        last.insert(timeField, QStringLiteral("last tuesday"));
        data.replace(data.size() - 1, last);
        page.insert(QStringLiteral("data"), data);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(page).toJson());
        f.close();

        auto db = test::openSqlite(dir);
        auto r = FixtureImporter(*db).run(copy);
        QVERIFY(!r);
        const QString msg = r.errorMessage();
        QVERIFY2(msg.contains(file), qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral("$.data[%1].%2").arg(data.size() - 1).arg(timeField)),
                 qPrintable(msg));
        QVERIFY2(msg.contains(QLatin1String("expected Unix seconds")), qPrintable(msg));
        // Nothing of the broken page landed; the pages before it did.
        const QString firstId = data.first().toObject().value(QLatin1String("id")).toString();
        const QJsonObject req = responses[broken].toObject();
        auto ref = EndpointRef::fromRequest(
            QUrl(QStringLiteral("http://x") + req.value(QLatin1String("request")).toString().mid(4)).path(),
            {});
        QVERIFY(ref);
        const TableSpec &spec = tableSpec(ref->kind);
        QCOMPARE(
            db->scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 = ?").arg(spec.table, spec.idColumn),
                       {firstId})
                ->toInt(),
            0);
        QVERIFY(db->scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(spec.table))->toInt() > 0);
        QCOMPARE(db->scalar(QStringLiteral(
                                "SELECT status FROM openai_admin_sync_runs ORDER BY started_at DESC LIMIT 1"))
                     ->toString(),
                 QStringLiteral("failed"));

        // Fixing the file and re-importing completes the import.
        QFile::remove(copy + u'/' + file);
        QVERIFY(QFile::copy(test::fixturesDir() + u'/' + file, copy + u'/' + file));
        auto again = FixtureImporter(*db).run(copy);
        QVERIFY2(again, qPrintable(again.errorMessage()));
    }

    void badManifestAndMissingFile()
    {
        QTemporaryDir dir;
        auto db = test::openSqlite(dir);
        auto none = FixtureImporter(*db).run(dir.path() + QStringLiteral("/nowhere"));
        QVERIFY(!none);
        QVERIFY2(none.errorMessage().contains(QLatin1String("manifest.json")),
                 qPrintable(none.errorMessage()));

        const QString fx = dir.path() + QStringLiteral("/fx");
        QDir().mkpath(fx);
        auto write = [&](const QByteArray &manifest) {
            QFile m(fx + QStringLiteral("/manifest.json"));
            QVERIFY(m.open(QIODevice::WriteOnly | QIODevice::Truncate));
            m.write(manifest);
        };
        write(
            R"({"format":"orgward-fixtures/1","organization":{"key":"t"},"captured_at":1000,"responses":[{"file":"missing.json","request":"GET /v1/organization/users"}]})");
        auto missing = FixtureImporter(*db).run(fx);
        QVERIFY(!missing);
        QVERIFY2(missing.errorMessage().contains(QLatin1String("missing.json")),
                 qPrintable(missing.errorMessage()));

        write(
            R"({"format":"orgward-fixtures/1","organization":{"key":"t"},"captured_at":1000,"responses":[{"file":"u.json","request":"GET /v1/organization/teleporters"}]})");
        auto badPath = FixtureImporter(*db).run(fx);
        QVERIFY(!badPath);
        QVERIFY2(badPath.errorMessage().contains(QLatin1String("$.responses[0]")),
                 qPrintable(badPath.errorMessage()));

        // has_more without a following page is an error, never a silent stop.
        QFile u(fx + QStringLiteral("/u.json"));
        QVERIFY(u.open(QIODevice::WriteOnly));
        u.write(
            R"({"object":"list","data":[{"object":"organization.user","id":"user-1","added_at":1}],"has_more":true})");
        u.close();
        write(
            R"({"format":"orgward-fixtures/1","organization":{"key":"t"},"captured_at":1000,"responses":[{"file":"u.json","request":"GET /v1/organization/users"}]})");
        auto open = FixtureImporter(*db).run(fx);
        QVERIFY(!open);
        QVERIFY2(open.errorMessage().contains(QLatin1String("has_more")), qPrintable(open.errorMessage()));

        // A repeated cursor is refused.
        write(
            R"({"format":"orgward-fixtures/1","organization":{"key":"t"},"captured_at":1000,"responses":[{"file":"u.json","request":"GET /v1/organization/users?after=user-1"}]})");
        auto loop = FixtureImporter(*db).run(fx);
        QVERIFY(!loop);
        QVERIFY2(loop.errorMessage().contains(QLatin1String("again")), qPrintable(loop.errorMessage()));
    }

    // A manifest names files inside its folder only: absolute paths, `..` climbing out (however
    // spelled) and symbolic links pointing out are refused before anything is written.
    void manifestPathsOutsideTheFolderAreRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("why");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << QStringLiteral("absolute path");
        QTest::newRow("parent") << QStringLiteral("../x.json") << QStringLiteral("climbs out");
        QTest::newRow("down then out") << QStringLiteral("sub/../../x.json") << QStringLiteral("climbs out");
        QTest::newRow("symlink out") << QStringLiteral("link.json") << QStringLiteral("symbolic link");
        QTest::newRow("through a linked folder")
            << QStringLiteral("linkdir/x.json") << QStringLiteral("symbolic link");
    }
    void manifestPathsOutsideTheFolderAreRefused()
    {
        QFETCH(QString, file);
        QFETCH(QString, why);
        QTemporaryDir dir;
        auto db = test::openSqlite(dir);
        // A valid page outside the fixture folder, reachable by each of the paths above.
        const QByteArray page = R"({"object":"list","data":[{"id":"user-out","object":"organization.user",)"
                                R"("name":"Out","email":"out@example.com","role":"owner","added_at":1}],)"
                                R"("has_more":false})";
        QFile outside(dir.filePath(QStringLiteral("x.json")));
        QVERIFY(outside.open(QIODevice::WriteOnly));
        outside.write(page);
        outside.close();
        const QString fx = dir.filePath(QStringLiteral("fx"));
        QVERIFY(QDir().mkpath(fx + QStringLiteral("/sub")));
        QVERIFY(QFile::link(outside.fileName(), fx + QStringLiteral("/link.json")));
        QVERIFY(QFile::link(dir.path(), fx + QStringLiteral("/linkdir")));
        QFile inside(fx + QStringLiteral("/u.json"));
        QVERIFY(inside.open(QIODevice::WriteOnly));
        inside.write(QByteArray(page).replace("user-out", "user-in"));
        inside.close();
        // A good first entry, then the bad one: not even the good one may land.
        const QJsonObject manifest{
            {QStringLiteral("format"), QStringLiteral("orgward-fixtures/1")},
            {QStringLiteral("organization"), QJsonObject{{QStringLiteral("key"), QStringLiteral("t")}}},
            {QStringLiteral("captured_at"), 1000},
            {QStringLiteral("responses"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("file"), QStringLiteral("u.json")},
                             {QStringLiteral("request"), QStringLiteral("GET /v1/organization/users")}},
                 QJsonObject{{QStringLiteral("file"), file},
                             {QStringLiteral("request"), QStringLiteral("GET /v1/organization/invites")}}}}};
        QFile m(fx + QStringLiteral("/manifest.json"));
        QVERIFY(m.open(QIODevice::WriteOnly));
        m.write(QJsonDocument(manifest).toJson());
        m.close();

        auto countAll = [&db](const QString &table) {
            return db->scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table))->toInt();
        };
        const QStringList tables{QStringLiteral("openai_users"), QStringLiteral("openai_invites"),
                                 QStringLiteral("openai_admin_sync_runs"),
                                 QStringLiteral("openai_admin_cursors"), QStringLiteral("organizations")};
        QMap<QString, int> before;
        for (const QString &t : tables)
            before.insert(t, countAll(t));

        auto r = FixtureImporter(*db).run(fx);
        QVERIFY(!r);
        const QString msg = r.errorMessage();
        QVERIFY2(msg.contains(QLatin1String("$.responses[1]")), qPrintable(msg));
        QVERIFY2(msg.contains(file), qPrintable(msg));
        QVERIFY2(msg.contains(why), qPrintable(msg));
        for (const QString &t : tables)
            QCOMPARE(countAll(t), before.value(t));
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "test_import.moc"
