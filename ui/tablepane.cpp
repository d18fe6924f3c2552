#include "tablepane.h"

#include "models/sqltablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace orgward {

TablePane::TablePane(const QString &title, SqlTableModel *model, QWidget *parent)
    : QWidget(parent), m_title(title), m_model(model), m_filter(new QLineEdit(this)), m_view(new QTableView(this)),
      m_summary(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(QStringLiteral("<h2>%1</h2>").arg(title.toHtmlEscaped()), this);
    m_filter->setPlaceholderText(tr("Filter (Ctrl+F) — words match any text column"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter %1").arg(title));
    m_view->setModel(model);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(title);
    layout->addWidget(heading);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);

    // Debounce typing so each keystroke does not re-query.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(m_filter, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] { m_model->setFilterText(m_filter->text()); });
    connect(model, &SqlTableModel::reloaded, this, &TablePane::updateSummary);
    updateSummary();
}

void TablePane::focusFilter()
{
    m_filter->setFocus();
    m_filter->selectAll();
}

void TablePane::updateSummary()
{
    if (!m_model->lastError().isEmpty()) {
        m_summary->setText(tr("Query failed: %1").arg(m_model->lastError()));
        return;
    }
    if (m_model->totalRows() == 0)
        m_summary->setText(m_filter->text().isEmpty() ? tr("Nothing here yet. Import fixtures or run a sync.")
                                                      : tr("No rows match “%1”.").arg(m_filter->text()));
    else
        m_summary->setText(tr("%n row(s)", nullptr, int(m_model->totalRows())));
}

} // namespace orgward
