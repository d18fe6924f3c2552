// Evidence bundles (issue #14) on both engines, with the bundled fixture org imported: the layout and the
// manifest of a fresh bundle, its signature checked by Orgward and by the openssl command alone, the
// journal entry, every kind of tampering named (a flipped byte in any file, a file removed or added, the
// manifest edited and re-signed with another key), the CLI with the real keychain and offline
// verification with only a public key file, --redact emails, cancellation and a failed journal append
// leaving no file.
#include "compliance/canonicaljson.h"
#include "compliance/evidence.h"
#include "compliance/journal.h"
#include "compliance/reports.h"
#include "compliance/signing.h"
#include "core/clock.h"
#include "security/keychainstore.h"
#include "security/memorystore.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>
#include <algorithm>
#include <zip.h>

using namespace orgward;

namespace {

constexpr qint64 kCapturedAt = 1795132800; // fixtures/manifest.json
constexpr qint64 kAsOf = kCapturedAt + kSecondsPerDay;
constexpr qint64 kPeriodDays = 90;
constexpr qint64 kFrom = kAsOf - kPeriodDays * kSecondsPerDay;
constexpr int kProcessTimeoutMs = 600'000;
constexpr char kOrgwardBinary[] = ORGWARD_BINARY_DIR "/bin/orgward";
constexpr char kFlipMask = 0x01;

// An X25519 key: a valid PEM public key, but not one that can sign.
const QByteArray kX25519PublicPem("-----BEGIN PUBLIC KEY-----\n"
                                  "MCowBQYDK2VuAyEA6A5bCzRzxUG2MNfPI/HSsm0PbYAC0SQNPfckhDMtZQE=\n"
                                  "-----END PUBLIC KEY-----\n");

using Entries = QList<QPair<QString, QByteArray>>;

QString iso(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

QString sha256Hex(const QByteArray &b)
{
    return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
}

// Every entry of a zip, in the archive's order, through libzip.
Entries readZip(const QString &path)
{
    Entries out;
    int code = 0;
    zip_t *z = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &code);
    if (!z) return out;
    const zip_int64_t n = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_stat_index(z, zip_uint64_t(i), 0, &st);
        QByteArray bytes(qsizetype(st.size), Qt::Uninitialized);
        zip_file_t *f = zip_fopen_index(z, zip_uint64_t(i), 0);
        const zip_int64_t got = f ? zip_fread(f, bytes.data(), st.size) : -1;
        if (f) zip_fclose(f);
        if (got != zip_int64_t(st.size)) bytes.clear();
        out.append({QString::fromUtf8(st.name), bytes});
    }
    zip_discard(z);
    return out;
}

// Writes a fresh zip holding exactly these entries (valid CRCs: what anyone with libzip can do). libzip
// refuses a name twice and names with control characters, so such a name is written under a same-length
// placeholder and patched into the file's headers afterwards (names are not covered by any checksum).
bool writeZip(const QString &path, const Entries &entries)
{
    QFile::remove(path);
    int code = 0;
    zip_t *z = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_EXCL, &code);
    if (!z) return false;
    QSet<QString> names;
    QList<QPair<QByteArray, QByteArray>> patches; // placeholder → the name libzip would refuse
    for (const auto &[name, bytes] : entries) {
        QByteArray stored = name.toUtf8();
        const bool control =
            std::any_of(stored.cbegin(), stored.cend(), [](char c) { return uchar(c) < 0x20; });
        if (names.contains(name) || control) {
            const QByteArray placeholder =
                QByteArray::number(patches.size()).rightJustified(stored.size(), 'Q');
            patches.append({placeholder, stored});
            stored = placeholder;
        }
        names.insert(name);
        zip_source_t *src = zip_source_buffer(z, bytes.constData(), zip_uint64_t(bytes.size()), 0);
        if (!src || zip_file_add(z, stored.constData(), src, ZIP_FL_ENC_UTF_8) < 0) {
            zip_discard(z);
            return false;
        }
    }
    if (zip_close(z) != 0) return false;
    if (patches.isEmpty()) return true;
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite)) return false;
    QByteArray raw = f.readAll();
    for (const auto &[placeholder, name] : patches)
        raw.replace(placeholder, name);
    f.seek(0);
    return f.write(raw) == raw.size();
}

QByteArray entry(const Entries &entries, const QString &name)
{
    for (const auto &[n, bytes] : entries)
        if (n == name) return bytes;
    return {};
}

void flip(Entries &entries, const QString &name)
{
    for (auto &[n, bytes] : entries)
        if (n == name && !bytes.isEmpty())
            bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ kFlipMask);
}

Result<QString> importFixtures(Database &db)
{
    Clock::freezeAt(kCapturedAt); // row history valid from the capture, so kAsOf sees the org
    auto s = FixtureImporter(db).run(test::fixturesDir());
    Clock::reset();
    if (!s) return s.error();
    return s->orgKey;
}

EvidenceParams bundleParams(const QString &org, const QString &out, RedactMode redact = RedactMode::None)
{
    EvidenceParams e;
    e.report.orgKey = org;
    e.report.asOf = kAsOf;
    e.report.from = kFrom;
    e.report.to = kAsOf;
    e.report.redact = redact;
    e.outPath = out;
    return e;
}

