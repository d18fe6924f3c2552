// Report benchmark (issue #14): build a report from a store and render it as PDF, printing JSON with the
// time of each stage and the process's peak memory. Target for the 100k-member org: access-review PDF in
// under 15 s and 500 MB. Usage (see tests.cmake for making the org):
//   QT_QPA_PLATFORM=offscreen orgward-bench-report --db sqlite:///tmp/big.db [--report access-review]
#include "compliance/reportrender.h"
#include "compliance/reports.h"
#include "core/memory.h"
#include "store/database.h"
#include "store/syncstate.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <sys/resource.h>

using namespace orgward;

namespace {
constexpr double kKiBPerMiB = 1024.0;

double peakRssMiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / kKiBPerMiB; // Linux: KiB
}

int fail(const QString &why)
{
    std::fprintf(stderr, "orgward-bench-report: %s\n", qPrintable(why));
    return 1;
}
} // namespace

int main(int argc, char **argv)
{
    returnLargeBlocksToSystem();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("db"), QStringLiteral("database URL"), QStringLiteral("url")});
    p.addOption({QStringLiteral("report"), QStringLiteral("report name (default access-review)"),
                 QStringLiteral("name"), QStringLiteral("access-review")});
    p.addOption({QStringLiteral("org"), QStringLiteral("organization key (default: the only one)"),
                 QStringLiteral("key")});
    p.process(app);
    auto url = DatabaseUrl::parse(p.value(QStringLiteral("db")));
    if (!url) return fail(url.errorMessage());
    auto db = Database::open(*url, OpenOptions{false, true, false});
    if (!db) return fail(db.errorMessage());
    QString org = p.value(QStringLiteral("org"));
    if (org.isEmpty()) {
        auto orgs = SyncState(**db).organizations();
        if (!orgs || orgs->size() != 1) return fail(QStringLiteral("choose the organization with --org"));
        org = orgs->first().key;
        if (orgs->first().snapshotAt == 0) return fail(QStringLiteral("the org has no snapshot time"));
    }
    qint64 asOf = 0;
    if (auto orgs = SyncState(**db).organizations())
        for (const OrgRecord &o : *orgs)
            if (o.key == org) asOf = o.snapshotAt;
    ReportParams params;
    params.orgKey = org;
    params.asOf = asOf;
    QElapsedTimer t;
    t.start();
    auto report = buildReport(**db, p.value(QStringLiteral("report")), params);
    if (!report) return fail(report.errorMessage());
    const qint64 buildMs = t.restart();
    const double rssAfterBuild = peakRssMiB();
    auto pdf = renderPdf(*report);
    if (!pdf) return fail(pdf.errorMessage());
    const qint64 pdfMs = t.elapsed();
    const QJsonObject out{{QStringLiteral("report"), report->meta.name},
                          {QStringLiteral("engine"),
                           url->isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
                          {QStringLiteral("rows"), report->rowCount()},
                          {QStringLiteral("build_ms"), buildMs},
                          {QStringLiteral("pdf_ms"), pdfMs},
                          {QStringLiteral("total_ms"), buildMs + pdfMs},
                          {QStringLiteral("pdf_bytes"), qint64(pdf->size())},
                          {QStringLiteral("peak_rss_after_build_mib"), rssAfterBuild},
                          {QStringLiteral("peak_rss_mib"), peakRssMiB()},
                          {QStringLiteral("target_total_ms"), 15000},
                          {QStringLiteral("target_peak_rss_mib"), 500}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}
