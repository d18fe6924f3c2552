// orgward journal verify|show|head: the tamper-evident journal from the command line.
#include "command.h"
#include "compliance/journal.h"
#include "core/clock.h"
#include "core/instant.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace orgward::cli {

namespace {

QJsonObject entryJson(const JournalEntry &e)
{
    return QJsonObject{{QStringLiteral("seq"), e.seq},
                       {QStringLiteral("at"), e.at},
                       {QStringLiteral("actor"), e.actor},
                       {QStringLiteral("kind"), e.kind},
                       {QStringLiteral("org_key"), e.orgKey},
                       {QStringLiteral("payload"), QJsonDocument::fromJson(e.payload).object()},
                       {QStringLiteral("prev_hash"), e.prevHash},
                       {QStringLiteral("entry_hash"), e.entryHash}};
}

int journalVerify(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Recompute the journal's hash chain. Exits 0 when every entry holds, 7 naming the first broken entry "
        "(gap, fork or altered entry)."));
    addDatabaseOption(p);
    const QCommandLineOption head(
        QStringLiteral("expect-head"),
        QStringLiteral(
            "The head hash a report or bundle recorded: also fails when the chain ends elsewhere."),
        QStringLiteral("hash"));
    p.addOption(head);
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    auto db = openDatabase(p, OpenOptions{false, true, false});
    if (!db) return fail(ctx, db.errorMessage());
    auto v = Journal(**db).verify(p.value(head));
    if (!v) return fail(ctx, v.errorMessage());
    if (!v->ok()) {
        ctx.err << "orgward: journal verification FAILED at seq " << v->brokenSeq << ": " << v->detail
                << "\n";
        return ExitVerifyFailed;
    }
    ctx.out << "Journal verified: " << v->entries << " entries, head seq " << v->head.seq << " "
            << v->head.entryHash << "\n";
    return ExitOk;
}

int journalShow(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("List journal entries, oldest first."));
    addDatabaseOption(p);
    const QCommandLineOption since(
        QStringLiteral("since"),
        QStringLiteral("Only entries at or after T (2026-09-30, ISO date-time, -30d)."), QStringLiteral("T"));
    const QCommandLineOption kind(
        QStringLiteral("kind"),
        QStringLiteral("Only entries of this kind: %1.").arg(journalKindNames().join(QStringLiteral(", "))),
        QStringLiteral("kind"));
    const QCommandLineOption org(QStringLiteral("org"), QStringLiteral("Only this organization."),
                                 QStringLiteral("key"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default) or json."),
                                    QStringLiteral("format"), QStringLiteral("text"));
    p.addOptions({since, kind, org, format});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    JournalFilter f;
    f.orgKey = p.value(org);
    if (p.isSet(since)) {
        auto t = parseInstant(p.value(since), Clock::nowSecs());
        if (!t) return fail(ctx, QStringLiteral("--since: ") + t.errorMessage(), ExitUsage);
        f.sinceSecs = *t;
    }
    if (p.isSet(kind)) {
        f.kind = parseJournalKind(p.value(kind));
        if (!f.kind)
            return fail(ctx,
                        QStringLiteral("--kind: '%1' is not a journal kind; use one of: %2")
                            .arg(p.value(kind), journalKindNames().join(QStringLiteral(", "))),
                        ExitUsage);
    }
    const bool json = p.value(format) == u"json";
    if (!json && p.value(format) != u"text")
        return fail(ctx, QStringLiteral("--format: use text or json"), ExitUsage);
    auto db = openDatabase(p, OpenOptions{false, true, false});
    if (!db) return fail(ctx, db.errorMessage());
    auto list = Journal(**db).entries(f);
    if (!list) return fail(ctx, list.errorMessage());
    if (json) {
        QJsonArray a;
        for (const JournalEntry &e : *list)
            a.append(entryJson(e));
        ctx.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const JournalEntry &e : *list)
        ctx.out << e.seq << "  " << e.at << "  " << e.kind << "  "
                << (e.orgKey.isEmpty() ? QStringLiteral("-") : e.orgKey) << "  " << e.actor << "  "
                << QString::fromUtf8(e.payload) << "\n";
    if (list->isEmpty()) ctx.out << "No journal entries match.\n";
    return ExitOk;
}

} // namespace

int cmdJournal(Context &ctx)
{
    const QString sub = ctx.args.value(1);
    const QList<QPair<QString, Handler>> subs{{QStringLiteral("verify"), journalVerify},
                                              {QStringLiteral("show"), journalShow}};
    for (const auto &[n, fn] : subs)
        if (sub == n) {
            Context c = subContext(ctx, sub);
            return fn(c);
        }
    const QString usage = QStringLiteral("usage: orgward journal verify [--db URL] [--expect-head HASH]\n"
                                         "       orgward journal show [--db URL] [--since T] [--kind K] "
                                         "[--org KEY] [--format text|json]\n");
    if (sub == u"--help" || sub == u"-h") {
        ctx.out << usage;
        return ExitOk;
    }
    ctx.err << "orgward journal: unknown subcommand '" << sub << "'\n" << usage;
    return ExitUsage;
}

} // namespace orgward::cli