qint64 evidenceEntries(Database &db)
{
    JournalFilter f;
    f.kind = JournalKind::Evidence;
    auto list = Journal(db).entries(f);
    return list ? list->size() : -1;
}

struct Run
{
    int exitCode = -1;
    QString out, err;
};

Run runOrgward(const QStringList &args,
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QString::fromLatin1(kOrgwardBinary), args);
    if (!p.waitForFinished(kProcessTimeoutMs)) p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

// No keychain (a D-Bus address that leads nowhere), no database (ORGWARD_DB in a folder that does not
// exist, no PostgreSQL): what an auditor's offline machine offers.
QProcessEnvironment offlineEnv(const QString &dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=%1/no-bus").arg(dir));
    env.insert(QStringLiteral("ORGWARD_DB"), QStringLiteral("sqlite://%1/absent/none.db").arg(dir));
    env.remove(QStringLiteral("ORGWARD_TEST_PG"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir + QStringLiteral("/xdg-data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir + QStringLiteral("/xdg-config"));
    return env;
}

bool keyringRequired()
{
    return qEnvironmentVariableIntValue("ORGWARD_REQUIRE_KEYRING") == 1;
}

// An entry's text as a reader sees it: PDFs through pdftotext (poppler-utils), everything else as is.
// The PDF's text is read in content order (-raw), where a table cell wrapped over several lines (the
// renderer breaks long addresses anywhere) comes as consecutive lines: they are joined back, and
// ligatures (pdftotext gives "ﬁ") are folded by NFKC.
QString readableText(const QString &name, const QByteArray &bytes, const QTemporaryDir &dir)
{
    if (!name.endsWith(QLatin1String(".pdf"))) return QString::fromUtf8(bytes);
    const QString pdf = dir.filePath(QStringLiteral("extract.pdf"));
    QFile f(pdf);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) return {};
    f.close();
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(kProcessTimeoutMs) || p.exitCode() != 0) return {};
    return QString::fromUtf8(p.readAllStandardOutput())
        .normalized(QString::NormalizationForm_KC)
        .remove(u'\n');
}

// Email addresses in text that are not pseudonyms (email-…@redacted.invalid). In joined PDF text the next
// cell may follow an address without a space, so only the start of the domain is compared.
QStringList realEmails(const QString &text)
{
    static const QRegularExpression email(
        QStringLiteral("[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\\.[A-Za-z0-9.-]+)"));
    QStringList out;
    for (auto it = email.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!m.captured(1).startsWith(QLatin1String("redacted.invalid"))) out << m.captured();
    }
    return out;
}

} // namespace

class TestEvidence : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    MemoryStore m_store;
    QString m_org;
    QString m_bundle; // made once from the SQLite fixture database, copied by the tampering rows
    QString m_publicKeyPath;
    QString m_basePath;

    QString copyOfBundle(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        return QFile::copy(m_bundle, path) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase();
    void signingKey();
    void freshBundle_data() { test::addEngineRows(); }
    void freshBundle();
    void opensslAloneVerifies();
    void tampering_data();
    void tampering();
    void rezippedBundleVerifies();
    void hostileNamesArePrintedSafely();
    void allProblemsAreCollected();
    void cliWithKeychainAndOffline_data() { test::addEngineRows(); }
    void cliWithKeychainAndOffline();
    void redactEmails();
    void cancelled_data();
    void cancelled();
    void failedJournalAppendLeavesNoFile();
};

void TestEvidence::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_basePath = m_dir.filePath(QStringLiteral("test.db"));
    auto db = test::openSqlite(m_dir);
    auto org = importFixtures(*db);
    QVERIFY2(org, qPrintable(org.errorMessage()));
    m_org = *org;
    m_bundle = m_dir.filePath(QStringLiteral("base.zip"));
    auto made = createEvidenceBundle(*db, m_store, bundleParams(m_org, m_bundle));
    QVERIFY2(made, qPrintable(made.errorMessage()));
    auto pub = evidencePublicKey(m_store);
    QVERIFY2(pub, qPrintable(pub.errorMessage()));
    m_publicKeyPath = m_dir.filePath(QStringLiteral("public.pem"));
    QFile f(m_publicKeyPath);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(pub->pem());
}

