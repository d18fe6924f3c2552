#include "reportspane.h"

#include "compliance/redaction.h"
#include "compliance/reports.h"
#include "compliance/signing.h"
#include "core/sanitizer.h"
#include "security/memorystore.h"
#include "security/secretstore.h"
#include "store/database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimeZone>

namespace orgward {

namespace {
constexpr int kPreviewPages = 12; // more pages: export the PDF
constexpr int kPreviewDpi = 100;  // 7.5 pt body text at about 10 px: readable on screen
constexpr int kDefaultPeriodDays = 90;
constexpr int kMaxThresholdDays = 3650;

QDateTime utcMidnight(const QDate &d)
{
    return QDateTime(d, QTime(0, 0), QTimeZone::utc());
}
} // namespace

ReportsPane::ReportsPane(Database &db, QWidget *parent)
    : ConsolePane(parent), m_db(db), m_job(new ReportJob(db, this)),
      m_headRead(db, this, [this](const Result<JournalHead> &h) {
          m_head->setText(h ? tr("Journal head: entry %1, %2").arg(h->seq).arg(h->entryHash)
                            : tr("Could not read the journal: %1").arg(Sanitizer::mask(h.errorMessage())));
      })
{
    auto *split = new QSplitter(this);
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_catalogue = new QListWidget(left);
    m_catalogue->setObjectName(QStringLiteral("reportCatalogue"));
    m_catalogue->setAccessibleName(tr("Reports"));
    for (const ReportInfo &i : reportCatalogue()) {
        auto *item = new QListWidgetItem(i.title, m_catalogue);
        item->setData(Qt::UserRole, i.name);
        item->setToolTip(i.description);
    }
    m_description = new QLabel(left);
    m_description->setWordWrap(true);
    // Tall enough for the whole catalogue, no taller: the parameters matter more.
    m_catalogue->setMaximumHeight(m_catalogue->sizeHintForRow(0) * (m_catalogue->count() + 1));
    leftLayout->addWidget(m_catalogue);
    leftLayout->addWidget(m_description);
    leftLayout->addWidget(buildParameters());
    leftLayout->addStretch(1);

    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(buildPreview(), 1);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({330, 900});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buildJournalStrip());

    connect(m_catalogue, &QListWidget::currentRowChanged, this, [this] {
        const ReportInfo *i = reportInfo(currentReport());
        m_description->setText(i ? i->description : QString());
        updateActions();
    });
    connect(m_job, &ReportJob::progress, this, &ReportsPane::onProgress);
    connect(m_job, &ReportJob::finished, this, &ReportsPane::onFinished);
    m_catalogue->setCurrentRow(0);
    setBusy(false);
}

QWidget *ReportsPane::buildParameters()
{
    auto *box = new QGroupBox(tr("Parameters"));
    auto *form = new QFormLayout(box);
    m_from = new QDateEdit(box);
    m_to = new QDateEdit(box);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        e->setTimeSpec(Qt::UTC);
    }
    m_from->setObjectName(QStringLiteral("periodFrom"));
    m_to->setObjectName(QStringLiteral("periodTo"));
    m_to->setToolTip(tr("The last day of the period, included"));
    form->addRow(tr("From"), m_from);
    form->addRow(tr("To"), m_to);
    auto *asOfRow = new QHBoxLayout;
    m_asOfNow = new QCheckBox(tr("Latest"), box);
    m_asOfNow->setChecked(true);
    m_asOfNow->setToolTip(tr("The organization as last synced or imported"));
    m_asOf = new QDateTimeEdit(box);
    m_asOf->setTimeSpec(Qt::UTC);
    m_asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    m_asOf->setCalendarPopup(true);
    m_asOf->setEnabled(false);
    connect(m_asOfNow, &QCheckBox::toggled, m_asOf, &QWidget::setDisabled);
    asOfRow->addWidget(m_asOfNow);
    asOfRow->addWidget(m_asOf, 1);
    form->addRow(tr("As of"), asOfRow);
    m_unused = new QSpinBox(box);
    m_maxAge = new QSpinBox(box);
    for (QSpinBox *s : {m_unused, m_maxAge}) {
        s->setRange(1, kMaxThresholdDays);
        s->setValue(kDefaultPeriodDays);
        s->setSuffix(tr(" days"));
    }
    form->addRow(tr("Unused after"), m_unused);
    form->addRow(tr("Rotate keys after"), m_maxAge);
    m_redact = new QComboBox(box);
    m_redact->setObjectName(QStringLiteral("redaction"));
    m_redact->addItem(tr("None"), int(RedactMode::None));
    m_redact->addItem(tr("Pseudonymise emails"), int(RedactMode::Emails));
    m_redact->addItem(tr("Pseudonymise emails, names and IP addresses"), int(RedactMode::All));
    form->addRow(tr("Redaction"), m_redact);
    m_pageSize = new QComboBox(box);
    m_pageSize->addItem(tr("A4"), int(PageSize::A4));
    m_pageSize->addItem(tr("US Letter"), int(PageSize::Letter));
    form->addRow(tr("Paper"), m_pageSize);
    return box;
}

