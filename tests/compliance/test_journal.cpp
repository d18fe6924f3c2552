// The tamper-evident journal on both engines: the documented hash layout, append-only guards, tampering
// caught by verify with the right seq, grants, and two processes appending at once without fork or gap.
#include "compliance/journal.h"
#include "core/clock.h"
#include "testsupport/testsupport.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QtTest>
#include <sqlite3.h>

using namespace orgward;

namespace {

constexpr int kChildEntries = 40;
const char *kChildEnv = "ORGWARD_JOURNAL_CHILD_DB";

// The layout as HACKING.md states it, written independently of Journal::hashInput.
QString documentedHash(qint64 seq, const QString &at, const QString &actor, const QString &kind,
                       const QString &org, const QByteArray &payload, const QString &prev)
{
    QByteArray m;
    for (const QByteArray &f : {QByteArray("orgward-journal-v1"), QByteArray::number(seq), at.toUtf8(),
                                actor.toUtf8(), kind.toUtf8(), org.toUtf8(), payload, prev.toUtf8()})
        m += QByteArray::number(f.size()) + ':' + f + ',';
    return QString::fromLatin1(QCryptographicHash::hash(m, QCryptographicHash::Sha256).toHex());
}

void appendThree(Journal &j)
{
    QVERIFY(j.append(JournalKind::Import, QStringLiteral("org-a"), {{QStringLiteral("files"), 3}}));
    QVERIFY(j.append(JournalKind::Sync, QStringLiteral("org-a"),
                     {{QStringLiteral("status"), QStringLiteral("complete")}, {QStringLiteral("rows"), 10}}));
    QVERIFY(
        j.append(JournalKind::Export, QString(), {{QStringLiteral("file"), QStringLiteral("Ünïcode.csv")}}));
}

// A fresh raw connection that drops the guard triggers first: what an attacker with the file can do.
void tamperSqlite(const QString &path, const char *sql)
{
    sqlite3 *raw = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &raw), SQLITE_OK);
    char *msg = nullptr;
    const int rc =
        sqlite3_exec(raw, "DROP TRIGGER orgward_journal_no_update; DROP TRIGGER orgward_journal_no_delete;",
                     nullptr, nullptr, &msg);
    QCOMPARE(rc, SQLITE_OK);
    QCOMPARE(sqlite3_exec(raw, sql, nullptr, nullptr, &msg), SQLITE_OK);
    sqlite3_close(raw);
}

} // namespace

class TestJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hashFollowsTheDocumentedLayout_data() { test::addEngineRows(); }
    void hashFollowsTheDocumentedLayout();
    void appendOnlyGuards_data() { test::addEngineRows(); }
    void appendOnlyGuards();
    void filters();
    void tamperingIsCaught_data();
    void tamperingIsCaught();
    void removedTailCaughtByExpectedHead();
    void postgresRefusesChangesForEveryRole();
    void twoProcessesAppendWithoutForkOrGap();
};

void TestJournal::initTestCase()
{
    const QString url = qEnvironmentVariable(kChildEnv);
    if (url.isEmpty()) return;
    // Child mode: append kChildEntries entries to the given database and exit.
    auto db = Database::open(*DatabaseUrl::parse(url));
    if (!db) qFatal("child: %s", qPrintable(db.errorMessage()));
    Journal j(**db);
    for (int i = 0; i < kChildEntries; ++i)
        if (auto r = j.append(JournalKind::Export, QString(), {{QStringLiteral("i"), i}}); !r)
            qFatal("child: %s", qPrintable(r.errorMessage()));
    std::exit(0);
}

