// orgward sample: a deterministic sample of members, keys, service accounts or audit events for an
// auditor (issue #14, compliance/sampling.h). CSV: the rows on stdout, the method statement on stderr (the
// CSV stays one plain table a spreadsheet opens as is); JSON: {"method": {…}, "sample": […]} on stdout.
#include "command.h"
#include "compliance/sampling.h"
#include "core/clock.h"
#include "core/csvwriter.h"
#include "core/instant.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace orgward::cli {

namespace {

// Audit events without --from: the same default period as the reports (ReportParams::from).
constexpr qint64 kDefaultPeriodDays = 90;

QStringList header(const Sample &s)
{
    return QStringList{QStringLiteral("rank"), QStringLiteral("id"), QStringLiteral("hmac_sha256")} +
           s.columns;
}

void printCsv(Context &ctx, const Sample &s)
{
    ctx.out << csv::record(header(s));
    for (qsizetype i = 0; i < s.items.size(); ++i) {
        const SampleItem &item = s.items[i];
        ctx.out << csv::record(
            QStringList{QString::number(i + 1), item.id, QString::fromLatin1(item.hmac.toHex())} +
            item.values);
    }
    ctx.out << Qt::flush;
    ctx.err << describeSampleMethod(s) << "\n" << Qt::flush;
}

QJsonObject methodJson(const Sample &s)
{
    const SampleRequest &r = s.request;
    QJsonObject m{
        {QStringLiteral("statement"), describeSampleMethod(s)},
        {QStringLiteral("ranking"), QStringLiteral("HMAC-SHA-256(key = seed as UTF-8, message = id as "
                                                   "UTF-8), smallest first")},
        {QStringLiteral("population"), samplePopulationName(r.population)},
        {QStringLiteral("organization"), r.orgKey},
        {QStringLiteral("population_size"), s.populationSize},
        {QStringLiteral("population_sha256"), s.populationSha256},
        {QStringLiteral("population_sha256_input"),
         QStringLiteral("ids sorted by UTF-8 bytes, each followed by a line feed")},
        {QStringLiteral("seed"), r.seed},
        {QStringLiteral("size_requested"), r.size},
        {QStringLiteral("size"), qint64(s.items.size())},
        {QStringLiteral("whole_population"), s.wholePopulation()}};
    if (r.population == SamplePopulation::AuditEvents) {
        m.insert(QStringLiteral("from"), formatInstant(r.from));
        m.insert(QStringLiteral("to"), formatInstant(r.to));
    } else {
        m.insert(QStringLiteral("as_of"), formatInstant(r.asOf));
    }
    return m;
}

void printJson(Context &ctx, const Sample &s)
{
    QJsonArray rows;
    for (qsizetype i = 0; i < s.items.size(); ++i) {
        const SampleItem &item = s.items[i];
        QJsonObject o{{QStringLiteral("rank"), qint64(i + 1)},
                      {QStringLiteral("id"), item.id},
                      {QStringLiteral("hmac_sha256"), QString::fromLatin1(item.hmac.toHex())}};
        for (qsizetype c = 0; c < s.columns.size(); ++c)
            o.insert(s.columns[c], item.values.value(c));
        rows.append(o);
    }
    const QJsonObject doc{{QStringLiteral("method"), methodJson(s)}, {QStringLiteral("sample"), rows}};
    ctx.out << QJsonDocument(doc).toJson(QJsonDocument::Indented) << Qt::flush;
}

struct Options
{
    QCommandLineOption population{
        QStringLiteral("population"),
        QStringLiteral("What to sample: %1.").arg(samplePopulationNames().join(QStringLiteral(", "))),
        QStringLiteral("name")};
    QCommandLineOption size{QStringLiteral("size"), QStringLiteral("How many items to draw (1 or more)."),
                            QStringLiteral("N")};
    QCommandLineOption seed{
        QStringLiteral("seed"),
        QStringLiteral("Any text (e.g. the audit's reference): the same seed draws the same "
                       "sample from the same data."),
        QStringLiteral("S")};
    QCommandLineOption from{
        QStringLiteral("from"),
        QStringLiteral("audit-events: first instant (inclusive; default: 90 days before --to)."),
        QStringLiteral("D")};
    QCommandLineOption to{QStringLiteral("to"),
                          QStringLiteral("audit-events: end (exclusive; default: now)."),
                          QStringLiteral("D")};
    QCommandLineOption asOf{
        QStringLiteral("as-of"),
        QStringLiteral("members, keys, service-accounts: the instant their state is read at "
                       "(default: now). Pass it to make a sample repeatable later."),
        QStringLiteral("T")};
    QCommandLineOption format{QStringLiteral("format"),
                              QStringLiteral("csv (default: rows on stdout, the method on stderr) or json."),
                              QStringLiteral("format"), QStringLiteral("csv")};
    QCommandLineOption org{QStringLiteral("org"),
                           QStringLiteral("The organization (needed when the database has several)."),
                           QStringLiteral("key")};
};

// Everything but the organization, from the arguments alone: a usage error says which option is wrong.
Result<SampleRequest> requestFrom(const QCommandLineParser &p, const Options &o)
{
    auto usage = [](const QString &m) { return err(Error::Code::Usage, m); };
    SampleRequest r;
    if (!p.isSet(o.population))
        return usage(QStringLiteral("--population is required: one of %1")
                         .arg(samplePopulationNames().join(QStringLiteral(", "))));
    auto pop = parseSamplePopulation(p.value(o.population));
    if (!pop) return pop.error();
    r.population = *pop;
    if (!p.isSet(o.size)) return usage(QStringLiteral("--size is required: how many items to draw"));
    bool ok = false;
    r.size = p.value(o.size).toLongLong(&ok);
    if (!ok || r.size < 1)
        return usage(QStringLiteral("--size: '%1' is not a whole number of 1 or more").arg(p.value(o.size)));
    r.seed = p.value(o.seed);
    if (r.seed.isEmpty())
        return usage(QStringLiteral("--seed is required and must not be empty: any text, e.g. the audit's "
                                    "reference; the same seed draws the same sample"));
    const qint64 now = Clock::nowSecs();
    const bool events = r.population == SamplePopulation::AuditEvents;
    if (events && p.isSet(o.asOf))
        return usage(QStringLiteral("--as-of applies to members, keys and service-accounts; audit events are "
                                    "chosen by --from/--to"));
    if (!events && (p.isSet(o.from) || p.isSet(o.to)))
        return usage(
            QStringLiteral("--from/--to choose audit events; %1 are read as of one instant: use --as-of")
                .arg(samplePopulationName(r.population)));
    if (!events) {
        auto at = parseInstant(p.isSet(o.asOf) ? p.value(o.asOf) : QStringLiteral("now"), now);
        if (!at) return usage(QStringLiteral("--as-of: ") + at.errorMessage());
        r.asOf = *at;
        return r;
    }
    auto to = parseInstant(p.isSet(o.to) ? p.value(o.to) : QStringLiteral("now"), now);
    if (!to) return usage(QStringLiteral("--to: ") + to.errorMessage());
    r.to = *to;
    r.from = r.to - kDefaultPeriodDays * kSecondsPerDay;
    if (p.isSet(o.from)) {
        auto from = parseInstant(p.value(o.from), now);
        if (!from) return usage(QStringLiteral("--from: ") + from.errorMessage());
        r.from = *from;
    }
    if (r.from >= r.to)
        return usage(QStringLiteral("--from (%1) must be earlier than --to (%2)")
                         .arg(formatInstant(r.from), formatInstant(r.to)));
    return r;
}

} // namespace

