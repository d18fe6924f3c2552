#pragma once
// One pane of the console. The main window switches panes from its sidebar and tells each the current
// organization and that org's "now" (a fixture snapshot's capture time, else the clock).
#include "security/roles.h"

#include <QWidget>

namespace orgward {
class TablePane;

class ConsolePane : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;
    virtual QString title() const = 0;
    virtual void setOrg(const QString &orgKey, qint64 now) = 0;
    // After a sync commits: re-query keeping selection and scroll position.
    virtual void refresh() = 0;
    virtual TablePane *activeTable() { return nullptr; }
    virtual QWidget *chartWidget() { return nullptr; } // exported as PNG/SVG
    // Hides the columns, tabs and tiles over tables the role may not read (they read as empty relations).
    virtual void applyRole(ConsoleRole role) { Q_UNUSED(role); }
    // Starts writing what the pane shows as CSV (a table: every row of its query, on the table worker, with
    // progress and Cancel); csvExportFinished() follows, also when it could not start.
    virtual void startCsvExport(const QString &path);
    // Row history (issue #13): the entity tables (as orgward_history names them) this pane can show as of an
    // instant; a child table (a project's members) shows its parent's row.
    virtual QStringList historyTables() const { return {}; }
    // Shows the row rowKey of table (history's key: key columns joined by '/') as of at (a time not before
    // now: the present), selecting it once loaded. False when the pane does not show that table.
    virtual bool showHistoryRow(const QString &table, const QString &rowKey, qint64 at)
    {
        Q_UNUSED(table);
        Q_UNUSED(rowKey);
        Q_UNUSED(at);
        return false;
    }
    // A read for what the pane shows is still on its way (a table, a detail table, a chart, the tiles), or
    // an export is being written. Tests and the benchmark wait for this to turn false.
    virtual bool isBusy() const;

signals:
    // error empty: path holds rows rows (plus the header line).
    void csvExportFinished(const QString &path, const QString &error, qint64 rows);
};

} // namespace orgward
