// Secret stores: the real keychain round trip (gnome-keyring under dbus-run-session in scripts/test), the
// no-keychain path (a clear message, no plaintext fallback), and the session memory store.
#include "core/sanitizer.h"
#include "security/keychainstore.h"
#include "security/memorystore.h"
#include "security/secretstore.h"

#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace orgward;

namespace {
bool keyringRequired()
{
    return qEnvironmentVariableIntValue("ORGWARD_REQUIRE_KEYRING") == 1;
}

// Child mode: probe the keychain and print the outcome (used with a broken D-Bus address).
int childProbe()
{
    KeychainStore store(QStringLiteral("orgward-test"));
    auto s = store.write(QStringLiteral("org/child/admin-key"), QStringLiteral("sk-admin-childchildchild"));
    QTextStream out(stdout);
    out << (s ? QStringLiteral("STORED") : QStringLiteral("FAILED: ") + s.errorMessage()) << Qt::endl;
    return s ? 0 : 7;
}
} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void memoryRoundTrip()
    {
        MemoryStore m;
        QCOMPARE(m.read(QStringLiteral("org/a/admin-key")).error().code, Error::Code::NotFound);
        QVERIFY(m.write(QStringLiteral("org/a/admin-key"), QStringLiteral("sk-admin-memorymemory1")).ok());
        QCOMPARE(m.read(QStringLiteral("org/a/admin-key")).value(), QStringLiteral("sk-admin-memorymemory1"));
        QVERIFY(m.remove(QStringLiteral("org/a/admin-key")).ok());
        QVERIFY(m.remove(QStringLiteral("org/a/admin-key")).ok()); // removing twice is fine
        QVERIFY(!m.read(QStringLiteral("org/a/admin-key")).ok());
        // The session store is one per process.
        QCOMPARE(SecretStores::session().get(),
                 SecretStores::forSpec(QStringLiteral("memory")).value().get());
        QVERIFY(!SecretStores::forSpec(QStringLiteral("plaintext")).ok());
    }

    void keychainRoundTrip()
    {
        KeychainStore store(QStringLiteral("orgward-test"));
        if (auto p = store.probe(); !p) {
            if (keyringRequired())
                QFAIL(qPrintable(QStringLiteral("ORGWARD_REQUIRE_KEYRING=1 but: ") + p.errorMessage()));
            QSKIP(
                qPrintable(QStringLiteral("no keychain here (run under scripts/test): ") + p.errorMessage()));
        }
        const QString name =
            QStringLiteral("org/rt-%1/admin-key").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        const QString key = QStringLiteral("sk-admin-") + QUuid::createUuid().toString(QUuid::Id128) +
                            QStringLiteral("ÄöÜ-ünicode");
        QCOMPARE(store.read(name).error().code, Error::Code::NotFound);
        QVERIFY2(store.write(name, key).ok(), "write");
        QCOMPARE(store.read(name).value(), key);
        // A second store object (as another process would) sees the same entry; service namespaces apart.
        QCOMPARE(KeychainStore(QStringLiteral("orgward-test")).read(name).value(), key);
        QCOMPARE(KeychainStore(QStringLiteral("orgward-test-other")).read(name).error().code,
                 Error::Code::NotFound);
        QVERIFY(store.write(name, key + QStringLiteral("2")).ok()); // overwrite
        QCOMPARE(store.read(name).value(), key + QStringLiteral("2"));
        QVERIFY(store.remove(name).ok());
        QCOMPARE(store.read(name).error().code, Error::Code::NotFound);
        QVERIFY(store.remove(name).ok());
        // Reading registered the key with the sanitizer.
        QVERIFY(!Sanitizer::mask(QStringLiteral("x ") + key + QStringLiteral("2")).contains(key));
    }

    void noKeychainIsClearAndNeverPlaintext()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=%1/no-bus").arg(home.path()));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.remove(QStringLiteral("XDG_CURRENT_DESKTOP"));
        env.remove(QStringLiteral("KDE_FULL_SESSION"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-probe")});
        QVERIFY(child.waitForFinished(60000));
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        QCOMPARE(child.exitCode(), 7);
        QVERIFY2(out.contains(QLatin1String("FAILED")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("No keychain (Secret Service) is available")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("--session-only")) && out.contains(QLatin1String("--vault")),
                 qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("childchildchild")), qPrintable(out));
        // Nothing anywhere under the child's home holds the key (no QtKeychain plaintext fallback).
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("childchildchild"), qPrintable(f.fileName()));
        }
    }
};

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--child-probe") == 0) {
        QCoreApplication app(argc, argv);
        return childProbe();
    }
    QCoreApplication app(argc, argv);
    TestSecretStore t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_secretstore.moc"
