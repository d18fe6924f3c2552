// orgward report list | report NAME: compliance reports (issue #14) as PDF, CSV or JSON.
#include "command.h"
#include "compliance/reportexport.h"
#include "compliance/reportrender.h"
#include "compliance/reports.h"
#include "reportoptions.h"

namespace orgward::cli {

namespace {
int reportList(Context &ctx)
{
    for (const ReportInfo &i : reportCatalogue())
        ctx.out << i.name << "\t" << i.description << "\n";
    return ExitOk;
}

int reportRun(Context &ctx, const QString &name)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Build the %1 report. Without --out it is written to standard "
                                               "output (CSV or JSON) or to %1.pdf.")
                                    .arg(name));
    addDatabaseOption(p);
    PeriodOptions po;
    po.add(p);
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("pdf (default), csv or json."),
                                    QStringLiteral("format"), QStringLiteral("pdf"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Write to FILE."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption page(QStringLiteral("page-size"),
                                  QStringLiteral("PDF paper: a4 (default) or letter."),
                                  QStringLiteral("size"), QStringLiteral("a4"));
    p.addOptions({format, out, page});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    auto fmt = parseReportFormat(p.value(format));
    if (!fmt) return fail(ctx, fmt.errorMessage(), ExitUsage);
    const QString pageSize = p.value(page).toLower();
    if (pageSize != u"a4" && pageSize != u"letter")
        return fail(ctx, QStringLiteral("--page-size: \"%1\" is neither a4 nor letter").arg(p.value(page)),
                    ExitUsage);
    auto params = reportParams(p, po);
    if (!params) return fail(ctx, params.errorMessage(), ExitUsage);
    auto url = databaseUrl(p);
    if (!url) return fail(ctx, url.errorMessage());
    auto db = Database::open(*url, OpenOptions{false, true, false});
    if (!db) return fail(ctx, db.errorMessage());
    auto key = chooseOrg(**db, p.value(po.org));
    if (!key) return fail(ctx, key.errorMessage(), ExitUsage);
    params->orgKey = *key;
    params->databaseLabel = url->display();
    auto report = buildReport(**db, name, *params);
    if (!report)
        return fail(ctx, report.errorMessage(),
                    report.error().code == Error::Code::Usage ? ExitUsage : ExitFailed);
    QByteArray bytes;
    if (*fmt == ReportFormat::Pdf) {
        auto pdf = renderPdf(*report, PdfOptions{pageSize == u"letter" ? PageSize::Letter : PageSize::A4});
        if (!pdf) return fail(ctx, pdf.errorMessage());
        bytes = *pdf;
    } else {
        bytes = *fmt == ReportFormat::Csv ? renderCsv(*report) : renderJson(*report);
    }
    QString path = p.value(out);
    if (path.isEmpty() && *fmt == ReportFormat::Pdf) path = name + QStringLiteral(".pdf");
    if (path.isEmpty() || path == u"-") {
        ctx.out << QString::fromUtf8(bytes)
                << Qt::flush; // the terminal gets no journal entry: nothing was kept
        return ExitOk;
    }
    auto saved = exportReport(**db, *report, *fmt, bytes, path);
    if (!saved) return fail(ctx, saved.errorMessage());
    ctx.err << "Wrote " << saved->path << " (" << saved->bytes << " bytes, " << report->rowCount()
            << " rows, sha256 " << saved->sha256 << ")";
    if (saved->journalSeq)
        ctx.err << "; journal entry " << saved->journalSeq << "\n";
    else
        ctx.err << "; not journaled: " << saved->notJournaledWhy << "\n";
    return ExitOk;
}
} // namespace

int cmdReport(Context &ctx)
{
    const QStringList &a = ctx.args;
    if (a.size() < 2 || a[1] == u"--help" || a[1] == u"-h") {
        ctx.err << "Usage: orgward report list | orgward report NAME [options] (orgward report NAME --help)\n"
                << "Reports:";
        for (const ReportInfo &i : reportCatalogue())
            ctx.err << " " << i.name;
        ctx.err << "\n";
        return a.size() < 2 ? ExitUsage : ExitOk;
    }
    if (a[1] == u"list") return reportList(ctx);
    if (!reportInfo(a[1])) {
        QStringList names;
        for (const ReportInfo &i : reportCatalogue())
            names << i.name;
        return fail(
            ctx,
            QStringLiteral("There is no report named \"%1\"; the reports are: %2 (orgward report list)")
                .arg(a[1], names.join(QStringLiteral(", "))),
            ExitUsage);
    }
    Context sub = subContext(ctx, a[1]);
    return reportRun(sub, a[1]);
}

} // namespace orgward::cli
