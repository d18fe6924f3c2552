#include "fixtureimporter.h"

#include "core/clock.h"
#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <QUuid>

namespace orgward {

Result<ImportSummary> FixtureImporter::run(const QString &dirPath, const ImportOptions &options)
{
    const QDir dir(dirPath);
    const QString manifestPath = dir.filePath(QStringLiteral("manifest.json"));
    QFile mf(manifestPath);
    if (!mf.open(QIODevice::ReadOnly))
        return err(Error::Code::Io,
                   QStringLiteral("%1: cannot read the fixture manifest (%2). A fixture folder needs a "
                                  "manifest.json listing the request each file answers.")
                       .arg(manifestPath, mf.errorString()));
    QJsonParseError pe;
    const QJsonDocument mdoc = QJsonDocument::fromJson(mf.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !mdoc.isObject())
        return err(Error::Code::Parse, QStringLiteral("%1: not valid JSON at byte %2: %3")
                                           .arg(manifestPath)
                                           .arg(pe.offset)
                                           .arg(pe.errorString()));
    const QJsonObject manifest = mdoc.object();
    if (!manifest.value(QLatin1String("format")).toString().startsWith(QLatin1String("orgward-fixtures/")))
        return err(Error::Code::Parse,
                   QStringLiteral("%1: $.format must be \"orgward-fixtures/1\"").arg(manifestPath));
    const QJsonObject org = manifest.value(QLatin1String("organization")).toObject();
    ImportSummary summary;
    summary.orgKey = options.orgKey.isEmpty() ? org.value(QLatin1String("key")).toString() : options.orgKey;
    summary.orgName = org.value(QLatin1String("name")).toString(summary.orgKey);
    summary.capturedAt = qint64(manifest.value(QLatin1String("captured_at")).toDouble());
    if (summary.orgKey.isEmpty())
        return err(Error::Code::Parse,
                   QStringLiteral("%1: $.organization.key is missing (or pass --org)").arg(manifestPath));
    if (summary.capturedAt <= 0)
        return err(Error::Code::Parse,
                   QStringLiteral("%1: $.captured_at must be the Unix time the responses were recorded")
                       .arg(manifestPath));
    const QJsonArray responses = manifest.value(QLatin1String("responses")).toArray();
    if (responses.isEmpty())
        return err(Error::Code::Parse, QStringLiteral("%1: $.responses lists no files").arg(manifestPath));

    SyncState state(m_db);
    if (options.dryRun)
        if (auto r = m_db.begin(); !r) return r.error();
    auto abort = [&](const Error &e) -> Result<ImportSummary> {
        if (options.dryRun) m_db.rollback();
        return e;
    };
    if (auto r = state.ensureOrg({summary.orgKey, summary.orgName,
                                  org.value(QLatin1String("openai_org_id")).toString(),
                                  QStringLiteral("fixtures"), summary.capturedAt});
        !r)
        return abort(r.error());
    auto run = state.beginRun(summary.orgKey, QStringLiteral("import"), options.dryRun);
    if (!run) return abort(run.error());
    summary.runId = *run;

    PageProcessor processor(m_db, summary.orgKey);
    QString lastChainKey;
    QString passId;
    QString expectedCursor;
    bool chainOpen = false;
    QString chainFile;
    auto failRun = [&](const Error &e) -> Result<ImportSummary> {
        if (options.dryRun) return abort(e);
        (void)state.finishRun(summary.runId, QStringLiteral("failed"), countsToJson(summary.counts),
                              QJsonArray{e.message}, {}, summary.files, 0, e.message);
        return e;
    };
    for (qsizetype i = 0; i < responses.size(); ++i) {
        if (options.cancel && options.cancel->load())
            return failRun(
                err(Error::Code::Cancelled,
                    QStringLiteral("import cancelled after %1 of %2 files").arg(i).arg(responses.size())));
        const QJsonObject entry = responses[i].toObject();
        const QString file = entry.value(QLatin1String("file")).toString();
        const QString request = entry.value(QLatin1String("request")).toString();
        const QString where = QStringLiteral("%1 ($.responses[%2])").arg(manifestPath).arg(i);
        if (file.isEmpty() || !request.startsWith(QLatin1String("GET ")))
            return failRun(
                err(Error::Code::Parse, QStringLiteral("%1: each response needs \"file\" and a \"request\" "
                                                       "like \"GET /v1/organization/users?limit=100\"")
                                            .arg(where)));
        const QUrl url(QStringLiteral("http://fixture") + request.mid(4).trimmed());
        const QUrlQuery query(url);
        auto ref = EndpointRef::fromRequest(url.path(), query);
        if (!ref)
            return failRun(err(Error::Code::Parse, QStringLiteral("%1: %2").arg(where, ref.errorMessage())));
        const QString cursorParam =
            ref->isBucketed() ? query.queryItemValue(QStringLiteral("page"))
                              : query.queryItemValue(ref->kind == EndpointKind::AuditLogs &&
                                                             query.hasQueryItem(QStringLiteral("before"))
                                                         ? QStringLiteral("before")
                                                         : QStringLiteral("after"));
        const QString chainKey = ref->cursorKey();
        if (chainOpen && chainKey != lastChainKey)
            return failRun(
                err(Error::Code::Parse,
                    QStringLiteral("%1: the chain of %2 ends at %3 with has_more true, but the next "
                                   "file answers %4. Add the missing pages.")
                        .arg(where, lastChainKey, chainFile, chainKey)));
        if (chainOpen && cursorParam != expectedCursor)
            return failRun(
                err(Error::Code::Parse,
                    QStringLiteral("%1: expected the page after cursor '%2', but the request asks for '%3'")
                        .arg(where, expectedCursor, cursorParam)));
        if (!chainOpen) passId = QUuid::createUuid().toString(QUuid::WithoutBraces);

        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            return failRun(
                err(Error::Code::Io,
                    QStringLiteral("%1: cannot read %2 (%3)").arg(where, f.fileName(), f.errorString())));
        auto page = parsePage(*ref, f.readAll(), summary.capturedAt);
        if (!page)
            return failRun(
                err(Error::Code::Parse,
                    QStringLiteral("%1: %2 (answers %3)").arg(f.fileName(), page.errorMessage(), request)));
        if (auto r = processor.apply(*ref, cursorParam, *page, passId, summary.counts); !r)
            return failRun(err(r.error().code, QStringLiteral("%1: %2").arg(f.fileName(), r.errorMessage())));
        ++summary.files;
        chainOpen = page->hasMore;
        expectedCursor = page->nextCursor;
        lastChainKey = chainKey;
        chainFile = file;
        if (options.progress) options.progress(int(i + 1), int(responses.size()), file);
    }
    if (chainOpen)
        return failRun(
            err(Error::Code::Parse,
                QStringLiteral("%1: the last file %2 says has_more but the manifest has no next page")
                    .arg(manifestPath, chainFile)));
    if (options.dryRun) {
        m_db.rollback();
        return summary;
    }
    if (auto r = state.setSnapshotAt(summary.orgKey, summary.capturedAt); !r) return r.error();
    if (auto r = state.finishRun(summary.runId, QStringLiteral("complete"), countsToJson(summary.counts), {},
                                 {}, summary.files, 0,
                                 QStringLiteral("imported %1 files from %2").arg(summary.files).arg(dirPath));
        !r)
        return r.error();
    qCInfo(lcImport).noquote() << "imported" << summary.files << "files into org" << summary.orgKey;
    return summary;
}

} // namespace orgward
