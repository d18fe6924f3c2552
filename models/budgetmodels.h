#pragma once
// The Budgets pane's tables (issue #15): each budget as evaluated (utilisation, thresholds crossed, the
// projection) and the history of first crossings. Plain value lists handed in whole, read off the GUI thread
// by the pane (evaluateBudgets, listCrossings).
#include "finance/budgetcheck.h"

#include <QAbstractTableModel>

namespace orgward {

class BudgetStatusModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Scope,
        Period,
        Amount,
        Spent,
        Utilization, // drawn as a bar coloured at the thresholds (UtilizationRole, ThresholdsRole)
        Crossed,
        Projected,
        RunsOut,
        ColumnCount
    };
    enum Role
    {
        UtilizationRole = Qt::UserRole + 1, // double: spent / amount
        ThresholdsRole,                     // QList<int> as QVariantList
        NameRole,                           // the budget's name (every column)
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setStatuses(const QList<BudgetStatus> &statuses);
    const QList<BudgetStatus> &statuses() const { return m_rows; }
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const BudgetStatus &s, int column) const;
    QList<BudgetStatus> m_rows;
};

class BudgetCrossingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Budget,
        Threshold,
        CrossedOn,
        Spent,
        PeriodStart,
        RecordedAt,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setCrossings(const QList<BudgetCrossing> &crossings);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<BudgetCrossing> m_rows;
};

} // namespace orgward
