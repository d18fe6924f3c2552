// The Reports pane (issue #14) on the fixture org: preview pages of every report, exports that land with
// their journal entry, an evidence bundle created and verified (and a tampered one refused), the journal's
// head and Verify, Cancel of a running job, and the pane for a read-only (auditor) connection. Saves
// screenshots of the pane and PNGs of the preview pages in ${build}/screenshots.
#include "compliance/evidence.h"
#include "compliance/journal.h"
#include "compliance/reports.h"
#include "store/database.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"
#include "ui/mainwindow.h"
#include "ui/reportspane.h"

#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace orgward;

namespace {
constexpr int kJobTimeoutMs = 120000;
}

class TestReportsGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyReportPreviews();
    void exportLandsWithItsJournalEntry();
    void evidenceBundleCreatedAndVerified();
    void journalVerifies();
    void tableExportsAreJournaled();
    void cancelStopsAJob();
    void readOnlyConnectionCannotBundle();

private:
    bool runJob(const std::function<void()> &start, QString *message = nullptr);
    void shoot(const QString &name);
    QTemporaryDir m_dir;
    QString m_shots;
    QString m_org;
    MainWindow *m_window = nullptr;
    ReportsPane *m_pane = nullptr;
};

void TestReportsGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("orgward-test"));
    auto db = test::openSqlite(m_dir);
    auto imported = FixtureImporter(*db).run(test::fixturesDir());
    QVERIFY2(imported, qPrintable(imported.errorMessage()));
    m_org = imported->orgKey;
    m_shots = QStringLiteral(ORGWARD_BINARY_DIR) + QStringLiteral("/screenshots");
    QDir().mkpath(m_shots);
    m_window = new MainWindow(std::move(db), m_org);
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->showPane(MainWindow::Reports);
    m_pane = static_cast<ReportsPane *>(m_window->pane(MainWindow::Reports));
    QVERIFY(m_pane->isVisible());
    QTRY_VERIFY(!m_pane->isBusy());
}

void TestReportsGui::cleanupTestCase()
{
    delete m_window;
}

bool TestReportsGui::runJob(const std::function<void()> &start, QString *message)
{
    QSignalSpy done(m_pane, &ReportsPane::jobFinished);
    start();
    if (!done.wait(kJobTimeoutMs) && done.isEmpty()) return false;
    if (message) *message = done.first().at(0).toString();
    return done.first().at(1).toBool();
}

void TestReportsGui::shoot(const QString &name)
{
    QApplication::processEvents();
    const QString path = m_shots + u'/' + name + QStringLiteral(".png");
    QVERIFY2(m_window->grab().save(path), qPrintable(path));
}

void TestReportsGui::everyReportPreviews()
{
    for (const ReportInfo &info : reportCatalogue()) {
        m_pane->selectReport(info.name);
        QString msg;
        QVERIFY2(runJob([this] { m_pane->runPreview(); }, &msg), qPrintable(info.name + u": " + msg));
        QVERIFY(m_pane->report());
        QCOMPARE(m_pane->report()->meta.name, info.name);
        QVERIFY(m_pane->report()->meta.asOf >= m_window->orgNow()); // "Latest": the state last observed
        QVERIFY(m_pane->previewPages() > 0);
        // Each previewed page is shown whole (the area scrolls), not squeezed into the view.
        const QList<QLabel *> pages =
            m_pane->findChild<QWidget *>(QStringLiteral("reportPreview"))->findChildren<QLabel *>();
        QVERIFY(!pages.isEmpty());
        for (QLabel *page : pages)
            QVERIFY2(page->height() >= page->pixmap().height(), qPrintable(QString::number(page->height())));
        QVERIFY(m_pane->findChild<QPushButton *>(QStringLiteral("exportPdf"))->isEnabled());
        shoot(QStringLiteral("reports-") + info.name);
    }
}

void TestReportsGui::exportLandsWithItsJournalEntry()
{
    m_pane->selectReport(QStringLiteral("key-hygiene"));
    QVERIFY(runJob([this] { m_pane->runPreview(); }));
    auto before = Journal(m_window->database()).head();
    QVERIFY(before);
    const QString csv = m_dir.filePath(QStringLiteral("keys.csv"));
    QString msg;
    QVERIFY2(runJob([&] { m_pane->exportTo(ReportFormat::Csv, csv); }, &msg), qPrintable(msg));
    QVERIFY(QFile::exists(csv));
    auto after = Journal(m_window->database()).head();
    QVERIFY(after);
    QCOMPARE(after->seq, before->seq + 1);
    QVERIFY2(msg.contains(QStringLiteral("journal entry %1").arg(after->seq)), qPrintable(msg));
    // The strip shows the new head once re-read.
    QTRY_VERIFY(
        m_pane->findChild<QLabel *>(QStringLiteral("journalHead"))->text().contains(after->entryHash));
}

