// Database URLs and the libpq options they become, the SQLite file's permissions, exact money sums on both
// engines, nested transactions, and reconnecting after the PostgreSQL session is killed (what a server
// restart looks like to the client).
#include "core/decimal.h"
#include "security/dbprofiles.h"
#include "testsupport/testsupport.h"

#include <QFile>
#include <QTest>
#include <libpq-fe.h>
#include <sys/stat.h>

namespace {

// What libpq makes of QPSQL's connect options: QPSQL replaces every ';' by a space and appends the text
// to its own "host=… dbname=…" (qsql_psql.cpp), then PQconnectdb parses it. Same here, with libpq's parser.
QMap<QString, QString> libpqSees(const QString &connectOptions, QString *error = nullptr)
{
    QString text = connectOptions;
    text.replace(u';', u' ');
    char *message = nullptr;
    PQconninfoOption *opts = PQconninfoParse(text.toUtf8().constData(), &message);
    QMap<QString, QString> out;
    if (!opts) {
        if (error) *error = QString::fromUtf8(message);
        PQfreemem(message);
        return out;
    }
    for (PQconninfoOption *o = opts; o->keyword; ++o)
        if (o->val) out.insert(QString::fromUtf8(o->keyword), QString::fromUtf8(o->val));
    PQconninfoFree(opts);
    return out;
}

mode_t modeOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) return 0;
    return st.st_mode & 07777;
}

// Runs the test with the common umask 022, whatever the shell's, and restores it.
struct Umask
{
    mode_t previous;
    explicit Umask(mode_t m) : previous(::umask(m)) {}
    ~Umask() { ::umask(previous); }
};

} // namespace

