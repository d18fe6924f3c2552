#pragma once
// Evidence bundles (issue #14): a zip (libzip) holding every report as PDF + CSV + JSON, manifest.json
// (each file's SHA-256 and size, the parameters, the as-of instant, sync freshness, journal head, Orgward
// version, the signer's public-key fingerprint) and manifest.sig (Ed25519 over the exact manifest bytes).
// Verification needs neither the database nor the keychain when the public key is given as a file.
#include "compliance/report.h"

#include <QByteArray>
#include <QStringList>

namespace orgward {

class SecretStore;

// The frameworks a bundle can be made for ("soc2").
QStringList evidenceFrameworks();

// What a bundle holds (HACKING.md, "Evidence bundles"): <report>/<report>.pdf, <report>/<report>.json and
// <report>/<table-id>.csv for every report of the catalogue, then manifest.json (canonical JSON) and
// manifest.sig (the raw 64-byte Ed25519 signature of manifest.json's exact bytes).
inline constexpr char kEvidenceManifestPath[] = "manifest.json";
inline constexpr char kEvidenceSignaturePath[] = "manifest.sig";
inline constexpr char kEvidenceManifestFormat[] = "orgward-evidence-v1";

struct EvidenceParams
{
    QString framework = QStringLiteral("soc2");
    ReportParams report; // org, period, as-of, redaction, thresholds
    PageSize pageSize = PageSize::A4;
    QString outPath;
};

struct EvidenceResult
{
    QString path;
    QByteArray manifestSha256; // hex
    QString fingerprint;       // the signer's public-key fingerprint
    int files = 0;
    qint64 journalSeq = 0; // the evidence entry
};

// Builds every report (one redaction key for the whole bundle, never stored), signs the manifest with the
// org-independent signing key from the store (created on first use), writes the zip atomically (a 0600
// temporary file beside outPath, renamed) and appends an `evidence` journal entry with the manifest hash in
// the same transaction: a failed append leaves no file. params.report.asOf 0 is now, to 0 is asOf, from 0
// is 90 days before to (resolved once, so every report states the same instants); orgKey is required.
// `progress` returning false cancels: Error::Code::Cancelled, nothing written.
Result<EvidenceResult> createEvidenceBundle(Database &db, SecretStore &secrets, const EvidenceParams &params,
                                            const ReportProgress &progress = {});

enum class BundleFault
{
    Altered,      // a file's hash or size differs from the manifest
    Missing,      // listed in the manifest, not in the zip
    Extra,        // in the zip, not in the manifest
    BadSignature, // manifest.sig does not verify with the public key
    Unreadable,   // not a zip, no manifest, manifest not JSON …
};

// "altered", "missing", "extra", "bad-signature", "unreadable": what `orgward verify` prints.
QString bundleFaultName(BundleFault f);

struct BundleProblem
{
    BundleFault fault;
    QString file; // empty for a whole-bundle problem
    QString detail;
};

struct BundleVerification
{
    QString fingerprint;    // of the key that was checked
    QString manifestSha256; // hex SHA-256 of manifest.json as stored (what the journal entry records)
    int filesChecked = 0;
    QList<BundleProblem> problems;
    bool ok() const { return problems.isEmpty(); }
};

// publicKeyPem empty: the key in `secrets` (the local signing key). Never writes anything.
Result<BundleVerification> verifyEvidenceBundle(const QString &zipPath, const QByteArray &publicKeyPem,
                                                SecretStore *secrets = nullptr);

} // namespace orgward