// The key pair: created once in the store as PKCS#8 PEM, the documented fingerprint, sign and verify.
void TestEvidence::signingKey()
{
    MemoryStore store;
    QCOMPARE(evidencePublicKey(store).error().code, Error::Code::NotFound);
    auto key = evidenceSigningKey(store);
    QVERIFY2(key, qPrintable(key.errorMessage()));
    const QString stored = store.read(evidenceSigningKeySecretName()).value();
    QVERIFY(stored.startsWith(QLatin1String("-----BEGIN PRIVATE KEY-----")));
    // Created on first use only: the next call reads the same key.
    const QString fp = key->publicKey().fingerprint();
    QCOMPARE(evidenceSigningKey(store)->publicKey().fingerprint(), fp);
    QCOMPARE(evidencePublicKey(store)->fingerprint(), fp);
    QCOMPARE(store.read(evidenceSigningKeySecretName()).value(), stored);

    // Fingerprint as HACKING.md defines it: SHA-256 over the raw key = the last 32 bytes of the DER.
    const QByteArray pem = key->publicKey().pem();
    QVERIFY(pem.startsWith("-----BEGIN PUBLIC KEY-----"));
    QByteArray b64 = pem;
    b64.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replace("\n", "");
    const QByteArray der = QByteArray::fromBase64(b64);
    QCOMPARE(der.right(kEd25519PublicKeyBytes), key->publicKey().raw());
    QCOMPARE(fp, QStringLiteral("SHA256:") + sha256Hex(der.right(kEd25519PublicKeyBytes)));
    QVERIFY(QRegularExpression(QStringLiteral("^SHA256:[0-9a-f]{64}$")).match(fp).hasMatch());

    const QByteArray message("the exact bytes");
    auto sig = key->sign(message);
    QVERIFY(sig);
    QCOMPARE(sig->size(), kEd25519SignatureBytes);
    auto pub = Ed25519PublicKey::fromPem(pem);
    QVERIFY(pub);
    QVERIFY(pub->verify(message, *sig));
    QVERIFY(!pub->verify(message + ' ', *sig));
    QVERIFY(!pub->verify(message, sig->left(kEd25519SignatureBytes - 1)));
    auto other = Ed25519SigningKey::generate();
    QVERIFY(other);
    QVERIFY(other->publicKey().fingerprint() != fp);
    QVERIFY(!other->publicKey().verify(message, *sig));

    QVERIFY(!Ed25519PublicKey::fromPem("not a key"));
    auto x25519 = Ed25519PublicKey::fromPem(kX25519PublicPem);
    QVERIFY(!x25519);
    QVERIFY2(x25519.errorMessage().contains(QLatin1String("not an Ed25519 key")),
             qPrintable(x25519.errorMessage()));
}

void TestEvidence::freshBundle()
{
    QFETCH(bool, postgres);
    QTemporaryDir dir;
    auto db = test::openEngine(dir, QStringLiteral("evidence_fresh"));
    if (!db) return;
    auto org = importFixtures(*db);
    QVERIFY2(org, qPrintable(org.errorMessage()));
    auto head = Journal(*db).head();
    QVERIFY(head);
    const qint64 before = evidenceEntries(*db);
    QTemporaryDir outDir;
    const QString out = outDir.filePath(QStringLiteral("bundle.zip"));
    MemoryStore store;
    auto made = createEvidenceBundle(*db, store, bundleParams(*org, out));
    QVERIFY2(made, qPrintable(made.errorMessage()));

    // Private and alone: no temporary file left beside it.
    QCOMPARE(QFile::permissions(out) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(QDir(outDir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("bundle.zip")});

    // Layout: every report of the catalogue as PDF, JSON and its tables' CSVs.
    const Entries entries = readZip(out);
    QStringList names;
    for (const auto &[name, bytes] : entries)
        names << name;
    QCOMPARE(names.mid(0, 2), (QStringList{QStringLiteral("manifest.json"), QStringLiteral("manifest.sig")}));
    for (const ReportInfo &r : reportCatalogue()) {
        const QString dirName = r.name + u'/';
        QVERIFY2(entry(entries, dirName + r.name + QStringLiteral(".pdf")).startsWith("%PDF"),
                 qPrintable(r.name));
        const QJsonDocument json =
            QJsonDocument::fromJson(entry(entries, dirName + r.name + QStringLiteral(".json")));
        QVERIFY2(json.isObject(), qPrintable(r.name));
        const qsizetype csvs = std::count_if(names.cbegin(), names.cend(), [&](const QString &n) {
            return n.startsWith(dirName) && n.endsWith(QLatin1String(".csv"));
        });
        QVERIFY2(csvs >= 1, qPrintable(r.name));
    }

    // The manifest: canonical JSON, every file with its hash and size, what the bundle states.
    const QByteArray manifestBytes = entry(entries, QStringLiteral("manifest.json"));
    const QJsonObject m = QJsonDocument::fromJson(manifestBytes).object();
    QCOMPARE(canonicalJson(m), manifestBytes);
    QCOMPARE(m.value(QStringLiteral("format")).toString(), QStringLiteral("orgward-evidence-v1"));
    QCOMPARE(m.value(QStringLiteral("framework")).toString(), QStringLiteral("soc2"));
    QCOMPARE(m.value(QStringLiteral("org")).toObject().value(QStringLiteral("key")).toString(), *org);
    QCOMPARE(m.value(QStringLiteral("period")).toObject().value(QStringLiteral("from")).toString(),
             iso(kFrom));
    QCOMPARE(m.value(QStringLiteral("period")).toObject().value(QStringLiteral("to")).toString(), iso(kAsOf));
    QCOMPARE(m.value(QStringLiteral("as_of")).toString(), iso(kAsOf));
    QVERIFY(!m.value(QStringLiteral("freshness")).toArray().isEmpty());
    QCOMPARE(
        m.value(QStringLiteral("journal_head")).toObject().value(QStringLiteral("entry_hash")).toString(),
        head->entryHash);
    QCOMPARE(m.value(QStringLiteral("orgward_version")).toString(), QStringLiteral(ORGWARD_VERSION));
    QCOMPARE(m.value(QStringLiteral("signer")).toObject().value(QStringLiteral("fingerprint")).toString(),
             made->fingerprint);
    QCOMPARE(m.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("redact")).toString(),
             QStringLiteral("none"));
    QVERIFY(!m.value(QStringLiteral("created_at")).toString().isEmpty());
    QCOMPARE(m.value(QStringLiteral("reports")).toArray().size(), reportCatalogue().size());
    const QJsonArray files = m.value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), made->files);
    QCOMPARE(files.size(), entries.size() - 2);
    for (const QJsonValue &v : files) {
        const QJsonObject f = v.toObject();
        const QByteArray bytes = entry(entries, f.value(QStringLiteral("path")).toString());
        QCOMPARE(f.value(QStringLiteral("size")).toInteger(), qint64(bytes.size()));
        QCOMPARE(f.value(QStringLiteral("sha256")).toString(), sha256Hex(bytes));
    }
    auto pub = evidencePublicKey(store);
    QVERIFY(pub);
    QCOMPARE(pub->fingerprint(), made->fingerprint);
    QVERIFY(pub->verify(manifestBytes, entry(entries, QStringLiteral("manifest.sig"))));

    auto v = verifyEvidenceBundle(out, {}, &store);
    QVERIFY2(v, qPrintable(v.errorMessage()));
    QVERIFY2(v->ok(), qPrintable(v->problems.value(0).detail));
    QCOMPARE(v->filesChecked, made->files);
    QCOMPARE(v->manifestSha256.toLatin1(), made->manifestSha256);

    // One evidence entry, in the chain, holding the manifest's hash.
    QCOMPARE(evidenceEntries(*db), before + 1);
    JournalFilter f;
    f.kind = JournalKind::Evidence;
    f.limit = 1;
    f.newestFirst = true;
    const JournalEntry e = Journal(*db).entries(f)->first();
    QCOMPARE(e.seq, made->journalSeq);
    QCOMPARE(e.orgKey, *org);
    const QJsonObject payload = QJsonDocument::fromJson(e.payload).object();
    QCOMPARE(payload.value(QStringLiteral("manifest_sha256")).toString(), sha256Hex(manifestBytes));
    QCOMPARE(payload.value(QStringLiteral("files")).toInt(), made->files);
    QCOMPARE(payload.value(QStringLiteral("from")).toString(), iso(kFrom));
    QCOMPARE(payload.value(QStringLiteral("to")).toString(), iso(kAsOf));
    QVERIFY(Journal(*db).verify(e.entryHash)->ok());
    QCOMPARE(e.actor.contains(QLatin1String("database role")), postgres);
}

