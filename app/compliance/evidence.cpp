#include "evidence.h"
#include "core/instant.h"

#include "canonicaljson.h"
#include "core/clock.h"
#include "journal.h"
#include "redaction.h"
#include "reportrender.h"
#include "reports.h"
#include "security/secretstore.h"
#include "signing.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSaveFile>
#include <QSet>
#include <zip.h>

namespace orgward {

namespace {

constexpr qint64 kDefaultPeriodDays = 90; // as buildReport resolves ReportParams::from == 0
constexpr int kSha256HexChars = 64;

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString pageSizeName(PageSize s)
{
    return s == PageSize::Letter ? QStringLiteral("letter") : QStringLiteral("a4");
}

Error cancelled()
{
    return err(Error::Code::Cancelled, QStringLiteral("evidence bundle cancelled: no file was written"));
}

bool keepGoing(const ReportProgress &progress, const QString &step)
{
    return !progress || progress(step);
}

// One file of the bundle, as it goes into the zip.
struct BundleFile
{
    QString path;
    QByteArray bytes;
};

// What the manifest says about each report (the report itself is dropped once rendered).
struct BuiltReport
{
    ReportMeta meta;
    qint64 rows = 0;
    qsizetype findings = 0;
};

// Creation ---------------------------------------------------------------------------------------------

// One set of instants for every report of the bundle (buildReport would resolve "now" once per report).
Result<ReportParams> resolvedParams(Database &db, const EvidenceParams &e)
{
    if (!evidenceFrameworks().contains(e.framework))
        return err(Error::Code::Usage,
                   QStringLiteral("no evidence framework '%1' (known: %2)")
                       .arg(e.framework, evidenceFrameworks().join(QStringLiteral(", "))));
    if (e.outPath.isEmpty())
        return err(Error::Code::Usage, QStringLiteral("an evidence bundle needs a file to be written to"));
    ReportParams p = e.report;
    if (p.orgKey.isEmpty())
        return err(Error::Code::Usage,
                   QStringLiteral("an evidence bundle covers one organization: name it (--org KEY)"));
    if (p.asOf == 0) p.asOf = Clock::nowSecs();
    if (p.to == 0) p.to = p.asOf;
    if (p.from == 0) p.from = p.to - kDefaultPeriodDays * kSecondsPerDay;
    if (p.from >= p.to)
        return err(Error::Code::Usage, QStringLiteral("the period must start before it ends (from %1, to %2)")
                                           .arg(formatInstant(p.from), formatInstant(p.to)));
    if (p.databaseLabel.isEmpty()) p.databaseLabel = db.describe();
    return p;
}

Status renderInto(const Report &r, const EvidenceParams &e, const ReportProgress &progress,
                  QList<BundleFile> &files)
{
    const QString name = r.meta.name;
    if (!keepGoing(progress, QStringLiteral("%1: rendering PDF").arg(name))) return cancelled();
    PdfOptions pdf;
    pdf.pageSize = e.pageSize;
    auto bytes = renderPdf(r, pdf, progress);
    if (!bytes) {
        if (bytes.error().code == Error::Code::Cancelled) return cancelled();
        return err(bytes.error().code, QStringLiteral("%1: PDF: %2").arg(name, bytes.errorMessage()));
    }
    const QString dir = name + u'/';
    files.append({dir + name + QStringLiteral(".pdf"), *bytes});
    files.append({dir + name + QStringLiteral(".json"), renderJson(r)});
    for (const ReportTable &t : r.tables) {
        // Table ids come from the builders; one that could leave its folder is a bug, not a file name.
        if (t.id.isEmpty() || t.id.contains(u'/') || t.id.contains(u'\\') || t.id.startsWith(u'.'))
            return err(Error::Code::Generic,
                       QStringLiteral("%1: table id '%2' cannot be a file name").arg(name, t.id));
        files.append({dir + t.id + QStringLiteral(".csv"), renderCsvTable(t)});
    }
    return {};
}

// Builds and renders each report of the catalogue in turn (only one report is held at a time).
Result<QList<BuiltReport>> buildAll(Database &db, const ReportParams &p, const EvidenceParams &e,
                                    const ReportProgress &progress, const QByteArray &redactKey,
                                    QList<BundleFile> &files)
{
    QList<BuiltReport> built;
    for (const ReportInfo &info : reportCatalogue()) {
        if (!keepGoing(progress, QStringLiteral("%1: building").arg(info.name))) return cancelled();
        const ReportProgress inner = [&progress, name = info.name](const QString &step) {
            return keepGoing(progress, QStringLiteral("%1: %2").arg(name, step));
        };
        auto r = buildReport(db, info.name, p, inner, redactKey);
        if (!r) {
            if (r.error().code == Error::Code::Cancelled) return cancelled();
            return err(r.error().code, QStringLiteral("%1: %2").arg(info.name, r.errorMessage()));
        }
        if (auto s = renderInto(*r, e, inner, files); !s) return s.error();
        built.append({r->meta, r->rowCount(), r->findings.size()});
    }
    QSet<QString> seen;
    for (const BundleFile &f : files)
        if (seen.contains(f.path))
            return err(Error::Code::Generic,
                       QStringLiteral("two files of the bundle are named %1").arg(f.path));
        else
            seen.insert(f.path);
    return built;
}

QJsonArray freshnessJson(const QList<BuiltReport> &reports)
{
    QMap<QString, qint64> lastSync; // every report read the same store at the same time: one value each
    for (const BuiltReport &r : reports)
        for (const ReportFreshness &f : r.meta.freshness)
            lastSync.insert(f.endpoint, qMax(lastSync.value(f.endpoint), f.lastSync));
    QJsonArray out;
    for (auto it = lastSync.cbegin(); it != lastSync.cend(); ++it)
        out.append(
            QJsonObject{{QStringLiteral("endpoint"), it.key()},
                        {QStringLiteral("last_sync"), it.value() > 0 ? QJsonValue(formatInstant(it.value()))
                                                                     : QJsonValue(QJsonValue::Null)}});
    return out;
}

struct ManifestInput
{
    const EvidenceParams &evidence;
    const ReportParams &params;
    const QList<BuiltReport> &reports;
    const QList<BundleFile> &files;
    JournalHead journalHead;
    QString fingerprint;
    qint64 createdAt = 0;
};

QJsonObject manifestJson(const ManifestInput &m)
{
    QJsonArray files, reports;
    for (const BundleFile &f : m.files)
        files.append(QJsonObject{{QStringLiteral("path"), f.path},
                                 {QStringLiteral("sha256"), sha256Hex(f.bytes)},
                                 {QStringLiteral("size"), qint64(f.bytes.size())}});
    for (const BuiltReport &r : m.reports)
        reports.append(QJsonObject{{QStringLiteral("name"), r.meta.name},
                                   {QStringLiteral("title"), r.meta.title},
                                   {QStringLiteral("rows"), r.rows},
                                   {QStringLiteral("findings"), qint64(r.findings)}});
    const ReportMeta first = m.reports.isEmpty() ? ReportMeta() : m.reports.first().meta;
    return QJsonObject{
        {QStringLiteral("format"), QString::fromLatin1(kEvidenceManifestFormat)},
        {QStringLiteral("framework"), m.evidence.framework},
        {QStringLiteral("org"),
         QJsonObject{{QStringLiteral("key"), m.params.orgKey}, {QStringLiteral("name"), first.orgName}}},
        {QStringLiteral("period"), QJsonObject{{QStringLiteral("from"), formatInstant(m.params.from)},
                                               {QStringLiteral("to"), formatInstant(m.params.to)}}},
        {QStringLiteral("as_of"), formatInstant(m.params.asOf)},
        {QStringLiteral("as_of_basis"), first.asOfBasis},
        {QStringLiteral("parameters"),
         QJsonObject{{QStringLiteral("unused_days"), m.params.unusedDays},
                     {QStringLiteral("max_age_days"), m.params.maxAgeDays},
                     {QStringLiteral("redact"), redactModeName(m.params.redact)},
                     {QStringLiteral("page_size"), pageSizeName(m.evidence.pageSize)}}},
        {QStringLiteral("freshness"), freshnessJson(m.reports)},
        {QStringLiteral("database"), m.params.databaseLabel},
        {QStringLiteral("journal_head"),
         QJsonObject{{QStringLiteral("seq"), m.journalHead.seq},
                     {QStringLiteral("entry_hash"), m.journalHead.entryHash}}},
        {QStringLiteral("orgward_version"), QStringLiteral(ORGWARD_VERSION)},
        {QStringLiteral("signer"), QJsonObject{{QStringLiteral("algorithm"), QStringLiteral("Ed25519")},
                                               {QStringLiteral("fingerprint"), m.fingerprint}}},
        {QStringLiteral("created_at"), formatInstant(m.createdAt)},
        {QStringLiteral("reports"), reports},
        {QStringLiteral("files"), files},
    };
}

QString zipErrorText(zip_error_t *ze)
{
    return QString::fromUtf8(zip_error_strerror(ze));
}

Error zipFailure(const QString &what, const QString &why)
{
    return err(Error::Code::Io, QStringLiteral("writing the evidence zip: %1: %2").arg(what, why));
}

// Reads a kept in-memory zip source whole (after zip_close wrote the archive into it).
Result<QByteArray> sourceBytes(zip_source_t *src)
{
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(src, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(src) != 0)
        return zipFailure(QStringLiteral("reading the archive back"), zipErrorText(zip_source_error(src)));
    QByteArray bytes(qsizetype(st.size), Qt::Uninitialized);
    const zip_int64_t n = zip_source_read(src, bytes.data(), st.size);
    zip_source_close(src);
    if (n != zip_int64_t(st.size))
        return zipFailure(QStringLiteral("reading the archive back"), zipErrorText(zip_source_error(src)));
    return bytes;
}

// The archive in memory (deflated entries, every mtime = the bundle's creation): the file on disk is then
// written in one private, atomic step.
Result<QByteArray> zipArchive(const QList<BundleFile> &files, qint64 mtime)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *out = zip_source_buffer_create(nullptr, 0, 0, &ze);
    if (!out) return zipFailure(QStringLiteral("memory buffer"), zipErrorText(&ze));
    zip_t *za = zip_open_from_source(out, ZIP_TRUNCATE, &ze);
    if (!za) {
        zip_source_free(out);
        return zipFailure(QStringLiteral("opening"), zipErrorText(&ze));
    }
    zip_source_keep(out); // zip_close would free it; the bytes are read from it afterwards
    const auto abandon = [&](const QString &what) {
        const QString why = QString::fromUtf8(zip_strerror(za));
        zip_discard(za);
        zip_source_free(out);
        return zipFailure(what, why);
    };
    for (const BundleFile &f : files) {
        // The bytes stay owned by `files`, alive until zip_close below.
        zip_source_t *src = zip_source_buffer(za, f.bytes.constData(), zip_uint64_t(f.bytes.size()), 0);
        if (!src) return abandon(f.path);
        const zip_int64_t index = zip_file_add(za, f.path.toUtf8().constData(), src, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(src);
            return abandon(f.path);
        }
        if (zip_file_set_mtime(za, zip_uint64_t(index), time_t(mtime), 0) != 0) return abandon(f.path);
    }
    if (zip_close(za) != 0) return abandon(QStringLiteral("closing"));
    auto bytes = sourceBytes(out);
    zip_source_free(out);
    return bytes;
}

// Writes the zip beside outPath (0600 before any byte), appends the journal entry, renames, commits: a
// failed append or rename leaves neither file nor entry; a failed commit removes the renamed file.
Result<JournalEntry> writeAndRecord(Database &db, const QString &outPath, const QByteArray &zip,
                                    const QString &orgKey, const QJsonObject &payload)
{
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(zip) != zip.size())
        return err(Error::Code::Io,
                   QStringLiteral("cannot write the evidence bundle %1: %2 (check the folder "
                                  "exists and is writable)")
                       .arg(outPath, file.errorString()));
    const auto refused = [](const Error &e) {
        return err(e.code, QStringLiteral("the evidence bundle was not written: its journal entry failed: %1")
                               .arg(e.message));
    };
    if (auto b = db.begin(); !b) return refused(b.error());
    auto entry = Journal(db).append(JournalKind::Evidence, orgKey, payload);
    if (!entry) {
        db.rollback();
        return refused(entry.error());
    }
    if (!file.commit()) {
        db.rollback();
        return err(
            Error::Code::Io,
            QStringLiteral("cannot write the evidence bundle %1: %2").arg(outPath, file.errorString()));
    }
    if (auto c = db.commit(); !c) {
        QFile::remove(outPath);
        return err(c.error().code,
                   QStringLiteral("the evidence bundle's journal entry could not be committed, so %1 was "
                                  "removed: %2")
                       .arg(outPath, c.errorMessage()));
    }
    return entry;
}

} // namespace

