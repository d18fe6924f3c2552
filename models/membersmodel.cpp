#include "membersmodel.h"

#include "finance/dashboard.h"

namespace orgward {

MembersModel::MembersModel(Database &db, QObject *parent) : SqlTableModel(db, parent)
{
    const QString kTie = QStringLiteral("ms.user_id");
    setQuery(
        {
            {tr("Name"), QStringLiteral("u.name")},
            {tr("Email"), QStringLiteral("u.email")},
            {tr("Role"), QStringLiteral("u.role")},
            {tr("Added"), QStringLiteral("u.added_at"), ColType::Timestamp},
            // From the member summary (migration 5), kept exact by triggers: sorting by these walks its
            // indexes instead of computing and sorting a figure for every member.
            {tr("Projects"), QStringLiteral("ms.projects"), ColType::Int, true, {}, kTie},
            {tr("API keys"), QStringLiteral("ms.api_keys"), ColType::Int, true, {}, kTie},
            {tr("Last key use"), QStringLiteral("ms.last_key_use"), ColType::Timestamp, true, {}, kTie},
            {tr("Status"), QStringLiteral("CASE WHEN u.deleted_at IS NULL THEN 'member' ELSE 'removed' END"),
             ColType::Text, false},
        },
        QStringLiteral(
            "FROM openai_users u JOIN openai_member_stats ms ON ms.org_key = u.org_key AND ms.user_id = "
            "u.id"),
        QStringLiteral("u.org_key = ?"), QStringLiteral("u.id"));
    setCountFrom(QStringLiteral("FROM openai_users u")); // every member has exactly one summary row
    setMutedExpr(QStringLiteral("u.deleted_at IS NOT NULL"));
}

SqlCondition MembersModel::filterCondition(Filter f)
{
    switch (f) {
    case Filter::All:
        return {};
    case Filter::InNoProject:
        return {dashboard::memberWithoutProjectCondition(), {}};
    case Filter::Removed:
        return {QStringLiteral("u.deleted_at IS NOT NULL"), {}};
    }
    return {};
}

InvitesModel::InvitesModel(Database &db, QObject *parent) : SqlTableModel(db, parent), m_db(db)
{
    setNow(0);
}

void InvitesModel::setNow(qint64 now)
{
    m_now = now;
    const QString n = m_db.secsToTs(QStringLiteral("?"));
    SqlColumn state{tr("State"),
                    QStringLiteral("CASE WHEN i.deleted_at IS NOT NULL THEN 'removed' WHEN "
                                   "i.accepted_at IS NOT NULL OR i.status = "
                                   "'accepted' THEN 'accepted' WHEN i.expires_at IS NOT NULL AND "
                                   "i.expires_at <= %1 THEN 'expired' "
                                   "ELSE COALESCE(i.status, 'pending') END")
                        .arg(n)};
    state.binds = {now};
    setQuery(
        {
            {tr("Email"), QStringLiteral("i.email")},
            {tr("Role"), QStringLiteral("i.role")},
            state,
            {tr("Created"), QStringLiteral("i.created_at"), ColType::Timestamp},
            {tr("Expires"), QStringLiteral("i.expires_at"), ColType::Timestamp},
            {tr("Accepted"), QStringLiteral("i.accepted_at"), ColType::Timestamp},
            {tr("Projects"), QStringLiteral("CAST(i.projects AS TEXT)")},
        },
        QStringLiteral("FROM openai_invites i"), QStringLiteral("i.org_key = ?"), QStringLiteral("i.id"));
    setMutedExpr(
        QStringLiteral("i.deleted_at IS NOT NULL OR (i.expires_at IS NOT NULL AND i.expires_at <= %1)")
            .arg(n),
        {now});
}

SqlCondition InvitesModel::filterCondition(Filter f) const
{
    switch (f) {
    case Filter::All:
        return {};
    case Filter::Pending:
        return {dashboard::pendingInviteCondition(m_db), {m_now}};
    }
    return {};
}

} // namespace orgward
