// PostgreSQL: the whole page travels as one array parameter per column and a single prepared statement
// unnests it, classifies every row against what is stored and merges the page: one round trip per page
// whatever its size, and no per-value SQL formatting. (A COPY into a temporary staging table was tried
// first; truncating the staging tables at every commit cost more than the merge itself.)
#include "rowwriter_p.h"

#include <libpq-fe.h>

namespace orgward::rowwriter {

namespace {
const char *arrayType(ColType t)
{
    switch (t) {
    case ColType::Text:
        return "text[]";
    case ColType::Int:
        return "bigint[]";
    case ColType::Timestamp:
        return "timestamptz[]";
    case ColType::Bool:
        return "boolean[]";
    case ColType::Json:
        return "jsonb[]";
    case ColType::Decimal:
        return "numeric[]";
    }
    return "text[]";
}

// One column of the page as a PostgreSQL array literal: {"text",42,NULL}.
QByteArray arrayLiteral(const Cells &cells, int col)
{
    QByteArray a;
    a.reserve(cells.rows() * 24);
    a += '{';
    for (qsizetype r = 0; r < cells.rows(); ++r) {
        if (r) a += ',';
        const Cell &c = cells.at(r, col);
        switch (c.kind) {
        case Cell::Kind::Null:
            a += "NULL";
            break;
        case Cell::Kind::Int:
            a += QByteArray::number(c.integer);
            break;
        case Cell::Kind::Text: {
            a += '"';
            const char *p = c.text.constData(), *end = p + c.text.size(), *run = p;
            for (; p < end; ++p) {
                if (*p != '"' && *p != '\\') continue;
                a.append(run, p - run);
                a += '\\';
                a += *p;
                run = p + 1;
            }
            a.append(run, end - run);
            a += '"';
            break;
        }
        }
    }
    a += '}';
    return a;
}
} // namespace

Result<WriteCounts> upsertPostgres(Database &db, const Shape &shape, const Cells &cells)
{
    NativeSession &native = db.native();
    const TableSpec &spec = shape.spec;
    const QByteArray name = QByteArrayLiteral("orgward_upsert_") + spec.table.toUtf8();
    if (!native.isPrepared(name)) {
        QStringList params, join, order, sourceCols;
        for (int c = 0; c < shape.cols.size(); ++c)
            params << QStringLiteral("$%1::%2").arg(c + 1).arg(QLatin1String(arrayType(shape.types[c])));
        for (const QString &k : shape.keyColumns) {
            join << QStringLiteral("t.%1 = s.%1").arg(k);
            order << QStringLiteral("s.%1").arg(k);
        }
        for (const QString &c : shape.cols)
            sourceCols << QStringLiteral("s.") + c;
        const QString colList = shape.cols.join(QStringLiteral(", "));
        // Every part of the WITH sees the table as it was before the INSERT, so "prior" classifies the
        // page against what was stored. Rows merge in key order so concurrent writers lock in one order.
        const QString sql =
            QStringLiteral(
                "WITH s AS (SELECT * FROM unnest(%1) AS u(%2)), "
                "prior AS (SELECT t.org_key IS NOT NULL AS present, t.row_hash = s.row_hash AS same, %3 AS "
                "was_gone FROM s LEFT JOIN %4 t ON %5), "
                "up AS (INSERT INTO %4 (%2) SELECT %6 FROM s ORDER BY %7 ON CONFLICT (%8) DO UPDATE SET %9 "
                "RETURNING 1) "
                "SELECT COUNT(*) FILTER (WHERE NOT present), "
                "COUNT(*) FILTER (WHERE present AND (NOT same OR was_gone)), "
                "COUNT(*) FILTER (WHERE present AND same AND NOT was_gone), (SELECT COUNT(*) FROM up) "
                "FROM prior")
                .arg(params.join(QStringLiteral(", ")), colList,
                     shape.goneCol >= 0 ? QStringLiteral("t.%1 IS NOT NULL").arg(spec.goneColumn)
                                        : QStringLiteral("false"),
                     spec.table, join.join(QStringLiteral(" AND ")), sourceCols.join(QStringLiteral(", ")),
                     order.join(QStringLiteral(", ")), shape.conflict, shape.updates);
        if (auto r = native.prepare(name, sql.toUtf8(), int(shape.cols.size())); !r) return r.error();
    }

    QList<QByteArray> arrays;
    arrays.reserve(cells.width);
    for (int c = 0; c < cells.width; ++c)
        arrays << arrayLiteral(cells, c);
    auto result = native.execPrepared(name, arrays);
    if (!result) return result.error();
    if (result->size() != 1 || result->first().size() != 4)
        return err(Error::Code::Database,
                   QStringLiteral("merging %1 on %2 gave no counts").arg(spec.table, db.describe()));
    const QList<QByteArray> &row = result->first();
    WriteCounts counts;
    counts.added = row[0].toLongLong();
    counts.changed = row[1].toLongLong();
    counts.unchanged = row[2].toLongLong();
    if (row[3].toLongLong() != cells.rows())
        return err(Error::Code::Database, QStringLiteral("merging %1 on %2 wrote %3 of %4 rows")
                                              .arg(spec.table, db.describe(), QString::fromLatin1(row[3]))
                                              .arg(cells.rows()));
    return counts;
}

} // namespace orgward::rowwriter
