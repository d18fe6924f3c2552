// PostgreSQL. First one index range probe asks whether any stored row could share a key with the page
// (mayOverlap). A page of new rows only (a first sync, or the new days of a later one) is then COPYed
// straight into the table: the executor's INSERT … ON CONFLICT cost ~24 µs a row against COPY's ~18 µs
// with parsing included. Any other page travels as one array parameter per column to a single prepared
// statement that unnests it, classifies every row against what is stored and merges the page: one round
// trip per page whatever its size, and no per-value SQL formatting. (A COPY into a temporary staging table
// was tried first; truncating the staging tables at every commit cost more than the merge itself.) A row
// that another writer stores between the probe and the COPY fails the page with a unique violation, and
// nothing of it is kept; syncs of one organization take turns (an advisory lock), so that writer would be
// an import into the same org.
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

// One cell in PostgreSQL's text forms: `null` for NULL, the number, or the text with every byte that
// `escape` maps to a replacement (nullptr: keep it) replaced.
template <typename Escape> void appendCell(QByteArray &out, const Cell &c, const char *null, Escape escape)
{
    switch (c.kind) {
    case Cell::Kind::Null:
        out += null;
        return;
    case Cell::Kind::Int:
        out += QByteArray::number(c.integer);
        return;
    case Cell::Kind::Text:
        break;
    }
    const char *p = c.text.constData(), *end = p + c.text.size(), *run = p;
    for (; p < end; ++p) {
        const char *with = escape(*p);
        if (!with) continue;
        out.append(run, p - run);
        out += with;
        run = p + 1;
    }
    out.append(run, end - run);
}

// One column of the page as a PostgreSQL array literal: {"text",42,NULL}.
QByteArray arrayLiteral(const Cells &cells, int col)
{
    auto escape = [](char ch) -> const char * { return ch == '"' ? "\\\"" : ch == '\\' ? "\\\\" : nullptr; };
    QByteArray a;
    a.reserve(cells.rows() * 24);
    a += '{';
    for (qsizetype r = 0; r < cells.rows(); ++r) {
        if (r) a += ',';
        const Cell &c = cells.at(r, col);
        const bool quoted = c.kind == Cell::Kind::Text;
        if (quoted) a += '"';
        appendCell(a, c, "NULL", escape);
        if (quoted) a += '"';
    }
    a += '}';
    return a;
}
} // namespace

namespace {
// Whether any stored row could share a key with the page: one index range probe over the ids between the
// page's smallest and largest (both in the database's collation), within the page's org and scope. False
// means none of the page's keys is stored. True may be wrong in the safe direction (a stored row between
// two of the page's ids): the page is then merged. Usage and cost ids lead with their set and bucket
// start, so a page of new buckets spans no stored row; 12,000 key lookups cost more than this.
Result<bool> mayOverlap(Database &db, const Shape &shape, const Cells &cells)
{
    const int last = int(shape.keyCells.size()) - 1;
    for (qsizetype r = 1; r < cells.rows(); ++r)
        for (int k = 0; k < last; ++k) {
            const Cell &a = cells.at(0, shape.keyCells[k]), &b = cells.at(r, shape.keyCells[k]);
            if (a.kind != b.kind || a.text != b.text || a.integer != b.integer) return true; // mixed scopes
        }
    NativeSession &native = db.native();
    const TableSpec &spec = shape.spec;
    const int idCell = shape.keyCells[last];
    // Where text sorts by its bytes (the database's collation is C or C.UTF-8), the page's smallest and
    // largest id are found here and two values travel; elsewhere every id goes and the server finds them
    // in its own collation (parsing 12,000 ids cost ~20 ms of server time a page).
    const bool byBytes = native.textSortsByBytes() && shape.types[idCell] == ColType::Text;
    const QByteArray name =
        QByteArrayLiteral("orgward_overlap_") + (byBytes ? "b_" : "a_") + spec.table.toUtf8();
    if (!native.isPrepared(name)) {
        QStringList scope;
        for (int k = 0; k < last; ++k)
            scope << QStringLiteral("t.%1 = $%2").arg(shape.keyColumns[k]).arg(k + 1);
        scope << QStringLiteral("true");
        const QString id = shape.keyColumns[last];
        const QString sql =
            byBytes
                ? QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1 t WHERE %2 AND t.%3 BETWEEN $%4 AND $%5)")
                      .arg(spec.table, scope.join(QStringLiteral(" AND ")), id)
                      .arg(last + 1)
                      .arg(last + 2)
                : QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1 t, (SELECT min(i) AS lo, max(i) AS hi "
                                 "FROM unnest($%2::%3) AS i) k WHERE %4 AND t.%5 BETWEEN k.lo AND k.hi)")
                      .arg(spec.table)
                      .arg(last + 1)
                      .arg(QLatin1String(arrayType(shape.types[idCell])), scope.join(QStringLiteral(" AND ")),
                           id);
        if (auto r = native.prepare(name, sql.toUtf8(), byBytes ? last + 2 : last + 1); !r) return r.error();
    }
    QList<QByteArray> params;
    for (int k = 0; k < last; ++k) {
        const Cell &c = cells.at(0, shape.keyCells[k]);
        params << (c.kind == Cell::Kind::Int ? QByteArray::number(c.integer) : c.text);
    }
    if (byBytes) {
        const QByteArray *lo = nullptr, *hi = nullptr;
        for (qsizetype r = 0; r < cells.rows(); ++r) {
            const Cell &c = cells.at(r, idCell);
            if (c.kind != Cell::Kind::Text) return true; // a NULL id: let the merge say what is wrong
            if (!lo || c.text < *lo) lo = &c.text;
            if (!hi || *hi < c.text) hi = &c.text;
        }
        if (!lo) return true;
        params << *lo << *hi;
    } else {
        params << arrayLiteral(cells, idCell);
    }
    auto result = native.execPrepared(name, params);
    if (!result) return result.error();
    if (result->size() != 1 || result->first().isEmpty())
        return err(Error::Code::Database,
                   QStringLiteral("looking up %1 on %2 gave no answer").arg(spec.table, db.describe()));
    return result->first().first() != "f";
}

