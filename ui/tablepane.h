#pragma once
#include "models/asyncread.h"
#include "models/sqltablemodel.h"

#include <QHash>
#include <QPointer>
#include <QProgressDialog>
#include <QWidget>
#include <memory>

class QComboBox;
class QLineEdit;
class QTableView;
class QLabel;
class QSplitter;
class QHBoxLayout;
class QVBoxLayout;
class QTimer;

namespace orgward {
struct ExportProgress;
class AsOfController;
class AsOfTableModel;
// Fits columns to the first rows that arrive (capped), once; afterwards widths are the user's.
void autoSizeColumnsOnce(QTableView *view, SqlTableModel *model);
// A sortable detail table over model (made async: it never queries on the GUI thread), named for screen
// readers (name) and tests (objectName).
QTableView *detailView(SqlTableModel *model, const QString &name, const QString &objectName, QWidget *parent);
// A vertical layout on w without margins.
QVBoxLayout *vbox(QWidget *w);

// A searchable, sortable table over one SqlTableModel with optional preset filters (a combo of the model's
// filter conditions), an optional detail area for the current row, copy, CSV export (written on the table
// worker, with a non-modal progress dialog and Cancel) and an empty state.
class TablePane : public QWidget
{
    Q_OBJECT
public:
    TablePane(const QString &title, SqlTableModel *model, QWidget *parent = nullptr);
    // The live table (the present). What the view shows may be the as-of table instead: shownModel().
    SqlTableModel *model() const { return m_model; }
    SqlTableModel *shownModel() const { return m_shown; }
    QTableView *view() const { return m_view; }
    QString title() const { return m_title; }
    QLineEdit *filterEdit() const { return m_filter; }
    void focusFilter();
    // Preset filters: label and the model's condition (empty = all). Returns the combo index.
    int addPreset(const QString &label, const SqlCondition &condition = {});
    void setPresetCondition(int index, const SqlCondition &condition); // conditions that depend on "now"
    void selectPreset(int index);
    // Shown beside the table (detailSize pixels wide at first), or below it (Qt::Vertical: detailSize high).
    void setDetail(QWidget *detail, int detailSize = 360, Qt::Orientation orientation = Qt::Horizontal);
    QHBoxLayout *toolbarLayout() const { return m_tools; }
    // A line of context under the heading, above the toolbar (the audit log's reach); parented to the pane.
    void setNote(QWidget *note);
    QString currentId() const;
    void copySelection(bool wholeRow);
    // Writes every row of the model's query to path off the GUI thread; exportFinished() follows.
    // Refused (false, no signal) while an export is being written.
    bool startExport(const QString &path);
    bool isExporting() const { return m_export.busy(); }
    // The progress dialog of the export being written (nullptr when none), for tests.
    QProgressDialog *exportDialog() const { return m_exportDialog; }
    void setEmptyText(const QString &text)
    {
        m_emptyText = text;
        updateSummary();
    }

    // History (issue #13): the pane's as-of choice decides what this table shows. While it names a past
    // instant the view shows asOfModel (the entity's versions valid then) under a banner with "Back to now"
    // and presets are off; currentIdChanged names the shown table's row, so the pane fills its detail area as
    // of the same instant (DetailTables). The selected row stays selected across a switch when the other
    // table has it. Before the org's first observation a message replaces the table and its details. An
    // AsOfBar (the picker) joins the toolbar.
    void bindAsOf(AsOfController *asOf, AsOfTableModel *asOfModel);
    bool isAsOf() const { return m_asOf && m_shown != m_model; }
    AsOfTableModel *asOfModel() const { return m_asOfModel; }
    // What the table says instead of rows before the first observation (empty while rows are shown).
    QString noRecordText() const;
    QString asOfBannerText() const;
    // Selects the row with this id once the shown table has it (after its next load), and scrolls to it.
    void selectWhenLoaded(const QString &id);

signals:
    void currentIdChanged(const QString &id);
    void exportFinished(const QString &path, const QString &error, qint64 rows);

private:
    void updateSummary();
    void applyAsOf();
    void updateBanner();
    void showModel(SqlTableModel *model);
    void onCurrentRowChanged(const QModelIndex &current);
    void onShownReloaded();
    void applyPreset();
    void exportDone(const Result<qint64> &rows);
    QString m_title, m_emptyText;
    SqlTableModel *m_model;
    QLineEdit *m_filter;
    QComboBox *m_presets;
    QTableView *m_view;
    QLabel *m_summary;
    QSplitter *m_split;
    QHBoxLayout *m_tools;
    QList<SqlCondition> m_conditions;
    AsyncRead<qint64> m_export;
    std::shared_ptr<ExportProgress> m_exportProgress;
    QString m_exportPath;
    QPointer<QProgressDialog> m_exportDialog;
    QTimer *m_exportTicker;
    SqlTableModel *m_shown;
    AsOfController *m_asOf = nullptr;
    AsOfTableModel *m_asOfModel = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QLabel *m_noRecord = nullptr;
    QHash<const SqlTableModel *, QByteArray> m_headerState; // widths, hidden columns, sort of each model
    QString m_pendingSelect;
};

} // namespace orgward
