#include "reportsource.h"

#include "compliance/history.h"
#include "finance/groupbyset.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QSqlRecord>
#include <algorithm>
#include <limits>

namespace orgward {

namespace {
QJsonValue jsonCell(const QVariant &v)
{
    if (v.isNull()) return QJsonValue::Null;
    return QJsonValue::fromVariant(v);
}

QJsonValue parsedJson(const QVariant &v)
{
    if (v.isNull()) return QJsonValue::Null;
    const QJsonDocument d = QJsonDocument::fromJson(v.toString().toUtf8());
    if (d.isObject()) return d.object();
    if (d.isArray()) return d.array();
    return v.toString();
}
// A value inside the event as received (raw), per engine. The path parts are bound: a path is data.
struct RawPath
{
    QString sql;
    QVariantList binds;
};
RawPath rawPath(bool pg, const QStringList &path, bool asText)
{
    if (!pg) return {QStringLiteral("json_extract(raw, ?)"), {QString(u"$." + path.join(u'.'))}};
    const QStringList marks(path.size(), QStringLiteral("CAST(? AS TEXT)"));
    QVariantList binds;
    for (const QString &part : path)
        binds << part;
    return {
        QStringLiteral("%1(raw, %2)")
            .arg(asText ? QStringLiteral("jsonb_extract_path_text") : QStringLiteral("jsonb_extract_path"),
                 marks.join(QStringLiteral(", "))),
        binds};
}

} // namespace

ReportSource::ReportSource(Database &db, QString orgKey, qint64 asOf, ReportProgress progress)
    : m_db(db), m_orgKey(std::move(orgKey)), m_asOf(asOf), m_progress(std::move(progress))
{
}

bool ReportSource::step(const QString &what)
{
    return !m_progress || m_progress(what);
}

Result<QList<QJsonObject>> ReportSource::entity(const QString &name)
{
    if (auto it = m_cache.constFind(name); it != m_cache.constEnd()) return *it;
    const auto e = historyEntity(name);
    if (!e) return err(Error::Code::Usage, QStringLiteral("No entity named \"%1\" has history").arg(name));
    if (!step(QStringLiteral("Reading %1").arg(e->label.toLower())))
        return err(Error::Code::Cancelled, QStringLiteral("Cancelled"));
    auto states = statesAsOf(m_db, m_orgKey, *e, m_asOf);
    if (!states) return states.error();
    QList<QJsonObject> rows;
    rows.reserve(states->size());
    for (EntityState &s : *states)
        rows.append(std::move(s.data));
    m_cache.insert(name, rows);
    return rows;
}

Result<QList<QJsonObject>> ReportSource::auditEvents(qint64 from, qint64 to, const QStringList &types)
{
    QVariantList binds{m_orgKey, from, to};
    QString typeFilter;
    if (!types.isEmpty()) {
        typeFilter = QStringLiteral(" AND type IN (%1)")
                         .arg(QStringList(types.size(), QStringLiteral("?")).join(u','));
        for (const QString &t : types)
            binds.append(t);
    }
    auto q =
        m_db.exec(QStringLiteral("SELECT id, type, %1, project_id, project_name, actor_type, actor_id, "
                                 "actor_email, actor_ip, payload FROM openai_audit_logs WHERE org_key = ? "
                                 "AND effective_at >= %2 AND effective_at < %2%3 ORDER BY effective_at, id")
                      .arg(m_db.tsToSecs(QStringLiteral("effective_at")), m_db.secsToTs(QStringLiteral("?")),
                           typeFilter),
                  binds);
    if (!q) return q.error();
    static const QStringList keys{
        QStringLiteral("id"),         QStringLiteral("type"),         QStringLiteral("effective_at"),
        QStringLiteral("project_id"), QStringLiteral("project_name"), QStringLiteral("actor_type"),
        QStringLiteral("actor_id"),   QStringLiteral("actor_email"),  QStringLiteral("actor_ip")};
    QList<QJsonObject> out;
    while (q->next()) {
        QJsonObject o;
        for (int i = 0; i < keys.size(); ++i)
            o.insert(keys[i], jsonCell(q->value(i)));
        o.insert(QStringLiteral("payload"), parsedJson(q->value(keys.size())));
        out.append(o);
    }
    return out;
}

Result<QHash<QString, qint64>> ReportSource::lastAuditActivity(qint64 to)
{
    auto q =
        m_db.exec(QStringLiteral("SELECT actor_id, MAX(%1) FROM openai_audit_logs WHERE org_key = ? AND "
                                 "actor_id IS NOT NULL AND effective_at < %2 GROUP BY actor_id")
                      .arg(m_db.tsToSecs(QStringLiteral("effective_at")), m_db.secsToTs(QStringLiteral("?"))),
                  {m_orgKey, to});
    if (!q) return q.error();
    QHash<QString, qint64> out;
    while (q->next())
        out.insert(q->value(0).toString(), q->value(1).toLongLong());
    return out;
}

Result<QSet<QString>> ReportSource::removedBetween(const QString &entity, qint64 from, qint64 to)
{
    const auto e = historyEntity(entity);
    if (!e) return err(Error::Code::Usage, QStringLiteral("No entity named \"%1\" has history").arg(entity));
    auto q =
        m_db.exec(QStringLiteral("SELECT DISTINCT row_key FROM orgward_history WHERE org_key = ? AND "
                                 "entity = ? AND change = 'removed' AND valid_from > ? AND valid_from <= ?"),
                  {m_orgKey, e->table, m_db.bindTimestamp(from), m_db.bindTimestamp(to)});
    if (!q) return q.error();
    QSet<QString> out;
    while (q->next())
        out.insert(q->value(0).toString());
    return out;
}

Result<QList<QJsonObject>> ReportSource::certificateEvents(qint64 from, qint64 to)
{
    auto q =
        m_db.exec(QStringLiteral("SELECT id, certificate_id, action, actor_id, %1, metadata FROM "
                                 "openai_certificate_events WHERE org_key = ? AND occurred_at >= %2 AND "
                                 "occurred_at < %2 ORDER BY occurred_at, id")
                      .arg(m_db.tsToSecs(QStringLiteral("occurred_at")), m_db.secsToTs(QStringLiteral("?"))),
                  {m_orgKey, from, to});
    if (!q) return q.error();
    QList<QJsonObject> out;
    while (q->next()) {
        QJsonObject o{{QStringLiteral("id"), jsonCell(q->value(0))},
                      {QStringLiteral("certificate_id"), jsonCell(q->value(1))},
                      {QStringLiteral("action"), jsonCell(q->value(2))},
                      {QStringLiteral("actor_id"), jsonCell(q->value(3))},
                      {QStringLiteral("occurred_at"), jsonCell(q->value(4))},
                      {QStringLiteral("metadata"), parsedJson(q->value(5))}};
        out.append(o);
    }
    return out;
}

Result<QHash<QString, QHash<QString, QString>>> ReportSource::costByProject(qint64 from, qint64 to)
{
    const QString table = QStringLiteral("openai_costs");
    auto set = chooseGroupBySet(m_db, table, m_orgKey, QString(), QStringLiteral("project_id"));
    if (!set) return set.error();
    QHash<QString, QHash<QString, QString>> out;
    if (!set->isValid()) return out;
    auto q =
        m_db.exec(QStringLiteral("SELECT COALESCE(project_id, ''), COALESCE(currency, ''), %1 FROM "
                                 "openai_costs WHERE org_key = ? AND group_by = ? AND bucket_width = ? AND "
                                 "bucket_start >= %2 AND bucket_start < %2 GROUP BY 1, 2")
                      .arg(m_db.sumDecimal(QStringLiteral("amount")), m_db.secsToTs(QStringLiteral("?"))),
                  {m_orgKey, set->groupBy, set->bucketWidth, from, to});
    if (!q) return q.error();
    while (q->next())
        out[q->value(0).toString()].insert(q->value(1).toString(), q->value(2).toString());
    return out;
}

Result<QList<QJsonObject>> ReportSource::usageByProjectModel(qint64 from, qint64 to)
{
    const QString kind = QStringLiteral("completions");
    auto set = usageSetWith(m_db, m_orgKey, kind, {QStringLiteral("model"), QStringLiteral("project_id")});
    if (!set) return set.error();
    QList<QJsonObject> out;
    if (!set->isValid()) return out;
    auto q = m_db.exec(
        QStringLiteral("SELECT COALESCE(project_id, ''), COALESCE(model, ''), "
                       "SUM(input_tokens), SUM(output_tokens), SUM(num_model_requests) FROM "
                       "usage_events WHERE org_key = ? AND kind = ? AND group_by = ? AND "
                       "bucket_width = ? AND bucket_start >= %1 AND bucket_start < %1 GROUP BY 1, 2 "
                       "ORDER BY 1, 2")
            .arg(m_db.secsToTs(QStringLiteral("?"))),
        {m_orgKey, kind, set->groupBy, set->bucketWidth, from, to});
    if (!q) return q.error();
    while (q->next())
        out.append(QJsonObject{{QStringLiteral("project_id"), q->value(0).toString()},
                               {QStringLiteral("model"), q->value(1).toString()},
                               {QStringLiteral("input_tokens"), q->value(2).toLongLong()},
                               {QStringLiteral("output_tokens"), q->value(3).toLongLong()},
                               {QStringLiteral("num_model_requests"), q->value(4).toLongLong()}});
    return out;
}

Result<QHash<QString, QJsonObject>> ReportSource::auditActors(qint64 from, qint64 to)
{
    const RawPath actor = rawPath(m_db.isPostgres(), {QStringLiteral("actor")}, false);
    auto q = m_db.exec(
        QStringLiteral("SELECT id, %1 FROM openai_audit_logs WHERE org_key = ? AND effective_at >= %2 "
                       "AND effective_at < %2")
            .arg(actor.sql, m_db.secsToTs(QStringLiteral("?"))),
        actor.binds + QVariantList{m_orgKey, from, to});
    if (!q) return q.error();
    QHash<QString, QJsonObject> out;
    while (q->next())
        out.insert(q->value(0).toString(), parsedJson(q->value(1)).toObject());
    return out;
}

Result<QList<QJsonObject>> ReportSource::auditOriginsBefore(qint64 to)
{
    const RawPath country = rawPath(m_db.isPostgres(),
                                    {QStringLiteral("actor"), QStringLiteral("session"),
                                     QStringLiteral("ip_address_details"), QStringLiteral("country")},
                                    true);
    auto q = m_db.exec(
        QStringLiteral("SELECT DISTINCT actor_id, actor_ip, %1 FROM openai_audit_logs WHERE org_key = ? "
                       "AND actor_id IS NOT NULL AND effective_at < %2")
            .arg(country.sql, m_db.secsToTs(QStringLiteral("?"))),
        country.binds + QVariantList{m_orgKey, to});
    if (!q) return q.error();
    QList<QJsonObject> out;
    while (q->next())
        out.append(QJsonObject{{QStringLiteral("actor_id"), jsonCell(q->value(0))},
                               {QStringLiteral("actor_ip"), jsonCell(q->value(1))},
                               {QStringLiteral("actor_country"), jsonCell(q->value(2))}});
    return out;
}

} // namespace orgward