QWidget *ReportsPane::buildPreview()
{
    auto *w = new QWidget;
    auto *v = new QVBoxLayout(w);
    v->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    auto button = [&](const QString &text, const char *name) {
        auto *b = new QPushButton(text, w);
        b->setObjectName(QString::fromLatin1(name));
        buttons->addWidget(b);
        return b;
    };
    m_run = button(tr("&Run"), "runReport");
    m_pdf = button(tr("Export &PDF…"), "exportPdf");
    m_csv = button(tr("Export &CSV…"), "exportCsv");
    m_json = button(tr("Export &JSON…"), "exportJson");
    buttons->addStretch(1);
    m_bundle = button(tr("Create evidence &bundle…"), "createBundle");
    m_verify = button(tr("&Verify bundle…"), "verifyBundle");
    v->addLayout(buttons);
    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(w);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_step = new QLabel(w);
    m_step->setObjectName(QStringLiteral("reportStep"));
    m_cancel = new QPushButton(tr("Cancel"), w);
    m_cancel->setObjectName(QStringLiteral("cancelReport"));
    progressRow->addWidget(m_progress);
    progressRow->addWidget(m_step, 1);
    progressRow->addWidget(m_cancel);
    v->addLayout(progressRow);
    m_status = new QLabel(w);
    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_status);
    m_previewInfo = new QLabel(tr("Choose a report and Run to preview its pages."), w);
    v->addWidget(m_previewInfo);
    auto *scroll = new QScrollArea(w);
    scroll->setObjectName(QStringLiteral("reportPreview"));
    scroll->setWidgetResizable(true);
    scroll->setBackgroundRole(QPalette::Dark);
    auto *pages = new QWidget(scroll);
    m_pages = new QVBoxLayout(pages);
    m_pages->setSizeConstraint(QLayout::SetMinimumSize); // pages keep their size; the area scrolls
    scroll->setWidget(pages);
    v->addWidget(scroll, 1);

    connect(m_run, &QPushButton::clicked, this, &ReportsPane::runPreview);
    const std::pair<QPushButton *, ReportFormat> exports[] = {
        {m_pdf, ReportFormat::Pdf}, {m_csv, ReportFormat::Csv}, {m_json, ReportFormat::Json}};
    for (const auto &[b, format] : exports)
        connect(b, &QPushButton::clicked, this, [this, format = format] {
            const QString suffix = reportFormatName(format);
            chooseFile(tr("Export report"), currentReport() + u'.' + suffix,
                       tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix), true,
                       [this, format](const QString &path) { exportTo(format, path); });
        });
    connect(m_bundle, &QPushButton::clicked, this, [this] {
        chooseFile(tr("Create evidence bundle"), QStringLiteral("evidence-%1.zip").arg(m_org),
                   tr("Zip files (*.zip)"), true, [this](const QString &path) { createEvidence(path); });
    });
    connect(m_verify, &QPushButton::clicked, this, [this] {
        chooseFile(tr("Verify evidence bundle"), QString(), tr("Zip files (*.zip)"), false,
                   [this](const QString &path) { verifyBundle(path); });
    });
    connect(m_cancel, &QPushButton::clicked, this, &ReportsPane::cancel);
    return w;
}

