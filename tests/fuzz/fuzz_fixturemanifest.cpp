// The fixture importer's manifest.json: written into a scratch fixture folder (holding a few real fixture
// pages the manifest may name) and imported as a dry run into a scratch SQLite database. No crash, no
// undefined behaviour; a refused manifest says why; a dry run leaves no transaction open.
#include "fuzzsupport.h"
#include "store/database.h"
#include "sync/fixtureimporter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <memory>

using namespace orgward;

namespace {
struct Scratch
{
    QTemporaryDir dir;
    QString fixtures;
    std::unique_ptr<Database> db;
};
Scratch *g_scratch = nullptr;

// The real pages a fuzzed manifest can name (copies: the importer refuses links out of its folder).
void copyPages(const QString &from, const QString &to)
{
    for (const QString &folder : {QStringLiteral("users"), QStringLiteral("invites"),
                                  QStringLiteral("admin_api_keys"), QStringLiteral("certificates")}) {
        QDir().mkpath(to + u'/' + folder);
        const QDir src(from + u'/' + folder);
        for (const QString &name : src.entryList(QDir::Files))
            QFile::copy(src.filePath(name), to + u'/' + folder + u'/' + name);
    }
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    fuzz::ensureApplication();
    g_scratch = new Scratch; // lives for the process
    g_scratch->fixtures = g_scratch->dir.filePath(QStringLiteral("fixtures"));
    copyPages(QStringLiteral(ORGWARD_SOURCE_DIR "/fixtures"), g_scratch->fixtures);
    auto db = Database::open(DatabaseUrl::sqlite(g_scratch->dir.filePath(QStringLiteral("fuzz.db"))));
    if (!db) {
        std::fprintf(stderr, "cannot open the scratch database: %s\n", qPrintable(db.errorMessage()));
        std::abort();
    }
    g_scratch->db = std::move(*db);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QFile manifest(g_scratch->fixtures + QStringLiteral("/manifest.json"));
    if (!manifest.open(QIODevice::WriteOnly | QIODevice::Truncate)) std::abort();
    manifest.write(reinterpret_cast<const char *>(data), qint64(size));
    manifest.close();
    ImportOptions options;
    options.dryRun = true;
    const auto result = FixtureImporter(*g_scratch->db).run(g_scratch->fixtures, options);
    if (!result) FUZZ_CHECK(!result.errorMessage().isEmpty(), QStringLiteral("refused without a message"));
    FUZZ_CHECK(g_scratch->db->transactionDepth() == 0, QStringLiteral("dry run left a transaction open"));
    return 0;
}
