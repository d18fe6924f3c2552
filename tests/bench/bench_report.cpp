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

// An access-review-shaped report of n members without a database: the renderer's share of the target.
Report syntheticAccessReview(int n)
{
    Report r;
    r.meta.name = QStringLiteral("access-review");
    r.meta.title = QStringLiteral("Access review (synthetic)");
    r.meta.orgKey = QStringLiteral("bench");
    r.meta.orgName = QStringLiteral("Benchmark org");
    r.meta.journalHead = QString(64, u'0');
    r.meta.version = QStringLiteral(ORGWARD_VERSION);
    ReportTable t{QStringLiteral("members"), QStringLiteral("Members"), {}, {}, {}};
    const char *cols[] = {"email",         "name",         "user_id",
                          "org_role",      "custom_roles", "groups",
                          "group_roles",   "projects",     "projects_via_groups",
                          "last_activity", "invited_by",   "added",
                          "reviewer",      "review_date",  "decision"};
    for (const char *c : cols)
        t.columns.append({QString::fromLatin1(c), QString::fromLatin1(c), CellKind::Text, 2});
    t.rows.reserve(n);
    for (int i = 0; i < n; ++i)
        t.rows.append(
            {QStringLiteral("member%1@example.com").arg(i), QStringLiteral("Member Number %1").arg(i),
             QStringLiteral("user-%1").arg(i, 24, 16, QLatin1Char('0')), QStringLiteral("reader"),
             i % 3 ? QString() : QStringLiteral("Finance Analyst"), QStringLiteral("Platform Engineering"),
             QString(), QStringLiteral("Default project (member), Data platform (member)"),
             QStringLiteral("Data platform (via Platform Engineering)"), QStringLiteral("2026-11-16"),
             QString(), QStringLiteral("2025-02-12"), QString(), QString(), QString()});
    r.tables.append(t);
    return r;
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
    p.addOption({QStringLiteral("synthetic"),
                 QStringLiteral("render a synthetic access review of N members "
                                "(no database): the PDF's share alone"),
                 QStringLiteral("N")});
    p.process(app);
    if (p.isSet(QStringLiteral("synthetic"))) {
        QElapsedTimer t;
        t.start();
        const Report report = syntheticAccessReview(p.value(QStringLiteral("synthetic")).toInt());
        const qint64 buildMs = t.restart();
        auto pdf = renderPdf(report);
        if (!pdf) return fail(pdf.errorMessage());
        const QJsonObject out{{QStringLiteral("report"), QStringLiteral("access-review (synthetic)")},
                              {QStringLiteral("rows"), report.rowCount()},
                              {QStringLiteral("build_ms"), buildMs},
                              {QStringLiteral("pdf_ms"), t.elapsed()},
                              {QStringLiteral("pdf_bytes"), qint64(pdf->size())},
                              {QStringLiteral("peak_rss_mib"), peakRssMiB()}};
        std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
        return 0;
    }
    auto url = DatabaseUrl::parse(p.value(QStringLiteral("db")));
    if (!url) return fail(url.errorMessage());
    auto db = Database::open(*url, OpenOptions{false, true, false});
    if (!db) return fail(db.errorMessage());
    QString org = p.value(QStringLiteral("org"));
    if (org.isEmpty()) {
        auto orgs = SyncState(**db).organizations();
        if (!orgs || orgs->size() != 1) return fail(QStringLiteral("choose the organization with --org"));
        org = orgs->first().key;
    }
    ReportParams params;
    params.orgKey = org;
    // As of now: the state the import observed (an imported org is known from its import on, not from its
    // capture time).
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