QStringList evidenceFrameworks()
{
    return {QStringLiteral("soc2")};
}

Result<EvidenceResult> createEvidenceBundle(Database &db, SecretStore &secrets, const EvidenceParams &params,
                                            const ReportProgress &progress)
{
    auto p = resolvedParams(db, params);
    if (!p) return p.error();
    // The key first: a keychain that refuses should stop the bundle before minutes of report building.
    auto key = evidenceSigningKey(secrets);
    if (!key) return key.error();
    const QString fingerprint = key->publicKey().fingerprint();
    auto head = Journal(db).head();
    if (!head) return head.error();

    QList<BundleFile> files;
    QByteArray redactKey = newRedactionKey(); // one pseudonym per person across the bundle, never stored
    auto reports = buildAll(db, *p, params, progress, redactKey, files);
    wipeSecret(redactKey);
    if (!reports) return reports.error();

    if (!keepGoing(progress, QStringLiteral("signing the manifest"))) return cancelled();
    const qint64 createdAt = Clock::nowSecs();
    const QByteArray manifest =
        canonicalJson(manifestJson({params, *p, *reports, files, *head, fingerprint, createdAt}));
    auto signature = key->sign(manifest);
    if (!signature) return signature.error();
    const int listed = int(files.size());
    files.prepend({QString::fromLatin1(kEvidenceSignaturePath), *signature});
    files.prepend({QString::fromLatin1(kEvidenceManifestPath), manifest});

    if (!keepGoing(progress, QStringLiteral("writing the zip"))) return cancelled();
    auto zip = zipArchive(files, createdAt);
    if (!zip) return zip.error();
    files.clear();
    if (!keepGoing(progress, QStringLiteral("recording the bundle in the journal"))) return cancelled();

    const QString manifestHash = sha256Hex(manifest);
    const QJsonObject payload{{QStringLiteral("bundle"), QFileInfo(params.outPath).fileName()},
                              {QStringLiteral("manifest_sha256"), manifestHash},
                              {QStringLiteral("files"), listed},
                              {QStringLiteral("framework"), params.framework},
                              {QStringLiteral("from"), formatInstant(p->from)},
                              {QStringLiteral("to"), formatInstant(p->to)},
                              {QStringLiteral("as_of"), formatInstant(p->asOf)},
                              {QStringLiteral("fingerprint"), fingerprint}};
    auto entry = writeAndRecord(db, params.outPath, *zip, p->orgKey, payload);
    if (!entry) return entry.error();
    return EvidenceResult{params.outPath, manifestHash.toLatin1(), fingerprint, listed, entry->seq};
}

