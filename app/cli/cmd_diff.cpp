// orgward diff: what changed in an organization's access between two instants (issue #13), from the row
// history (compliance/history.h); and the org picker it shares with `status --as-of`.
#include "command.h"
#include "compliance/history.h"
#include "compliance/review.h"
#include "core/clock.h"
#include "core/csvwriter.h"
#include "core/instant.h"
#include "store/syncstate.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace orgward::cli {

namespace {

QString valueText(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined()) return QStringLiteral("null");
    if (v.isString()) return v.toString();
    if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble()) return QString::number(qint64(v.toDouble()));
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

QString fieldsText(const EntityChange &c)
{
    QStringList parts;
    for (const auto &[f, o, n] : c.fields)
        parts << QStringLiteral("%1: %2 → %3").arg(f, valueText(o), valueText(n));
    return parts.join(QStringLiteral("; "));
}

QJsonObject changeJson(const EntityChange &c)
{
    QJsonObject fields;
    for (const auto &[f, o, n] : c.fields)
        fields.insert(f, QJsonArray{o, n});
    return {{QStringLiteral("entity"), c.entity.name},
            {QStringLiteral("id"), c.id},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("change"), changeText(c.change)},
            {QStringLiteral("fields"), fields},
            {QStringLiteral("observed_at"),
             c.observedAt > 0 ? QJsonValue(formatInstantOrEmpty(c.observedAt)) : QJsonValue()},
            {QStringLiteral("happened_at"),
             c.happenedAt > 0 ? QJsonValue(formatInstantOrEmpty(c.happenedAt)) : QJsonValue()},
            {QStringLiteral("happened_from"),
             c.happenedFrom.isEmpty() ? QJsonValue() : QJsonValue(c.happenedFrom)},
            {QStringLiteral("evidence"), QJsonArray::fromStringList(c.evidence)},
            {QStringLiteral("observed_by_run"),
             c.observedBy.isEmpty() ? QJsonValue() : QJsonValue(c.observedBy)}};
}

// --from last-review: when the newest review mark of org was made.
Result<qint64> lastReviewInstant(Database &db, const QString &org)
{
    auto mark = lastReview(db, org);
    if (!mark) return mark.error();
    if (!*mark)
        return err(
            Error::Code::NotFound,
            QStringLiteral("--from last-review: no review has been marked for organization %1 yet (mark "
                           "one with 'orgward diff --from T1 --to T2 --mark-reviewed' or the Changes "
                           "pane's Mark reviewed…)")
                .arg(org));
    return (*mark)->at;
}

} // namespace

Result<QString> chooseOrg(Database &db, const QString &asked)
{
    auto orgs = SyncState(db).organizations();
    if (!orgs) return orgs.error();
    QStringList keys;
    for (const OrgRecord &o : *orgs)
        keys << o.key;
    if (!asked.isEmpty()) {
        if (keys.contains(asked)) return asked;
        return err(Error::Code::Usage, QStringLiteral("--org: no organization '%1' in %2 (it has: %3)")
                                           .arg(asked, db.describe(), keys.join(QStringLiteral(", "))));
    }
    if (keys.size() == 1) return keys.first();
    if (keys.isEmpty())
        return err(Error::Code::Usage,
                   QStringLiteral("%1 holds no organization yet: run 'orgward import DIR' or 'orgward sync'")
                       .arg(db.describe()));
    return err(Error::Code::Usage,
               QStringLiteral("%1 holds several organizations (%2): choose one with --org KEY")
                   .arg(db.describe(), keys.join(QStringLiteral(", "))));
}

