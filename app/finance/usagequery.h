#pragma once
// Usage charts: one metric of one usage kind, bucketed by day/week/month and stacked by a dimension,
// aggregated entirely in SQL over one group_by set. Only the aggregated points reach memory.
#include "groupbyset.h"

#include <QList>
#include <QStringList>

namespace orgward {

class Database;

enum class Granularity
{
    Day,
    Week,
    Month
};

struct UsageRequest
{
    QString orgKey;
    QString kind = QStringLiteral("completions");
    QString metric = QStringLiteral("input_tokens");
    QString stackBy; // "" (total), model, project_id, user_id, api_key_id, service_tier, …
    qint64 from = 0; // [from, to) Unix seconds
    qint64 to = 0;
    Granularity granularity = Granularity::Day;
    int topN = 8; // further stacks are summed into "Other"
};

struct UsageSeries
{
    GroupBySet set;
    QList<qint64> buckets;       // bucket starts, ascending, every bucket in range (zeros filled)
    QStringList stackKeys;       // raw dimension values; "\x01other" for the rest
    QStringList stackLabels;     // display names
    QList<QList<qint64>> values; // values[stack][bucket]
    qint64 total() const;
};

QStringList usageMetricsForKind(const QString &kind);
QString bucketExpr(Database &db, const QString &tsColumn, Granularity g);
QList<qint64> bucketStarts(qint64 from, qint64 to, Granularity g);
// Display names for dimension values (project names, user emails, key names).
QString dimensionLabel(Database &db, const QString &orgKey, const QString &dimension, const QString &value);

// stackBy must be empty or one of usageDimensionColumns() (domain/tables.h): anything else is refused.
Status checkUsageStackBy(const QString &stackBy);
// Refuses an unknown stackBy or metric (they name columns) with Error::Code::Usage.
Result<UsageSeries> queryUsage(Database &db, const UsageRequest &request);

} // namespace orgward
