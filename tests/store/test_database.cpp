// Database URLs, exact money sums on both engines, nested transactions, and reconnecting after the
// PostgreSQL session is killed (what a server restart looks like to the client).
#include "core/decimal.h"
#include "testsupport/testsupport.h"

#include <QTest>

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
                                "postgresql://u@h/d?evil=1", "mysql://u@h/d", ""})
            QVERIFY2(!DatabaseUrl::parse(QString::fromLatin1(bad)), bad);
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
