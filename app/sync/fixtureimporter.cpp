#include "fixtureimporter.h"

#include "runrecord.h"

#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <QUuid>

namespace orgward {

// One response of the manifest, checked: its request understood and its file inside the folder.
struct FixtureImporter::Entry
{
    QString where;   // "…/manifest.json ($.responses[i])"
    QString file;    // as the manifest names it
    QString path;    // the file to read, inside the folder
    QString request; // "GET /v1/…"
    EndpointRef ref;
    QString cursor; // the after/before/page value the request carries
};

struct FixtureImporter::Manifest
{
    QString path;
    QJsonObject organization;
    ImportSummary summary; // organization and capture time filled in
    QList<Entry> entries;
};

// Pages of one chain must follow each other: the same list, each asking for the cursor the one before
// gave, and no chain left open (has_more) at the end.
struct FixtureImporter::ChainState
{
    QString key;
    QString passId;
    QString expectedCursor;
    QString lastFile;
    bool open = false;
};

namespace {
// The file a manifest entry names, resolved inside the fixture folder `root` (canonical). Refused: an
// absolute path, a relative one whose `..` climbs out, one reaching out through a symbolic link.
Result<QString> fileInside(const QString &root, const QString &file, const QString &where)
{
    auto refuse = [&](const QString &why) {
        return err(Error::Code::Security,
                   QStringLiteral("%1: the file \"%2\" %3; a manifest names files inside its own folder (%4) "
                                  "only. Nothing was imported.")
                       .arg(where, file, why, root));
    };
    if (QDir::isAbsolutePath(file)) return refuse(QStringLiteral("is an absolute path"));
    const QString lexical = QDir::cleanPath(root + u'/' + file);
    if (!lexical.startsWith(root + u'/')) return refuse(QStringLiteral("climbs out of the folder with .."));
    const QFileInfo info(lexical);
    if (!info.exists()) return lexical; // reported as missing when it is read
    const QString canonical = info.canonicalFilePath();
    if (!canonical.startsWith(root + u'/'))
        return refuse(QStringLiteral("resolves through a symbolic link to %1").arg(canonical));
    return canonical;
}
} // namespace

Result<FixtureImporter::Entry> FixtureImporter::readEntry(const QString &root, const QString &manifestPath,
                                                          const QJsonObject &json, qsizetype index)
{
    Entry e;
    e.where = QStringLiteral("%1 ($.responses[%2])").arg(manifestPath).arg(index);
    e.file = json.value(QLatin1String("file")).toString();
    e.request = json.value(QLatin1String("request")).toString();
    if (e.file.isEmpty() || !e.request.startsWith(QLatin1String("GET ")))
        return err(Error::Code::Parse,
                   QStringLiteral("%1: each response needs \"file\" and a \"request\" like "
                                  "\"GET /v1/organization/users?limit=100\"")
                       .arg(e.where));
    auto path = fileInside(root, e.file, e.where);
    if (!path) return path.error();
    e.path = *path;
    const QUrl url(QStringLiteral("http://fixture") + e.request.mid(4).trimmed());
    const QUrlQuery query(url);
    auto ref = EndpointRef::fromRequest(url.path(), query);
    if (!ref) return err(Error::Code::Parse, QStringLiteral("%1: %2").arg(e.where, ref.errorMessage()));
    e.ref = *ref;
    e.cursor = ref->isBucketed() ? query.queryItemValue(QStringLiteral("page"))
                                 : query.queryItemValue(ref->kind == EndpointKind::AuditLogs &&
                                                                query.hasQueryItem(QStringLiteral("before"))
                                                            ? QStringLiteral("before")
                                                            : QStringLiteral("after"));
    return e;
}

Result<FixtureImporter::Manifest> FixtureImporter::readManifest(const QString &dirPath,
                                                                const ImportOptions &options)
{
    Manifest m;
    m.path = QDir(dirPath).filePath(QStringLiteral("manifest.json"));
    QFile mf(m.path);
    if (!mf.open(QIODevice::ReadOnly))
        return err(Error::Code::Io,
                   QStringLiteral("%1: cannot read the fixture manifest (%2). A fixture folder needs a "
                                  "manifest.json listing the request each file answers.")
                       .arg(m.path, mf.errorString()));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(mf.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return err(Error::Code::Parse, QStringLiteral("%1: not valid JSON at byte %2: %3")
                                           .arg(m.path)
                                           .arg(pe.offset)
                                           .arg(pe.errorString()));
    const QJsonObject manifest = doc.object();
    if (!manifest.value(QLatin1String("format")).toString().startsWith(QLatin1String("orgward-fixtures/")))
        return err(Error::Code::Parse,
                   QStringLiteral("%1: $.format must be \"orgward-fixtures/1\"").arg(m.path));
    m.organization = manifest.value(QLatin1String("organization")).toObject();
    ImportSummary &s = m.summary;
    s.orgKey =
        options.orgKey.isEmpty() ? m.organization.value(QLatin1String("key")).toString() : options.orgKey;
    s.orgName = m.organization.value(QLatin1String("name")).toString(s.orgKey);
    // A double beyond qint64's range does not convert (undefined behaviour; found by fuzz_fixturemanifest):
    // anything outside 1970 .. 9999-12-31 is refused below as a missing capture time.
    constexpr double kLatestCapture = 253402300799.0;
    const double captured = manifest.value(QLatin1String("captured_at")).toDouble();
    s.capturedAt = captured > 0 && captured <= kLatestCapture ? qint64(captured) : 0;
    if (s.orgKey.isEmpty())
        return err(Error::Code::Parse,
                   QStringLiteral("%1: $.organization.key is missing (or pass --org)").arg(m.path));
    if (s.capturedAt <= 0)
        return err(Error::Code::Parse,
                   QStringLiteral("%1: $.captured_at must be the Unix time the responses were recorded")
                       .arg(m.path));
    const QJsonArray responses = manifest.value(QLatin1String("responses")).toArray();
    if (responses.isEmpty())
        return err(Error::Code::Parse, QStringLiteral("%1: $.responses lists no files").arg(m.path));
    const QString root = QFileInfo(dirPath).canonicalFilePath(); // the manifest was read: it exists
    for (qsizetype i = 0; i < responses.size(); ++i) {
        auto entry = readEntry(root, m.path, responses[i].toObject(), i);
        if (!entry) return entry.error();
        m.entries << *entry;
    }
    return m;
}

Status FixtureImporter::importEntry(const Entry &e, ChainState &chain, PageProcessor &processor,
                                    ImportSummary &summary)
{
    const QString chainKey = e.ref.cursorKey();
    if (chain.open && chainKey != chain.key)
        return err(Error::Code::Parse,
                   QStringLiteral("%1: the chain of %2 ends at %3 with has_more true, but "
                                  "the next file answers %4. Add the missing pages.")
                       .arg(e.where, chain.key, chain.lastFile, chainKey));
    if (chain.open && e.cursor != chain.expectedCursor)
        return err(Error::Code::Parse,
                   QStringLiteral("%1: expected the page after cursor '%2', but the request asks for '%3'")
                       .arg(e.where, chain.expectedCursor, e.cursor));
    if (!chain.open) chain.passId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QFile f(e.path);
    if (!f.open(QIODevice::ReadOnly))
        return err(Error::Code::Io,
                   QStringLiteral("%1: cannot read %2 (%3)").arg(e.where, f.fileName(), f.errorString()));
    auto page = parsePage(e.ref, f.readAll(), summary.capturedAt);
    if (!page)
        return err(Error::Code::Parse,
                   QStringLiteral("%1: %2 (answers %3)").arg(f.fileName(), page.errorMessage(), e.request));
    if (auto r = processor.apply(e.ref, e.cursor, *page, chain.passId, summary.counts); !r)
        return err(r.error().code, QStringLiteral("%1: %2").arg(f.fileName(), r.errorMessage()));
    ++summary.files;
    chain.open = page->hasMore;
    chain.expectedCursor = page->nextCursor;
    chain.key = chainKey;
    chain.lastFile = e.file;
    return {};
}

Result<ImportSummary> FixtureImporter::run(const QString &dirPath, const ImportOptions &options)
{
    auto manifest = readManifest(dirPath, options);
    if (!manifest) return manifest.error();
    ImportSummary summary = manifest->summary;
    SyncState state(m_db);
    if (options.dryRun)
        if (auto r = m_db.begin(); !r) return r.error();
    auto abort = [&](const Error &e) -> Result<ImportSummary> {
        if (options.dryRun) m_db.rollback();
        return e;
    };
    if (auto r = state.ensureOrg({summary.orgKey, summary.orgName,
                                  manifest->organization.value(QLatin1String("openai_org_id")).toString(),
                                  QStringLiteral("fixtures"), summary.capturedAt});
        !r)
        return abort(r.error());
    auto run = state.beginRun(summary.orgKey, QStringLiteral("import"), options.dryRun);
    if (!run) return abort(run.error());
    summary.runId = *run;

    auto failRun = [&](const Error &e) -> Result<ImportSummary> {
        if (options.dryRun) return abort(e);
        (void)state.finishRun(summary.runId, SyncStatus::Failed, countsToJson(summary.counts),
                              QJsonArray{e.message}, {}, summary.files, 0, e.message);
        return e;
    };
    PageProcessor processor(m_db, summary.orgKey);
    ChainState chain;
    const QList<Entry> &entries = manifest->entries;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (options.cancel && options.cancel->load())
            return failRun(
                err(Error::Code::Cancelled,
                    QStringLiteral("import cancelled after %1 of %2 files").arg(i).arg(entries.size())));
        if (auto r = importEntry(entries[i], chain, processor, summary); !r) return failRun(r.error());
        if (options.progress) options.progress(int(i + 1), int(entries.size()), entries[i].file);
    }
    if (chain.open)
        return failRun(
            err(Error::Code::Parse,
                QStringLiteral("%1: the last file %2 says has_more but the manifest has no next page")
                    .arg(manifest->path, chain.lastFile)));
    if (options.dryRun) {
        m_db.rollback();
        return summary;
    }
    if (auto r = state.setSnapshotAt(summary.orgKey, summary.capturedAt); !r) return r.error();
    auto finish = [&] {
        return state.finishRun(summary.runId, SyncStatus::Complete, countsToJson(summary.counts), {}, {},
                               summary.files, 0,
                               QStringLiteral("imported %1 files from %2").arg(summary.files).arg(dirPath));
    };
    const QJsonObject journal{{QStringLiteral("run_id"), summary.runId},
                              {QStringLiteral("status"), statusText(SyncStatus::Complete)},
                              {QStringLiteral("files"), summary.files},
                              {QStringLiteral("captured_at"), summary.capturedAt},
                              {QStringLiteral("counts"), countsToJson(summary.counts)}};
    if (auto r = finishRunJournaled(m_db, finish, JournalKind::Import, summary.orgKey, journal); !r)
        return r.error();
    qCInfo(lcImport).noquote() << "imported" << summary.files << "files into org" << summary.orgKey;
    return summary;
}

} // namespace orgward
