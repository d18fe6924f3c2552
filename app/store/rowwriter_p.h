#pragma once
// RowWriter internals shared by the SQLite and PostgreSQL upsert paths.
#include "nativesession.h"
#include "rowwriter.h"

#include <vector>

namespace orgward::rowwriter {

// The statement shape for one table: insert columns in order, the conflict key, the update list.
struct Shape
{
    explicit Shape(const TableSpec &spec);
    const TableSpec &spec;
    QStringList cols;     // org_key, the spec's columns, then raw, row_hash, first_seen_at, updated_at, pass
    QList<ColType> types; // logical type of each of cols
    QStringList keyColumns; // org_key + scope + id: the conflict target
    QList<int> keyCells;    // positions of keyColumns within cols
    int hashCell = 0;       // position of row_hash within cols
    int goneCol = -1;       // position of the gone column within spec.columns
    QString conflict;       // "org_key, project_id, id"
    QString updates;        // "name = excluded.name, …" including the gone column's reset
};

// One page's rows as cells, cols.size() per row, duplicates of a key reduced to the last occurrence.
struct Cells
{
    int width = 0;
    std::vector<Cell> cells;
    qsizetype rows() const { return width ? qsizetype(cells.size()) / width : 0; }
    const Cell &at(qsizetype row, int col) const { return cells[size_t(row * width + col)]; }
};

// What RowWriter::prepare makes.
struct Prepared
{
    explicit Prepared(const TableSpec &spec) : shape(spec) {}
    Shape shape;
    Cells cells;
};

Result<WriteCounts> upsertSqlite(Database &db, const Shape &shape, const Cells &cells);
Result<WriteCounts> upsertPostgres(Database &db, const Shape &shape, const Cells &cells);

} // namespace orgward::rowwriter
