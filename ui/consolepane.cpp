#include "consolepane.h"

#include "asofbar.h"
#include "models/sqltablemodel.h"
#include "tablepane.h"

namespace orgward {

void ConsolePane::startCsvExport(const QString &path)
{
    TablePane *t = activeTable();
    if (!t) {
        emit csvExportFinished(path, tr("The %1 pane has no table to export.").arg(title()), 0);
        return;
    }
    if (t->isExporting()) {
        emit csvExportFinished(path, tr("An export of %1 is still being written.").arg(t->title()), 0);
        return;
    }
    // One connection per export request: a table pane may be asked again after it finished.
    connect(
        t, &TablePane::exportFinished, this,
        [this](const QString &p, const QString &error, qint64 rows) {
            emit csvExportFinished(p, error, rows);
        },
        Qt::SingleShotConnection);
    t->startExport(path);
}

bool ConsolePane::isBusy() const
{
    const QList<SqlTableModel *> models = findChildren<SqlTableModel *>();
    for (const SqlTableModel *m : models)
        if (!m->isIdle()) return true;
    const QList<TablePane *> tables = findChildren<TablePane *>();
    for (const TablePane *t : tables)
        if (t->isExporting()) return true;
    const QList<AsOfController *> asOf = findChildren<AsOfController *>();
    for (const AsOfController *a : asOf)
        if (a->isBusy()) return true;
    return false;
}

} // namespace orgward