void TestJournal::hashFollowsTheDocumentedLayout()
{
    QTemporaryDir dir;
    auto db = test::openEngine(dir, QStringLiteral("journal_layout"));
    if (!db) return;
    Clock::freezeAt(1790000000);
    Journal j(*db);
    appendThree(j);
    Clock::reset();
    auto list = j.entries();
    QVERIFY(list);
    QCOMPARE(list->size(), 3);
    QString prev = Journal::kGenesisHash;
    for (const JournalEntry &e : *list) {
        QCOMPARE(e.prevHash, prev);
        QCOMPARE(e.at, QStringLiteral("2026-09-21T14:13:20Z"));
        QCOMPARE(e.entryHash, documentedHash(e.seq, e.at, e.actor, e.kind, e.orgKey, e.payload, e.prevHash));
        prev = e.entryHash;
    }
    // Canonical payload: sorted keys, no spaces, UTF-8 as is.
    QCOMPARE(list->at(1).payload, QByteArray(R"({"rows":10,"status":"complete"})"));
    QCOMPARE(list->at(2).payload, QStringLiteral(R"({"file":"Ünïcode.csv"})").toUtf8());
    QCOMPARE(list->at(1).kind, QStringLiteral("sync"));
    QFETCH(bool, postgres);
    QCOMPARE(list->at(0).actor.contains(QStringLiteral("database role")), postgres);
    auto v = j.verify(list->last().entryHash);
    QVERIFY(v);
    QVERIFY2(v->ok(), qPrintable(v->detail));
    QCOMPARE(v->entries, 3);
}

void TestJournal::appendOnlyGuards()
{
    QTemporaryDir dir;
    auto db = test::openEngine(dir, QStringLiteral("journal_guards"));
    if (!db) return;
    Journal j(*db);
    appendThree(j);
    auto upd = db->run(QStringLiteral("UPDATE orgward_journal SET payload = '{}' WHERE seq = 2"));
    QVERIFY(!upd);
    QVERIFY2(upd.errorMessage().contains(QStringLiteral("append-only")), qPrintable(upd.errorMessage()));
    auto del = db->run(QStringLiteral("DELETE FROM orgward_journal WHERE seq = 3"));
    QVERIFY(!del);
    QVERIFY2(del.errorMessage().contains(QStringLiteral("append-only")), qPrintable(del.errorMessage()));
    QCOMPARE(j.entries()->size(), 3);
    QVERIFY(j.verify()->ok());
}

void TestJournal::filters()
{
    QTemporaryDir dir;
    auto db = test::openSqlite(dir);
    Journal j(*db);
    Clock::freezeAt(1700000000);
    QVERIFY(j.append(JournalKind::Import, QStringLiteral("org-a"), {}));
    Clock::freezeAt(1800000000);
    appendThree(j);
    Clock::reset();
    JournalFilter f;
    f.sinceSecs = 1750000000;
    QCOMPARE(j.entries(f)->size(), 3);
    f.kind = JournalKind::Import;
    QCOMPARE(j.entries(f)->size(), 1);
    f = {};
    f.orgKey = QStringLiteral("org-a");
    QCOMPARE(j.entries(f)->size(), 3);
    QCOMPARE(j.head()->seq, 4);
}

void TestJournal::tamperingIsCaught_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<int>("fault");
    QTest::addColumn<qint64>("seq");
    QTest::newRow("payload edited") << QByteArray(
                                           "UPDATE orgward_journal SET payload='{\"files\":4}' WHERE seq=1")
                                    << int(JournalFault::HashMismatch) << qint64(1);
    QTest::newRow("actor edited") << QByteArray("UPDATE orgward_journal SET actor='mallory' WHERE seq=3")
                                  << int(JournalFault::HashMismatch) << qint64(3);
    QTest::newRow("middle deleted") << QByteArray("DELETE FROM orgward_journal WHERE seq=2")
                                    << int(JournalFault::Gap) << qint64(2);
    // Rewritten with a matching hash but not re-chained: the next entry no longer follows it.
    QTest::newRow("re-hashed") << QByteArray("UPDATE orgward_journal SET entry_hash='" + QByteArray(64, 'a') +
                                             "' WHERE seq=2")
                               << int(JournalFault::HashMismatch) << qint64(2);
    QTest::newRow("fork") << QByteArray("UPDATE orgward_journal SET prev_hash='" + QByteArray(64, 'b') +
                                        "' WHERE seq=3")
                          << int(JournalFault::Fork) << qint64(3);
}

