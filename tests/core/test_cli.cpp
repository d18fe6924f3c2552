// The orgward binary's headless surface: version, help, exit codes and clear errors.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int code;
    QString out;
    QString err;
};
Run orgward(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(ORGWARD_BINARY_DIR "/bin/orgward"), args);
    if (!p.waitForFinished(120000)) qFatal("orgward did not finish");
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void versionAndHelp()
    {
        auto v = orgward({QStringLiteral("--version")});
        QCOMPARE(v.code, 0);
        QVERIFY(v.out.startsWith(QLatin1String("orgward ")));
        auto h = orgward({QStringLiteral("--help")});
        QCOMPARE(h.code, 0);
        QVERIFY(h.out.contains(QLatin1String("import")));
        QVERIFY(h.out.contains(QLatin1String("Exit codes")));
        auto ih = orgward({QStringLiteral("import"), QStringLiteral("--help")});
        QCOMPARE(ih.code, 0);
        QVERIFY(ih.out.contains(QLatin1String("--db")));
    }
    void unknownCommandAndBadArguments()
    {
        auto u = orgward({QStringLiteral("teleport")});
        QCOMPARE(u.code, 2);
        QVERIFY(u.err.contains(QLatin1String("unknown command 'teleport'")));
        auto noDir = orgward({QStringLiteral("import")});
        QCOMPARE(noDir.code, 2);
        auto badDb = orgward({QStringLiteral("status"), QStringLiteral("--db"), QStringLiteral("mysql://x")});
        QCOMPARE(badDb.code, 1);
        QVERIFY2(badDb.err.contains(QLatin1String("neither sqlite:///path nor postgresql://")),
                 qPrintable(badDb.err));
        auto relative =
            orgward({QStringLiteral("status"), QStringLiteral("--db"), QStringLiteral("sqlite://rel.db")});
        QVERIFY(relative.err.contains(QLatin1String("absolute path")));
    }
    void importThenStatus()
    {
        QTemporaryDir dir;
        const QString db = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("cli.db"));
        auto imp = orgward({QStringLiteral("import"), QStringLiteral(ORGWARD_SOURCE_DIR "/fixtures"),
                            QStringLiteral("--db"), db});
        QVERIFY2(imp.code == 0, qPrintable(imp.err));
        QVERIFY(imp.out.contains(QLatin1String("openai_users")));
        auto st = orgward({QStringLiteral("status"), QStringLiteral("--db"), db});
        QCOMPARE(st.code, 0);
        QVERIFY(st.out.contains(QLatin1String("openai_projects")));
        // ORGWARD_DB picks the database when --db is absent.
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ORGWARD_DB"), db);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(ORGWARD_BINARY_DIR "/bin/orgward"), {QStringLiteral("status")});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY(
            QString::fromUtf8(p.readAllStandardOutput()).contains(dir.filePath(QStringLiteral("cli.db"))));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