// COPY … FROM STDIN, text format: tab-separated, \N for NULL, backslash escapes.
Status copyRows(Database &db, const Shape &shape, const Cells &cells)
{
    pg_conn *pg = db.native().postgres();
    auto failed = [&](const QString &what) { return Status(db.native().postgresError(what)); };
    const QByteArray sql =
        QStringLiteral("COPY %1 (%2) FROM STDIN").arg(shape.spec.table, shape.cols.join(u',')).toUtf8();
    PGresult *r = PQexec(pg, sql.constData());
    const bool started = PQresultStatus(r) == PGRES_COPY_IN;
    PQclear(r);
    if (!started) return failed(QStringLiteral("starting to copy %1").arg(shape.spec.table));
    QByteArray buf;
    buf.reserve(1 << 20);
    bool ok = true;
    auto flush = [&] {
        if (ok && !buf.isEmpty()) ok = PQputCopyData(pg, buf.constData(), int(buf.size())) == 1;
        buf.clear();
    };
    auto escape = [](char ch) -> const char * {
        return ch == '\\' ? "\\\\" : ch == '\t' ? "\\t" : ch == '\n' ? "\\n" : ch == '\r' ? "\\r" : nullptr;
    };
    for (qsizetype row = 0; row < cells.rows() && ok; ++row) {
        for (int c = 0; c < cells.width; ++c) {
            if (c) buf += '\t';
            appendCell(buf, cells.at(row, c), "\\N", escape);
        }
        buf += '\n';
        if (buf.size() >= (1 << 20)) flush();
    }
    flush();
    if (PQputCopyEnd(pg, ok ? nullptr : "orgward: sending the rows failed") != 1) ok = false;
    bool done = ok;
    QString message;
    while (PGresult *res = PQgetResult(pg)) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK) {
            done = false;
            if (message.isEmpty()) message = QString::fromUtf8(PQresultErrorMessage(res));
        }
        PQclear(res);
    }
    if (done) return {};
    if (PQstatus(pg) == CONNECTION_BAD) return failed(QString());
    return sqlError(QStringLiteral("copying %1 into %2").arg(shape.spec.table, db.describe()), message);
}
} // namespace

Result<WriteCounts> upsertPostgres(Database &db, const Shape &shape, const Cells &cells)
{
    NativeSession &native = db.native();
    const TableSpec &spec = shape.spec;
    // A few rows (most project sub-lists) merge in one round trip; a page of new rows is COPYed.
    constexpr qsizetype kCopyFrom = 64;
    auto overlap = cells.rows() >= kCopyFrom ? mayOverlap(db, shape, cells) : Result<bool>(true);
    if (!overlap) return overlap.error();
    if (!*overlap) {
        if (auto r = copyRows(db, shape, cells); !r) return r.error();
        WriteCounts counts;
        counts.added = cells.rows();
        return counts;
    }
    const QByteArray name = QByteArrayLiteral("orgward_upsert_") + spec.table.toUtf8();
    if (!native.isPrepared(name)) {
        QStringList params, match, order, sourceCols;
        for (int c = 0; c < shape.cols.size(); ++c)
            params << QStringLiteral("$%1::%2").arg(c + 1).arg(QLatin1String(arrayType(shape.types[c])));
        for (const QString &k : shape.keyColumns) {
            match << QStringLiteral("t.%1 = s.%1").arg(k);
            order << QStringLiteral("s.%1").arg(k);
        }
        for (const QString &c : shape.cols)
            sourceCols << QStringLiteral("s.") + c;
        const QString colList = shape.cols.join(QStringLiteral(", "));
        // Every part of the WITH sees the table as it was before the INSERT, so "prior" classifies the
        // page against what was stored. It looks each row up by its key (LATERAL … LIMIT 1 is a nested
        // loop over the primary key whatever the statistics say: a plan made while the table was empty
        // once hash-joined a seq scan of the whole table for every page, quadratic over a first sync).
        // Rows merge in key order so concurrent writers lock in one order.
        const QString sql =
            QStringLiteral(
                "WITH s AS (SELECT * FROM unnest(%1) AS u(%2)), "
                "prior AS (SELECT p.row_hash IS NOT NULL AS present, p.row_hash = s.row_hash AS same, "
                "COALESCE(p.was_gone, false) AS was_gone FROM s LEFT JOIN LATERAL (SELECT t.row_hash, %3 AS "
                "was_gone FROM %4 t WHERE %5 LIMIT 1) p ON true), "
                "up AS (INSERT INTO %4 (%2) SELECT %6 FROM s ORDER BY %7 ON CONFLICT (%8) DO UPDATE SET %9 "
                "RETURNING 1) "
                "SELECT COUNT(*) FILTER (WHERE NOT present), "
                "COUNT(*) FILTER (WHERE present AND (NOT same OR was_gone)), "
                "COUNT(*) FILTER (WHERE present AND same AND NOT was_gone), (SELECT COUNT(*) FROM up) "
                "FROM prior")
                .arg(params.join(QStringLiteral(", ")), colList,
                     shape.goneCol >= 0 ? QStringLiteral("t.%1 IS NOT NULL").arg(spec.goneColumn)
                                        : QStringLiteral("false"),
                     spec.table, match.join(QStringLiteral(" AND ")), sourceCols.join(QStringLiteral(", ")),
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