// HACKING.md's recipe: the openssl command alone checks the signature and recomputes the fingerprint.
void TestEvidence::opensslAloneVerifies()
{
    const Entries entries = readZip(m_bundle);
    QTemporaryDir dir;
    const QString manifest = dir.filePath(QStringLiteral("manifest.json"));
    const QString sig = dir.filePath(QStringLiteral("manifest.sig"));
    for (const auto &[path, name] : {QPair<QString, QString>{manifest, QStringLiteral("manifest.json")},
                                     QPair<QString, QString>{sig, QStringLiteral("manifest.sig")}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(entry(entries, name));
    }
    const auto openssl = [](const QStringList &args) {
        QProcess p;
        p.start(QStringLiteral("openssl"), args);
        p.waitForFinished(kProcessTimeoutMs);
        return QPair<int, QByteArray>(p.exitCode(), p.readAllStandardOutput());
    };
    const QStringList verifyArgs{QStringLiteral("pkeyutl"),
                                 QStringLiteral("-verify"),
                                 QStringLiteral("-pubin"),
                                 QStringLiteral("-inkey"),
                                 m_publicKeyPath,
                                 QStringLiteral("-rawin"),
                                 QStringLiteral("-in"),
                                 manifest,
                                 QStringLiteral("-sigfile"),
                                 sig};
    QCOMPARE(openssl(verifyArgs).first, 0);
    const auto der = openssl({QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-in"),
                              m_publicKeyPath, QStringLiteral("-outform"), QStringLiteral("DER")});
    QCOMPARE(der.first, 0);
    const QJsonObject m = QJsonDocument::fromJson(entry(entries, QStringLiteral("manifest.json"))).object();
    QCOMPARE(QStringLiteral("SHA256:") + sha256Hex(der.second.right(kEd25519PublicKeyBytes)),
             m.value(QStringLiteral("signer")).toObject().value(QStringLiteral("fingerprint")).toString());
    // ... and refuses a manifest changed by one byte.
    QFile f(manifest);
    QVERIFY(f.open(QIODevice::Append));
    f.write(" ");
    f.close();
    QVERIFY(openssl(verifyArgs).first != 0);
}

// One row per way of tampering; `fault`/`file` is the one problem expected. Every entry gets a flipped
// byte; the command line (offline: public key file, no keychain, no database) runs for a few rows.
void TestEvidence::tampering_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("cli");
    const Entries entries = readZip(m_bundle);
    QVERIFY(!entries.isEmpty());
    QSet<QString> cliExtensions;
    for (const auto &[name, bytes] : entries) {
        const bool isSig = name == u"manifest.sig";
        const bool isManifest = name == u"manifest.json";
        const QString ext = name.section(u'.', -1);
        const bool cli = !cliExtensions.contains(ext) || isManifest || isSig;
        cliExtensions.insert(ext);
        QTest::addRow("flip %s", qPrintable(name))
            << QStringLiteral("flip") << name
            << int(isSig || isManifest ? BundleFault::BadSignature : BundleFault::Altered)
            << (isManifest ? QStringLiteral("manifest.sig") : name) << cli;
    }
    const QString csv = [&] {
        for (const auto &[name, bytes] : entries)
            if (name.endsWith(QLatin1String(".csv"))) return name;
        return QString();
    }();
    QTest::newRow("remove a csv") << QStringLiteral("remove") << csv << int(BundleFault::Missing) << csv
                                  << true;
    QTest::newRow("remove the signature")
        << QStringLiteral("remove") << QStringLiteral("manifest.sig") << int(BundleFault::Missing)
        << QStringLiteral("manifest.sig") << true;
    QTest::newRow("add a file") << QStringLiteral("add") << QStringLiteral("notes.txt")
                                << int(BundleFault::Extra) << QStringLiteral("notes.txt") << true;
    QTest::newRow("add a csv to a report")
        << QStringLiteral("add") << QStringLiteral("access-review/extra.csv") << int(BundleFault::Extra)
        << QStringLiteral("access-review/extra.csv") << true;
    QTest::newRow("data in a folder entry") << QStringLiteral("add") << QStringLiteral("soc2/")
                                            << int(BundleFault::Extra) << QStringLiteral("soc2/") << false;
    QTest::newRow("same name twice") << QStringLiteral("duplicate") << csv << int(BundleFault::Extra) << csv
                                     << true;
    // Alter a CSV, list its new hash in the manifest and sign that with another key: every file matches
    // the edited manifest, only the signature gives it away.
    QTest::newRow("edited manifest re-signed with another key")
        << QStringLiteral("resign") << csv << int(BundleFault::BadSignature) << QStringLiteral("manifest.sig")
        << true;
}

