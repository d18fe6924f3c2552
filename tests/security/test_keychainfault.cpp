// Fault: the keychain locked or gone mid-session. This test runs its own D-Bus session bus (without
// service activation, so nothing restarts a killed daemon behind its back) and its own gnome-keyring
// daemon, so killing or locking it touches no other test. Reading a stored key must then end in a clear
// error — promptly, from the blocking and the asynchronous API alike — and lose nothing stored.
#include "security/adminkeyasync.h"
#include "security/keychainstore.h"
#include "security/orgprofiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace orgward;

namespace {
const QString kService = QStringLiteral("orgward-fault-test");
const QString kKey = QStringLiteral("sk-admin-faultfaultfault0123456789");
constexpr int kStartMs = 20'000;
// A failing keychain must answer well within this (the job timeout is lowered to it as a backstop).
constexpr int kAnswerMs = 10'000;

bool keyringRequired()
{
    return qEnvironmentVariableIntValue("ORGWARD_REQUIRE_KEYRING") == 1;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestKeychainFault : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_keyring;
    QString m_busAddress;
    QString m_profiles;
    QString m_lastProbe;

    // `probeHere`: wait until this process can use it (the first start); otherwise only start it.
    bool startKeyring(bool probeHere = true)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_busAddress);
        // Its own keyrings folder and control socket: never the session's keyring of the other tests.
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("run")));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        m_keyring.setProcessEnvironment(env);
        m_keyring.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_keyring.start(QStringLiteral("gnome-keyring-daemon"),
                        {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                         QStringLiteral("--components=secrets")});
        if (!m_keyring.waitForStarted(kStartMs)) return false;
        m_keyring.write("orgward-test");
        m_keyring.closeWriteChannel();
        if (!probeHere) return true;
        // Ready when a store round trip works.
        KeychainStore store(kService);
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < kStartMs) {
            const Status probe = store.probe();
            if (probe.ok()) return true;
            m_lastProbe = probe.errorMessage();
            QTest::qWait(100);
        }
        return false;
    }

    void stopKeyring()
    {
        if (m_keyring.state() == QProcess::NotRunning) return;
        m_keyring.kill(); // the daemon this test started, by its process id
        m_keyring.waitForFinished(kStartMs);
    }

    // The blocking read: answers, and with the locked-or-gone error, within kAnswerMs.
    void checkBlockingReadFails(const QString &name)
    {
        QElapsedTimer t;
        t.start();
        auto r = KeychainStore(kService).read(name);
        QVERIFY2(!r.ok(), "read a key from a keychain that should be unavailable");
        QVERIFY2(t.elapsed() < kAnswerMs, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(r.errorMessage().contains(QLatin1String("the keychain is locked or not running")),
                 qPrintable(r.errorMessage()));
        QVERIFY2(!r.errorMessage().contains(kKey), qPrintable(r.errorMessage()));
    }

    // The asynchronous read: returns at once and calls back (later) with the same error.
    void checkAsyncReadFails(const OrgProfile &profile)
    {
        QObject context;
        bool returned = false, calledBack = false, calledBackBeforeReturn = false;
        Result<QString> got = err(Error::Code::Generic, QString());
        readAdminKeyAsync(profile, &context, [&](Result<QString> r) {
            calledBackBeforeReturn = !returned;
            calledBack = true;
            got = std::move(r);
        });
        returned = true;
        QTRY_VERIFY_WITH_TIMEOUT(calledBack, kAnswerMs);
        QVERIFY(!calledBackBeforeReturn);
        QVERIFY(!got.ok());
        QVERIFY2(got.errorMessage().contains(QLatin1String("the keychain is locked or not running")),
                 qPrintable(got.errorMessage()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString dbus = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        const QString gkd = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
        if (dbus.isEmpty() || gkd.isEmpty()) {
            if (keyringRequired())
                QFAIL("ORGWARD_REQUIRE_KEYRING=1 but dbus-daemon or gnome-keyring-daemon is missing");
            QSKIP("needs dbus-daemon and gnome-keyring-daemon (run under scripts/test)");
        }
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("data"))));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("run"))));
        QFile::setPermissions(m_dir.filePath(QStringLiteral("run")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const QString socket = m_dir.filePath(QStringLiteral("bus"));
        QFile config(m_dir.filePath(QStringLiteral("bus.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        // No <servicedir>: a killed keyring stays dead instead of being activated again.
        config.write(
            QStringLiteral(
                "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                "<busconfig><type>session</type><listen>unix:path=%1</listen>"
                "<auth>EXTERNAL</auth><policy context=\"default\">"
                "<allow send_destination=\"*\" eavesdrop=\"true\"/>"
                "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
                .arg(socket)
                .toUtf8());
        config.close();
        m_bus.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_bus.start(dbus, {QStringLiteral("--nofork"), QStringLiteral("--config-file=") + config.fileName()});
        QVERIFY(m_bus.waitForStarted(kStartMs));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket), kStartMs);
        m_busAddress = QStringLiteral("unix:path=") + socket;
        // Before anything in this process talks D-Bus: QtKeychain (libsecret/GDBus) connects once.
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_busAddress.toUtf8());
        KeychainStore::setJobTimeoutMsForTesting(kAnswerMs / 2);
        QVERIFY2(startKeyring(), "gnome-keyring-daemon on the private bus did not answer");
        m_profiles = m_dir.filePath(QStringLiteral("profiles.ini"));
        OrgProfiles::setSettingsPathForTesting(m_profiles);
    }

    void cleanupTestCase()
    {
        stopKeyring();
        if (m_bus.state() != QProcess::NotRunning) {
            m_bus.kill();
            m_bus.waitForFinished(kStartMs);
        }
        KeychainStore::setJobTimeoutMsForTesting(0);
        OrgProfiles::setSettingsPathForTesting(QString());
    }

    void keychainGoneMidSession()
    {
        OrgProfile p;
        p.name = QStringLiteral("gone");
        QVERIFY(OrgProfiles::save(p).ok());
        // Stored through the same service the profile's store uses ("orgward").
        QVERIFY(writeAdminKey(p, kKey).ok());
        QCOMPARE(readAdminKey(p.name).value(), kKey);
        const QByteArray profilesBefore = readAll(m_profiles);
        QVERIFY(!profilesBefore.isEmpty());

        stopKeyring();

        checkBlockingReadFails(adminKeySecretName(p.name));
        auto viaProfile = readAdminKey(p.name);
        QVERIFY2(viaProfile.errorMessage().contains(QLatin1String("locked or not running")),
                 qPrintable(viaProfile.errorMessage()));
        checkAsyncReadFails(p);
        // A write fails as clearly and changes nothing.
        auto w = writeAdminKey(p, QStringLiteral("sk-admin-replacementreplacement1"));
        QVERIFY(!w.ok());
        QVERIFY2(w.errorMessage().contains(QLatin1String("locked or not running")),
                 qPrintable(w.errorMessage()));
        // Nothing stored is lost: the profile file is as it was and still names the keychain.
        QCOMPARE(readAll(m_profiles), profilesBefore);
        QCOMPARE(OrgProfiles::get(p.name).value().secretStore.kind, SecretStoreKind::Keychain);

        // The keyring comes back (its files persisted): a new Orgward process reads the key, unchanged.
        // (This process cannot: libsecret keeps the dead daemon's session until the process restarts.)
        QVERIFY(startKeyring(false));
        QString out;
        QElapsedTimer t;
        t.start();
        while (out != kKey && t.elapsed() < kStartMs) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--child-read"), m_profiles, p.name});
            QVERIFY(child.waitForFinished(kStartMs));
            out = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
            if (out != kKey) QTest::qWait(200);
        }
        QCOMPARE(out, kKey);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], "--child-read") == 0) {
        OrgProfiles::setSettingsPathForTesting(QString::fromLocal8Bit(argv[2]));
        auto key = readAdminKey(QString::fromLocal8Bit(argv[3]));
        if (!key) {
            QTextStream(stderr) << key.errorMessage() << Qt::endl;
            return 1;
        }
        QTextStream(stdout) << *key << Qt::endl;
        return 0;
    }
    TestKeychainFault t;
    return QTest::qExec(&t, argc, argv);
}
#include "test_keychainfault.moc"
