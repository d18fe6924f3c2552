#include "membersmodel.h"

namespace orgward {

MembersModel::MembersModel(Database &db, QObject *parent) : SqlTableModel(db, parent)
{
    const QString lastUse = db.isPostgres() ? QStringLiteral("MAX(k.last_used_at)") : QStringLiteral("MAX(k.last_used_at)");
    setQuery({
                 {tr("Name"), QStringLiteral("u.name")},
                 {tr("Email"), QStringLiteral("u.email")},
                 {tr("Role"), QStringLiteral("u.role")},
                 {tr("Added"), QStringLiteral("u.added_at"), ColType::Timestamp},
                 {tr("Projects"), QStringLiteral("(SELECT COUNT(*) FROM openai_project_members pm WHERE pm.org_key = u.org_key "
                                                 "AND pm.user_id = u.id AND pm.removed_at IS NULL)"), ColType::Int},
                 {tr("API keys"), QStringLiteral("(SELECT COUNT(*) FROM openai_project_api_keys k WHERE k.org_key = u.org_key "
                                                 "AND k.owner_id = u.id AND k.deleted_at IS NULL)"), ColType::Int},
                 {tr("Last key use"), QStringLiteral("(SELECT %1 FROM openai_project_api_keys k WHERE k.org_key = u.org_key "
                                                     "AND k.owner_id = u.id)").arg(lastUse), ColType::Timestamp},
                 {tr("Status"), QStringLiteral("CASE WHEN u.deleted_at IS NULL THEN 'member' ELSE 'removed' END")},
             },
             QStringLiteral("FROM openai_users u"), QStringLiteral("u.org_key = ?"), QStringLiteral("u.id"));
}

} // namespace orgward
