#include "budgetmodels.h"

#include "core/instant.h"

namespace orgward {

namespace {

constexpr int kMoneyDecimals = 2;

QString day(qint64 secs)
{
    return formatInstant(secs).left(10); // 2026-11-19
}

QString percentList(const QList<int> &thresholds)
{
    QStringList parts;
    for (int t : thresholds)
        parts << QString::number(t) + u'%';
    return parts.join(QStringLiteral(", "));
}

} // namespace

void BudgetStatusModel::setStatuses(const QList<BudgetStatus> &statuses)
{
    beginResetModel();
    m_rows = statuses;
    endResetModel();
}

int BudgetStatusModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].budget.name == name) return i;
    return -1;
}

int BudgetStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BudgetStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BudgetStatusModel::display(const BudgetStatus &s, int column) const
{
    const Budget &b = s.budget;
    switch (column) {
    case Name:
        return b.name;
    case Scope:
        return b.orgKey.isEmpty() ? tr("%1 (all organizations)").arg(b.scope.text()) : b.scope.text();
    case Period:
        return tr("%1: %2 – %3").arg(budgetPeriodName(b.period), day(s.period.from), day(s.period.to - 1));
    case Amount:
        return QStringLiteral("%1 %2").arg(b.amount.toFixed(kMoneyDecimals), b.currency);
    case Spent:
        return s.spent.toFixed(kMoneyDecimals);
    case Utilization:
        return QString(QString::number(s.utilization.toDouble() * 100.0, 'f', 1) + u'%');
    case Crossed:
        return s.crossed().isEmpty() ? tr("none") : percentList(s.crossed());
    case Projected: {
        QString text = s.forecast.projectedTotal.toFixed(kMoneyDecimals);
        if (s.forecast.low && s.forecast.high && *s.forecast.low != *s.forecast.high)
            text += QStringLiteral(" (%1 – %2)").arg(s.forecast.low->toFixed(0), s.forecast.high->toFixed(0));
        return text;
    }
    case RunsOut:
        return s.projectedExhaustion ? day(*s.projectedExhaustion) : tr("not this period");
    }
    return {};
}

QVariant BudgetStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const BudgetStatus &s = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(s, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Crossed) {
            QStringList lines;
            for (const ThresholdStatus &t : s.thresholds)
                lines << (t.crossed ? tr("%1% reached on %2").arg(t.threshold).arg(day(*t.crossedOn))
                                    : tr("%1% not reached").arg(t.threshold));
            return lines.join(u'\n');
        }
        if (index.column() == Name && !s.budget.note.isEmpty()) return s.budget.note;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Amount || index.column() == Spent || index.column() == Projected)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case UtilizationRole:
        return s.utilization.toDouble();
    case ThresholdsRole: {
        QVariantList l;
        for (int t : s.budget.thresholds)
            l << t;
        return l;
    }
    case NameRole:
        return s.budget.name;
    }
    return {};
}

QVariant BudgetStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Name:
        return tr("Budget");
    case Scope:
        return tr("Scope");
    case Period:
        return tr("Period");
    case Amount:
        return tr("Amount");
    case Spent:
        return tr("Spent (billed)");
    case Utilization:
        return tr("Used");
    case Crossed:
        return tr("Thresholds crossed");
    case Projected:
        return tr("Projected at period end");
    case RunsOut:
        return tr("Runs out");
    }
    return {};
}

void BudgetCrossingsModel::setCrossings(const QList<BudgetCrossing> &crossings)
{
    beginResetModel();
    m_rows = crossings;
    endResetModel();
}

int BudgetCrossingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BudgetCrossingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BudgetCrossingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    if (role != Qt::DisplayRole) return {};
    const BudgetCrossing &c = m_rows[index.row()];
    switch (index.column()) {
    case Budget:
        return c.budget;
    case Threshold:
        return QString(QString::number(c.threshold) + u'%');
    case CrossedOn:
        return day(c.crossedOn);
    case Spent:
        return c.spent.toFixed(kMoneyDecimals);
    case PeriodStart:
        return day(c.periodStart);
    case RecordedAt:
        return formatInstant(c.recordedAt);
    }
    return {};
}

QVariant BudgetCrossingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Budget:
        return tr("Budget");
    case Threshold:
        return tr("Threshold");
    case CrossedOn:
        return tr("Reached on");
    case Spent:
        return tr("Period spend when noticed");
    case PeriodStart:
        return tr("Period from");
    case RecordedAt:
        return tr("Noticed at");
    }
    return {};
}

} // namespace orgward
