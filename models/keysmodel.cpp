#include "keysmodel.h"

namespace orgward {

namespace {
const char *kRemovedOwner =
    "(k.owner_type = 'user' AND EXISTS (SELECT 1 FROM openai_users ru WHERE ru.org_key = k.org_key "
    "AND ru.id = k.owner_id AND ru.deleted_at IS NOT NULL))";
}

KeysModel::KeysModel(Database &db, QObject *parent) : SqlTableModel(db, parent), m_db(db)
{
    setNow(0);
}

void KeysModel::setNow(qint64 now)
{
    m_now = now;
    const QString age =
        QStringLiteral("((%1 - %2) / 86400)").arg(now).arg(m_db.tsToSecs(QStringLiteral("k.created_at")));
    setQuery(
        {
            {tr("Name"), QStringLiteral("k.name")},
            {tr("Owner"), QStringLiteral("COALESCE(k.owner_email, k.owner_name, k.owner_id)")},
            {tr("Owner type"), QStringLiteral("k.owner_type")},
            {tr("Project"),
             QStringLiteral(
                 "COALESCE((SELECT p.name FROM openai_projects p WHERE p.org_key = k.org_key AND p.id = "
                 "k.project_id), k.project_id)"),
             ColType::Text, false},
            {tr("Key"), QStringLiteral("k.redacted_value")},
            {tr("Created"), QStringLiteral("k.created_at"), ColType::Timestamp},
            {tr("Last used"), QStringLiteral("k.last_used_at"), ColType::Timestamp},
            {tr("Age (days)"), age, ColType::Int},
            {tr("Owner state"),
             QStringLiteral("CASE WHEN %1 THEN 'removed' ELSE 'active' END")
                 .arg(QLatin1String(kRemovedOwner)),
             ColType::Text, false},
        },
        QStringLiteral("FROM openai_project_api_keys k"),
        QStringLiteral("k.org_key = ? AND k.deleted_at IS NULL"), QStringLiteral("k.id"));
    setMutedExpr(QLatin1String(kRemovedOwner));
}

QString KeysModel::filterCondition(Filter f) const
{
    switch (f) {
    case Filter::All:
        return {};
    case Filter::Unused90Days:
        return QStringLiteral("COALESCE(k.last_used_at, k.created_at) < %1")
            .arg(tsLiteral(m_db, m_now - 90 * 86400));
    case Filter::OlderThanYear:
        return QStringLiteral("k.created_at < %1").arg(tsLiteral(m_db, m_now - 365 * 86400));
    case Filter::OwnedByRemoved:
        return QLatin1String(kRemovedOwner);
    }
    return {};
}

} // namespace orgward