int cmdSample(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "A deterministic sample for an auditor: every item of the population is ranked by HMAC-SHA-256 keyed "
        "with the seed over its id, and the N smallest are drawn. The same data, population, instant or "
        "period, size and seed give the same sample; the output states the method, the population's size and "
        "its SHA-256. Exit codes: 0 drawn, 1 failed, 2 usage."));
    addDatabaseOption(p);
    const Options o;
    p.addOptions({o.population, o.size, o.seed, o.from, o.to, o.asOf, o.format, o.org});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    if (!p.positionalArguments().isEmpty())
        return fail(ctx,
                    QStringLiteral("unexpected argument '%1' (options only; see --help)")
                        .arg(p.positionalArguments().first()),
                    ExitUsage);
    auto request = requestFrom(p, o);
    if (!request) return fail(ctx, request.errorMessage(), ExitUsage);
    const QString fmt = p.value(o.format);
    if (fmt != u"csv" && fmt != u"json")
        return fail(ctx, QStringLiteral("--format: '%1' is not a format; use csv or json").arg(fmt),
                    ExitUsage);
    auto db = openDatabase(p, OpenOptions{false, true, false});
    if (!db) return fail(ctx, db.errorMessage());
    auto key = chooseOrg(**db, p.value(o.org));
    if (!key) return fail(ctx, key.errorMessage(), ExitUsage);
    request->orgKey = *key;
    auto sample = drawSample(**db, *request);
    if (!sample) return fail(ctx, sample.errorMessage());
    if (fmt == u"json")
        printJson(ctx, *sample);
    else
        printCsv(ctx, *sample);
    return ExitOk;
}

} // namespace orgward::cli
