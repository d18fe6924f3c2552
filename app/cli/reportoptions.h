#pragma once
// The options every report and the evidence bundle share (period, as-of, thresholds, redaction, org).
#include "compliance/report.h"

#include <QCommandLineParser>

namespace orgward::cli {

struct PeriodOptions
{
    QCommandLineOption asOf{QStringLiteral("as-of"),
                            QStringLiteral("The org as of T (default now): 2026-09-30, ISO date-time, -30d."),
                            QStringLiteral("T")};
    QCommandLineOption from{QStringLiteral("from"),
                            QStringLiteral("Period start (default 90 days before --to)."),
                            QStringLiteral("D")};
    QCommandLineOption to{QStringLiteral("to"),
                          QStringLiteral("Period end, exclusive (default the as-of instant)."),
                          QStringLiteral("D")};
    QCommandLineOption unused{
        QStringLiteral("unused-days"),
        QStringLiteral("A key or member unused this many days is flagged (default 90)."), QStringLiteral("N"),
        QStringLiteral("90")};
    QCommandLineOption maxAge{
        QStringLiteral("max-age-days"),
        QStringLiteral("Rotation policy: keys older than this are flagged (default 90)."),
        QStringLiteral("N"), QStringLiteral("90")};
    QCommandLineOption redact{
        QStringLiteral("redact"),
        QStringLiteral("none (default), emails or all: pseudonymise emails (and names and IP "
                       "addresses) with a per-report key."),
        QStringLiteral("mode"), QStringLiteral("none")};
    QCommandLineOption org{QStringLiteral("org"), QStringLiteral("The organization (default: the only one)."),
                           QStringLiteral("key")};
    void add(QCommandLineParser &p) const { p.addOptions({asOf, from, to, unused, maxAge, redact, org}); }
};

// The ReportParams the options ask for (org and database label left for the caller); Error::Code::Usage
// naming the option on bad input.
Result<ReportParams> reportParams(const QCommandLineParser &p, const PeriodOptions &o);

} // namespace orgward::cli
