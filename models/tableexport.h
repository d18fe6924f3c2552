#pragma once
// Writes every row of a table's current query (filter, preset and sort as shown) to a CSV file
// (core/csvwriter.h). Runs on whatever thread has the connection: the console runs it on the table worker
// (sqlfetch.h) and watches an ExportProgress, which also carries the user's Cancel.
#include "core/csvwriter.h"
#include "domain/tables.h"
#include "store/database.h"

#include <atomic>

namespace orgward {

// A column's own text for a stored value (SqlColumn::format), shown and exported alike.
using CellFormatter = QString (*)(const QVariant &);

struct TableExportQuery
{
    QString sql; // empty: nothing to export (no org or no columns); the file gets the header only
    QVariantList binds;
    QStringList headers;
    QList<ColType> types;
    QList<CellFormatter> formats; // per column; nullptr: by type
    qint64 expectedRows = -1;     // the model's count when the export started (for progress); -1 unknown
};

// Shared between the thread that writes and the one that shows progress.
struct ExportProgress
{
    std::atomic<qint64> rows{0};
    std::atomic<bool> cancel{false};
};

// The value as written to a file: timestamps as UTC ISO-8601, numbers without group separators.
QString exportCell(ColType type, const QVariant &value);

// Rows written; Error::Code::Cancelled (and no file replaced) when progress.cancel was set.
Result<qint64> writeTableCsv(Database &db, const TableExportQuery &query, const QString &path,
                             ExportProgress &progress);

} // namespace orgward
