// Seeds the fuzz corpora from fixtures/ (scripts/fuzz runs it before the targets):
//   <out>/pageparser/  every fixture page behind the selector bytes of the request that fetched it
//   <out>/vault/       a vault sealed with the fuzz target's passphrase and cheap KDF parameters
// Usage: fuzz_make_seeds <fixtures dir> <corpus root>
#include "fuzzendpoint.h"
#include "security/vault.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <cstdio>

using namespace orgward;

namespace {
bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

int pageSeeds(const QString &fixtures, const QString &out)
{
    QFile mf(fixtures + QStringLiteral("/manifest.json"));
    if (!mf.open(QIODevice::ReadOnly)) return -1;
    const QJsonArray responses =
        QJsonDocument::fromJson(mf.readAll()).object().value(QLatin1String("responses")).toArray();
    int written = 0;
    for (const QJsonValue &v : responses) {
        const QJsonObject o = v.toObject();
        const QString request = o.value(QLatin1String("request")).toString().section(u' ', 1);
        const QString path = request.section(u'?', 0, 0);
        const auto ref = EndpointRef::fromRequest(path, QUrlQuery(request.section(u'?', 1)));
        QFile page(fixtures + u'/' + o.value(QLatin1String("file")).toString());
        if (!ref || !page.open(QIODevice::ReadOnly)) continue;
        const QString name = o.value(QLatin1String("file")).toString().replace(u'/', u'_');
        if (writeFile(out + u'/' + name, fuzz::selectorFor(*ref) + page.readAll())) ++written;
    }
    return written;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: fuzz_make_seeds <fixtures dir> <corpus root>\n");
        return 2;
    }
    const QString fixtures = QString::fromLocal8Bit(argv[1]);
    const QString root = QString::fromLocal8Bit(argv[2]);
    QDir().mkpath(root + QStringLiteral("/pageparser"));
    QDir().mkpath(root + QStringLiteral("/vault"));
    const int pages = pageSeeds(fixtures, root + QStringLiteral("/pageparser"));
    if (pages <= 0) {
        std::fprintf(stderr, "no fixture pages under %s\n", argv[1]);
        return 1;
    }
    const QMap<QString, QString> secrets{{QStringLiteral("org/acme/admin-key"), QStringLiteral("sk-admin-x")},
                                         {QStringLiteral("db/main"), QStringLiteral("pässwörd \"q\"")}};
    const auto sealed =
        Vault::seal(secrets, QStringLiteral("fuzz-passphrase-0123"), VaultKdf::fastForTesting());
    if (!sealed || !writeFile(root + QStringLiteral("/vault/sealed"), *sealed)) {
        std::fprintf(stderr, "cannot seal the vault seed: %s\n", qPrintable(sealed.errorMessage()));
        return 1;
    }
    std::printf("%d page seeds, 1 vault seed\n", pages);
    return 0;
}