void TestEvidence::tampering()
{
    QFETCH(QString, action);
    QFETCH(QString, target);
    QFETCH(int, fault);
    QFETCH(QString, file);
    QFETCH(bool, cli);
    const QString path = copyOfBundle(QStringLiteral("tampered.zip"));
    QVERIFY(!path.isEmpty());
    Entries entries = readZip(path);
    QByteArray attackerPem;
    if (action == u"flip") {
        flip(entries, target);
    } else if (action == u"remove") {
        entries.removeIf([&](const auto &e) { return e.first == target; });
    } else if (action == u"add") {
        entries.append({target, QByteArray("added after signing\n")});
    } else if (action == u"duplicate") {
        entries.append({target, QByteArray("a second copy\n")});
    } else {
        flip(entries, target);
        QJsonObject m = QJsonDocument::fromJson(entry(entries, QStringLiteral("manifest.json"))).object();
        QJsonArray files = m.value(QStringLiteral("files")).toArray();
        for (qsizetype i = 0; i < files.size(); ++i) {
            QJsonObject f = files.at(i).toObject();
            if (f.value(QStringLiteral("path")).toString() == target)
                f.insert(QStringLiteral("sha256"), sha256Hex(entry(entries, target)));
            files[i] = f;
        }
        m.insert(QStringLiteral("files"), files);
        const QByteArray edited = canonicalJson(m);
        auto attacker = Ed25519SigningKey::generate();
        QVERIFY(attacker);
        attackerPem = attacker->publicKey().pem();
        for (auto &[name, bytes] : entries)
            if (name == u"manifest.json")
                bytes = edited;
            else if (name == u"manifest.sig")
                bytes = attacker->sign(edited).value();
    }
    QVERIFY(writeZip(path, entries));

    QFile keyFile(m_publicKeyPath);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    auto v = verifyEvidenceBundle(path, keyFile.readAll());
    QVERIFY2(v, qPrintable(v.errorMessage()));
    QVERIFY(!v->ok());
    QString all;
    for (const BundleProblem &p : v->problems)
        all += bundleFaultName(p.fault) + u' ' + p.file + QStringLiteral(": ") + p.detail + u'\n';
    const bool found = std::any_of(v->problems.cbegin(), v->problems.cend(), [&](const BundleProblem &p) {
        return int(p.fault) == fault && p.file == file;
    });
    QVERIFY2(found, qPrintable(all));
    // A flipped manifest may also stop parsing; anything else is exactly one problem.
    if (target != u"manifest.json") QVERIFY2(v->problems.size() == 1, qPrintable(all));
    if (target == u"manifest.json") QVERIFY2(all.contains(QLatin1String("manifest.json")), qPrintable(all));

    if (action == u"resign") {
        // The attacker's own key: the signature holds, but the manifest still names the real signer.
        auto own = verifyEvidenceBundle(path, attackerPem);
        QVERIFY(own);
        QCOMPARE(own->problems.size(), 1);
        QCOMPARE(own->problems.first().fault, BundleFault::BadSignature);
        QVERIFY(own->problems.first().detail.contains(QLatin1String("names signer")));
    }
    if (!cli) return;
    QTemporaryDir offline;
    const Run r =
        runOrgward({QStringLiteral("verify"), path, QStringLiteral("--public-key"), m_publicKeyPath},
                   offlineEnv(offline.path()));
    QVERIFY2(r.exitCode == 7, qPrintable(r.err + r.out));
    QVERIFY2(r.err.contains(file), qPrintable(r.err));
    if (action != u"resign") QVERIFY2(r.err.contains(target), qPrintable(r.err));
    QVERIFY2(r.err.contains(bundleFaultName(BundleFault(fault))), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(offline.filePath(QStringLiteral("absent"))));
}

