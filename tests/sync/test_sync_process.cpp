// The orgward binary as a child process against the local Admin API server: kill -9 at several points
// and a re-run gives a database identical to a clean run; two processes syncing the same org into one
// PostgreSQL database at the same time neither duplicate nor corrupt anything.
#include "syncfixture.h"
#include "testsupport/historycheck.h"

#include <QDate>
#include <QProcess>
#include <QScopeGuard>
#include <QtTest>
#include <csignal>
#include <sys/types.h>

using namespace orgward;

class TestSyncProcess : public QObject
{
    Q_OBJECT
    std::shared_ptr<const FixtureOrg> m_org;
    std::unique_ptr<test::FakeApiServer> m_server;
    QTemporaryDir m_dir;

    QString orgwardBinary() const { return QStringLiteral(ORGWARD_BINARY_DIR "/bin/orgward"); }
    QStringList syncArgs(const QString &dbUrl) const
    {
        return {QStringLiteral("sync"),
                QStringLiteral("--db"),
                dbUrl,
                QStringLiteral("--org"),
                m_org->orgKey(),
                QStringLiteral("--api-base"),
                m_server->baseUrl(),
                QStringLiteral("--rate"),
                QStringLiteral("1000"),
                QStringLiteral("--since"),
                QDateTime::fromSecsSinceEpoch(m_org->historyStart(), Qt::UTC).date().toString(Qt::ISODate)};
    }
    std::unique_ptr<QProcess> startSync(const QString &dbUrl)
    {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OPENAI_ADMIN_KEY"), QStringLiteral("sk-admin-test"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("orgward.*.info=false"));
        p->setProcessEnvironment(env);
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->start(orgwardBinary(), syncArgs(dbUrl));
        return p;
    }
    // Runs a sync to the end while serving its requests from this process's event loop.
    int runSync(const QString &dbUrl, QByteArray *output = nullptr)
    {
        auto p = startSync(dbUrl);
        if (!p->waitForStarted(10000)) return -1;
        QElapsedTimer t;
        t.start();
        while (p->state() != QProcess::NotRunning && t.elapsed() < 240000)
            QTest::qWait(20);
        if (output) *output = p->readAll();
        return p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -2;
    }
    // Checksums of a clean, complete sync into SQLite (made once).
    QMap<QString, QString> m_cleanSums;
    const QMap<QString, QString> &cleanSums()
    {
        if (m_cleanSums.isEmpty()) {
            const QString url = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("reference.db"));
            if (runSync(url) != 0) return m_cleanSums;
            auto db = Database::open(*DatabaseUrl::parse(url));
            if (db) m_cleanSums = test::checksums(**db, m_org->orgKey());
        }
        return m_cleanSums;
    }
    QString pgUrl(const QString &name, QString *why, std::unique_ptr<Database> *db)
    {
        *db = test::openPostgres(name, why);
        if (!*db) return {};
        return (*db)->url().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(orgwardBinary()), "build the orgward target first");
        m_org = std::make_shared<const FixtureOrg>(FixtureOrg::generate(GeneratorOptions{}));
        m_server = std::make_unique<test::FakeApiServer>(m_org);
        QVERIFY(m_server->start());
    }

    static QStringList versionCounts(Database &db)
    {
        auto q = db.exec(
            QStringLiteral("SELECT entity, change, COUNT(*) FROM orgward_history GROUP BY entity, change "
                           "ORDER BY entity, change"));
        QStringList out;
        while (q && q->next())
            out << q->value(0).toString() + u' ' + q->value(1).toString() + u'=' + q->value(2).toString();
        return out;
    }

    void killNineThenRerunEqualsCleanRun()
    {
        const QString cleanUrl = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("clean.db"));
        QByteArray out;
        const int before = m_server->requestCount();
        QCOMPARE(runSync(cleanUrl, &out), 0);
        const int total = m_server->requestCount() - before;
        QVERIFY2(total > 20, out.constData());
        auto clean = Database::open(*DatabaseUrl::parse(cleanUrl));
        QVERIFY(clean);
        const auto want = test::checksums(**clean, m_org->orgKey());
        const QStringList wantVersions = versionCounts(**clean);
        QVERIFY(!wantVersions.isEmpty());

        const QList<int> points{2, total / 5, total / 2, total * 4 / 5, total - 1};
        for (int point : points) {
            const QString url =
                QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("killed-%1.db").arg(point));
            const int start = m_server->requestCount();
            // Request `point` is held unanswered, so the kill lands while the sync is alive at that point:
            // waiting for it, or still writing the page before it (the next request goes out first).
            m_server->setHoldFrom(start + point);
            const auto lift = qScopeGuard([this] { m_server->setHoldFrom(0); });
            auto p = startSync(url);
            QVERIFY(p->waitForStarted(10000));
            QTRY_VERIFY_WITH_TIMEOUT(
                m_server->requestCount() - start >= point || p->state() == QProcess::NotRunning, 120000);
            QVERIFY2(p->state() != QProcess::NotRunning, "the sync ended before the kill point");
            p->kill(); // SIGKILL
            QVERIFY(p->waitForFinished(10000));
            m_server->setHoldFrom(0); // (lift does it too should a check above fail)
            QCOMPARE(p->exitStatus(), QProcess::CrashExit);
            QCOMPARE(runSync(url, &out), 0);
            auto db = Database::open(*DatabaseUrl::parse(url));
            QVERIFY(db);
            const auto got = test::checksums(**db, m_org->orgKey());
            for (auto it = want.cbegin(); it != want.cend(); ++it)
                QVERIFY2(
                    got.value(it.key()) == it.value(),
                    qPrintable(QStringLiteral("kill at request %1: %2 differs").arg(point).arg(it.key())));
            // History: consistent with the rows, and no version written twice by the re-run.
            QVERIFY2(test::historyConsistent(**db),
                     qPrintable(QStringLiteral("kill at request %1").arg(point)));
            QCOMPARE(versionCounts(**db), wantVersions);
        }
    }

    void interruptCancelsCleanly_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT (Ctrl-C)") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }
    void interruptCancelsCleanly()
    {
        QFETCH(int, signal);
        const QMap<QString, QString> want = cleanSums();
        QVERIFY(!want.isEmpty());
        const QString url =
            QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("interrupted-%1.db").arg(signal));
        // Slow responses so the signal lands mid-chain, with a request in flight.
        m_server->setDelayMs(30);
        const int start = m_server->requestCount();
        auto p = startSync(url);
        QVERIFY(p->waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(m_server->requestCount() - start >= 40 || p->state() == QProcess::NotRunning,
                                 120000);
        QVERIFY2(p->state() != QProcess::NotRunning, "the sync ended before the signal");
        QElapsedTimer t;
        t.start();
        if (signal == SIGTERM)
            p->terminate();
        else
            QCOMPARE(::kill(pid_t(p->processId()), SIGINT), 0);
        QTRY_VERIFY_WITH_TIMEOUT(p->state() == QProcess::NotRunning, 10000);
        m_server->setDelayMs(0);
        QVERIFY2(t.elapsed() < 3000, "cancelling took too long");
        const QByteArray out = p->readAll();
        QCOMPARE(p->exitStatus(), QProcess::NormalExit);
        QVERIFY2(p->exitCode() == 5, out.constData());
        QVERIFY2(out.contains("Status: cancelled"), out.constData());
        QVERIFY2(out.contains("re-run 'orgward sync' to continue"), out.constData());
        // Not a terminal: no progress line, no carriage returns or escape sequences.
        QVERIFY2(!out.contains('\r') && !out.contains('\x1b'), out.constData());
        {
            auto db = Database::open(*DatabaseUrl::parse(url));
            QVERIFY(db);
            auto run = (*db)->scalar(QStringLiteral("SELECT status FROM openai_admin_sync_runs"));
            QVERIFY(run);
            QCOMPARE(run->toString(), QStringLiteral("cancelled"));
            // What was committed before the signal is kept (users come first), and no cursor counts the
            // cancel as an error.
            auto users = (*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM openai_users"));
            QVERIFY(users);
            QVERIFY(users->toLongLong() > 0);
            auto errors = (*db)->scalar(
                QStringLiteral("SELECT COUNT(*) FROM openai_admin_cursors WHERE error_count > 0"));
            QVERIFY(errors);
            QCOMPARE(errors->toLongLong(), 0);
            QVERIFY(test::checksums(**db, m_org->orgKey()) != want);
        }
        // A re-run resumes and ends identical to a clean run.
        QByteArray again;
        QVERIFY2(runSync(url, &again) == 0, again.constData());
        auto db = Database::open(*DatabaseUrl::parse(url));
        QVERIFY(db);
        QCOMPARE(test::checksums(**db, m_org->orgKey()), want);
    }

    void exitCodesAndMetrics()
    {
        const QString url = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("metrics.db"));
        // A 5xx storm on audit logs beyond the retry budget: partial, exit 3, the reason printed.
        m_server->addFault(test::fault(test::Fault::ServerError, QStringLiteral("/audit_logs"), 100));
        QByteArray out;
        QCOMPARE(runSync(url, &out), 3);
        QVERIFY2(out.contains("re-run 'orgward sync' to complete"), out.constData());
        QVERIFY2(out.contains("HTTP 500"), out.constData());
        m_server->clearFaults();
        QCOMPARE(runSync(url, &out), 0);

        QProcess metrics;
        metrics.start(orgwardBinary(), {QStringLiteral("metrics"), QStringLiteral("--db"), url});
        QVERIFY(metrics.waitForFinished(30000));
        QCOMPARE(metrics.exitCode(), 0);
        const QString text = QString::fromUtf8(metrics.readAllStandardOutput());
        QVERIFY2(
            text.contains(QStringLiteral(
                "# TYPE admin_sync_failures_total counter\nadmin_sync_failures_total{org=\"acme\"} 1\n")),
            qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("# TYPE admin_cursor_drift_seconds gauge")));
        QVERIFY(
            text.contains(QStringLiteral("admin_cursor_drift_seconds{org=\"acme\",endpoint=\"users\"} ")));
        auto db = Database::open(*DatabaseUrl::parse(url));
        QVERIFY(db);
        auto cursors = (*db)->scalar(
            QStringLiteral("SELECT COUNT(*) FROM openai_admin_cursors WHERE last_synced_at IS NOT NULL"));
        QVERIFY(cursors);
        QCOMPARE(text.count(QStringLiteral("admin_cursor_drift_seconds{")), int(cursors->toLongLong()));
        QVERIFY(text.contains(QStringLiteral("admin_certificate_expiring_total{org=\"acme\"} ")));
        // Exactly the metric lines and their HELP/TYPE comments, nothing else (the budget gauges, issue #15,
        // are orgward_*; no budget here, so only their comments).
        for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(line.startsWith(QLatin1String("# HELP admin_")) ||
                         line.startsWith(QLatin1String("# TYPE admin_")) ||
                         line.startsWith(QLatin1String("admin_")) ||
                         line.startsWith(QLatin1String("# HELP orgward_budget_")) ||
                         line.startsWith(QLatin1String("# TYPE orgward_budget_")),
                     qPrintable(line));
    }

    // A key revoked mid-sync (401 on the fifth page of a chain): exit 4, the endpoint named, and a re-run
    // with a valid key resumes to a database equal to a clean run.
    void keyRevokedMidSyncExitsFourAndResumes()
    {
        const QMap<QString, QString> want = cleanSums();
        QVERIFY(!want.isEmpty());
        const QString url = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("revoked.db"));
        const auto restore = qScopeGuard([this] {
            m_server->clearFaults();
            m_server->setAdminKey(QStringLiteral("sk-admin-test"));
        });
        m_server->addFault(
            test::fault(test::Fault::RevokeKey, QStringLiteral("/organization/usage/completions"), 1, 4));
        QByteArray out;
        QCOMPARE(runSync(url, &out), 4);
        QVERIFY2(out.contains("the admin key was refused while reading 'usage/completions"), out.constData());
        QVERIFY2(out.contains("HTTP 401"), out.constData());
        QVERIFY2(out.contains("resumes where it stopped"), out.constData());
        m_server->clearFaults();
        m_server->setAdminKey(QStringLiteral("sk-admin-test"));
        QVERIFY2(runSync(url, &out) == 0, out.constData());
        auto db = Database::open(*DatabaseUrl::parse(url));
        QVERIFY(db);
        QCOMPARE(test::checksums(**db, m_org->orgKey()), want);
    }

    // What the server says in an error can hold a secret: it is masked in the output and in the stored
    // run record and cursor.
    void serverErrorTextIsMaskedInOutputAndStore()
    {
        const QString url = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("masked.db"));
        const auto restore = qScopeGuard([this] { m_server->clearFaults(); });
        test::Fault f = test::fault(test::Fault::ErrorBody, QStringLiteral("/organization/invites"), 1);
        f.errorStatus = 400;
        f.errorBody =
            R"({"error":{"message":"bad key: sk-proj-AbCdEfGh12345678","type":"invalid_request_error"}})";
        m_server->addFault(f);
        const QByteArray secret = "AbCdEfGh12345678";
        QByteArray out;
        QCOMPARE(runSync(url, &out), 3);
        QVERIFY2(out.contains("HTTP 400: bad key: sk-***"), out.constData()); // the error is shown, masked
        QVERIFY2(!out.contains(secret), out.constData());
        auto db = Database::open(*DatabaseUrl::parse(url));
        QVERIFY(db);
        auto runs = (*db)->exec(QStringLiteral("SELECT status, errors, message FROM openai_admin_sync_runs"));
        QVERIFY(runs);
        int rows = 0;
        while (runs->next()) {
            ++rows;
            QCOMPARE(runs->value(0).toString(), QStringLiteral("partial"));
            const QString errors = runs->value(1).toString();
            QVERIFY2(errors.contains(QLatin1String("HTTP 400")), qPrintable(errors));
            QVERIFY2(!errors.contains(QLatin1String(secret)), qPrintable(errors));
            QVERIFY(!runs->value(2).toString().contains(QLatin1String(secret)));
        }
        QCOMPARE(rows, 1);
        auto lastError = (*db)->scalar(
            QStringLiteral("SELECT last_error FROM openai_admin_cursors WHERE endpoint = 'invites'"));
        QVERIFY(lastError);
        QVERIFY2(lastError->toString().contains(QLatin1String("HTTP 400")),
                 qPrintable(lastError->toString()));
        QVERIFY2(!lastError->toString().contains(QLatin1String(secret)), qPrintable(lastError->toString()));
    }

    void twoProcessesIntoOnePostgres()
    {
        QString why;
        std::unique_ptr<Database> shared, clean;
        const QString sharedUrl = pgUrl(QStringLiteral("sync_two_process"), &why, &shared);
        if (sharedUrl.isEmpty()) {
            if (test::postgresRequired()) QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
        const QString cleanUrl = pgUrl(QStringLiteral("sync_two_process_clean"), &why, &clean);
        QVERIFY2(!cleanUrl.isEmpty(), qPrintable(why));
        QCOMPARE(runSync(cleanUrl), 0);

        auto a = startSync(sharedUrl);
        auto b = startSync(sharedUrl);
        QVERIFY(a->waitForStarted(10000) && b->waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(a->state() == QProcess::NotRunning && b->state() == QProcess::NotRunning,
                                 240000);
        QCOMPARE(a->exitCode(), 0);
        QCOMPARE(b->exitCode(), 0);
        const auto want = test::checksums(*clean, m_org->orgKey());
        QCOMPARE(test::checksums(*shared, m_org->orgKey()), want);
        auto runs = shared->scalar(
            QStringLiteral("SELECT COUNT(*) FROM openai_admin_sync_runs WHERE status = 'complete'"));
        QVERIFY(runs);
        QCOMPARE(runs->toLongLong(), 2);
        auto dupes = shared->scalar(QStringLiteral(
            "SELECT COUNT(*) FROM (SELECT id FROM usage_events GROUP BY org_key, id HAVING COUNT(*) > 1) d"));
        QVERIFY(dupes);
        QCOMPARE(dupes->toLongLong(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncProcess)
#include "test_sync_process.moc"
