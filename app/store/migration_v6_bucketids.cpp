#include "migration_v6_bucketids.h"

#include "database.h"

namespace orgward {

Status migrateV6BucketIds(Database &db)
{
    // Old ids are 40 hex digits (plus "#n" for repeated tuples); the hyphen marks an id already converted.
    const QString seconds = db.tsToSecs(QStringLiteral("bucket_start"));
    const QString prefix = db.isPostgres() ? QStringLiteral("lpad(CAST(%1 AS TEXT), 10, '0')").arg(seconds)
                                           // concatenated: arg() would read the "%01" of "%010d" as its own
                                           : QStringLiteral("printf('%010d', ") + seconds + u')';
    for (const char *table : {"usage_events", "openai_costs"})
        if (auto r = db.run(QStringLiteral("UPDATE ") + QLatin1String(table) + QStringLiteral(" SET id = ") +
                            prefix + QStringLiteral(" || '-' || id WHERE id NOT LIKE '%-%'"));
            !r)
            return r;
    return {};
}

} // namespace orgward