QWidget *ReportsPane::buildJournalStrip()
{
    auto *box = new QGroupBox(tr("Tamper-evident journal (read-only)"));
    auto *h = new QHBoxLayout(box);
    m_head = new QLabel(box);
    m_head->setObjectName(QStringLiteral("journalHead"));
    m_head->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verifyJournal = new QPushButton(tr("Verify &journal"), box);
    m_verifyJournal->setObjectName(QStringLiteral("verifyJournal"));
    m_verifyJournal->setToolTip(tr("Recompute every entry's hash and the chain between them"));
    h->addWidget(m_head, 1);
    h->addWidget(m_verifyJournal);
    connect(m_verifyJournal, &QPushButton::clicked, this, &ReportsPane::verifyJournal);
    return box;
}

void ReportsPane::chooseFile(const QString &caption, const QString &fileName, const QString &filter,
                             bool save, std::function<void(const QString &)> then)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // Non-modal: the console never waits in a nested event loop.
    auto *dialog = new QFileDialog(this, caption, fileName.isEmpty() ? dir : dir + u'/' + fileName, filter);
    dialog->setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
    if (!save) dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, std::move(then));
    dialog->open();
}

void ReportsPane::setOrg(const QString &orgKey, qint64 now)
{
    const bool changed = orgKey != m_org;
    m_org = orgKey;
    m_now = now;
    const QDate today = QDateTime::fromSecsSinceEpoch(now, Qt::UTC).date();
    if (changed) {
        m_to->setDate(today);
        m_from->setDate(today.addDays(-kDefaultPeriodDays));
        m_asOf->setDateTime(QDateTime::fromSecsSinceEpoch(now, Qt::UTC));
        m_report.reset();
        m_reportKey.clear();
        showPreview({});
    }
    readHead();
    updateActions();
}

void ReportsPane::refresh()
{
    readHead();
}

void ReportsPane::readHead()
{
    m_headRead.run([](Database &db) { return Journal(db).head(); });
}

void ReportsPane::applyRole(ConsoleRole role)
{
    m_allowed = roleAllows(role, Capability::Export);
    updateActions();
}

bool ReportsPane::isBusy() const
{
    return m_job->busy() || m_keyPending || m_headRead.busy();
}

QString ReportsPane::currentReport() const
{
    const QListWidgetItem *i = m_catalogue->currentItem();
    return i ? i->data(Qt::UserRole).toString() : QString();
}

void ReportsPane::selectReport(const QString &name)
{
    for (int i = 0; i < m_catalogue->count(); ++i)
        if (m_catalogue->item(i)->data(Qt::UserRole).toString() == name) m_catalogue->setCurrentRow(i);
}

ReportParams ReportsPane::params() const
{
    ReportParams p;
    p.orgKey = m_org;
    p.asOf = m_asOfNow->isChecked() ? 0 : m_asOf->dateTime().toSecsSinceEpoch(); // 0: now, the latest state
    p.from = utcMidnight(m_from->date()).toSecsSinceEpoch();
    p.to = utcMidnight(m_to->date().addDays(1)).toSecsSinceEpoch(); // the "To" day is included
    p.unusedDays = m_unused->value();
    p.maxAgeDays = m_maxAge->value();
    p.redact = RedactMode(m_redact->currentData().toInt());
    p.databaseLabel = m_db.describe();
    return p;
}

PdfOptions ReportsPane::pdfOptions() const
{
    return PdfOptions{PageSize(m_pageSize->currentData().toInt())};
}

void ReportsPane::runPreview()
{
    if (m_org.isEmpty() || !m_allowed) return;
    const ReportParams p = params();
    if (p.from >= p.to) return finish(tr("The period must start before it ends."), false);
    if (m_job->preview(currentReport(), p, pdfOptions(), kPreviewPages, kPreviewDpi)) {
        m_reportKey = currentReport();
        setBusy(true, tr("Building %1…").arg(currentReport()));
    }
}

void ReportsPane::exportTo(ReportFormat format, const QString &path)
{
    if (!m_report) return finish(tr("Run the report first: the export is what the preview shows."), false);
    if (m_job->exportReport(m_report, format, pdfOptions(), path)) setBusy(true, tr("Exporting…"));
}

