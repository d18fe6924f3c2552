// Faults on the SQLite file that must end in a clear message (which file, what happened, what to do) and
// lose nothing stored: the disk filling up mid-write, a read-only database folder, a damaged or foreign file.
#include "testsupport/testsupport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace orgward;

namespace {

// The read-only-folder check runs as an unprivileged user: root writes into a 0500 folder regardless of its
// mode (CAP_DAC_OVERRIDE), so a test running as root would never see the failure. The test binary runs
// itself again as `nobody` with this variable set to the database path (see main()).
const char *const kChildVariable = "ORGWARD_FAULTS_CHILD_DB";
constexpr uid_t kNobody = 65534;

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

Status addOrg(Database &db, const QString &key)
{
    return db.run(
        QStringLiteral("INSERT INTO organizations (org_key, display_name, source, created_at) VALUES (?, "
                       "?, 'test', 0)"),
        {key, key.toUpper()});
}

int orgCount(Database &db)
{
    auto n = db.scalar(QStringLiteral("SELECT COUNT(*) FROM organizations"));
    return n ? n->toInt() : -1;
}

// A database of `rows` organizations, closed (so SQLite has removed its -wal and -shm files).
void makeDatabase(const QString &path, int rows)
{
    auto db = Database::open(DatabaseUrl::sqlite(path));
    QVERIFY2(db, qPrintable(db.errorMessage()));
    for (int i = 0; i < rows; ++i)
        QVERIFY(addOrg(**db, QStringLiteral("org%1").arg(i)));
}

// Child: open the database read-write (must fail clearly), then read-only; one line each on stdout.
int childMain(const QString &path)
{
    QTextStream out(stdout);
    auto rw = Database::open(DatabaseUrl::sqlite(path));
    out << "rw:" << (rw ? QStringLiteral("opened") : rw.errorMessage()) << "\n";
    if (rw) out << "write:" << (addOrg(**rw, QStringLiteral("late")) ? "ok" : "refused") << "\n";
    auto ro = Database::open(DatabaseUrl::sqlite(path), OpenOptions{true, false, false});
    out << "ro:" << (ro ? QString::number(orgCount(**ro)) : ro.errorMessage()) << "\n";
    return 0;
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT
private slots:
    // PRAGMA max_page_count caps the file like a full disk does: SQLite fails the write with SQLITE_FULL.
    void diskFullLosesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("full.db"));
        makeDatabase(path, 50);
        auto db = Database::open(DatabaseUrl::sqlite(path));
        QVERIFY2(db, qPrintable(db.errorMessage()));
        Database &d = **db;
        const int pages = d.scalar(QStringLiteral("PRAGMA page_count"))->toInt();
        QVERIFY(d.run(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 2)));

        QVERIFY(d.begin());
        const QString big(4000, u'x');
        Status failed;
        for (int i = 0; i < 100 && failed; ++i)
            failed =
                d.run(QStringLiteral("INSERT INTO organizations (org_key, display_name, source, created_at) "
                                     "VALUES (?, ?, 'test', 0)"),
                      {QStringLiteral("big%1").arg(i), big});
        QVERIFY2(!failed, "the capped database accepted 400 kB");
        d.rollback();
        const QString m = failed.errorMessage();
        QVERIFY2(m.contains(path) && m.contains(QLatin1String("is full")) &&
                     m.contains(QLatin1String("Free disk space")) && m.contains(QLatin1String("intact")),
                 qPrintable(m));
        // The same words through a cached statement (the sync's upserts).
        auto cached = d.execCached(QStringLiteral("INSERT INTO organizations (org_key, display_name, source, "
                                                  "created_at) VALUES (?, ?, 'test', 0)"),
                                   {QStringLiteral("cached"), QString(40000, u'y')});
        QVERIFY(!cached);
        QVERIFY2(cached.errorMessage().contains(QLatin1String("is full")), qPrintable(cached.errorMessage()));

        // Nothing stored before is lost, and once there is room again writing works.
        QCOMPARE(orgCount(d), 50);
        QVERIFY(d.run(QStringLiteral("PRAGMA max_page_count = 1000000")));
        QVERIFY(addOrg(d, QStringLiteral("after")));
        db->reset();
        auto again = Database::open(DatabaseUrl::sqlite(path));
        QVERIFY2(again, qPrintable(again.errorMessage()));
        QCOMPARE(orgCount(**again), 51);
        QCOMPARE((*again)->scalar(QStringLiteral("PRAGMA integrity_check"))->toString(),
                 QStringLiteral("ok"));
    }

    void readOnlyFolderRefusesClearly()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("db"));
        const QString path = folder + QStringLiteral("/orgward.db");
        makeDatabase(path, 3);
        const QByteArray before = fileHash(path);
        const bool root = ::geteuid() == 0;
        if (root) // the child runs as nobody: it owns the folder and the file, as a user owns their own
            for (const QString &p : {dir.path(), folder, path})
                QVERIFY(::chown(QFile::encodeName(p).constData(), kNobody, kNobody) == 0);
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));

        QString report;
        if (root) {
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QString::fromLatin1(kChildVariable), path);
            child.setProcessEnvironment(env);
            child.setChildProcessModifier([] {
                // After fork, before exec: only async-signal-safe calls. Group first, while still root.
                if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
                    ::_exit(97);
            });
            // A copy of this test where nobody can reach it: the build tree may sit under a folder only
            // root may enter (a clone in a mktemp -d folder), and exec would then fail.
            QTemporaryDir binDir;
            const QString self = binDir.filePath(QStringLiteral("test_faults"));
            QVERIFY(QFile::copy(QCoreApplication::applicationFilePath(), self));
            QVERIFY(QFile::setPermissions(binDir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                             QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                             QFileDevice::ExeOther));
            QVERIFY(QFile::setPermissions(self, QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                                    QFileDevice::ReadOther | QFileDevice::ExeOther));
            child.start(self, {});
            QVERIFY(child.waitForFinished(60000));
            QCOMPARE(child.exitCode(), 0);
            report = QString::fromUtf8(child.readAllStandardOutput());
        } else {
            // Not root: the folder's mode holds for this process; same checks, here.
            auto rw = Database::open(DatabaseUrl::sqlite(path));
            report = QStringLiteral("rw:%1\n").arg(rw ? QStringLiteral("opened") : rw.errorMessage());
            auto ro = Database::open(DatabaseUrl::sqlite(path), OpenOptions{true, false, false});
            report += QStringLiteral("ro:%1\n").arg(ro ? QString::number(orgCount(**ro)) : ro.errorMessage());
        }
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ExeOwner));
        qInfo().noquote() << report;
        const QString rw = report.section(QStringLiteral("rw:"), 1).section(u'\n', 0, 0);
        QVERIFY2(rw.contains(path) && rw.contains(QLatin1String("read-only")) &&
                     rw.contains(QLatin1String("Make the folder %1 writable").arg(folder)),
                 qPrintable(report));
        QVERIFY2(!report.contains(QLatin1String("write:ok")), qPrintable(report));
        // Nothing lost: the file is byte for byte what it was, and its rows read back.
        QCOMPARE(fileHash(path), before);
        auto db = Database::open(DatabaseUrl::sqlite(path));
        QVERIFY2(db, qPrintable(db.errorMessage()));
        QCOMPARE(orgCount(**db), 3);
    }

    void damagedFileIsLeftAlone_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("garbage") << QStringLiteral("garbage");
        QTest::newRow("header") << QStringLiteral("header");
        QTest::newRow("truncated") << QStringLiteral("truncated");
        QTest::newRow("foreign") << QStringLiteral("foreign");
    }

    void damagedFileIsLeftAlone()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("damaged.db"));
        if (damage == u"garbage") {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'x'));
        } else if (damage == u"foreign") { // another program's SQLite database
            auto other = Database::open(DatabaseUrl::sqlite(path), OpenOptions{false, false, true});
            QVERIFY(other);
            QVERIFY(
                (*other)->run(QStringLiteral("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")));
        } else {
            makeDatabase(path, 20);
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            if (damage == u"header") { // the 16-byte "SQLite format 3" magic overwritten
                f.write(QByteArray(16, '\0'));
            } else { // cut in the middle of the schema page
                QVERIFY(f.resize(1500));
            }
        }
        const QByteArray before = fileHash(path);
        auto db = Database::open(DatabaseUrl::sqlite(path));
        QVERIFY(!db);
        const QString m = db.errorMessage();
        QVERIFY2(m.contains(path) && m.contains(QLatin1String("is not an Orgward database or is damaged")) &&
                     m.contains(QLatin1String("nothing was written")),
                 qPrintable(m));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")) ||
                QFileInfo(path + QStringLiteral("-wal")).size() == 0);
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(kChildVariable)) {
        QCoreApplication app(argc, argv);
        return childMain(qEnvironmentVariable(kChildVariable));
    }
    QCoreApplication app(argc, argv);
    TestFaults tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "test_faults.moc"
