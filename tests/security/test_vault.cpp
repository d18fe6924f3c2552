// The opt-in encrypted vault: round trip, wrong passphrase, every flipped byte detected, header
// authenticated, and the store on top of it.
#include "security/secretstore.h"
#include "security/vault.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace orgward;

class TestVault : public QObject
{
    Q_OBJECT
    const VaultKdf fast = VaultKdf::fastForTesting();
    const QMap<QString, QString> secrets{
        {QStringLiteral("org/a/admin-key"), QStringLiteral("sk-admin-vaultvaultvault01")},
        {QStringLiteral("db/main/password"), QStringLiteral("pä ss\"w0rd")}};

private Q_SLOTS:
    void roundTrip()
    {
        auto sealed = Vault::seal(secrets, QStringLiteral("correct horse"), fast);
        QVERIFY(sealed.ok());
        QVERIFY(sealed->startsWith("ORGWARDVAULT1"));
        QVERIFY(!sealed->contains("vaultvaultvault"));
        QVERIFY(!sealed->contains("w0rd"));
        auto opened = Vault::open(*sealed, QStringLiteral("correct horse"));
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        QCOMPARE(*opened, secrets);
        // Fresh salt and nonce each time: two seals of the same content differ.
        QVERIFY(Vault::seal(secrets, QStringLiteral("correct horse"), fast).value() != *sealed);
    }

    void defaultScryptAndPbkdf2()
    {
        for (const VaultKdf &k : {VaultKdf{}, VaultKdf{VaultKdf::Pbkdf2, 200000, 0, 0}}) {
            auto sealed = Vault::seal(secrets, QStringLiteral("pw"), k);
            QVERIFY(sealed.ok());
            QCOMPARE(Vault::open(*sealed, QStringLiteral("pw")).value(), secrets);
            QVERIFY(!Vault::open(*sealed, QStringLiteral("pW")).ok());
        }
    }

    void wrongPassphrase()
    {
        auto sealed = Vault::seal(secrets, QStringLiteral("correct horse"), fast);
        auto opened = Vault::open(*sealed, QStringLiteral("correct horsf"));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.errorMessage(), QStringLiteral("wrong passphrase or corrupted vault"));
        QVERIFY(!Vault::open(*sealed, QString()).ok());
        QVERIFY(!Vault::seal(secrets, QString(), fast).ok()); // no empty passphrase
    }

    void everyFlippedByteIsDetected()
    {
        auto sealed = Vault::seal(secrets, QStringLiteral("pw"), fast);
        QVERIFY(sealed.ok());
        for (qsizetype i = 0; i < sealed->size(); ++i) {
            QByteArray bad = *sealed;
            bad[i] = char(bad[i] ^ 0x01);
            auto opened = Vault::open(bad, QStringLiteral("pw"));
            QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("flipped byte %1 not detected").arg(i)));
        }
        // Truncation and extension too.
        QVERIFY(!Vault::open(sealed->left(sealed->size() - 1), QStringLiteral("pw")).ok());
        QVERIFY(!Vault::open(*sealed + '\0', QStringLiteral("pw")).ok());
        QVERIFY(!Vault::open(QByteArray(), QStringLiteral("pw")).ok());
        QVERIFY(!Vault::open(QByteArrayLiteral("ORGWARDVAULT1"), QStringLiteral("pw")).ok());
        QCOMPARE(Vault::open(QByteArrayLiteral("PLAINTEXT"), QStringLiteral("pw")).errorMessage(),
                 QStringLiteral("not an Orgward vault file (bad magic)"));
    }

    void absurdKdfParametersRefused()
    {
        // A header claiming N = 2^40 must not make us allocate terabytes before the tag check.
        auto sealed = Vault::seal(secrets, QStringLiteral("pw"), fast);
        QByteArray bad = *sealed;
        bad[13 + 1 + 2] = char(0x01); // inside the u64 N: now ≥ 2^40
        QElapsedTimer t;
        t.start();
        QVERIFY(!Vault::open(bad, QStringLiteral("pw")).ok());
        QVERIFY(t.elapsed() < 5000);
    }

    void storeOnFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.vault"));
        {
            VaultStore v(path, QStringLiteral("pw"), fast);
            QVERIFY(
                v.write(QStringLiteral("org/a/admin-key"), QStringLiteral("sk-admin-filefilefile01")).ok());
            QVERIFY(
                v.write(QStringLiteral("org/b/admin-key"), QStringLiteral("sk-admin-filefilefile02")).ok());
            QVERIFY(v.remove(QStringLiteral("org/b/admin-key")).ok());
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains("filefilefile"));
        QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        f.close();
        VaultStore again(path, QStringLiteral("pw"));
        QCOMPARE(again.read(QStringLiteral("org/a/admin-key")).value(),
                 QStringLiteral("sk-admin-filefilefile01"));
        QCOMPARE(again.read(QStringLiteral("org/b/admin-key")).error().code, Error::Code::NotFound);
        VaultStore wrong(path, QStringLiteral("nope"));
        auto r = wrong.read(QStringLiteral("org/a/admin-key"));
        QVERIFY(!r.ok());
        QVERIFY2(r.errorMessage().contains(QLatin1String("wrong passphrase or corrupted vault")),
                 qPrintable(r.errorMessage()));
        // A wrong passphrase never overwrites the vault.
        QVERIFY(!wrong.write(QStringLiteral("x"), QStringLiteral("y1234")).ok());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), bytes);
    }

    void storeThroughSpec()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("spec.vault"));
        SecretStores::resetForTesting();
        qputenv("ORGWARD_VAULT_PASSPHRASE", "from-env");
        auto s = SecretStores::forSpec(QStringLiteral("vault:") + path);
        QVERIFY2(s.ok(), qPrintable(s.errorMessage()));
        QCOMPARE((*s)->spec(), QStringLiteral("vault:") + path);
        QVERIFY((*s)->write(QStringLiteral("k"), QStringLiteral("sk-admin-specspecspec")).ok());
        QCOMPARE(VaultStore(path, QStringLiteral("from-env")).read(QStringLiteral("k")).value(),
                 QStringLiteral("sk-admin-specspecspec"));
        // No passphrase anywhere: a clear error, not a prompt or a plaintext file.
        SecretStores::resetForTesting();
        qunsetenv("ORGWARD_VAULT_PASSPHRASE");
        auto none = SecretStores::forSpec(QStringLiteral("vault:") + path);
        QVERIFY(!none.ok());
        QVERIFY2(none.errorMessage().contains(QLatin1String("ORGWARD_VAULT_PASSPHRASE")),
                 qPrintable(none.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(TestVault)
#include "test_vault.moc"
