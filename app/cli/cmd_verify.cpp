// orgward verify FILE.zip: checks an evidence bundle's signature and every file's SHA-256 and size. With
// --public-key it needs neither the database nor the keychain (an auditor's machine, offline).
#include "command.h"
#include "compliance/evidence.h"
#include "security/secretstore.h"

#include <QFile>

namespace orgward::cli {

namespace {
constexpr qint64 kMaxPublicKeyFileBytes = 64 * 1024; // a PEM public key is a few hundred bytes

// Entry names come from the (possibly hostile) zip: control characters are shown as \uXXXX so a name
// cannot move the cursor or recolour the terminal to hide a problem line.
QString printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text)
        out += c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
                   ? QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'))
                   : QString(c);
    return out;
}
} // namespace

int cmdVerify(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Verify an evidence bundle: the Ed25519 signature of manifest.json, then each listed file's SHA-256 "
        "and size; files missing from the zip or not in the manifest are named too. Without --public-key the "
        "local signing key (OS keychain) is used.\n"
        "Exit codes: 0 verified, 1 failed (cannot read the bundle or key), 2 usage, 7 verification failed."));
    const QCommandLineOption key(QStringLiteral("public-key"),
                                 QStringLiteral("The signer's public key (PEM, from 'orgward evidence "
                                                "--export-public-key'). No database or keychain is used."),
                                 QStringLiteral("FILE"));
    p.addOption(key);
    p.addPositionalArgument(QStringLiteral("bundle"), QStringLiteral("The evidence bundle (.zip)."));
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    if (p.positionalArguments().size() != 1)
        return fail(ctx, QStringLiteral("usage: orgward verify FILE.zip [--public-key FILE]"), ExitUsage);
    const QString bundle = p.positionalArguments().first();

    QByteArray pem;
    std::shared_ptr<SecretStore> store;
    if (p.isSet(key)) {
        QFile f(p.value(key));
        if (!f.open(QIODevice::ReadOnly))
            return fail(
                ctx, QStringLiteral("cannot read the public key %1: %2").arg(f.fileName(), f.errorString()));
        pem = f.read(kMaxPublicKeyFileBytes);
    } else {
        auto opened = SecretStores::open(SecretStoreRef::keychain());
        if (!opened) return fail(ctx, opened.errorMessage());
        store = *opened;
    }
    auto v = verifyEvidenceBundle(bundle, pem, store.get());
    if (!v) return fail(ctx, v.errorMessage());
    if (!v->ok()) {
        ctx.err << "orgward: bundle verification FAILED for " << bundle << " (key " << v->fingerprint
                << "): " << v->problems.size() << (v->problems.size() == 1 ? " problem\n" : " problems\n");
        for (const BundleProblem &problem : v->problems)
            ctx.err << "  " << bundleFaultName(problem.fault) << "  "
                    << (problem.file.isEmpty() ? QStringLiteral("(bundle)") : printable(problem.file)) << ": "
                    << printable(problem.detail) << "\n";
        ctx.err << Qt::flush;
        return ExitVerifyFailed;
    }
    ctx.out << "Bundle verified: " << bundle << "\n"
            << "  signature: valid, key " << v->fingerprint << "\n"
            << "  files: " << v->filesChecked << " match their SHA-256 and size\n"
            << "  manifest SHA-256: " << v->manifestSha256 << " (the journal's evidence entry records it)\n";
    return ExitOk;
}

} // namespace orgward::cli
