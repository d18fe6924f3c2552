#include "projectsmodel.h"

namespace orgward {

ProjectsModel::ProjectsModel(Database &db, QObject *parent) : SqlTableModel(db, parent), m_db(db)
{
    setCostWindow(QString(), QString(), 0, 0);
}

void ProjectsModel::setCostWindow(const QString &groupBy, const QString &width, qint64 from, qint64 to)
{
    auto count = [](const char *table, const char *gone) {
        return QStringLiteral("(SELECT COUNT(*) FROM %1 x WHERE x.org_key = p.org_key AND x.project_id = "
                              "p.id AND x.%2 IS NULL)")
            .arg(QLatin1String(table), QLatin1String(gone));
    };
    // The set and window are bound (the set's name comes from stored rows): binds follow the marks' order.
    const QString cost =
        width.isEmpty()
            ? QStringLiteral("CAST(NULL AS TEXT)")
            : QStringLiteral(
                  "(SELECT %1 FROM openai_costs c WHERE c.org_key = p.org_key AND c.group_by = ? AND "
                  "c.bucket_width = ? AND c.project_id = p.id AND c.bucket_start >= %2 AND "
                  "c.bucket_start < %2)")
                  .arg(m_db.sumDecimal(QStringLiteral("c.amount")), m_db.secsToTs(QStringLiteral("?")));
    SqlColumn costCol{tr("Cost month to date"), cost, ColType::Decimal, false};
    if (!width.isEmpty()) costCol.binds = {groupBy, width, from, to};
    costCol.sortExpr = m_db.isPostgres() ? QStringLiteral("CAST(%1 AS NUMERIC)").arg(cost)
                                         : QStringLiteral("CAST(%1 AS REAL)").arg(cost);
    setQuery(
        {
            {tr("Name"), QStringLiteral("p.name")},
            {tr("ID"), QStringLiteral("p.id")},
            {tr("Status"),
             QStringLiteral(
                 "CASE WHEN p.deleted_at IS NOT NULL THEN 'deleted' ELSE COALESCE(p.status, 'active') END")},
            {tr("Created"), QStringLiteral("p.created_at"), ColType::Timestamp},
            {tr("Members"), count("openai_project_members", "removed_at"), ColType::Int},
            {tr("Service accounts"), count("openai_service_accounts", "deleted_at"), ColType::Int},
            {tr("Keys"), count("openai_project_api_keys", "deleted_at"), ColType::Int},
            {tr("Rate limits"), count("openai_project_rate_limits", "deleted_at"), ColType::Int},
            {tr("Certificates"), count("openai_project_certificates", "deleted_at"), ColType::Int},
            costCol,
        },
        QStringLiteral("FROM openai_projects p"), QStringLiteral("p.org_key = ?"), QStringLiteral("p.id"));
    setMutedExpr(
        QStringLiteral("p.status = 'archived' OR p.archived_at IS NOT NULL OR p.deleted_at IS NOT NULL"));
}

SqlCondition ProjectsModel::filterCondition(Filter f)
{
    switch (f) {
    case Filter::All:
        return {};
    case Filter::Active:
        return {QStringLiteral("p.archived_at IS NULL AND COALESCE(p.status, 'active') <> 'archived'"), {}};
    case Filter::Archived:
        return {QStringLiteral("p.archived_at IS NOT NULL OR p.status = 'archived'"), {}};
    }
    return {};
}

} // namespace orgward
