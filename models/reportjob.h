#pragma once
// The Reports pane's long work off the GUI thread (issue #14): building a report and laying out its preview
// pages, exporting it (file + journal entry), evidence bundles, bundle and journal verification. One job at
// a time on a thread and connection of its own (SqlWriteJob); progress is posted back as plain text and
// Cancel is honoured between steps (the report builders, the layout every few thousand rows, each page).
#include "asyncwrite.h"
#include "compliance/evidence.h"
#include "compliance/journal.h"
#include "compliance/reportexport.h"
#include "compliance/reportrender.h"

#include <QImage>
#include <atomic>
#include <memory>

namespace orgward {

struct ReportJobResult
{
    enum class Kind
    {
        Preview,
        Export,
        Evidence,
        VerifyBundle,
        VerifyJournal,
    };
    Kind kind = Kind::Preview;
    QString error; // sanitized; empty: it worked
    bool cancelled = false;
    std::shared_ptr<const Report> report; // Preview
    QList<QImage> pages;                  // Preview: the first pages
    int pageCount = 0;
    ReportExport exported;       // Export
    EvidenceResult evidence;     // Evidence
    BundleVerification bundle;   // VerifyBundle
    JournalVerification journal; // VerifyJournal (and its head)
};

class ReportJob : public QObject
{
    Q_OBJECT
public:
    explicit ReportJob(Database &db, QObject *parent = nullptr);
    ~ReportJob() override;

    bool busy() const { return m_job.busy(); }
    // Each returns false (and starts nothing) while a job is running.
    bool preview(const QString &name, const ReportParams &params, const PdfOptions &pdf, int maxPages,
                 int dpi);
    bool exportReport(std::shared_ptr<const Report> report, ReportFormat format, const PdfOptions &pdf,
                      const QString &path);
    // The signing key comes from `keys` (the pane reads the keychain asynchronously on its own thread and
    // hands over a memory store: keychain jobs want the thread that owns them).
    bool createEvidence(const EvidenceParams &params, std::shared_ptr<SecretStore> keys);
    bool verifyBundle(const QString &zipPath, const QByteArray &publicKeyPem);
    bool verifyJournal();
    void cancel() { m_cancel->store(true); }

signals:
    void progress(const QString &step);
    void finished(const orgward::ReportJobResult &result);

private:
    using Work = std::function<void(Database &, ReportJobResult &, const ReportProgress &)>;
    bool start(ReportJobResult::Kind kind, Work work);
    SqlWriteJob m_job;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace orgward

Q_DECLARE_METATYPE(orgward::ReportJobResult)
