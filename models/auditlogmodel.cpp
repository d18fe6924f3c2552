#include "auditlogmodel.h"

#include <QJsonDocument>

namespace orgward {

AuditLogModel::AuditLogModel(Database &db, QObject *parent) : SqlTableModel(db, parent), m_db(db)
{
    setQuery(
        {
            {tr("Time"), QStringLiteral("a.effective_at"), ColType::Timestamp},
            {tr("Type"), QStringLiteral("a.type")},
            {tr("Actor"), QStringLiteral("COALESCE(a.actor_email, a.actor_id)")},
            {tr("Actor type"), QStringLiteral("a.actor_type")},
            {tr("Project"), QStringLiteral("COALESCE(a.project_name, a.project_id)")},
            {tr("IP"), QStringLiteral("a.actor_ip")},
        },
        QStringLiteral("FROM openai_audit_logs a"), QStringLiteral("a.org_key = ?"), QStringLiteral("a.id"));
    sort(Time, Qt::DescendingOrder);
}

QString AuditLogModel::payloadJson(const QString &id)
{
    auto v = m_db.scalar(QStringLiteral("SELECT CAST(COALESCE(raw, payload) AS TEXT) FROM openai_audit_logs "
                                        "WHERE org_key = ? AND id = ?"),
                         {orgKey(), id});
    if (!v || v->isNull()) return {};
    const QJsonDocument d = QJsonDocument::fromJson(v->toString().toUtf8());
    return d.isNull() ? v->toString() : QString::fromUtf8(d.toJson(QJsonDocument::Indented));
}

void AuditLogModel::setFilter(const QString &type, qint64 since)
{
    SqlCondition c;
    QStringList conds;
    if (!type.isEmpty()) {
        conds << QStringLiteral("a.type = ?");
        c.binds << type;
    }
    if (since > 0) {
        conds << QStringLiteral("a.effective_at >= %1").arg(m_db.secsToTs(QStringLiteral("?")));
        c.binds << since;
    }
    c.sql = conds.join(QStringLiteral(" AND "));
    setExtraCondition(c);
}

QStringList AuditLogModel::eventTypes()
{
    auto types = eventTypes(m_db, orgKey());
    return types ? *types : QStringList();
}

Result<QStringList> AuditLogModel::eventTypes(Database &db, const QString &orgKey)
{
    auto q =
        db.exec(QStringLiteral("SELECT DISTINCT type FROM openai_audit_logs WHERE org_key = ? ORDER BY type"),
                {orgKey});
    if (!q) return q.error();
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

} // namespace orgward
