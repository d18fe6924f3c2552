#pragma once
// Parses one Admin API response page (cursor list or time-bucketed page) into table rows.
// Strict about what the contract requires and about types; tolerant of unknown fields and enum values,
// which are kept in the row's raw JSON. Errors name the JSON path: "$.data[3].created_at: …".
#include "core/clock.h"
#include "tables.h"

namespace orgward {

struct ParsedPage
{
    QList<Row> rows;
    QList<Row> certificateEvents; // derived from certificate.* audit events
    bool hasMore = false;
    QString nextCursor; // list: id of the last item; page: next_page
    int itemCount = 0;  // objects in data (buckets for bucketed pages)
    qint64 minTime = 0; // audit: oldest effective_at; bucketed: first bucket start
    qint64 maxTime = 0; // audit: newest effective_at; bucketed: last bucket end
};

// The 8-hex tag a usage or cost row id starts with: SHA-1 of its kind ("costs" for costs) and its
// "<group_by set>@<bucket width>", so each set's rows sit together in the primary key.
QString bucketSetTag(const QString &kind, const QString &groupSet);

// nowSecs decides which buckets are still provisional (end_time later than now minus the grace).
Result<ParsedPage> parsePage(const EndpointRef &ref, const QByteArray &body, qint64 nowSecs,
                             qint64 finalizationGraceSecs = kSecondsPerDay);

} // namespace orgward
