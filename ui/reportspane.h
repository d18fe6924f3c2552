#pragma once
// The Reports pane (issue #14): the report catalogue, its parameters, a preview of the rendered pages,
// Export PDF / CSV / JSON, evidence bundles (create, verify) and the journal's head with a Verify action.
// All work runs on ReportJob's thread with progress and Cancel; file choosers are non-modal.
#include "compliance/journal.h"
#include "compliance/report.h"
#include "consolepane.h"
#include "models/asyncread.h"
#include "models/reportjob.h"

#include <memory>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace orgward {

class Database;

class ReportsPane : public ConsolePane
{
    Q_OBJECT
public:
    explicit ReportsPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Reports"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override;
    void applyRole(ConsoleRole role) override;
    bool isBusy() const override;

    // The parameters as the form shows them (tests and the benchmark drive the pane through these).
    QString currentReport() const;
    void selectReport(const QString &name);
    ReportParams params() const;
    void runPreview();
    void exportTo(ReportFormat format, const QString &path);
    void createEvidence(const QString &path);
    void verifyBundle(const QString &path, const QString &publicKeyPath = {});
    void verifyJournal();
    void cancel();

    const Report *report() const { return m_report.get(); }
    int previewPages() const;
    QString statusText() const;

signals:
    // Tests wait on this: one job (preview, export, bundle, verification) ended; message is what the pane
    // shows.
    void jobFinished(const QString &message, bool ok);

private:
    QWidget *buildParameters();
    QWidget *buildPreview();
    QWidget *buildJournalStrip();
    void chooseFile(const QString &caption, const QString &fileName, const QString &filter, bool save,
                    std::function<void(const QString &)> then);
    void onProgress(const QString &step);
    void onFinished(const ReportJobResult &r);
    void showPreview(const ReportJobResult &r);
    void setBusy(bool busy, const QString &what = {});
    void updateActions();
    void readHead();
    void finish(const QString &message, bool ok);
    PdfOptions pdfOptions() const;
    // The evidence signing key (PKCS#8 PEM) from the keychain, read asynchronously; created and stored
    // first when `create` and there is none. Error::Code::NotFound when there is none and !create.
    void withSigningKey(bool create, std::function<void(const Result<QByteArray> &)> then);

    Database &m_db;
    ReportJob *m_job;
    AsyncRead<JournalHead> m_headRead;
    QString m_org;
    qint64 m_now = 0;
    bool m_allowed = true;
    bool m_keyPending = false;      // a keychain read or write for a bundle is under way
    bool m_cancelRequested = false; // Cancel while m_keyPending
    std::shared_ptr<const Report> m_report;
    QString m_reportKey; // what the preview was made for: exports need the same parameters

    QListWidget *m_catalogue;
    QLabel *m_description;
    QDateEdit *m_from, *m_to;
    QDateTimeEdit *m_asOf;
    QCheckBox *m_asOfNow;
    QSpinBox *m_unused, *m_maxAge;
    QComboBox *m_redact, *m_pageSize;
    QPushButton *m_run, *m_pdf, *m_csv, *m_json, *m_bundle, *m_verify, *m_cancel, *m_verifyJournal;
    QProgressBar *m_progress;
    QLabel *m_step, *m_status, *m_previewInfo, *m_head;
    QVBoxLayout *m_pages;
};

} // namespace orgward