// Verification -----------------------------------------------------------------------------------------

QString bundleFaultName(BundleFault f)
{
    switch (f) {
    case BundleFault::Altered:
        return QStringLiteral("altered");
    case BundleFault::Missing:
        return QStringLiteral("missing");
    case BundleFault::Extra:
        return QStringLiteral("extra");
    case BundleFault::BadSignature:
        return QStringLiteral("bad-signature");
    case BundleFault::Unreadable:
        return QStringLiteral("unreadable");
    }
    return QStringLiteral("unreadable");
}

namespace {

constexpr qint64 kMaxManifestBytes = 64LL * 1024 * 1024; // far above any real manifest; stops zip bombs
constexpr qint64 kMaxSignatureBytes = 4096;              // a signature is 64 bytes; room to say "too long"
constexpr qint64 kReadChunkBytes = 64 * 1024;

// One entry's bytes as read: SHA-256 and size, at most `limit` bytes (more is reported, not read).
struct EntryDigest
{
    QString sha256;
    qint64 size = 0;
    bool overLimit = false;
    QString error; // a read error (CRC, inflate): the entry is damaged
};

class ZipReader
{
public:
    ZipReader(const ZipReader &) = delete;
    ZipReader &operator=(const ZipReader &) = delete;
    ZipReader(ZipReader &&o) noexcept : m_zip(std::exchange(o.m_zip, nullptr)) {}
    ~ZipReader()
    {
        if (m_zip) zip_discard(m_zip); // read-only: nothing to write back
    }