// Unpacked and zipped again by a zip tool (folder entries added, order changed): still the same evidence.
void TestEvidence::rezippedBundleVerifies()
{
    const QString path = copyOfBundle(QStringLiteral("rezipped.zip"));
    Entries entries = readZip(path);
    std::reverse(entries.begin(), entries.end());
    QSet<QString> folders;
    for (const auto &[name, bytes] : entries)
        if (name.contains(u'/')) folders.insert(name.section(u'/', 0, 0) + u'/');
    QVERIFY(!folders.isEmpty());
    for (const QString &f : folders)
        entries.prepend({f, QByteArray()});
    QVERIFY(writeZip(path, entries));
    QFile keyFile(m_publicKeyPath);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    auto v = verifyEvidenceBundle(path, keyFile.readAll());
    QVERIFY(v);
    QVERIFY2(v->ok(),
             qPrintable(v->problems.value(0).file + QStringLiteral(": ") + v->problems.value(0).detail));
}

// Names from a hostile zip reach the terminal without control characters (no cursor moves, no bidi tricks).
void TestEvidence::hostileNamesArePrintedSafely()
{
    const QString path = copyOfBundle(QStringLiteral("hostile.zip"));
    Entries entries = readZip(path);
    const QString escape = QStringLiteral("up\x1b[1Aover.txt");
    const QString bidi = QStringLiteral("txt.\u202Eexe");
    entries.append({escape, QByteArray("x")});
    entries.append({bidi, QByteArray("y")});
    QVERIFY(writeZip(path, entries));
    QTemporaryDir offline;
    const Run r =
        runOrgward({QStringLiteral("verify"), path, QStringLiteral("--public-key"), m_publicKeyPath},
                   offlineEnv(offline.path()));
    QCOMPARE(r.exitCode, 7);
    // libzip itself shows a control character of a name as its CP437 glyph (ESC → ←); still named.
    QVERIFY2(r.err.contains(QLatin1String("[1Aover.txt")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("txt.\\u202eexe")), qPrintable(r.err));
    QVERIFY(!r.err.contains(QChar(0x1b)));
    QVERIFY(!r.err.contains(QChar(0x202E)));
}

