#include "migration_v6_bucketids.h"

#include "database.h"
#include "domain/pageparser.h"

namespace orgward {

Status migrateV6BucketIds(Database &db)
{
    // Old ids are 40 hex digits (plus "#n" for repeated tuples); a hyphen marks an id already converted.
    const QString seconds = db.tsToSecs(QStringLiteral("bucket_start"));
    // Concatenated, not arg(): arg() would read the "%01" of "%010d" as its own placeholder.
    const QString start =
        db.isPostgres()
            ? QString(QStringLiteral("lpad(CAST(") + seconds + QStringLiteral(" AS TEXT), 10, '0')"))
            : QString(QStringLiteral("printf('%010d', ") + seconds + u')');
    struct Source
    {
        const char *table;
        const char *kind; // SQL expression
    };
    for (const Source &src : {Source{"usage_events", "kind"}, Source{"openai_costs", "'costs'"}}) {
        const QString table = QLatin1String(src.table), kind = QLatin1String(src.kind);
        // The tag is a SHA-1, which neither engine computes in plain SQL: one UPDATE per group-by set.
        auto sets =
            db.exec(QStringLiteral("SELECT DISTINCT %1, group_by, bucket_width FROM %2").arg(kind, table));
        if (!sets) return sets.error();
        QList<QStringList> found;
        while (sets->next())
            found << QStringList{sets->value(0).toString(), sets->value(1).toString(),
                                 sets->value(2).toString()};
        for (const QStringList &set : std::as_const(found)) {
            const QString tag = bucketSetTag(set[0], set[1] + u'@' + set[2]);
            if (auto r = db.run(
                    QStringLiteral("UPDATE ") + table + QStringLiteral(" SET id = ? || ") + start +
                        QStringLiteral(" || '-' || id WHERE ") + kind +
                        QStringLiteral(" = ? AND group_by = ? AND bucket_width = ? AND id NOT LIKE '%-%'"),
                    QVariantList{QString(tag + u'-'), set[0], set[1], set[2]});
                !r)
                return r;
        }
    }
    return {};
}

} // namespace orgward
