#pragma once
// One pane of the console. The main window switches panes from its sidebar and tells each the current
// organization and that org's "now" (a fixture snapshot's capture time, else the clock).
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
    virtual bool exportCsv(const QString &path, QString *error);
    // A read for what the pane shows (beyond its tables' models) is still on its way.
    virtual bool isBusy() const { return false; }
};

} // namespace orgward