void TestJournal::tamperingIsCaught()
{
    QFETCH(QByteArray, sql);
    QFETCH(int, fault);
    QFETCH(qint64, seq);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("test.db"));
    {
        auto db = test::openSqlite(dir);
        Journal j(*db);
        appendThree(j);
    }
    tamperSqlite(path, sql.constData());
    auto db = test::openSqlite(dir);
    auto v = Journal(*db).verify();
    QVERIFY(v);
    QVERIFY(!v->ok());
    QCOMPARE(int(v->fault), fault);
    QCOMPARE(v->brokenSeq, seq);

    // The command line says the same and exits 7.
    QProcess p;
    p.start(QStringLiteral(ORGWARD_BINARY_DIR "/bin/orgward"),
            {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--db"),
             QStringLiteral("sqlite://") + path});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 7);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("at seq %1").arg(seq)), qPrintable(err));
}

void TestJournal::removedTailCaughtByExpectedHead()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("test.db"));
    QString head;
    {
        auto db = test::openSqlite(dir);
        Journal j(*db);
        appendThree(j);
        head = j.head()->entryHash;
    }
    tamperSqlite(path, "DELETE FROM orgward_journal WHERE seq=3");
    auto db = test::openSqlite(dir);
    QVERIFY(Journal(*db).verify()->ok()); // a chain cannot see its own missing tail ...
    auto v = Journal(*db).verify(head);   // ... a recorded head can
    QCOMPARE(v->fault, JournalFault::HeadMismatch);
    QCOMPARE(v->brokenSeq, 3);
}

void TestJournal::postgresRefusesChangesForEveryRole()
{
    auto db = test::openPostgresOrFail(QStringLiteral("journal_roles"));
    if (!db) return;
    Journal j(*db);
    appendThree(j);
    // The owner (here a superuser) is refused by the trigger, TRUNCATE included.
    for (const char *sql : {"UPDATE orgward_journal SET actor = 'x'", "DELETE FROM orgward_journal",
                            "TRUNCATE orgward_journal"}) {
        auto r = db->run(QString::fromLatin1(sql));
        QVERIFY2(!r, sql);
        QVERIFY2(r.errorMessage().contains(QStringLiteral("append-only")), qPrintable(r.errorMessage()));
    }
    // Every console role: INSERT and SELECT granted, nothing else.
    for (const char *role : {"orgward_admin", "orgward_finance", "orgward_auditor", "orgward_reader"}) {
        for (const char *priv : {"SELECT", "INSERT"})
            QVERIFY2(db->scalar(QStringLiteral("SELECT has_table_privilege(?, 'orgward_journal', ?)"),
                                {QString::fromLatin1(role), QString::fromLatin1(priv)})
                         ->toBool(),
                     role);
        for (const char *priv : {"UPDATE", "DELETE", "TRUNCATE"})
            QVERIFY2(!db->scalar(QStringLiteral("SELECT has_table_privilege(?, 'orgward_journal', ?)"),
                                 {QString::fromLatin1(role), QString::fromLatin1(priv)})
                          ->toBool(),
                     role);
    }
    QCOMPARE(j.entries()->size(), 3);
    QVERIFY(j.verify()->ok());
}

void TestJournal::twoProcessesAppendWithoutForkOrGap()
{
    auto db = test::openPostgresOrFail(QStringLiteral("journal_two_processes"));
    if (!db) return;
    QList<QProcess *> children;
    for (int i = 0; i < 2; ++i) {
        auto *p = new QProcess(this);
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChildEnv), db->url().toString());
        p->setProcessEnvironment(env);
        p->setProcessChannelMode(QProcess::ForwardedChannels);
        p->start(QCoreApplication::applicationFilePath(), {});
        children << p;
    }
    for (QProcess *p : children) {
        QVERIFY(p->waitForFinished(120000));
        QCOMPARE(p->exitCode(), 0);
    }
    Journal j(*db);
    auto v = j.verify();
    QVERIFY(v);
    QVERIFY2(v->ok(), qPrintable(v->detail));
    QCOMPARE(v->entries, 2 * kChildEntries);
    QCOMPARE(v->head.seq, 2 * kChildEntries);
}

QTEST_GUILESS_MAIN(TestJournal)
#include "test_journal.moc"
