#include "keysmodel.h"

#include "core/clock.h"

namespace orgward {

namespace {
constexpr qint64 kUnusedDays = 90;
constexpr qint64 kDaysPerYear = 365;
const char *kRemovedOwner =
    "(k.owner_type = 'user' AND EXISTS (SELECT 1 FROM openai_users ru WHERE ru.org_key = k.org_key "
    "AND ru.id = k.owner_id AND ru.deleted_at IS NOT NULL))";
} // namespace

KeysModel::KeysModel(Database &db, QObject *parent) : SqlTableModel(db, parent), m_db(db)
{
    setNow(0);
}

void KeysModel::setNow(qint64 now)
{
    m_now = now;
    SqlColumn age{tr("Age (days)"),
                  QStringLiteral("((? - %1) / %2)")
                      .arg(m_db.tsToSecs(QStringLiteral("k.created_at")))
                      .arg(kSecondsPerDay),
                  ColType::Int};
    age.binds = {now};
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
            age,
            {tr("Owner state"),
             QStringLiteral("CASE WHEN %1 THEN 'removed' ELSE 'active' END")
                 .arg(QLatin1String(kRemovedOwner)),
             ColType::Text, false},
        },
        QStringLiteral("FROM openai_project_api_keys k"),
        QStringLiteral("k.org_key = ? AND k.deleted_at IS NULL"), QStringLiteral("k.id"));
    setMutedExpr(QLatin1String(kRemovedOwner));
}

SqlCondition KeysModel::filterCondition(Filter f) const
{
    const QString before = m_db.secsToTs(QStringLiteral("?"));
    switch (f) {
    case Filter::All:
        return {};
    case Filter::Unused90Days:
        return {QStringLiteral("COALESCE(k.last_used_at, k.created_at) < %1").arg(before),
                {m_now - kUnusedDays * kSecondsPerDay}};
    case Filter::OlderThanYear:
        return {QStringLiteral("k.created_at < %1").arg(before), {m_now - kDaysPerYear * kSecondsPerDay}};
    case Filter::OwnedByRemoved:
        return {QLatin1String(kRemovedOwner), {}};
    }
    return {};
}

} // namespace orgward
