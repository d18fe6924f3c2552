#include "certificatesmodel.h"

#include "core/clock.h"

namespace orgward {

namespace {
constexpr qint64 kExpiringDays = 14;
} // namespace

CertificatesModel::CertificatesModel(Database &db, QObject *parent) : SqlTableModel(db, parent), m_db(db)
{
    setNow(0);
}

void CertificatesModel::setNow(qint64 now)
{
    m_now = now;
    SqlColumn daysToExpiry{tr("Days to expiry"),
                           QStringLiteral("((%1 - ?) / %2)")
                               .arg(m_db.tsToSecs(QStringLiteral("c.expires_at")))
                               .arg(kSecondsPerDay),
                           ColType::Int};
    daysToExpiry.binds = {now};
    setQuery(
        {
            {tr("Name"), QStringLiteral("c.name")},
            {tr("ID"), QStringLiteral("c.id")},
            {tr("Active in org"), QStringLiteral("c.active"), ColType::Bool},
            {tr("Active in projects"),
             QStringLiteral(
                 "(SELECT COUNT(*) FROM openai_project_certificates pc WHERE pc.org_key = c.org_key "
                 "AND pc.certificate_id = c.id AND pc.deleted_at IS NULL AND pc.active = %1)")
                 .arg(m_db.isPostgres() ? QStringLiteral("true") : QStringLiteral("1")),
             ColType::Int},
            {tr("Valid from"), QStringLiteral("c.valid_at"), ColType::Timestamp},
            {tr("Expires"), QStringLiteral("c.expires_at"), ColType::Timestamp},
            daysToExpiry,
            {tr("Events"),
             QStringLiteral(
                 "(SELECT COUNT(*) FROM openai_certificate_events e WHERE e.org_key = c.org_key AND "
                 "e.certificate_id = c.id)"),
             ColType::Int},
        },
        QStringLiteral("FROM openai_certificates c"), QStringLiteral("c.org_key = ?"),
        QStringLiteral("c.id"));
    setMutedExpr(QStringLiteral("c.deleted_at IS NOT NULL OR c.expires_at < %1")
                     .arg(m_db.secsToTs(QStringLiteral("?"))),
                 {now});
}

SqlCondition CertificatesModel::filterCondition(Filter f) const
{
    switch (f) {
    case Filter::All:
        return {};
    case Filter::Expiring14Days:
        return {QStringLiteral("c.deleted_at IS NULL AND c.expires_at >= %1 AND c.expires_at < %1")
                    .arg(m_db.secsToTs(QStringLiteral("?"))),
                {m_now, m_now + kExpiringDays * kSecondsPerDay}};
    }
    return {};
}

Result<QList<CertificateSpan>> certificateTimeline(Database &db, const QString &orgKey, int limit)
{
    auto q =
        db.exec(QStringLiteral("SELECT COALESCE(name, id), valid_at, expires_at FROM openai_certificates "
                               "WHERE org_key = ? AND deleted_at IS NULL ORDER BY expires_at LIMIT ?"),
                {orgKey, limit});
    if (!q) return q.error();
    QList<CertificateSpan> out;
    while (q->next())
        out << CertificateSpan{q->value(0).toString(), Database::timestampSecs(q->value(1)),
                               Database::timestampSecs(q->value(2))};
    return out;
}

} // namespace orgward