void TestReportsGui::evidenceBundleCreatedAndVerified()
{
    const QString zip = m_dir.filePath(QStringLiteral("bundle.zip"));
    QString msg;
    QVERIFY2(runJob([&] { m_pane->createEvidence(zip); }, &msg), qPrintable(msg));
    QVERIFY(QFile::exists(zip));
    QVERIFY2(runJob([&] { m_pane->verifyBundle(zip); }, &msg), qPrintable(msg));
    QVERIFY2(msg.contains(QStringLiteral("Bundle verified")), qPrintable(msg));
    shoot(QStringLiteral("reports-bundle-verified"));

    // One byte changed anywhere: the pane says it failed and names what.
    QFile f(zip);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
    QVERIFY(f.seek(0));
    QCOMPARE(f.write(bytes), bytes.size());
    f.close();
    QVERIFY(!runJob([&] { m_pane->verifyBundle(zip); }, &msg));
    QVERIFY2(msg.contains(QStringLiteral("FAILED")) || msg.contains(QStringLiteral("zip")), qPrintable(msg));
    shoot(QStringLiteral("reports-bundle-failed"));
}

void TestReportsGui::journalVerifies()
{
    QString msg;
    QVERIFY2(runJob([this] { m_pane->verifyJournal(); }, &msg), qPrintable(msg));
    QVERIFY2(msg.startsWith(QStringLiteral("Journal verified")), qPrintable(msg));
}

void TestReportsGui::tableExportsAreJournaled()
{
    // A table exported as CSV (the File menu's export, the Changes pane's own) is recorded with its hash.
    ConsolePane *members = m_window->pane(MainWindow::Members);
    m_window->showPane(MainWindow::Members);
    QTRY_VERIFY(!members->isBusy());
    auto before = Journal(m_window->database()).head();
    QVERIFY(before);
    const QString csv = m_dir.filePath(QStringLiteral("members.csv"));
    QSignalSpy finished(members, &ConsolePane::csvExportFinished);
    members->startCsvExport(csv);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kJobTimeoutMs);
    QVERIFY2(finished.first().at(1).toString().isEmpty(), qPrintable(finished.first().at(1).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(Journal(m_window->database()).head()->seq == before->seq + 1, kJobTimeoutMs);
    JournalFilter f;
    f.kind = JournalKind::Export;
    f.newestFirst = true;
    f.limit = 1;
    auto entries = Journal(m_window->database()).entries(f);
    QVERIFY(entries && entries->size() == 1);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject payload = QJsonDocument::fromJson(entries->first().payload).object();
    QCOMPARE(
        payload.value(QStringLiteral("sha256")).toString(),
        QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()));
    QCOMPARE(payload.value(QStringLiteral("rows")).toInteger(), finished.first().at(2).toLongLong());
    QCOMPARE(entries->first().orgKey, m_org);
    m_window->showPane(MainWindow::Reports);
}

void TestReportsGui::cancelStopsAJob()
{
    // Cancel while the signing key is read, and again once the bundle is being built: each stops at its
    // next step and leaves neither a file nor a journal entry.
    for (const bool whileBuilding : {false, true}) {
        const QString zip = m_dir.filePath(QStringLiteral("cancelled-%1.zip").arg(whileBuilding));
        auto before = Journal(m_window->database()).head();
        QVERIFY(before);
        QSignalSpy done(m_pane, &ReportsPane::jobFinished);
        m_pane->createEvidence(zip);
        QVERIFY(m_pane->findChild<QPushButton *>(QStringLiteral("cancelReport"))->isVisible());
        if (whileBuilding) {
            auto *step = m_pane->findChild<QLabel *>(QStringLiteral("reportStep"));
            QTRY_VERIFY_WITH_TIMEOUT(
                !step->text().contains(QStringLiteral("keychain")) && !step->text().isEmpty(), kJobTimeoutMs);
        }
        m_pane->cancel();
        QVERIFY(done.wait(kJobTimeoutMs) || !done.isEmpty());
        QCOMPARE(done.first().at(0).toString(), QStringLiteral("Cancelled."));
        QVERIFY(!QFile::exists(zip));
        auto after = Journal(m_window->database()).head();
        QVERIFY(after);
        QCOMPARE(after->seq, before->seq);
        QTRY_VERIFY(!m_pane->isBusy());
    }
}

void TestReportsGui::readOnlyConnectionCannotBundle()
{
    // An auditor's read-only copy: reports run, a bundle (a journal entry) cannot be made.
    const QString path = m_window->database().url().path;
    auto ro = Database::open(DatabaseUrl::sqlite(path), OpenOptions{true, false, false});
    QVERIFY2(ro, qPrintable(ro.errorMessage()));
    MainWindow w(std::move(*ro), m_org);
    w.resize(1440, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showPane(MainWindow::Reports);
    auto *pane = static_cast<ReportsPane *>(w.pane(MainWindow::Reports));
    QTRY_VERIFY(!pane->isBusy());
    auto *bundle = pane->findChild<QPushButton *>(QStringLiteral("createBundle"));
    QVERIFY(!bundle->isEnabled());
    QVERIFY(bundle->toolTip().contains(QStringLiteral("read-only")));
    QVERIFY(pane->findChild<QPushButton *>(QStringLiteral("runReport"))->isEnabled());
}

QTEST_MAIN(TestReportsGui)
#include "test_reports_gui.moc"
