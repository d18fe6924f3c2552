// The member summary (migration 5) against its definition: after every kind of write a sync or an import
// makes (and the plain SQL a test or a repair makes), each member's stored figures equal the figures
// computed from the base tables, on both engines.
#include "store/rowwriter.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"

#include <QTest>

using namespace orgward;

namespace {
constexpr qint64 kNow = 1795132800; // 2026-11-20T00:00:00Z
const QString kOrg = QStringLiteral("t");

struct Figures
{
    qint64 projects = 0, keys = 0, lastUse = 0; // lastUse 0: none
    bool operator==(const Figures &o) const = default;
};
using Table = QMap<QString, Figures>; // "org/user" → figures

// What the summary must say, computed the slow way from the base tables.
Table expected(Database &db)
{
    Table t;
    auto q =
        db.exec(QStringLiteral(
                    "SELECT u.org_key, u.id, (SELECT COUNT(*) FROM openai_project_members pm WHERE "
                    "pm.org_key = u.org_key AND "
                    "pm.user_id = u.id AND pm.removed_at IS NULL), (SELECT COUNT(*) FROM "
                    "openai_project_api_keys k WHERE "
                    "k.org_key = u.org_key AND k.owner_id = u.id AND k.deleted_at IS NULL), (SELECT %1 FROM "
                    "openai_project_api_keys k WHERE k.org_key = u.org_key AND k.owner_id = u.id) FROM "
                    "openai_users u")
                    .arg(db.tsToSecs(QStringLiteral("MAX(k.last_used_at)"))));
    if (!q) qFatal("%s", qPrintable(q.errorMessage()));
    while (q->next())
        t.insert(q->value(0).toString() + u'/' + q->value(1).toString(),
                 {q->value(2).toLongLong(), q->value(3).toLongLong(), q->value(4).toLongLong()});
    return t;
}

Table stored(Database &db)
{
    Table t;
    auto q =
        db.exec(QStringLiteral("SELECT org_key, user_id, projects, api_keys, %1 FROM openai_member_stats")
                    .arg(db.tsToSecs(QStringLiteral("last_key_use"))));
    if (!q) qFatal("%s", qPrintable(q.errorMessage()));
    while (q->next())
        t.insert(q->value(0).toString() + u'/' + q->value(1).toString(),
                 {q->value(2).toLongLong(), q->value(3).toLongLong(), q->value(4).toLongLong()});
    return t;
}

QString describe(const Table &t)
{
    QStringList s;
    for (auto it = t.cbegin(); it != t.cend(); ++it)
        s << QStringLiteral("%1=%2/%3/%4").arg(it.key()).arg(it->projects).arg(it->keys).arg(it->lastUse);
    return s.join(u' ');
}

// One synced row with the bookkeeping columns, timestamps bound the engine's way.
void insert(Database &db, const QString &table, QVariantMap cols, const QStringList &timestamps = {})
{
    cols.insert(QStringLiteral("org_key"), kOrg);
    cols.insert(QStringLiteral("row_hash"), QStringLiteral("h"));
    cols.insert(QStringLiteral("first_seen_at"), kNow);
    cols.insert(QStringLiteral("updated_at"), kNow);
    QVariantList binds;
    for (auto it = cols.cbegin(); it != cols.cend(); ++it) {
        const bool ts =
            timestamps.contains(it.key()) || it.key() == u"first_seen_at" || it.key() == u"updated_at";
        binds << (ts ? db.bindTimestamp(it.value()) : it.value());
    }
    auto r = db.run(
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(table, cols.keys().join(u','), QStringList(cols.size(), QStringLiteral("?")).join(u',')),
        binds);
    if (!r) qFatal("%s", qPrintable(r.errorMessage()));
}

void addUser(Database &db, const QString &id)
{
    insert(db, QStringLiteral("openai_users"),
           {{QStringLiteral("id"), id},
            {QStringLiteral("email"), QString(id + QStringLiteral("@example.com"))}});
}
void addMember(Database &db, const QString &project, const QString &user)
{
    insert(db, QStringLiteral("openai_project_members"),
           {{QStringLiteral("project_id"), project}, {QStringLiteral("user_id"), user}});
}
void addKey(Database &db, const QString &id, const QString &owner, qint64 lastUsed)
{
    insert(db, QStringLiteral("openai_project_api_keys"),
           {{QStringLiteral("project_id"), QStringLiteral("proj_a")},
            {QStringLiteral("id"), id},
            {QStringLiteral("owner_type"), QStringLiteral("user")},
            {QStringLiteral("owner_id"), owner},
            {QStringLiteral("last_used_at"), lastUsed ? QVariant(lastUsed) : QVariant()}},
           {QStringLiteral("last_used_at")});
}
} // namespace

class TestMemberStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyWriteKeepsTheSummaryExact_data() { test::addEngineRows(); }
    void everyWriteKeepsTheSummaryExact()
    {
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("member_stats_writes"));
        if (!db) return;
        Database &d = *db;
        auto check = [&](const char *step) {
            const Table want = expected(d), got = stored(d);
            if (got != want)
                qWarning().noquote() << step << "\n  stored:  " << describe(got)
                                     << "\n  expected:" << describe(want);
            return got == want;
        };

        // A key listed before its owner arrives (project keys can be synced before the user list).
        addKey(d, QStringLiteral("key_early"), QStringLiteral("u1"), kNow - 50);
        QVERIFY(check("key before its owner"));
        QVERIFY(stored(d).isEmpty());
        addUser(d, QStringLiteral("u1"));
        addUser(d, QStringLiteral("u2"));
        addUser(d, QStringLiteral("u3"));
        QVERIFY(check("users"));
        QCOMPARE(stored(d).value(QStringLiteral("t/u1")), (Figures{0, 1, kNow - 50}));

        addMember(d, QStringLiteral("proj_a"), QStringLiteral("u1"));
        addMember(d, QStringLiteral("proj_b"), QStringLiteral("u1"));
        addMember(d, QStringLiteral("proj_a"), QStringLiteral("u2"));
        addKey(d, QStringLiteral("key_1"), QStringLiteral("u1"), kNow - 10);
        addKey(d, QStringLiteral("key_2"), QStringLiteral("u2"), 0);
        QVERIFY(check("members and keys"));
        QCOMPARE(stored(d).value(QStringLiteral("t/u1")), (Figures{2, 2, kNow - 10}));
        QCOMPARE(stored(d).value(QStringLiteral("t/u2")), (Figures{1, 1, 0}));
        QCOMPARE(stored(d).value(QStringLiteral("t/u3")), (Figures{0, 0, 0}));

        // Soft deletes (a complete list no longer has the row) and their reversal.
        const QVariant gone = d.bindTimestamp(kNow);
        QVERIFY(d.run(QStringLiteral("UPDATE openai_project_api_keys SET deleted_at = ? WHERE id = 'key_1'"),
                      {gone}));
        QVERIFY(d.run(
            QStringLiteral("UPDATE openai_project_members SET removed_at = ? WHERE project_id = 'proj_b'"),
            {gone}));
        QVERIFY(check("soft deletes"));
        QCOMPARE(stored(d).value(QStringLiteral("t/u1")).keys, 1);
        QCOMPARE(stored(d).value(QStringLiteral("t/u1")).projects, 1);
        QVERIFY(
            d.run(QStringLiteral("UPDATE openai_project_api_keys SET deleted_at = NULL WHERE id = 'key_1'")));
        QVERIFY(check("reappearance"));

        // A key used again, and one handed to another member: both owners change.
        QVERIFY(
            d.run(QStringLiteral("UPDATE openai_project_api_keys SET last_used_at = ? WHERE id = 'key_2'"),
                  {d.bindTimestamp(kNow - 1)}));
        QVERIFY(d.run(
            QStringLiteral("UPDATE openai_project_api_keys SET owner_id = 'u3' WHERE id = 'key_early'")));
        QVERIFY(check("key used and moved"));
        QCOMPARE(stored(d).value(QStringLiteral("t/u3")), (Figures{0, 1, kNow - 50}));
        QCOMPARE(stored(d).value(QStringLiteral("t/u2")).lastUse, kNow - 1);

        // Hard deletes (tests, repairs): the figures follow; a deleted user leaves no summary row.
        QVERIFY(d.run(QStringLiteral("DELETE FROM openai_project_api_keys WHERE id = 'key_2'")));
        QVERIFY(d.run(QStringLiteral("DELETE FROM openai_project_members WHERE user_id = 'u2'")));
        QVERIFY(d.run(QStringLiteral("DELETE FROM openai_users WHERE id = 'u3'")));
        QVERIFY(check("hard deletes"));
        QVERIFY(!stored(d).contains(QStringLiteral("t/u3")));
        QCOMPARE(stored(d).value(QStringLiteral("t/u2")), (Figures{0, 0, 0}));

        // A rolled-back write leaves the summary as it was.
        QVERIFY(d.begin());
        addKey(d, QStringLiteral("key_rolled_back"), QStringLiteral("u1"), kNow);
        d.rollback();
        QVERIFY(check("rollback"));
    }

    void importedOrgMatches_data() { test::addEngineRows(); }
    void importedOrgMatches()
    {
        // The real writers (the native upsert paths) on the bundled org, twice: a re-import rewrites rows
        // unchanged and must leave the summary as it is.
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("member_stats_import"));
        if (!db) return;
        for (int pass = 0; pass < 2; ++pass) {
            auto r = FixtureImporter(*db).run(test::fixturesDir(), ImportOptions{});
            QVERIFY2(r, qPrintable(r.errorMessage()));
            const Table want = expected(*db), got = stored(*db);
            QCOMPARE(got.size(), want.size());
            QVERIFY(want.size() >= 40);
            QVERIFY2(got == want, qPrintable(describe(got)));
            qint64 withKeys = 0;
            for (const Figures &f : want)
                withKeys += f.keys > 0;
            QVERIFY(withKeys > 0); // the fixture has members owning keys: the comparison is not all zeros
        }
    }
};

QTEST_GUILESS_MAIN(TestMemberStats)
#include "test_memberstats.moc"
