#include "rowwriter.h"

#include "nativesession.h"
#include "rowwriter_p.h"

#include <QCryptographicHash>
#include <QSet>

namespace orgward {

namespace rowwriter {

Shape::Shape(const TableSpec &s) : spec(s)
{
    cols << QStringLiteral("org_key");
    types << ColType::Text;
    for (const ColumnSpec &c : spec.columns) {
        cols << c.name;
        types << c.type;
    }
    hashCell = int(cols.size()) + 1;
    cols << QStringLiteral("raw") << QStringLiteral("row_hash") << QStringLiteral("first_seen_at")
         << QStringLiteral("updated_at") << QStringLiteral("last_seen_pass");
    types << ColType::Json << ColType::Text << ColType::Timestamp << ColType::Timestamp << ColType::Text;
    keyColumns = QStringList{QStringLiteral("org_key")} + spec.keyColumns();
    for (const QString &k : keyColumns)
        keyCells << int(cols.indexOf(k));
    goneCol = spec.goneColumn.isEmpty() ? -1 : spec.indexOf(spec.goneColumn);
    conflict = keyColumns.join(QStringLiteral(", "));
    QStringList sets;
    for (const ColumnSpec &c : spec.columns)
        if (!spec.keyColumns().contains(c.name) && c.name != spec.goneColumn)
            sets << QStringLiteral("%1 = excluded.%1").arg(c.name);
    // Unchanged rows keep their updated_at; every row seen gets the pass that saw it. A soft-deleted row
    // seen again has changed (it reappeared) even when its content has not: its updated_at is when, which
    // row history takes as the reappeared version's valid_from. (SET expressions read the old row.)
    const QString unchanged = goneCol >= 0
                                  ? QStringLiteral("%1.row_hash = excluded.row_hash AND %1.%2 IS NULL")
                                        .arg(spec.table, spec.goneColumn)
                                  : QStringLiteral("%1.row_hash = excluded.row_hash").arg(spec.table);
    sets << QStringLiteral("raw = excluded.raw") << QStringLiteral("row_hash = excluded.row_hash")
         << QStringLiteral("updated_at = CASE WHEN %1 THEN %2.updated_at ELSE excluded.updated_at END")
                .arg(unchanged, spec.table)
         << QStringLiteral("last_seen_pass = excluded.last_seen_pass");
    if (goneCol >= 0) sets << QStringLiteral("%1 = NULL").arg(spec.goneColumn); // reappearance clears it
    updates = sets.join(QStringLiteral(", "));
}

namespace {
Cell toCell(ColType type, const QVariant &v, bool pg)
{
    if (v.isNull() || !v.isValid()) return Cell::null();
    switch (type) {
    case ColType::Timestamp:
        return timestampCell(v.toLongLong(), pg);
    case ColType::Bool:
        return pg ? Cell::of(QByteArray(v.toBool() ? "t" : "f")) : Cell::of(qint64(v.toBool() ? 1 : 0));
    case ColType::Int:
        return Cell::of(v.toLongLong());
    case ColType::Text:
    case ColType::Json:
    case ColType::Decimal:
        break;
    }
    return Cell::of(v.toString().toUtf8());
}

QByteArray keyOf(const Cells &c, qsizetype row, const QList<int> &keyCells)
{
    QByteArray k;
    for (int i : keyCells) {
        const Cell &cell = c.at(row, i);
        k += cell.kind == Cell::Kind::Int ? QByteArray::number(cell.integer) : cell.text;
        k += '\x1f';
    }
    return k;
}
} // namespace

} // namespace rowwriter

namespace {
// The bytes a value contributes to the row hash: its text, or its decimal digits.
QByteArray hashBytes(const QVariant &v)
{
    switch (v.metaType().id()) {
    case QMetaType::LongLong:
        return QByteArray::number(v.toLongLong());
    case QMetaType::Bool:
        return v.toBool() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    default:
        return v.toString().toUtf8();
    }
}
} // namespace

RowWriter::Prepared RowWriter::prepare(const TableSpec &spec, bool pg, const QString &orgKey,
                                       const QList<Row> &rows, const QString &passId, qint64 now)
{
    using namespace rowwriter;
    auto p = std::make_shared<rowwriter::Prepared>(spec);
    const Shape &shape = p->shape;
    Cells &c = p->cells;
    c.width = int(shape.cols.size());
    c.cells.reserve(size_t(rows.size()) * size_t(c.width));
    const Cell org = Cell::of(orgKey.toUtf8());
    const Cell pass = Cell::of(passId.toUtf8());
    const Cell nowCell = toCell(ColType::Timestamp, now, pg);
    for (const Row &row : rows) {
        c.cells.push_back(org);
        // The row hash: SHA-1 over each value ("\x01N" for NULL, "\x01V" + its bytes), "\x02", then the raw
        // object. Taken along the way, reusing each text value's UTF-8.
        QCryptographicHash h(QCryptographicHash::Sha1);
        for (int i = 0; i < spec.columns.size(); ++i) {
            const QVariant &v = row.values[i];
            const ColType type = spec.columns[i].type;
            Cell cell = i == shape.goneCol ? Cell::null() : toCell(type, v, pg);
            if (v.isNull()) {
                h.addData("\x01N");
            } else {
                h.addData("\x01V");
                const bool text = type == ColType::Text || type == ColType::Json || type == ColType::Decimal;
                h.addData(text && cell.kind == Cell::Kind::Text ? cell.text : hashBytes(v));
            }
            c.cells.push_back(std::move(cell));
        }
        h.addData("\x02");
        h.addData(row.raw);
        c.cells.push_back(spec.keepsRaw ? Cell::of(row.raw) : Cell::null());
        c.cells.push_back(Cell::of(h.result().toHex()));
        c.cells.push_back(nowCell);
        c.cells.push_back(nowCell);
        c.cells.push_back(pass);
    }
    // A key seen twice in one page counts once, as its last occurrence (one statement cannot upsert the
    // same row twice on PostgreSQL).
    QSet<QByteArray> keys;
    bool duplicates = false;
    for (qsizetype r = 0; r < c.rows() && !duplicates; ++r) {
        const QByteArray k = keyOf(c, r, shape.keyCells);
        duplicates = keys.contains(k);
        keys.insert(k);
    }
    if (duplicates) {
        keys.clear();
        std::vector<Cell> kept;
        for (qsizetype r = c.rows() - 1; r >= 0; --r)
            if (const QByteArray k = keyOf(c, r, shape.keyCells); !keys.contains(k)) {
                keys.insert(k);
                kept.insert(kept.begin(), c.cells.begin() + r * c.width, c.cells.begin() + (r + 1) * c.width);
            }
        c.cells = std::move(kept);
    }

    return p;
}

Result<WriteCounts> RowWriter::write(const rowwriter::Prepared &p)
{
    if (p.cells.rows() == 0) return WriteCounts{};
    return m_db.isPostgres() ? rowwriter::upsertPostgres(m_db, p.shape, p.cells)
                             : rowwriter::upsertSqlite(m_db, p.shape, p.cells);
}

Result<qint64> RowWriter::markGone(const TableSpec &spec, const QString &orgKey,
                                   const QStringList &scopeValues, const QString &passId, qint64 now)
{
    if (spec.goneColumn.isEmpty()) return qint64(0);
    QString sql = QStringLiteral("UPDATE %1 SET %2 = $1, updated_at = $1 WHERE org_key = $2 AND %2 IS NULL "
                                 "AND (last_seen_pass IS NULL OR last_seen_pass <> $3)")
                      .arg(spec.table, spec.goneColumn);
    const Cell ts = timestampCell(now, m_db.isPostgres());
    QList<Cell> params{ts, Cell::of(orgKey.toUtf8()), Cell::of(passId.toUtf8())};
    for (int i = 0; i < spec.scopeColumns.size(); ++i) {
        sql += QStringLiteral(" AND %1 = $%2").arg(spec.scopeColumns[i]).arg(params.size() + 1);
        params << Cell::of(scopeValues.value(i).toUtf8());
    }
    return m_db.native().execute(sql.toUtf8(), params);
}

Result<qint64> RowWriter::markOrphansGone(const TableSpec &child, const TableSpec &parent,
                                          const QString &orgKey, qint64 now)
{
    if (child.goneColumn.isEmpty() || parent.goneColumn.isEmpty() || child.scopeColumns.size() != 1)
        return qint64(0);
    const QString sql =
        QStringLiteral("UPDATE %1 SET %2 = $1, updated_at = $1 WHERE org_key = $2 AND %2 IS NULL AND "
                       "%3 IN (SELECT %4 FROM %5 WHERE org_key = $2 AND %6 IS NOT NULL)")
            .arg(child.table, child.goneColumn, child.scopeColumns.first(), parent.idColumn, parent.table,
                 parent.goneColumn);
    return m_db.native().execute(sql.toUtf8(),
                                 {timestampCell(now, m_db.isPostgres()), Cell::of(orgKey.toUtf8())});
}

} // namespace orgward
