// The opt-in encrypted vault: round trip, wrong passphrase, every flipped byte detected, header
// authenticated, and the store on top of it.
#include "security/secretstore.h"
#include "security/vault.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>

using namespace orgward;

namespace {
const QString kPass = QStringLiteral("correct horse battery");
constexpr int kEntriesPerWriter = 20;

// The highest resident set size of this process so far, in KiB (Linux).
long peakRssKiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

// Child mode: adds `count` entries "<prefix>/<i>" to the vault, each write a separate call (as separate
// `orgward org add` runs would).
int childWriter(const QString &path, const QString &prefix, int count)
{
    VaultStore store(path, kPass, VaultKdf::fastForTesting());
    for (int i = 0; i < count; ++i) {
        auto s = store.write(QStringLiteral("%1/%2").arg(prefix).arg(i),
                             QStringLiteral("sk-admin-%1-%2-xxxxxxxx").arg(prefix).arg(i));
        if (!s) {
            QTextStream(stderr) << s.errorMessage() << Qt::endl;
            return 1;
        }
    }
    return 0;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}
} // namespace

class TestVault : public QObject
{
    Q_OBJECT
    const VaultKdf fast = VaultKdf::fastForTesting();
    const QMap<QString, QString> secrets{
        {QStringLiteral("org/a/admin-key"), QStringLiteral("sk-admin-vaultvaultvault01")},
        {QStringLiteral("db/main/password"), QStringLiteral("pä ss\"w0rd")}};

private Q_SLOTS:
    // First, while this process's peak RSS is still small: a header demanding N = 2^20, r = 8 (1 GiB,
    // seconds of work) is refused from the header alone, before any key derivation.
    void tamperedHeaderRefusedQuicklyWithBoundedMemory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tampered.vault"));
        auto sealed = Vault::seal(secrets, kPass, fast);
        QVERIFY(sealed.ok());
        QByteArray bad = *sealed;
        constexpr int kNOffset = 13 + 1;                                   // magic, kdf kind, then the u64 N
        bad.replace(kNOffset, 8, QByteArray::fromHex("0000000000100000")); // big-endian 2^20
        QCOMPARE(VaultKdf::ofFile(bad).value().n, quint64(1) << 20);
        writeFile(path, bad);
        const long before = peakRssKiB();
        QElapsedTimer t;
        t.start();
        VaultStore store(path, kPass);
        auto r = store.read(QStringLiteral("org/a/admin-key"));
        const qint64 ms = t.elapsed();
        QVERIFY(!r.ok());
        QVERIFY2(r.errorMessage().contains(
                     QStringLiteral("the vault file %1 has an unsafe key-derivation header").arg(path)),
                 qPrintable(r.errorMessage()));
        QVERIFY2(r.errorMessage().contains(QLatin1String("N=1048576")), qPrintable(r.errorMessage()));
        QVERIFY2(r.errorMessage().contains(QLatin1String("tampered")), qPrintable(r.errorMessage()));
        QVERIFY2(ms < 1000, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
        const long grownKiB = peakRssKiB() - before;
        QVERIFY2(grownKiB < 64 * 1024, qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(grownKiB)));
        // The file is untouched and a write does not replace it either.
        QVERIFY(!store.write(QStringLiteral("x"), QStringLiteral("sk-admin-yyyyyyyyyyyy")).ok());
        QCOMPARE(readFile(path), bad);

