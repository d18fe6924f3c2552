#pragma once
#include <QWidget>

class QLineEdit;
class QTableView;
class QLabel;

namespace orgward {
class SqlTableModel;

// A searchable, sortable table over one SqlTableModel, with an empty-state message.
class TablePane : public QWidget
{
    Q_OBJECT
public:
    TablePane(const QString &title, SqlTableModel *model, QWidget *parent = nullptr);
    SqlTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString title() const { return m_title; }
    void focusFilter();

private:
    void updateSummary();
    QString m_title;
    SqlTableModel *m_model;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_summary;
};

} // namespace orgward