// Verification goes on after the first problem: every one is named.
void TestEvidence::allProblemsAreCollected()
{
    const QString path = copyOfBundle(QStringLiteral("several.zip"));
    Entries entries = readZip(path);
    QStringList data;
    for (const auto &[name, bytes] : entries)
        if (!name.startsWith(QLatin1String("manifest."))) data << name;
    QVERIFY(data.size() >= 3);
    flip(entries, data.at(0));
    flip(entries, data.at(1));
    const QString removed = data.at(2);
    entries.removeIf([&](const auto &e) { return e.first == removed; });
    entries.append({QStringLiteral("zz-extra.bin"), QByteArray("x")});
    QVERIFY(writeZip(path, entries));
    QFile keyFile(m_publicKeyPath);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    auto v = verifyEvidenceBundle(path, keyFile.readAll());
    QVERIFY(v);
    QCOMPARE(v->problems.size(), 4);
    QCOMPARE(v->problems.at(0).file, data.at(0));
    QCOMPARE(v->problems.at(1).file, data.at(1));
    QCOMPARE(v->problems.at(2).fault, BundleFault::Missing);
    QCOMPARE(v->problems.at(2).file, removed);
    QCOMPARE(v->problems.at(3).fault, BundleFault::Extra);
    QCOMPARE(v->filesChecked, int(data.size())); // the manifest still lists the removed one

    // Not a zip at all: one whole-bundle problem, exit 7; a missing file is a failure to read (exit 1).
    QFile junk(m_dir.filePath(QStringLiteral("junk.zip")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("PK but not really a zip");
    junk.close();
    auto notZip = verifyEvidenceBundle(junk.fileName(), kX25519PublicPem);
    QVERIFY(!notZip); // the key is checked first: X25519 cannot sign
    keyFile.seek(0);
    notZip = verifyEvidenceBundle(junk.fileName(), keyFile.readAll());
    QVERIFY(notZip);
    QCOMPARE(notZip->problems.size(), 1);
    QCOMPARE(notZip->problems.first().fault, BundleFault::Unreadable);
    keyFile.seek(0);
    QCOMPARE(verifyEvidenceBundle(m_dir.filePath(QStringLiteral("none.zip")), keyFile.readAll()).error().code,
             Error::Code::Io);
}

// The command line end to end with the real keychain: the key pair is created there on first use and
// nowhere else; the exported public key verifies offline.
void TestEvidence::cliWithKeychainAndOffline()
{
    QFETCH(bool, postgres);
    KeychainStore keychain;
    if (auto p = keychain.probe(); !p) {
        if (keyringRequired())
            QFAIL(qPrintable(QStringLiteral("ORGWARD_REQUIRE_KEYRING=1 but: ") + p.errorMessage()));
        QSKIP(
            qPrintable(QStringLiteral("no keychain here (run under scripts/testenv): ") + p.errorMessage()));
    }
    QTemporaryDir dir;
    auto db = test::openEngine(dir, QStringLiteral("evidence_cli"));
    if (!db) return;
    auto org = importFixtures(*db);
    QVERIFY2(org, qPrintable(org.errorMessage()));
    const qint64 before = evidenceEntries(*db);
    const QString url = db->url().toString();
    const QString out = dir.filePath(QStringLiteral("cli.zip"));
    const Run made =
        runOrgward({QStringLiteral("evidence"), QStringLiteral("--db"), url, QStringLiteral("--framework"),
                    QStringLiteral("soc2"), QStringLiteral("--from"), iso(kFrom), QStringLiteral("--to"),
                    iso(kAsOf), QStringLiteral("--as-of"), iso(kAsOf), QStringLiteral("--out"), out});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err + made.out));
    QVERIFY2(made.out.contains(QLatin1String("Evidence bundle written")), qPrintable(made.out));

    // Verified with the keychain's key, then exported and verified with nothing else.
    const Run local = runOrgward({QStringLiteral("verify"), out});
    QVERIFY2(local.exitCode == 0, qPrintable(local.err + local.out));
    QVERIFY(local.out.contains(QLatin1String("Bundle verified")));
    const QString pemPath = dir.filePath(QStringLiteral("signer.pem"));
    const Run exported =
        runOrgward({QStringLiteral("evidence"), QStringLiteral("--export-public-key"), pemPath});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QFile pemFile(pemPath);
    QVERIFY(pemFile.open(QIODevice::ReadOnly));
    const QByteArray pem = pemFile.readAll();
    QVERIFY(pem.startsWith("-----BEGIN PUBLIC KEY-----"));
    QTemporaryDir offline;
    const Run remote = runOrgward({QStringLiteral("verify"), out, QStringLiteral("--public-key"), pemPath},
                                  offlineEnv(offline.path()));
    QVERIFY2(remote.exitCode == 0, qPrintable(remote.err + remote.out));
    QVERIFY(!QFileInfo::exists(offline.filePath(QStringLiteral("absent"))));
    // Without a key file and without a keychain, verify cannot check anything: it fails, never passes.
    const Run nokey = runOrgward({QStringLiteral("verify"), out}, offlineEnv(offline.path()));
    QVERIFY2(nokey.exitCode != 0, qPrintable(nokey.out));

    // The private key is in the keychain, as PKCS#8 PEM, and in no file.
    const QString secret = keychain.read(evidenceSigningKeySecretName()).value();
    QVERIFY(secret.startsWith(QLatin1String("-----BEGIN PRIVATE KEY-----")));
    auto signer = evidencePublicKey(keychain);
    QVERIFY(signer);
    QCOMPARE(Ed25519PublicKey::fromPem(pem)->fingerprint(), signer->fingerprint());
    const QByteArray manifest = entry(readZip(out), QStringLiteral("manifest.json"));
    QVERIFY(manifest.contains(signer->fingerprint().toLatin1()));
    for (const QString &root :
         {dir.path(), qEnvironmentVariable("XDG_DATA_HOME"), qEnvironmentVariable("XDG_CONFIG_HOME")}) {
        if (root.isEmpty()) continue;
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.size() > (1 << 24) || !f.open(QIODevice::ReadOnly)) continue;
            QVERIFY2(!f.readAll().contains("PRIVATE KEY"), qPrintable(f.fileName()));
        }
    }

    // The journal: one more evidence entry, holding this manifest's hash.
    QCOMPARE(evidenceEntries(*db), before + 1);
    JournalFilter f;
    f.kind = JournalKind::Evidence;
    f.limit = 1;
    f.newestFirst = true;
    const JournalEntry e = Journal(*db).entries(f)->first();
    QCOMPARE(QJsonDocument::fromJson(e.payload).object().value(QStringLiteral("manifest_sha256")).toString(),
             sha256Hex(manifest));
    QVERIFY2(local.out.contains(sha256Hex(manifest)), qPrintable(local.out));
    QCOMPARE(e.actor.contains(QLatin1String("database role")), postgres);
}

