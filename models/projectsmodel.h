#pragma once
#include "sqltablemodel.h"

namespace orgward {

// Projects with counts of their members, service accounts, keys, rate limits, certificates and the
// month-to-date cost (exact, from one costs group_by set containing project_id). Archived rows are muted.
class ProjectsModel : public SqlTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Id,
        Status,
        Created,
        Members,
        ServiceAccounts,
        Keys,
        RateLimits,
        Certificates,
        CostMtd,
        ColumnCount
    };
    enum class Filter
    {
        All,
        Active,
        Archived
    };
    explicit ProjectsModel(Database &db, QObject *parent = nullptr);
    static SqlCondition filterCondition(Filter f);
    // groupBy/width: the costs set to read (empty groupBy set: no cost column values); [from, to).
    void setCostWindow(const QString &groupBy, const QString &width, qint64 from, qint64 to);

private:
    Database &m_db;
};

} // namespace orgward
