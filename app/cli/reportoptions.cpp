#include "reportoptions.h"

#include "compliance/redaction.h"
#include "core/clock.h"
#include "core/instant.h"

namespace orgward::cli {

namespace {
Result<int> positiveInt(const QString &value, const QString &option)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    if (!ok || n <= 0)
        return err(
            Error::Code::Usage,
            QStringLiteral("--%1: \"%2\" is not a whole number of days of at least 1").arg(option, value));
    return n;
}

} // namespace

Result<ReportParams> reportParams(const QCommandLineParser &p, const PeriodOptions &o)
{
    ReportParams r;
    const qint64 now = Clock::nowSecs();
    const std::pair<const QCommandLineOption *, qint64 *> instants[] = {
        {&o.asOf, &r.asOf}, {&o.from, &r.from}, {&o.to, &r.to}};
    for (const auto &[opt, target] : instants) {
        if (!p.isSet(*opt)) continue;
        auto t = parseInstant(p.value(*opt), now);
        if (!t)
            return err(Error::Code::Usage,
                       QStringLiteral("--%1: %2").arg(opt->names().first(), t.errorMessage()));
        *target = *t;
    }
    auto unused = positiveInt(p.value(o.unused), o.unused.names().first());
    if (!unused) return unused.error();
    auto maxAge = positiveInt(p.value(o.maxAge), o.maxAge.names().first());
    if (!maxAge) return maxAge.error();
    r.unusedDays = *unused;
    r.maxAgeDays = *maxAge;
    auto mode = parseRedactMode(p.value(o.redact));
    if (!mode) return err(Error::Code::Usage, QStringLiteral("--redact: ") + mode.errorMessage());
    r.redact = *mode;
    return r;
}

} // namespace orgward::cli
