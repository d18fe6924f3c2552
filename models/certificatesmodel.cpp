#include "certificatesmodel.h"

namespace orgward {

CertificatesModel::CertificatesModel(Database &db, QObject *parent) : SqlTableModel(db, parent), m_db(db)
{
    setNow(0);
}

void CertificatesModel::setNow(qint64 now)
{
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
            {tr("Days to expiry"),
             QStringLiteral("((%1 - %2) / 86400)")
                 .arg(m_db.tsToSecs(QStringLiteral("c.expires_at")))
                 .arg(now),
             ColType::Int},
            {tr("Events"),
             QStringLiteral(
                 "(SELECT COUNT(*) FROM openai_certificate_events e WHERE e.org_key = c.org_key AND "
                 "e.certificate_id = c.id)"),
             ColType::Int},
        },
        QStringLiteral("FROM openai_certificates c"), QStringLiteral("c.org_key = ?"),
        QStringLiteral("c.id"));
    setMutedExpr(QStringLiteral("c.deleted_at IS NOT NULL OR c.expires_at < %1").arg(tsLiteral(m_db, now)));
}

} // namespace orgward
