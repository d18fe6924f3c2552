#pragma once
// The report catalogue (issue #14) and the one entry point that builds any report: it resolves the period
// and as-of instant, fills ReportMeta (org, freshness, journal head, database, version), runs the named
// builder and finally applies the redaction asked for. Builders live in reports_<name>.cpp.
#include "compliance/report.h"

namespace orgward {

class ReportSource;

struct ReportInfo
{
    QString name;        // access-review
    QString title;       // Access review
    QString description; // one sentence for `report list` and the Reports pane
    QStringList options; // report options it honours: "unused-days", "max-age-days"
};
const QList<ReportInfo> &reportCatalogue();
const ReportInfo *reportInfo(const QString &name);

// redactKey: the HMAC key of the pseudonyms (an evidence bundle passes one key for all its reports);
// empty: a fresh random key for this report alone. Never stored.
Result<Report> buildReport(Database &db, const QString &name, const ReportParams &params,
                           const ReportProgress &progress = {}, const QByteArray &redactKey = {});

// The builders: each fills summary, findings and tables of a report whose meta is already set.
namespace reports {
Status accessReview(ReportSource &src, Report &r, const ReportParams &p);
Status keyHygiene(ReportSource &src, Report &r, const ReportParams &p);
Status certificates(ReportSource &src, Report &r, const ReportParams &p);
Status serviceAccounts(ReportSource &src, Report &r, const ReportParams &p);
Status adminActivity(ReportSource &src, Report &r, const ReportParams &p);
Status residency(ReportSource &src, Report &r, const ReportParams &p);
Status dataGovernance(ReportSource &src, Report &r, const ReportParams &p);
Status soc2(ReportSource &src, Report &r, const ReportParams &p);
Status budgetStatus(ReportSource &src, Report &r, const ReportParams &p);
Status costsByCentre(ReportSource &src, Report &r, const ReportParams &p);
} // namespace reports

} // namespace orgward