using namespace orgward;

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void urls()
    {
        auto pg = DatabaseUrl::parse(QStringLiteral(
            "postgresql://ana:s3cr%40t@db.example:6543/org?sslmode=verify-full&sslrootcert=/etc/ca.pem"));
        QVERIFY(pg);
        QCOMPARE(pg->host, QStringLiteral("db.example"));
        QCOMPARE(pg->port, 6543);
        QCOMPARE(pg->password, QStringLiteral("s3cr@t"));
        QCOMPARE(pg->options.value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
        QVERIFY(!pg->display().contains(QLatin1String("s3cr")));
        QVERIFY(DatabaseUrl::parse(QStringLiteral("postgres://u@h/d")));
        auto lite = DatabaseUrl::parse(QStringLiteral("sqlite:///var/tmp/../tmp/x.db"));
        QCOMPARE(lite->path, QStringLiteral("/var/tmp/x.db"));
        for (const char *bad : {"sqlite://x.db", "postgresql://u@h", "postgresql://u@h/d?sslmode=sometimes",
                                "postgresql://u@h/d?evil=1", "mysql://u@h/d", "",
                                // one option twice: whichever won, one value was not meant
                                "postgresql://u@h/d?sslmode=verify-full&sslmode=disable",
                                // QPSQL turns ';' into a space: such a value cannot stay one value
                                "postgresql://u@h/d?sslrootcert=/ca.pem%3Bsslmode%3Ddisable"})
            QVERIFY2(!DatabaseUrl::parse(QString::fromLatin1(bad)), bad);
    }

    // Finding 9: a value cannot add a keyword of its own; the TLS mode stays the one asked for.
    void connectOptionsQuoteEveryValue()
    {
        auto url = DatabaseUrl::parse(QStringLiteral(
            "postgresql://u@db.example/d?sslmode=verify-full&sslrootcert=/ca.pem%20sslmode%3Ddisable"));
        QVERIFY2(url, qPrintable(url.errorMessage()));
        auto options = url->connectOptions();
        QVERIFY2(options, qPrintable(options.errorMessage()));
        QString error;
        const auto seen = libpqSees(*options, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error + u'\n' + *options));
        QCOMPARE(seen.value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
        QCOMPARE(seen.value(QStringLiteral("sslrootcert")), QStringLiteral("/ca.pem sslmode=disable"));
        QCOMPARE(seen.value(QStringLiteral("application_name")), QStringLiteral("orgward"));
        QCOMPARE(seen.value(QStringLiteral("connect_timeout")), QStringLiteral("10"));

        // Quotes and backslashes arrive as they were written.
        DatabaseUrl odd = *url;
        odd.options.insert(QStringLiteral("sslrootcert"), QStringLiteral("/etc/o'brien\\ca dir/ca.pem"));
        odd.options.insert(QStringLiteral("application_name"), QStringLiteral("x' sslmode='disable"));
        const auto oddSeen = libpqSees(odd.connectOptions().value());
        QCOMPARE(oddSeen.value(QStringLiteral("sslrootcert")), QStringLiteral("/etc/o'brien\\ca dir/ca.pem"));
        QCOMPARE(oddSeen.value(QStringLiteral("application_name")), QStringLiteral("x' sslmode='disable"));
        QCOMPARE(oddSeen.value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));

        // Options set in code or by a profile are checked too: unknown names and unsafe values are refused
        // with the option named.
        DatabaseUrl unknown = *url;
        unknown.options.insert(QStringLiteral("sslmode=disable host"), QStringLiteral("x"));
        auto u = unknown.connectOptions();
        QVERIFY(!u);
        QVERIFY2(u.errorMessage().contains(QLatin1String("is not supported")), qPrintable(u.errorMessage()));
        DatabaseUrl semicolon = *url;
        semicolon.options.insert(QStringLiteral("sslrootcert"), QStringLiteral("/ca.pem;sslmode=disable"));
        auto sc = semicolon.connectOptions();
        QVERIFY(!sc);
        QVERIFY2(sc.errorMessage().contains(QLatin1String("sslrootcert")), qPrintable(sc.errorMessage()));
        QVERIFY(!Database::open(semicolon)); // refused before anything reaches the network
    }

    // Finding 9: no TLS mode given → verify-full for a remote host; a local one keeps libpq's default.
    void defaultSslModeByHost()
    {
        auto modeFor = [](const QString &url) {
            auto u = DatabaseUrl::parse(url);
            if (!u) return QStringLiteral("<%1>").arg(u.errorMessage());
            return libpqSees(u->connectOptions().value())
                .value(QStringLiteral("sslmode"), QStringLiteral("-"));
        };
        QCOMPARE(modeFor(QStringLiteral("postgresql://u@db.example/d")), QStringLiteral("verify-full"));
        QCOMPARE(modeFor(QStringLiteral("postgresql://u@10.0.0.5:5433/d")), QStringLiteral("verify-full"));
        QCOMPARE(modeFor(QStringLiteral("postgresql://u@localhost.example.com/d")),
                 QStringLiteral("verify-full"));
        QCOMPARE(modeFor(QStringLiteral("postgresql://u@[2001:db8::1]/d")), QStringLiteral("verify-full"));
        // The URL's own choice stands.
        QCOMPARE(modeFor(QStringLiteral("postgresql://u@db.example/d?sslmode=require")),
                 QStringLiteral("require"));
        QCOMPARE(modeFor(QStringLiteral("postgresql://u@db.example/d?sslmode=disable")),
                 QStringLiteral("disable"));
        // Local: nothing added (libpq's default; PQconninfoParse reports no value).
        for (const char *local :
             {"postgresql://u@127.0.0.1/d", "postgresql://u@localhost/d", "postgresql://u@LOCALHOST/d",
              "postgresql://u@127.0.0.2/d", "postgresql://u@[::1]/d"})
            QCOMPARE(modeFor(QString::fromLatin1(local)), QStringLiteral("-"));
        QVERIFY(DatabaseUrl::isLocalHost(QStringLiteral("/var/run/postgresql")));
        QVERIFY(!DatabaseUrl::isLocalHost(QStringLiteral("127.0.0.1.nip.io")));

        // Connection profiles: no sslmode stored → the same rule.
        DbProfile p;
        p.name = QStringLiteral("remote");
        p.host = QStringLiteral("db.example");
        p.user = QStringLiteral("u");
        QVERIFY2(p.validate(), qPrintable(p.validate().errorMessage()));
        QCOMPARE(libpqSees(p.urlWithoutPassword().connectOptions().value()).value(QStringLiteral("sslmode")),
                 QStringLiteral("verify-full"));
        p.sslrootcert = QStringLiteral("/tmp/a;b.pem");
        QVERIFY(!p.validate());
    }

    // Finding 5: a new database is private to its owner whatever the umask: folder 0700, files 0600.
    void newSqliteFilesArePrivate()
    {
        const Umask umask(022);
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("data/orgward"));
        const QString path = folder + QStringLiteral("/orgward.db");
        auto db = Database::open(DatabaseUrl::sqlite(path));
        QVERIFY2(db, qPrintable(db.errorMessage()));
        QVERIFY(
            (*db)->run(QStringLiteral("INSERT INTO organizations (org_key, display_name, source, created_at) "
                                      "VALUES ('o', 'O', 'test', 0)")));
        QVERIFY((*db)->warnings().isEmpty());
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("data"))), mode_t(0700));
        QCOMPARE(modeOf(folder), mode_t(0700));
        for (const char *suffix : {"", "-wal", "-shm"}) {
            const QString f = path + QString::fromLatin1(suffix);
            QVERIFY2(QFileInfo::exists(f), qPrintable(f));
            QCOMPARE(modeOf(f), mode_t(0600));
        }
    }

    // Finding 5: an existing file others can read opens, says so, and keeps its mode (it may be shared on
    // purpose; Orgward does not chmod someone's file behind their back).
    void existingSharedFileWarns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shared.db"));
        {
            auto db = Database::open(DatabaseUrl::sqlite(path));
            QVERIFY(db);
        }
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        auto db = Database::open(DatabaseUrl::sqlite(path));
        QVERIFY2(db, qPrintable(db.errorMessage()));
        QCOMPARE((*db)->warnings().size(), 1);
        const QString w = (*db)->warnings().constFirst();
        QVERIFY2(w.contains(path) && w.contains(QLatin1String("0644")) &&
                     w.contains(QLatin1String("chmod 600")),
                 qPrintable(w));
        QCOMPARE(modeOf(path), mode_t(0644));
        // Read-only (auditor) opens say it too; with the first connection open, also of the -wal and -shm
        // files SQLite made with the database file's mode.
        auto ro = Database::open(DatabaseUrl::sqlite(path), OpenOptions{true, false, false});
        QVERIFY2(ro, qPrintable(ro.errorMessage()));
        QCOMPARE((*ro)->warnings().size(), 3);
        QVERIFY((*ro)->warnings().at(1).contains(path + QStringLiteral("-wal")));
    }

    void sqliteExactSumsAndSavepoints()
    {
        QTemporaryDir dir;
        auto db = test::openSqlite(dir);
        QVERIFY(db->run(QStringLiteral("CREATE TABLE money (v TEXT)")));
        QVERIFY(db->begin());
        for (int i = 0; i < 1000; ++i)
            QVERIFY(db->run(QStringLiteral("INSERT INTO money VALUES (?)"), {QStringLiteral("0.1")}));
        QVERIFY(db->begin()); // savepoint
        QVERIFY(db->run(QStringLiteral("INSERT INTO money VALUES ('1000000')")));
        db->rollback(); // only the savepoint
        QVERIFY(db->commit());
        QCOMPARE(db->scalar(QStringLiteral("SELECT %1 FROM money").arg(db->sumDecimal(QStringLiteral("v"))))
                     ->toString(),
                 QStringLiteral("100"));
        QVERIFY(db->scalar(QStringLiteral("SELECT dec_sum(v) FROM money WHERE 0"))->isNull());
        QVERIFY(!db->scalar(QStringLiteral("SELECT dec_sum('abc')")));
    }

    void postgresReconnectsAfterSessionLoss()
    {
        QString why;
        auto db = test::openPostgres(QStringLiteral("reconnect"), &why);
        if (!db) {
            if (test::postgresRequired()) QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
        QVERIFY(db->run(QStringLiteral("CREATE TABLE money (v NUMERIC(38,18))")));
        QVERIFY(db->run(QStringLiteral("INSERT INTO money VALUES ('0.1'), ('0.2')")));
        QCOMPARE(
            Decimal::parse(
                db->scalar(QStringLiteral("SELECT %1 FROM money").arg(db->sumDecimal(QStringLiteral("v"))))
                    ->toString())
                ->toString(),
            QStringLiteral("0.3"));

        auto admin = Database::open(*DatabaseUrl::parse(qEnvironmentVariable("ORGWARD_TEST_PG")),
                                    OpenOptions{false, false, true});
        QVERIFY(admin);
        auto kill = [&] {
            const QVariant pid = db->scalar(QStringLiteral("SELECT pg_backend_pid()")).value();
            QVERIFY((*admin)->scalar(QStringLiteral("SELECT pg_terminate_backend(?)"), {pid}));
            QTRY_VERIFY(
                (*admin)
                    ->scalar(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ?"), {pid})
                    ->toInt() == 0);
        };
        // Outside a transaction: the next statement reconnects and succeeds; the session's data is intact.
        kill();
        auto after = db->scalar(QStringLiteral("SELECT COUNT(*) FROM money"));
        QVERIFY2(after, qPrintable(after.errorMessage()));
        QCOMPARE(after->toInt(), 2);
        // Inside a transaction: the failure is reported plainly and nothing half-done remains.
        QVERIFY(db->begin());
        QVERIFY(db->run(QStringLiteral("INSERT INTO money VALUES ('5')")));
        kill();
        auto mid = db->run(QStringLiteral("INSERT INTO money VALUES ('6')"));
        QVERIFY(!mid);
        QVERIFY2(mid.errorMessage().contains(QLatin1String("in the middle of a transaction")),
                 qPrintable(mid.errorMessage()));
        db->rollback();
        QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM money"))->toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "test_database.moc"
