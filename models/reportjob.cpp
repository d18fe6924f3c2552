#include "reportjob.h"

#include "compliance/reports.h"
#include "core/sanitizer.h"
#include "security/secretstore.h"

namespace orgward {

ReportJob::ReportJob(Database &db, QObject *parent)
    : QObject(parent), m_job(db), m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    qRegisterMetaType<orgward::ReportJobResult>();
    connect(&m_job, &SqlWriteJob::finished, this, [this](const std::shared_ptr<void> &v) {
        emit finished(*static_cast<const ReportJobResult *>(v.get()));
    });
}

ReportJob::~ReportJob()
{
    m_cancel->store(true); // the job stops at its next step; SqlWriteJob's destructor joins it
}

bool ReportJob::start(ReportJobResult::Kind kind, Work work)
{
    if (m_job.busy()) return false;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancel;
    // Progress crosses to the GUI thread as queued calls; posted to this object, they die with it.
    ReportProgress progress = [this, cancel](const QString &step) {
        if (cancel->load()) return false;
        QMetaObject::invokeMethod(
            this, [this, step] { emit this->progress(step); }, Qt::QueuedConnection);
        return true;
    };
    return m_job.start(
        [kind, work = std::move(work), progress, cancel](Database *db, const QString &openError) {
            auto r = std::make_shared<ReportJobResult>();
            r->kind = kind;
            if (!db)
                r->error = Sanitizer::mask(openError);
            else
                work(*db, *r, progress);
            r->cancelled = cancel->load();
            if (!r->error.isEmpty()) r->error = Sanitizer::mask(r->error);
            return std::static_pointer_cast<void>(r);
        });
}

bool ReportJob::preview(const QString &name, const ReportParams &params, const PdfOptions &pdf, int maxPages,
                        int dpi)
{
    return start(ReportJobResult::Kind::Preview,
                 [=](Database &db, ReportJobResult &r, const ReportProgress &progress) {
                     auto report = buildReport(db, name, params, progress);
                     if (!report) {
                         r.error = report.errorMessage();
                         return;
                     }
                     auto shared = std::make_shared<const Report>(std::move(*report));
                     if (!progress(QStringLiteral("Laying out pages"))) return;
                     auto pages = renderPreview(*shared, pdf, maxPages, dpi, &r.pageCount);
                     if (!pages) {
                         r.error = pages.errorMessage();
                         return;
                     }
                     r.report = shared;
                     r.pages = *pages;
                 });
}

bool ReportJob::exportReport(std::shared_ptr<const Report> report, ReportFormat format, const PdfOptions &pdf,
                             const QString &path)
{
    return start(ReportJobResult::Kind::Export,
                 [=](Database &db, ReportJobResult &r, const ReportProgress &progress) {
                     QByteArray bytes;
                     if (format == ReportFormat::Pdf) {
                         auto rendered = renderPdf(*report, pdf, progress);
                         if (!rendered) {
                             r.error = rendered.errorMessage();
                             return;
                         }
                         bytes = *rendered;
                     } else {
                         bytes = format == ReportFormat::Csv ? renderCsv(*report) : renderJson(*report);
                     }
                     auto saved = orgward::exportReport(db, *report, format, bytes, path);
                     if (!saved)
                         r.error = saved.errorMessage();
                     else
                         r.exported = *saved;
                 });
}

bool ReportJob::createEvidence(const EvidenceParams &params, std::shared_ptr<SecretStore> keys)
{
    return start(ReportJobResult::Kind::Evidence,
                 [=](Database &db, ReportJobResult &r, const ReportProgress &progress) {
                     auto made = createEvidenceBundle(db, *keys, params, progress);
                     if (!made)
                         r.error = made.errorMessage();
                     else
                         r.evidence = *made;
                 });
}

bool ReportJob::verifyBundle(const QString &zipPath, const QByteArray &publicKeyPem)
{
    return start(ReportJobResult::Kind::VerifyBundle,
                 [=](Database &, ReportJobResult &r, const ReportProgress &) {
                     auto v = verifyEvidenceBundle(zipPath, publicKeyPem, nullptr);
                     if (!v)
                         r.error = v.errorMessage();
                     else
                         r.bundle = *v;
                 });
}

bool ReportJob::verifyJournal()
{
    return start(ReportJobResult::Kind::VerifyJournal,
                 [](Database &db, ReportJobResult &r, const ReportProgress &) {
                     auto v = Journal(db).verify();
                     if (!v)
                         r.error = v.errorMessage();
                     else
                         r.journal = *v;
                 });
}

} // namespace orgward
