#pragma once
#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;
class QLabel;
class QSplitter;
class QHBoxLayout;

namespace orgward {
class SqlTableModel;
// Fits columns to the first rows that arrive (capped), once; afterwards widths are the user's.
void autoSizeColumnsOnce(QTableView *view, SqlTableModel *model);

// A searchable, sortable table over one SqlTableModel with optional preset filters (a combo of SQL
// conditions), an optional detail area for the current row, copy and CSV export, and an empty state.
class TablePane : public QWidget
{
    Q_OBJECT
public:
    TablePane(const QString &title, SqlTableModel *model, QWidget *parent = nullptr);
    SqlTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString title() const { return m_title; }
    QLineEdit *filterEdit() const { return m_filter; }
    void focusFilter();
    // Preset filters: label and SQL condition (empty = all). Returns the combo index.
    int addPreset(const QString &label, const QString &condition);
    void setPresetCondition(int index, const QString &condition); // conditions that depend on "now"
    void selectPreset(int index);
    void setDetail(QWidget *detail); // shown beside the table
    QHBoxLayout *toolbarLayout() const { return m_tools; }
    QString currentId() const;
    void copySelection(bool wholeRow);
    bool exportCsv(const QString &path, QString *error);
    void setEmptyText(const QString &text)
    {
        m_emptyText = text;
        updateSummary();
    }

signals:
    void currentIdChanged(const QString &id);

private:
    void updateSummary();
    void applyPreset();
    QString m_title, m_emptyText;
    SqlTableModel *m_model;
    QLineEdit *m_filter;
    QComboBox *m_presets;
    QTableView *m_view;
    QLabel *m_summary;
    QSplitter *m_split;
    QHBoxLayout *m_tools;
    QStringList m_conditions;
};

} // namespace orgward