void ReportsPane::createEvidence(const QString &path)
{
    if (m_job->busy() || m_keyPending) return;
    EvidenceParams e;
    e.report = params();
    e.pageSize = pdfOptions().pageSize;
    e.outPath = path;
    withSigningKey(true, [this, e](const Result<QByteArray> &pem) {
        if (!pem) return finish(pem.errorMessage(), false);
        auto keys = std::make_shared<MemoryStore>();
        QString text = QString::fromLatin1(*pem);
        if (auto s = keys->write(evidenceSigningKeySecretName(), text); !s)
            return finish(s.errorMessage(), false);
        wipeSecret(text);
        if (m_job->createEvidence(e, keys)) setBusy(true, tr("Creating the evidence bundle…"));
    });
}

void ReportsPane::withSigningKey(bool create, std::function<void(const Result<QByteArray> &)> then)
{
    auto store = SecretStores::open(SecretStoreRef::keychain());
    if (!store) return then(store.error());
    m_keyPending = true;
    m_cancelRequested = false;
    setBusy(true, tr("Reading the signing key from the keychain…"));
    const QString name = evidenceSigningKeySecretName();
    // Asynchronous on this thread: keychain jobs belong to the thread that starts them.
    (*store)->readAsync(name, this, [this, store = *store, name, create, then](Result<QString> stored) {
        auto done = [this, then](const Result<QByteArray> &r) {
            m_keyPending = false;
            setBusy(false);
            if (std::exchange(m_cancelRequested, false)) return finish(tr("Cancelled."), false);
            then(r);
        };
        if (stored) return done(stored->toLatin1());
        if (stored.error().code != Error::Code::NotFound || !create) return done(stored.error());
        // First bundle on this account: a new key pair, kept in the keychain only.
        auto key = Ed25519SigningKey::generate();
        if (!key) return done(key.error());
        auto pem = key->privatePem();
        if (!pem) return done(pem.error());
        const QByteArray bytes = *pem;
        store->writeAsync(name, QString::fromLatin1(bytes), this, [done, bytes](Status s) {
            done(s ? Result<QByteArray>(bytes) : Result<QByteArray>(s.error()));
        });
    });
}

void ReportsPane::verifyBundle(const QString &path, const QString &publicKeyPath)
{
    if (m_job->busy() || m_keyPending) return;
    if (!publicKeyPath.isEmpty()) {
        QFile f(publicKeyPath);
        if (!f.open(QIODevice::ReadOnly))
            return finish(tr("Cannot read the public key %1: %2").arg(publicKeyPath, f.errorString()), false);
        if (m_job->verifyBundle(path, f.readAll())) setBusy(true, tr("Verifying %1…").arg(path));
        return;
    }
    // Without a key file: this account's own signing key, read from the keychain.
    withSigningKey(false, [this, path](const Result<QByteArray> &pem) {
        if (!pem && pem.error().code == Error::Code::NotFound) {
            chooseFile(tr("This account has no signing key: choose the signer's public key"), QString(),
                       tr("Public keys (*.pem)"), false,
                       [this, path](const QString &key) { verifyBundle(path, key); });
            return;
        }
        if (!pem) return finish(pem.errorMessage(), false);
        auto key = Ed25519SigningKey::fromPem(*pem);
        if (!key) return finish(key.errorMessage(), false);
        if (m_job->verifyBundle(path, key->publicKey().pem())) setBusy(true, tr("Verifying %1…").arg(path));
    });
}

void ReportsPane::verifyJournal()
{
    if (m_job->verifyJournal()) setBusy(true, tr("Verifying the journal…"));
}

void ReportsPane::cancel()
{
    if (m_keyPending) m_cancelRequested = true; // the job is not started once the key arrives
    m_job->cancel();
    m_step->setText(tr("Cancelling…"));
}

int ReportsPane::previewPages() const
{
    return m_pages->count();
}

QString ReportsPane::statusText() const
{
    return m_status->text();
}

void ReportsPane::onProgress(const QString &step)
{
    m_step->setText(step);
}

void ReportsPane::setBusy(bool busy, const QString &what)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_step->setText(what);
    updateActions();
}