    // Io when the file cannot be opened at all; Parse when it is not a (consistent) zip.
    static Result<ZipReader> open(const QString &path)
    {
        int code = 0;
        const QByteArray file = QFile::encodeName(path);
        zip_t *z = zip_open(file.constData(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
        // The consistency check refuses a name stored twice; opened without it, verification names the
        // file (an Extra problem) instead of calling the whole zip unreadable.
        if (!z && code == ZIP_ER_EXISTS) z = zip_open(file.constData(), ZIP_RDONLY, &code);
        if (z) return ZipReader(z);
        zip_error_t ze;
        zip_error_init_with_code(&ze, code);
        const QString why = zipErrorText(&ze);
        zip_error_fini(&ze);
        const bool io = code == ZIP_ER_NOENT || code == ZIP_ER_OPEN || code == ZIP_ER_READ;
        return err(io ? Error::Code::Io : Error::Code::Parse,
                   io ? QStringLiteral("cannot open %1: %2").arg(path, why)
                      : QStringLiteral("%1 is not a readable zip file: %2").arg(path, why));
    }

    // Entry names in the archive's order (duplicates kept: the caller reports them).
    QList<QPair<QString, zip_uint64_t>> entries() const
    {
        QList<QPair<QString, zip_uint64_t>> out;
        const zip_int64_t n = zip_get_num_entries(m_zip, 0);
        for (zip_int64_t i = 0; i < n; ++i)
            if (const char *name = zip_get_name(m_zip, zip_uint64_t(i), 0))
                out.append({QString::fromUtf8(name), zip_uint64_t(i)});
        return out;
    }

    // A folder entry ("soc2/", no data), as zip tools add when an unpacked bundle is zipped again.
    bool isEmptyFolder(const QString &name, zip_uint64_t index) const
    {
        zip_stat_t st;
        zip_stat_init(&st);
        return name.endsWith(u'/') && zip_stat_index(m_zip, index, 0, &st) == 0 &&
               (st.valid & ZIP_STAT_SIZE) && st.size == 0;
    }

    // Streams the entry through SHA-256 (never more than limit + 1 bytes).
    EntryDigest digest(zip_uint64_t index, qint64 limit, QByteArray *keep = nullptr) const
    {
        EntryDigest d;
        zip_file_t *f = zip_fopen_index(m_zip, index, 0);
        if (!f) {
            d.error = QString::fromUtf8(zip_strerror(m_zip));
            return d;
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QByteArray chunk(kReadChunkBytes, Qt::Uninitialized);
        while (true) {
            const qint64 want = qMin<qint64>(chunk.size(), limit + 1 - d.size);
            if (want <= 0) {
                d.overLimit = true;
                break;
            }
            const zip_int64_t n = zip_fread(f, chunk.data(), zip_uint64_t(want));
            if (n < 0) {
                d.error = QString::fromUtf8(zip_file_strerror(f));
                break;
            }
            if (n == 0) break;
            hash.addData(QByteArrayView(chunk.constData(), qsizetype(n)));
            if (keep) keep->append(chunk.constData(), qsizetype(n));
            d.size += n;
        }
        zip_fclose(f);
        d.sha256 = QString::fromLatin1(hash.result().toHex());
        return d;
    }

private:
    explicit ZipReader(zip_t *z) : m_zip(z) {}
    zip_t *m_zip = nullptr;
};

struct ListedFile
{
    QString path;
    QString sha256;
    qint64 size = 0;
};

struct ParsedManifest
{
    QString signer; // the fingerprint the manifest names
    QList<ListedFile> files;
};

bool isSha256Hex(const QString &s)
{
    if (s.size() != kSha256HexChars) return false;
    for (QChar c : s)
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'))) return false;
    return true;
}

Result<ParsedManifest> parseManifest(const QByteArray &bytes)
{
    const auto bad = [](const QString &why) {
        return err(Error::Code::Parse, QStringLiteral("manifest.json: %1").arg(why));
    };
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return bad(QStringLiteral("not a JSON object (%1 at byte %2)").arg(pe.errorString()).arg(pe.offset));
    const QJsonObject o = doc.object();
    const QString format = o.value(QStringLiteral("format")).toString();
    if (format != QLatin1String(kEvidenceManifestFormat))
        return bad(
            QStringLiteral("format '%1' is not %2").arg(format, QLatin1String(kEvidenceManifestFormat)));
    ParsedManifest m;
    m.signer = o.value(QStringLiteral("signer")).toObject().value(QStringLiteral("fingerprint")).toString();
    const QJsonArray files = o.value(QStringLiteral("files")).toArray();
    QSet<QString> seen;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QJsonObject f = files.at(i).toObject();
        ListedFile l{f.value(QStringLiteral("path")).toString(), f.value(QStringLiteral("sha256")).toString(),
                     f.value(QStringLiteral("size")).toInteger(-1)};
        if (l.path.isEmpty() || l.path == QLatin1String(kEvidenceManifestPath) ||
            l.path == QLatin1String(kEvidenceSignaturePath) || !isSha256Hex(l.sha256) || l.size < 0 ||
            seen.contains(l.path))
            return bad(QStringLiteral("files[%1] is not a valid entry (path, 64 hex sha256, size; each path "
                                      "once)")
                           .arg(i));
        seen.insert(l.path);
        m.files.append(l);
    }
    return m;
}

Result<Ed25519PublicKey> checkingKey(const QByteArray &publicKeyPem, SecretStore *secrets)
{
    if (!publicKeyPem.isEmpty()) return Ed25519PublicKey::fromPem(publicKeyPem);
    if (!secrets)
        return err(Error::Code::Usage,
                   QStringLiteral("verifying a bundle needs the signer's public key (--public-key FILE)"));
    return evidencePublicKey(*secrets);
}

// Reads a small entry whole (manifest, signature); a problem when it is damaged or too large.
std::optional<QByteArray> readSmall(const ZipReader &zip, zip_uint64_t index, const QString &name,
                                    qint64 limit, BundleVerification &v)
{
    QByteArray bytes;
    const EntryDigest d = zip.digest(index, limit, &bytes);
    if (!d.error.isEmpty()) {
        v.problems.append({BundleFault::Altered, name, QStringLiteral("cannot be read: %1").arg(d.error)});
        return std::nullopt;
    }
    if (d.overLimit) {
        v.problems.append({BundleFault::Unreadable, name, QStringLiteral("larger than %1 bytes").arg(limit)});
        return std::nullopt;
    }
    return bytes;
}

void checkSignature(const Ed25519PublicKey &key, const QByteArray &manifest, const QByteArray &signature,
                    const QString &signer, BundleVerification &v)
{
    const QString sigName = QString::fromLatin1(kEvidenceSignaturePath);
    if (!key.verify(manifest, signature)) {
        QString detail =
            QStringLiteral("manifest.sig is not a valid Ed25519 signature of manifest.json by key %1: "
                           "the manifest or its signature was changed, or another key signed it")
                .arg(v.fingerprint);
        if (signature.size() != kEd25519SignatureBytes)
            detail += QStringLiteral(" (the signature has %1 bytes, not %2)")
                          .arg(signature.size())
                          .arg(kEd25519SignatureBytes);
        if (!signer.isEmpty() && signer != v.fingerprint)
            detail += QStringLiteral(" (the manifest names signer %1)").arg(signer);
        v.problems.append({BundleFault::BadSignature, sigName, detail});
    } else if (signer != v.fingerprint) {
        v.problems.append({BundleFault::BadSignature, sigName,
                           QStringLiteral("signed by key %1, but the manifest names signer %2")
                               .arg(v.fingerprint, signer)});
    }
}

void checkFile(const ZipReader &zip, zip_uint64_t index, const ListedFile &l, BundleVerification &v)
{
    const EntryDigest d = zip.digest(index, l.size);
    if (!d.error.isEmpty())
        v.problems.append({BundleFault::Altered, l.path, QStringLiteral("cannot be read: %1").arg(d.error)});
    else if (d.overLimit)
        v.problems.append({BundleFault::Altered, l.path,
                           QStringLiteral("larger than the %1 bytes the manifest lists").arg(l.size)});
    else if (d.size != l.size)
        v.problems.append({BundleFault::Altered, l.path,
                           QStringLiteral("%1 bytes, the manifest lists %2").arg(d.size).arg(l.size)});
    else if (d.sha256 != l.sha256)
        v.problems.append({BundleFault::Altered, l.path,
                           QStringLiteral("SHA-256 %1, the manifest lists %2").arg(d.sha256, l.sha256)});
}

} // namespace

Result<BundleVerification> verifyEvidenceBundle(const QString &zipPath, const QByteArray &publicKeyPem,
                                                SecretStore *secrets)
{
    auto key = checkingKey(publicKeyPem, secrets);
    if (!key) return key.error();
    BundleVerification v;
    v.fingerprint = key->fingerprint();
    auto zip = ZipReader::open(zipPath);
    if (!zip) {
        if (zip.error().code == Error::Code::Io) return zip.error();
        v.problems.append({BundleFault::Unreadable, QString(), zip.errorMessage()});
        return v;
    }
    // Every entry once: a second entry of the same name could hide an altered copy behind a good one.
    QHash<QString, zip_uint64_t> index;
    QHash<QString, int> count;
    for (const auto &[name, i] : zip->entries()) {
        if (++count[name] == 2)
            v.problems.append(
                {BundleFault::Extra, name, QStringLiteral("the zip holds this name more than once")});
        if (!index.contains(name)) index.insert(name, i); // the first, as zip_name_locate finds it
    }
    const QString manifestName = QString::fromLatin1(kEvidenceManifestPath);
    const QString sigName = QString::fromLatin1(kEvidenceSignaturePath);
    std::optional<QByteArray> manifest, signature;
    if (index.contains(manifestName))
        manifest = readSmall(*zip, index.value(manifestName), manifestName, kMaxManifestBytes, v);
    else
        v.problems.append({BundleFault::Missing, manifestName, QStringLiteral("the bundle has no manifest")});
    if (index.contains(sigName))
        signature = readSmall(*zip, index.value(sigName), sigName, kMaxSignatureBytes, v);
    else
        v.problems.append({BundleFault::Missing, sigName, QStringLiteral("the bundle is not signed")});
    if (!manifest) return v;
    v.manifestSha256 = sha256Hex(*manifest);

    auto parsed = parseManifest(*manifest);
    if (signature) checkSignature(*key, *manifest, *signature, parsed ? parsed->signer : QString(), v);
    if (!parsed) {
        v.problems.append({BundleFault::Unreadable, manifestName, parsed.errorMessage()});
        return v;
    }
    QSet<QString> listed{manifestName, sigName};
    for (const ListedFile &l : parsed->files) {
        listed.insert(l.path);
        ++v.filesChecked;
        if (!index.contains(l.path))
            v.problems.append(
                {BundleFault::Missing, l.path, QStringLiteral("listed in the manifest, not in the zip")});
        else
            checkFile(*zip, index.value(l.path), l, v);
    }
    // An empty folder entry holding listed files carries no content: it is not an extra file.
    QSet<QString> folders;
    for (const ListedFile &l : parsed->files)
        for (qsizetype slash = l.path.indexOf(u'/'); slash > 0; slash = l.path.indexOf(u'/', slash + 1))
            folders.insert(l.path.left(slash + 1));
    for (const auto &[name, i] : zip->entries()) {
        if (listed.contains(name) || count.value(name) == 0) continue;
        if (count.value(name) == 1 && folders.contains(name) && zip->isEmptyFolder(name, i)) continue;
        v.problems.append({BundleFault::Extra, name, QStringLiteral("in the zip, not in the manifest")});
        count.remove(name); // once per name
    }
    return v;
}

} // namespace orgward
