#pragma once
// Changes (issue #13): what was added, removed or changed in the organization between two instants, grouped
// by entity, with when Orgward observed each change, when it happened (the API's dates or the audit event
// that explains it) and that evidence. diffBetween() (compliance/history.h) runs on the table worker; the
// tree filters and sorts what arrived. Double-clicking a change opens its entity's pane as of the second
// instant (the first for a removal).
#include "compliance/history.h"
#include "consolepane.h"
#include "models/asyncread.h"

class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeView;
class QModelIndex;

namespace orgward {

class ChangesModel;
class ChangesFilterModel;

class ChangesPane : public ConsolePane
{
    Q_OBJECT
public:
    enum Range
    {
        Last7Days,
        Last30Days,
        SinceFirstObservation
    };
    ChangesPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Changes"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override;
    void applyRole(ConsoleRole role) override;
    bool isBusy() const override;
    // Writes the changes shown (filter and order as shown) as CSV, off the GUI thread.
    void startCsvExport(const QString &path) override;

    // Compares these two instants (Unix seconds); the edits show them.
    void setRange(qint64 from, qint64 to);
    void chooseRange(Range range); // "to" is now
    qint64 from() const { return m_from; }
    qint64 to() const { return m_to; }

    ChangesModel *model() const { return m_model; }
    ChangesFilterModel *filterModel() const { return m_proxy; }
    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QString statusText() const;
    // What a double-click on a row of the view does.
    void openChange(const QModelIndex &viewIndex);

signals:
    // Open table's pane showing rowKey as of at (0: the present).
    void openHistoryRow(const QString &table, const QString &rowKey, qint64 at);

private:
    void compare();
    void showChanges(const Result<QList<EntityChange>> &changes);
    void updateStatus();
    void applyEdits();
    void exportDone(const Result<qint64> &rows);
    void chooseExportFile();

    AsyncRead<ObservedSpan> m_span;
    AsyncRead<QList<EntityChange>> m_diff;
    AsyncRead<qint64> m_export;
    ChangesModel *m_model;
    ChangesFilterModel *m_proxy;
    QDateTimeEdit *m_fromEdit, *m_toEdit;
    QPushButton *m_sinceFirst;
    QLineEdit *m_filter;
    QTreeView *m_view;
    QLabel *m_status, *m_summary;
    QTimer *m_editDebounce;
    QString m_org;
    QString m_error;      // of the last comparison
    QString m_exportPath; // being written
    QString m_exportNote; // the last export's outcome
    qint64 m_from = 0, m_to = 0;
    qint64 m_first = 0;    // the org's first observation (0: not known yet, or none)
    bool m_toIsNow = true; // "to" was chosen as now: opening a change shows the present
    bool m_keys = true;    // the role may see key tables
};

} // namespace orgward
