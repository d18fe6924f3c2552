#include "usagequery.h"

#include "core/clock.h"
#include "domain/tables.h"
#include "store/database.h"

#include <QDateTime>
#include <QHash>

namespace orgward {

namespace {
const QString kOther = QStringLiteral("\x01other");
constexpr qint64 kDay = kSecondsPerDay;
constexpr qint64 kWeek = 7 * kDay;
constexpr qint64 kMonday = 4 * kDay; // 1970-01-05 was a Monday
} // namespace

qint64 UsageSeries::total() const
{
    qint64 t = 0;
    for (const auto &s : values)
        for (qint64 v : s)
            t += v;
    return t;
}

QStringList usageMetricsForKind(const QString &kind)
{
    auto l = [](std::initializer_list<const char *> names) {
        QStringList out;
        for (const char *n : names)
            out << QString::fromLatin1(n);
        return out;
    };
    if (kind == u"completions")
        return l({"input_tokens", "output_tokens", "input_cached_tokens", "input_audio_tokens",
                  "output_audio_tokens", "num_model_requests"});
    if (kind == u"embeddings" || kind == u"moderations") return l({"input_tokens", "num_model_requests"});
    if (kind == u"images") return l({"images", "num_model_requests"});
    if (kind == u"audio_speeches") return l({"characters", "num_model_requests"});
    if (kind == u"audio_transcriptions") return l({"seconds", "num_model_requests"});
    if (kind == u"vector_stores") return l({"usage_bytes"});
    if (kind == u"code_interpreter_sessions") return l({"num_sessions"});
    if (kind == u"file_search_calls" || kind == u"web_search_calls") return l({"num_requests"});
    return l({"num_model_requests"});
}

QString bucketExpr(Database &db, const QString &ts, Granularity g)
{
    const QString secs = db.tsToSecs(ts);
    switch (g) {
    case Granularity::Day:
        return QStringLiteral("((%1) / %2) * %2").arg(secs).arg(kDay);
    case Granularity::Week:
        return QStringLiteral("((((%1) - %2) / %3) * %3 + %2)").arg(secs).arg(kMonday).arg(kWeek);
    case Granularity::Month:
        return db.isPostgres()
                   ? QStringLiteral(
                         "CAST(EXTRACT(EPOCH FROM date_trunc('month', %1 AT TIME ZONE 'UTC')) AS BIGINT)")
                         .arg(ts)
                   : QStringLiteral("CAST(strftime('%s', %1, 'unixepoch', 'start of month') AS INTEGER)")
                         .arg(ts);
    }
    return secs;
}

QList<qint64> bucketStarts(qint64 from, qint64 to, Granularity g)
{
    QList<qint64> out;
    if (to <= from) return out;
    if (g == Granularity::Month) {
        QDate d = QDateTime::fromSecsSinceEpoch(from, Qt::UTC).date();
        d = QDate(d.year(), d.month(), 1);
        for (qint64 s = QDateTime(d, QTime(0, 0), Qt::UTC).toSecsSinceEpoch(); s < to;
             d = d.addMonths(1), s = QDateTime(d, QTime(0, 0), Qt::UTC).toSecsSinceEpoch())
            out << s;
        return out;
    }
    const qint64 step = g == Granularity::Day ? kDay : kWeek;
    const qint64 origin = g == Granularity::Day ? 0 : kMonday;
    qint64 s = ((from - origin) / step) * step + origin;
    if (s > from) s -= step;
    for (; s < to; s += step)
        out << s;
    return out;
}

QString dimensionLabel(Database &db, const QString &orgKey, const QString &dimension, const QString &value)
{
    if (value.isEmpty())
        return dimension == u"project_id" ? QObject::tr("(no project)") : QObject::tr("(none)");
    QString sql;
    if (dimension == u"project_id")
        sql = QStringLiteral("SELECT name FROM openai_projects WHERE org_key = ? AND id = ?");
    else if (dimension == u"user_id")
        sql = QStringLiteral("SELECT COALESCE(email, name) FROM openai_users WHERE org_key = ? AND id = ?");
    else if (dimension == u"api_key_id")
        sql = QStringLiteral("SELECT name FROM openai_project_api_keys WHERE org_key = ? AND id = ? LIMIT 1");
    if (sql.isEmpty()) return value;
    auto n = db.scalar(sql, {orgKey, value});
    return n && !n->toString().isEmpty() ? QString(n->toString() + QStringLiteral(" (") + value + u')')
                                         : value;
}

Status checkUsageStackBy(const QString &stackBy)
{
    // The dimension becomes a column name in the statement: only the stored dimension columns qualify.
    if (stackBy.isEmpty() || usageDimensionColumns().contains(stackBy)) return {};
    return err(Error::Code::Usage, QObject::tr("Cannot stack usage by \"%1\": choose one of %2.")
                                       .arg(stackBy, usageDimensionColumns().join(QStringLiteral(", "))));
}

Result<UsageSeries> queryUsage(Database &db, const UsageRequest &r)
{
    if (auto ok = checkUsageStackBy(r.stackBy); !ok) return ok.error();
    if (!usageMetricColumns().contains(r.metric))
        return err(Error::Code::Usage, QObject::tr("Unknown usage metric \"%1\": choose one of %2.")
                                           .arg(r.metric, usageMetricColumns().join(QStringLiteral(", "))));
    UsageSeries out;
    out.buckets = bucketStarts(r.from, r.to, r.granularity);
    auto set = chooseGroupBySet(db, QStringLiteral("usage_events"), r.orgKey, r.kind, r.stackBy);
    if (!set) return set.error();
    out.set = *set;
    if (!set->isValid() || out.buckets.isEmpty()) return out;
    const QString where =
        QStringLiteral(
            "org_key = ? AND kind = ? AND group_by = ? AND bucket_width = ? AND bucket_start >= %1 "
            "AND bucket_start < %1")
            .arg(db.secsToTs(QStringLiteral("?")));
    const QVariantList binds{r.orgKey, r.kind, set->groupBy, set->bucketWidth, r.from, r.to};
    const QString dim = r.stackBy.isEmpty() ? QStringLiteral("''")
                                            : QStringLiteral("COALESCE(CAST(%1 AS TEXT), '')").arg(r.stackBy);
    // Top stacks by total over the range; the rest fold into "Other" inside SQL.
    QStringList top;
    {
        auto q = db.exec(QStringLiteral("SELECT %1 AS s, SUM(%2) AS v FROM usage_events WHERE %3 GROUP BY %1 "
                                        "ORDER BY v DESC, s LIMIT %4")
                             .arg(dim, r.metric, where)
                             .arg(r.topN + 1),
                         binds);
        if (!q) return q.error();
        while (q->next())
            top << q->value(0).toString();
    }
    const bool hasOther = top.size() > r.topN;
    if (hasOther) top.removeLast();
    QString stackSql = dim;
    QVariantList stackBinds;
    if (hasOther) {
        QStringList marks;
        for (const QString &t : std::as_const(top)) {
            marks << QStringLiteral("?");
            stackBinds << t;
        }
        stackSql = QStringLiteral("CASE WHEN %1 IN (%2) THEN %1 ELSE ? END").arg(dim, marks.join(u','));
        stackBinds << kOther;
    }
    const QString sql =
        QStringLiteral("SELECT %1 AS b, %2 AS s, SUM(%3) FROM usage_events WHERE %4 GROUP BY 1, 2")
            .arg(bucketExpr(db, QStringLiteral("bucket_start"), r.granularity), stackSql, r.metric, where);
    auto q = db.exec(sql, stackBinds + binds);
    if (!q) return q.error();
    out.stackKeys = top;
    if (hasOther) out.stackKeys << kOther;
    QHash<QString, int> stackIndex;
    for (int i = 0; i < out.stackKeys.size(); ++i)
        stackIndex.insert(out.stackKeys[i], i);
    QHash<qint64, int> bucketIndex;
    for (int i = 0; i < out.buckets.size(); ++i)
        bucketIndex.insert(out.buckets[i], i);
    out.values = QList<QList<qint64>>(out.stackKeys.size(), QList<qint64>(out.buckets.size(), 0));
    while (q->next()) {
        const int b = bucketIndex.value(q->value(0).toLongLong(), -1);
        const int s = stackIndex.value(q->value(1).toString(), -1);
        if (b >= 0 && s >= 0) out.values[s][b] += q->value(2).toLongLong();
    }
    for (const QString &k : std::as_const(out.stackKeys))
        out.stackLabels << (k == kOther           ? QObject::tr("Other")
                            : r.stackBy.isEmpty() ? QObject::tr("Total")
                                                  : dimensionLabel(db, r.orgKey, r.stackBy, k));
    return out;
}

} // namespace orgward