int cmdDiff(Context &ctx)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Every entity added, removed or changed between two instants, with field-level old → new values, the "
        "audit events that explain them and when Orgward observed them. A key's last use is not a change. "
        "Exit codes: 0 listed (changes or none), 1 failed (e.g. no record before the first sync), 2 usage."));
    addDatabaseOption(p);
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("First instant: 2026-09-30, ISO date-time, now, -30d, or "
                                                 "last-review (when the newest review mark was made)."),
                                  QStringLiteral("T1"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Second instant (default: now)."),
                                QStringLiteral("T2"), QStringLiteral("now"));
    const QCommandLineOption org(QStringLiteral("org"),
                                 QStringLiteral("The organization (needed when the database has several)."),
                                 QStringLiteral("key"));
    QStringList names;
    for (const HistoryEntity &e : historyEntities())
        names << e.name;
    const QCommandLineOption entity(
        QStringLiteral("entity"),
        QStringLiteral("Only these, comma-separated: %1.").arg(names.join(QStringLiteral(", "))),
        QStringLiteral("list"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default), json or csv."),
                                    QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption mark(
        QStringLiteral("mark-reviewed"),
        QStringLiteral("Then record in the journal that these changes were reviewed (an access review)."));
    p.addOptions({from, to, org, entity, format, mark});
    int code = 0;
    if (!parseArgs(p, ctx, &code)) return code;
    if (!p.isSet(from)) return fail(ctx, QStringLiteral("--from is required (e.g. --from -30d)"), ExitUsage);
    const qint64 now = Clock::nowSecs();
    // last-review needs the database: it is resolved once the organization is known.
    const bool sinceReview = p.value(from) == u"last-review";
    auto t1 = sinceReview ? Result<qint64>(0) : parseInstant(p.value(from), now);
    if (!t1) return fail(ctx, QStringLiteral("--from: ") + t1.errorMessage(), ExitUsage);
    auto t2 = parseInstant(p.value(to), now);
    if (!t2) return fail(ctx, QStringLiteral("--to: ") + t2.errorMessage(), ExitUsage);
    if (!sinceReview && *t1 >= *t2)
        return fail(ctx, QStringLiteral("--from must be earlier than --to"), ExitUsage);
    const QString fmt = p.value(format);
    if (fmt != u"text" && fmt != u"json" && fmt != u"csv")
        return fail(ctx, QStringLiteral("--format: use text, json or csv"), ExitUsage);
    QList<HistoryEntity> only;
    for (const QString &n : p.value(entity).split(u',', Qt::SkipEmptyParts)) {
        const auto e = historyEntity(n.trimmed());
        if (!e)
            return fail(
                ctx,
                QStringLiteral("--entity: '%1' is not one of %2").arg(n, names.join(QStringLiteral(", "))),
                ExitUsage);
        only << *e;
    }
    auto db = openDatabase(p, OpenOptions{false, true, false});
    if (!db) return fail(ctx, db.errorMessage());
    auto key = chooseOrg(**db, p.value(org));
    if (!key) return fail(ctx, key.errorMessage(), ExitUsage);
    if (sinceReview) {
        t1 = lastReviewInstant(**db, *key);
        if (!t1) return fail(ctx, t1.errorMessage());
        if (*t1 >= *t2)
            return fail(ctx,
                        QStringLiteral("--from last-review is %1, not earlier than --to")
                            .arg(formatInstantOrEmpty(*t1)),
                        ExitUsage);
    }
    auto changes = diffBetween(**db, *key, *t1, *t2, only);
    if (!changes) return fail(ctx, changes.errorMessage());
    if (fmt == u"json") {
        QJsonArray a;
        for (const EntityChange &c : *changes)
            a.append(changeJson(c));
        ctx.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else if (fmt == u"csv") {
        ctx.out << csv::record({QStringLiteral("entity"), QStringLiteral("id"), QStringLiteral("name"),
                                QStringLiteral("change"), QStringLiteral("fields"),
                                QStringLiteral("observed_at"), QStringLiteral("happened_at"),
                                QStringLiteral("evidence"), QStringLiteral("observed_by_run")});
        for (const EntityChange &c : *changes)
            ctx.out << csv::record({c.entity.name, c.id, c.name, changeText(c.change), fieldsText(c),
                                    formatInstantOrEmpty(c.observedAt), formatInstantOrEmpty(c.happenedAt),
                                    c.evidence.join(u' '), c.observedBy});
    } else {
        ctx.out << QStringLiteral("Changes in %1 from %2 to %3: %4\n")
                       .arg(*key, formatInstantOrEmpty(*t1), formatInstantOrEmpty(*t2))
                       .arg(changes->size());
        QString section;
        for (const EntityChange &c : *changes) {
            if (c.entity.label != section) ctx.out << "\n" << (section = c.entity.label) << "\n";
            ctx.out << QStringLiteral("  %1 %2 (%3)").arg(changeText(c.change), -8).arg(c.name, c.id);
            if (!c.fields.isEmpty()) ctx.out << "  " << fieldsText(c);
            ctx.out << QStringLiteral("  observed %1").arg(formatInstantOrEmpty(c.observedAt));
            if (c.happenedAt > 0)
                ctx.out << QStringLiteral(", happened %1").arg(formatInstantOrEmpty(c.happenedAt));
            if (!c.evidence.isEmpty())
                ctx.out << QStringLiteral(" [%1]").arg(c.evidence.join(QStringLiteral(", ")));
            ctx.out << "\n";
        }
    }
    if (p.isSet(mark)) {
        QStringList compared;
        for (const HistoryEntity &e : only.isEmpty() ? historyEntities() : only)
            compared << e.name;
        auto m = markReviewed(**db, *key, *t1, *t2, changes->size(), compared);
        if (!m) return fail(ctx, QStringLiteral("Could not mark the review: ") + m.errorMessage());
        ctx.err << QStringLiteral("Marked reviewed: journal entry %1, %2 by %3\n")
                       .arg(m->seq)
                       .arg(formatInstantOrEmpty(m->at), m->actor);
    }
    return ExitOk;
}

} // namespace orgward::cli