        // r and p beyond the caps too (each alone within the old limits).
        for (const VaultKdf &k :
             {VaultKdf{VaultKdf::Scrypt, 1u << 14, 32, 1}, VaultKdf{VaultKdf::Scrypt, 1u << 10, 8, 16},
              VaultKdf{VaultKdf::Pbkdf2, 10'000'000, 0, 0}}) {
            QByteArray hdr = *sealed;
            QByteArray params;
            QDataStream ds(&params, QIODevice::WriteOnly);
            ds.setByteOrder(QDataStream::BigEndian);
            ds << quint8(k.kind) << quint64(k.n) << quint32(k.r) << quint32(k.p);
            hdr.replace(13, params.size(), params);
            auto o = Vault::open(hdr, kPass);
            QVERIFY(!o.ok());
            QVERIFY2(o.errorMessage().contains(QLatin1String("unsafe key-derivation header")),
                     qPrintable(o.errorMessage()));
        }
    }

    void shortPassphraseRefusedForNewVault()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("short.vault"));
        VaultStore store(path, QStringLiteral("elevenchars"), fast);
        auto w = store.write(QStringLiteral("k"), QStringLiteral("sk-admin-shortshortshort"));
        QVERIFY(!w.ok());
        QVERIFY2(w.errorMessage().contains(QLatin1String("too short")) &&
                     w.errorMessage().contains(QLatin1String("at least 12")),
                 qPrintable(w.errorMessage()));
        QVERIFY(!QFile::exists(path));
        // Through the spec (what `orgward org add --vault` and the console use) likewise.
        SecretStores::resetForTesting();
        qputenv("ORGWARD_VAULT_PASSPHRASE", "short-pw");
        QVERIFY(!SecretStores::forSpec(QStringLiteral("vault:") + path).ok());
        qunsetenv("ORGWARD_VAULT_PASSPHRASE");
        QVERIFY(!QFile::exists(path));
        // Twelve characters are enough; an existing vault keeps working with its (older, shorter) one.
        QVERIFY(VaultStore(path, QStringLiteral("twelve-chars"), fast)
                    .write(QStringLiteral("k"), QStringLiteral("sk-admin-okokokokokok"))
                    .ok());
        const QString old = dir.filePath(QStringLiteral("old.vault"));
        writeFile(old, Vault::seal(secrets, QStringLiteral("pw"), fast).value());
        QCOMPARE(VaultStore(old, QStringLiteral("pw")).read(QStringLiteral("org/a/admin-key")).value(),
                 secrets.value(QStringLiteral("org/a/admin-key")));
    }

    void newVaultsUseStrongKdfAndOldOnesAreUpgraded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.vault"));
        SecretStores::resetForTesting();
        qputenv("ORGWARD_VAULT_PASSPHRASE", kPass.toUtf8());
        auto s = SecretStores::forSpec(QStringLiteral("vault:") + path);
        QVERIFY2(s.ok(), qPrintable(s.errorMessage()));
        QVERIFY((*s)->write(QStringLiteral("k"), QStringLiteral("sk-admin-strongstrong1")).ok());
        auto kdf = VaultKdf::ofFile(readFile(path));
        QVERIFY(kdf.ok());
        QCOMPARE(kdf->kind, VaultKdf::Scrypt);
        QVERIFY2(kdf->n >= (1u << 17), qPrintable(QString::number(kdf->n)));
        // A vault sealed with the old default (2^15) opens, and its next write re-seals it with 2^17.
        const QString old = dir.filePath(QStringLiteral("old.vault"));
        writeFile(old, Vault::seal(secrets, kPass, VaultKdf{VaultKdf::Scrypt, 1u << 15, 8, 1}).value());
        SecretStores::resetForTesting();
        auto o = SecretStores::forSpec(QStringLiteral("vault:") + old);
        QVERIFY2(o.ok(), qPrintable(o.errorMessage()));
        QCOMPARE((*o)->read(QStringLiteral("org/a/admin-key")).value(),
                 secrets.value(QStringLiteral("org/a/admin-key")));
        QCOMPARE(VaultKdf::ofFile(readFile(old)).value().n, quint64(1) << 15);
        QVERIFY((*o)->write(QStringLiteral("k"), QStringLiteral("sk-admin-upgradeupgrade")).ok());
        QCOMPARE(VaultKdf::ofFile(readFile(old)).value().n, VaultKdf::kDefaultScryptN);
        qunsetenv("ORGWARD_VAULT_PASSPHRASE");
        SecretStores::resetForTesting();
    }

    void concurrentWritersKeepEveryEntry()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shared.vault"));
        QProcess a, b;
        for (QProcess *p : {&a, &b}) {
            p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            p->start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("--child-writer"), path,
                      p == &a ? QStringLiteral("a") : QStringLiteral("b"),
                      QString::number(kEntriesPerWriter)});
        }
        for (QProcess *p : {&a, &b}) {
            QVERIFY(p->waitForFinished(120000));
            QCOMPARE(p->exitStatus(), QProcess::NormalExit);
            QCOMPARE(p->exitCode(), 0);
        }
        auto all = Vault::open(readFile(path), kPass);
        QVERIFY2(all.ok(), qPrintable(all.errorMessage()));
        QCOMPARE(all->size(), 2 * kEntriesPerWriter);
        for (int i = 0; i < kEntriesPerWriter; ++i)
            for (const char *prefix : {"a", "b"})
                QCOMPARE(all->value(QStringLiteral("%1/%2").arg(QLatin1String(prefix)).arg(i)),
                         QStringLiteral("sk-admin-%1-%2-xxxxxxxx").arg(QLatin1String(prefix)).arg(i));
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock"))); // released
    }

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
            VaultStore v(path, kPass, fast);
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
        VaultStore again(path, kPass);
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
        qputenv("ORGWARD_VAULT_PASSPHRASE", "from-env-passphrase");
        auto s = SecretStores::forSpec(QStringLiteral("vault:") + path);
        QVERIFY2(s.ok(), qPrintable(s.errorMessage()));
        QCOMPARE((*s)->spec(), QStringLiteral("vault:") + path);
        QVERIFY((*s)->write(QStringLiteral("k"), QStringLiteral("sk-admin-specspecspec")).ok());
        QCOMPARE(VaultStore(path, QStringLiteral("from-env-passphrase")).read(QStringLiteral("k")).value(),
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

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 5 && qstrcmp(argv[1], "--child-writer") == 0)
        return childWriter(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                           QString::fromLatin1(argv[4]).toInt());
    TestVault t;
    return QTest::qExec(&t, argc, argv);
}
#include "test_vault.moc"