void ReportsPane::updateActions()
{
    const bool idle = !m_job->busy() && !m_keyPending;
    const bool can = m_allowed && !m_org.isEmpty() && idle;
    const QString noRole = m_allowed ? QString() : tr("Your console role may not run reports");
    m_run->setEnabled(can && !currentReport().isEmpty());
    const bool shown = m_report && m_reportKey == currentReport();
    for (QPushButton *b : {m_pdf, m_csv, m_json}) {
        b->setEnabled(can && shown);
        b->setToolTip(!noRole.isEmpty() ? noRole
                      : shown           ? tr("Save what the preview shows")
                                        : tr("Run the report first"));
    }
    // A bundle is recorded in the journal: a read-only connection cannot.
    m_bundle->setEnabled(can && !m_db.isReadOnly());
    m_bundle->setToolTip(m_db.isReadOnly()
                             ? tr("This database is open read-only: a bundle is an entry in its "
                                  "journal, which cannot be written")
                         : !noRole.isEmpty() ? noRole
                                             : tr("Every report as PDF, CSV and JSON, signed"));
    m_verify->setEnabled(idle);
    m_verifyJournal->setEnabled(idle);
}

void ReportsPane::showPreview(const ReportJobResult &r)
{
    while (QLayoutItem *item = m_pages->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const QImage &page : r.pages) {
        auto *label = new QLabel;
        label->setPixmap(QPixmap::fromImage(page));
        label->setFixedSize(page.size()); // a page keeps its proportions; the area scrolls
        label->setFrameShape(QFrame::Box);
        m_pages->addWidget(label, 0, Qt::AlignHCenter);
    }
    if (!r.report) {
        m_previewInfo->setText(tr("Choose a report and Run to preview its pages."));
        return;
    }
    m_previewInfo->setText(r.pageCount > r.pages.size()
                               ? tr("Pages 1–%1 of %2 shown; export the PDF for all of them.")
                                     .arg(r.pages.size())
                                     .arg(r.pageCount)
                               : tr("%n page(s).", nullptr, r.pageCount));
}

void ReportsPane::finish(const QString &message, bool ok)
{
    m_status->setText(message);
    m_status->setStyleSheet(ok ? QString() : QStringLiteral("color: #a00;"));
    emit jobFinished(message, ok);
}

void ReportsPane::onFinished(const ReportJobResult &r)
{
    setBusy(false);
    if (r.cancelled) return finish(tr("Cancelled."), false);
    if (!r.error.isEmpty()) return finish(r.error, false);
    using K = ReportJobResult::Kind;
    switch (r.kind) {
    case K::Preview:
        m_report = r.report;
        showPreview(r);
        updateActions();
        return finish(tr("%1: %n row(s), %2 finding(s).", nullptr, int(m_report->rowCount()))
                          .arg(m_report->meta.title)
                          .arg(m_report->findings.size()),
                      true);
    case K::Export:
        readHead();
        return finish(r.exported.journalSeq
                          ? tr("Wrote %1 (SHA-256 %2), journal entry %3.")
                                .arg(r.exported.path, r.exported.sha256)
                                .arg(r.exported.journalSeq)
                          : tr("Wrote %1 (SHA-256 %2); not journaled: %3.")
                                .arg(r.exported.path, r.exported.sha256, r.exported.notJournaledWhy),
                      true);
    case K::Evidence:
        readHead();
        return finish(
            tr("Evidence bundle %1: %2 files, manifest SHA-256 %3, signed by %4 (journal entry %5).")
                .arg(r.evidence.path)
                .arg(r.evidence.files)
                .arg(QString::fromLatin1(r.evidence.manifestSha256), r.evidence.fingerprint)
                .arg(r.evidence.journalSeq),
            true);
    case K::VerifyBundle: {
        if (r.bundle.ok())
            return finish(tr("Bundle verified: signature by %1 and %2 file(s) hold.")
                              .arg(r.bundle.fingerprint)
                              .arg(r.bundle.filesChecked),
                          true);
        QStringList problems;
        for (const BundleProblem &p : r.bundle.problems)
            problems << (p.file.isEmpty() ? p.detail : QStringLiteral("%1: %2").arg(p.file, p.detail));
        return finish(tr("Bundle verification FAILED: %1").arg(problems.join(QStringLiteral("; "))), false);
    }
    case K::VerifyJournal:
        readHead();
        if (r.journal.ok())
            return finish(tr("Journal verified: %n entries, head %1.", nullptr, int(r.journal.entries))
                              .arg(r.journal.head.entryHash),
                          true);
        return finish(
            tr("Journal verification FAILED at entry %1: %2").arg(r.journal.brokenSeq).arg(r.journal.detail),
            false);
    }
}

} // namespace orgward