// --redact emails: no address of the org in any file (PDF text through pdftotext), and every email-shaped
// string left is a pseudonym. The unredacted bundle shows the same check can fail.
void TestEvidence::redactEmails()
{
    auto db = test::openSqlite(m_dir);
    QStringList emails;
    for (const char *table : {"openai_users", "openai_invites"}) {
        auto q = db->exec(QStringLiteral("SELECT email FROM %1 WHERE org_key = ? AND email IS NOT NULL")
                              .arg(QLatin1String(table)),
                          {m_org});
        QVERIFY(q);
        while (q->next())
            emails << q->value(0).toString().toLower();
    }
    QVERIFY(emails.size() > 1);
    QTemporaryDir work;

    // Unredacted: the org's addresses are there, in the PDFs too, and the checks below see them.
    bool pdfHasEmail = false, anyHasEmail = false, pdfHasRealEmail = false;
    for (const auto &[name, bytes] : readZip(m_bundle)) {
        const QString text = readableText(name, bytes, work);
        const QString lower = text.toLower();
        const bool has =
            std::any_of(emails.cbegin(), emails.cend(), [&](const QString &e) { return lower.contains(e); });
        const bool pdf = name.endsWith(QLatin1String(".pdf"));
        anyHasEmail |= has;
        pdfHasEmail |= has && pdf;
        pdfHasRealEmail |= pdf && !realEmails(text).isEmpty();
    }
    QVERIFY(anyHasEmail);
    QVERIFY(pdfHasEmail);
    QVERIFY(pdfHasRealEmail);

    const QString out = m_dir.filePath(QStringLiteral("redacted.zip"));
    auto made = createEvidenceBundle(*db, m_store, bundleParams(m_org, out, RedactMode::Emails));
    QVERIFY2(made, qPrintable(made.errorMessage()));
    const Entries entries = readZip(out);
    QVERIFY(!entries.isEmpty());
    const QJsonObject m = QJsonDocument::fromJson(entry(entries, QStringLiteral("manifest.json"))).object();
    QCOMPARE(m.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("redact")).toString(),
             QStringLiteral("emails"));
    bool pseudonymsShown = false;
    for (const auto &[name, bytes] : entries) {
        if (name == u"manifest.sig") continue;
        const QString text = readableText(name, bytes, work);
        QVERIFY2(!text.isEmpty(), qPrintable(name));
        const QString lower = text.toLower();
        for (const QString &e : emails)
            QVERIFY2(!lower.contains(e), qPrintable(name + QStringLiteral(": ") + e));
        const QStringList leaked = realEmails(text);
        QVERIFY2(leaked.isEmpty(), qPrintable(name + QStringLiteral(": ") + leaked.join(u' ')));
        pseudonymsShown |=
            name.endsWith(QLatin1String(".pdf")) && text.contains(QLatin1String("@redacted.invalid"));
    }
    QVERIFY(pseudonymsShown);
    QVERIFY(verifyEvidenceBundle(out, {}, &m_store)->ok());
}

void TestEvidence::cancelled_data()
{
    QTest::addColumn<QString>("step");
    QTest::newRow("first report") << QStringLiteral("building");
    QTest::newRow("rendering a PDF") << QStringLiteral("rendering PDF");
    QTest::newRow("signing") << QStringLiteral("signing the manifest");
    QTest::newRow("writing the zip") << QStringLiteral("writing the zip");
    QTest::newRow("journal") << QStringLiteral("recording the bundle");
}

// Cancelled at any step: Cancelled, no file (not even a temporary one), no journal entry.
void TestEvidence::cancelled()
{
    QFETCH(QString, step);
    auto db = test::openSqlite(m_dir);
    const qint64 before = evidenceEntries(*db);
    QTemporaryDir outDir;
    const QString out = outDir.filePath(QStringLiteral("cancelled.zip"));
    bool asked = false;
    const ReportProgress progress = [&](const QString &s) {
        if (s.contains(step)) asked = true;
        return !asked;
    };
    auto made = createEvidenceBundle(*db, m_store, bundleParams(m_org, out), progress);
    QVERIFY(asked);
    QVERIFY(!made);
    QCOMPARE(made.error().code, Error::Code::Cancelled);
    QVERIFY(QDir(outDir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    QCOMPARE(evidenceEntries(*db), before);
}

// The journal refuses the entry (a read-only database): the bundle is not written, not even half.
void TestEvidence::failedJournalAppendLeavesNoFile()
{
    auto db = Database::open(DatabaseUrl::sqlite(m_basePath), OpenOptions{true, false, false});
    QVERIFY2(db, qPrintable(db.errorMessage()));
    QTemporaryDir outDir;
    const QString out = outDir.filePath(QStringLiteral("refused.zip"));
    auto made = createEvidenceBundle(**db, m_store, bundleParams(m_org, out));
    QVERIFY(!made);
    QVERIFY2(made.errorMessage().contains(QLatin1String("journal")), qPrintable(made.errorMessage()));
    QVERIFY(QDir(outDir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

QTEST_MAIN(TestEvidence)
#include "test_evidence.moc"
