#include "membersmodel.h"

namespace orgward {

MembersModel::MembersModel(Database &db, QObject *parent) : SqlTableModel(db, parent)
{
    setQuery(
        {
            {tr("Name"), QStringLiteral("u.name")},
            {tr("Email"), QStringLiteral("u.email")},
            {tr("Role"), QStringLiteral("u.role")},
            {tr("Added"), QStringLiteral("u.added_at"), ColType::Timestamp},
            {tr("Projects"),
             QStringLiteral("(SELECT COUNT(*) FROM openai_project_members pm WHERE pm.org_key = u.org_key "
                            "AND pm.user_id = u.id AND pm.removed_at IS NULL)"),
             ColType::Int},
            {tr("API keys"),
             QStringLiteral("(SELECT COUNT(*) FROM openai_project_api_keys k WHERE k.org_key = u.org_key "
                            "AND k.owner_id = u.id AND k.deleted_at IS NULL)"),
             ColType::Int},
            // MAX over an expression, not the bare column: with a bare column the engine answers MAX from the
            // (org_key, last_used_at) index, walking every key of the org for each member (seconds per
            // block); this way it reads the member's own keys from the owner index.
            {tr("Last key use"),
             QStringLiteral(
                 "(SELECT MAX(COALESCE(k.last_used_at, NULL)) FROM openai_project_api_keys k WHERE "
                 "k.org_key = u.org_key AND k.owner_id = u.id)"),
             ColType::Timestamp},
            {tr("Status"), QStringLiteral("CASE WHEN u.deleted_at IS NULL THEN 'member' ELSE 'removed' END"),
             ColType::Text, false},
        },
        QStringLiteral("FROM openai_users u"), QStringLiteral("u.org_key = ?"), QStringLiteral("u.id"));
    setMutedExpr(QStringLiteral("u.deleted_at IS NOT NULL"));
}

InvitesModel::InvitesModel(Database &db, QObject *parent) : SqlTableModel(db, parent), m_db(db)
{
    setNow(0);
}

void InvitesModel::setNow(qint64 now)
{
    const QString n = tsLiteral(m_db, now);
    setQuery(
        {
            {tr("Email"), QStringLiteral("i.email")},
            {tr("Role"), QStringLiteral("i.role")},
            {tr("State"), QStringLiteral("CASE WHEN i.deleted_at IS NOT NULL THEN 'removed' WHEN "
                                         "i.accepted_at IS NOT NULL OR i.status = "
                                         "'accepted' THEN 'accepted' WHEN i.expires_at IS NOT NULL AND "
                                         "i.expires_at <= %1 THEN 'expired' "
                                         "ELSE COALESCE(i.status, 'pending') END")
                              .arg(n)},
            {tr("Created"), QStringLiteral("i.created_at"), ColType::Timestamp},
            {tr("Expires"), QStringLiteral("i.expires_at"), ColType::Timestamp},
            {tr("Accepted"), QStringLiteral("i.accepted_at"), ColType::Timestamp},
            {tr("Projects"), QStringLiteral("CAST(i.projects AS TEXT)")},
        },
        QStringLiteral("FROM openai_invites i"), QStringLiteral("i.org_key = ?"), QStringLiteral("i.id"));
    setMutedExpr(
        QStringLiteral("i.deleted_at IS NOT NULL OR (i.expires_at IS NOT NULL AND i.expires_at <= %1)")
            .arg(n));
}

} // namespace orgward
