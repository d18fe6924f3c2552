// orgward evidence: a signed evidence bundle (every report as PDF + CSV + JSON, manifest, signature) for
// auditors, or the signing key's public half for them to verify bundles offline.
#include "command.h"
#include "compliance/evidence.h"
#include "compliance/signing.h"
#include "reportoptions.h"
#include "security/secretstore.h"

#include <QFileInfo>
#include <QSaveFile>
#include <cstdio>
#include <optional>

namespace orgward::cli {

namespace {

const QCommandLineOption kFramework(QStringLiteral("framework"),
                                    QStringLiteral("Control framework: soc2 (default)."),
                                    QStringLiteral("name"), QStringLiteral("soc2"));
const QCommandLineOption kOut(QStringLiteral("out"), QStringLiteral("The zip file to write (required)."),
                              QStringLiteral("FILE.zip"));
const QCommandLineOption kPageSize(QStringLiteral("page-size"),
                                   QStringLiteral("PDF paper: a4 (default) or letter."),
                                   QStringLiteral("size"), QStringLiteral("a4"));
const QCommandLineOption kExportPublicKey(
    QStringLiteral("export-public-key"),
    QStringLiteral(
        "Only write the signing key's public half (PEM) to FILE, creating the key pair if there is "
        "none yet, for 'orgward verify --public-key'."),
    QStringLiteral("FILE"));

// The evidence signing key lives in the OS keychain only (never a file, never the database).
Result<std::shared_ptr<SecretStore>> signingStore()
{
    return SecretStores::open(SecretStoreRef::keychain());
}

int exportPublicKey(Context &ctx, const QString &path)
{
    auto store = signingStore();
    if (!store) return fail(ctx, store.errorMessage());
    auto key = evidenceSigningKey(**store);
    if (!key) return fail(ctx, key.errorMessage());
    const Ed25519PublicKey pub = key->publicKey();
    QSaveFile file(path);
    const QByteArray pem = pub.pem();
    if (pem.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(pem) != pem.size() || !file.commit())
        return fail(ctx,
                    QStringLiteral("cannot write the public key to %1: %2").arg(path, file.errorString()));
    ctx.out << "Public key " << pub.fingerprint() << " written to " << path << "\n";
    return ExitOk;
}

// Everything but the organization (known once the database is open). An exit code when it must stop.
std::optional<int> bundleParams(Context &ctx, const QCommandLineParser &p, const PeriodOptions &po,
                                EvidenceParams *e)
{
    e->framework = p.value(kFramework);
    if (!evidenceFrameworks().contains(e->framework))
        return fail(ctx,
                    QStringLiteral("--framework: '%1' is not one of %2")
                        .arg(e->framework, evidenceFrameworks().join(QStringLiteral(", "))),
                    ExitUsage);
    for (const QCommandLineOption *required : {&po.from, &po.to, &kOut})
        if (!p.isSet(*required))
            return fail(ctx, QStringLiteral("--%1 is required").arg(required->names().first()), ExitUsage);
    e->outPath = QFileInfo(p.value(kOut)).absoluteFilePath();
    auto params = reportParams(p, po);
    if (!params) return fail(ctx, params.errorMessage(), ExitUsage);
    e->report = *params;
    if (e->report.from >= e->report.to)
        return fail(ctx, QStringLiteral("--from must be earlier than --to"), ExitUsage);
    const QString page = p.value(kPageSize).toLower();
    if (page != u"a4" && page != u"letter")
        return fail(ctx,
                    QStringLiteral("--page-size: \"%1\" is neither a4 nor letter").arg(p.value(kPageSize)),
                    ExitUsage);
    e->pageSize = page == u"letter" ? PageSize::Letter : PageSize::A4;
    return std::nullopt;
}

void addEvidenceOptions(QCommandLineParser &p, const PeriodOptions &po)
{
    p.setApplicationDescription(QStringLiteral(
        "Write a signed evidence bundle: every report as PDF, CSV and JSON, manifest.json (each file's "
        "SHA-256 and size, parameters, as-of instant, sync freshness, journal head, version, signer) and "
        "manifest.sig (Ed25519 over the manifest's exact bytes). The signing key is created on first use "
        "and kept in the OS keychain; each bundle is recorded in the journal. Pseudonyms (--redact) share "
        "one key across the bundle, never written. Check a bundle with 'orgward verify FILE.zip'.\n"
        "Exit codes: 0 written, 1 failed (nothing written), 2 usage, 5 cancelled."));
    addDatabaseOption(p);
    po.add(p);
    p.addOptions({kFramework, kOut, kPageSize, kExportPublicKey});
}

} // namespace

int cmdEvidence(Context &ctx)
{
    QCommandLineParser p;
    const PeriodOptions po;
    addEvidenceOptions(p, po);
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    if (p.isSet(kExportPublicKey)) return exportPublicKey(ctx, p.value(kExportPublicKey));
    EvidenceParams e;
    if (auto c = bundleParams(ctx, p, po, &e)) return *c;
    auto store = signingStore();
    if (!store) return fail(ctx, store.errorMessage());
    auto url = databaseUrl(p);
    if (!url) return fail(ctx, url.errorMessage());
    auto db = Database::open(*url, OpenOptions{false, true, false});
    if (!db) return fail(ctx, db.errorMessage());
    auto org = chooseOrg(**db, p.value(po.org));
    if (!org) return fail(ctx, org.errorMessage(), ExitUsage);
    e.report.orgKey = *org;
    e.report.databaseLabel = url->display();
    const bool chatty = isTerminal(stderr);
    const ReportProgress progress = [&ctx, chatty](const QString &step) {
        if (chatty) ctx.err << "  " << step << "\n" << Qt::flush;
        return true;
    };
    auto made = createEvidenceBundle(**db, **store, e, progress);
    if (!made)
        return fail(ctx, made.errorMessage(),
                    made.error().code == Error::Code::Cancelled ? ExitCancelled
                    : made.error().code == Error::Code::Usage   ? ExitUsage
                                                                : ExitFailed);
    ctx.out << "Evidence bundle written: " << made->path << "\n"
            << "  files: " << made->files << " plus manifest.json and manifest.sig\n"
            << "  manifest SHA-256: " << made->manifestSha256 << "\n"
            << "  signer: " << made->fingerprint << "\n"
            << "  journal entry: seq " << made->journalSeq << "\n";
    return ExitOk;
}

} // namespace orgward::cli
