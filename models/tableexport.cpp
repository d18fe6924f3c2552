#include "tableexport.h"

#include "sqltablemodel.h"

#include <QDateTime>
#include <QObject>

namespace orgward {

QString exportCell(ColType type, const QVariant &v)
{
    if (v.isNull()) return {};
    switch (type) {
    case ColType::Timestamp:
        // Unambiguous for whoever reads the file next, whatever the exporting machine's time zone.
        return QDateTime::fromSecsSinceEpoch(Database::timestampSecs(v), Qt::UTC).toString(Qt::ISODate);
    case ColType::Int:
        return QString::number(v.toLongLong());
    default:
        return SqlTableModel::formatValue(type, v);
    }
}

Result<qint64> writeTableCsv(Database &db, const TableExportQuery &q, const QString &path,
                             ExportProgress &progress)
{
    auto cancelled = [&path] {
        return err(Error::Code::Cancelled, QObject::tr("Export cancelled: %1 was not written.").arg(path));
    };
    if (progress.cancel.load()) return cancelled(); // cancelled while waiting in the worker's queue
    CsvFile file(path);
    if (auto o = file.open(); !o) return o.error();
    if (auto w = file.writeRecord(q.headers); !w) return w.error();
    qint64 rows = 0;
    if (!q.sql.isEmpty()) {
        auto rs = db.exec(q.sql, q.binds);
        if (!rs) return rs.error();
        QStringList cells;
        while (rs->next()) {
            if (progress.cancel.load(std::memory_order_relaxed)) {
                file.cancel();
                return cancelled();
            }
            cells.clear();
            for (int i = 0; i < q.types.size(); ++i)
                cells << (q.formats.value(i) ? q.formats[i](rs->value(i))
                                             : exportCell(q.types[i], rs->value(i)));
            if (auto w = file.writeRecord(cells); !w) return w.error();
            progress.rows.store(++rows, std::memory_order_relaxed);
        }
    }
    if (auto c = file.commit(); !c) return c.error();
    return rows;
}

} // namespace orgward
