#include "seriestablemodel.h"

#include "sqltablemodel.h"

#include <QDateTime>
#include <QLocale>

namespace orgward {

namespace {
QString bucketLabel(qint64 s, Granularity g)
{
    const QDate d = QDateTime::fromSecsSinceEpoch(s, Qt::UTC).date();
    switch (g) {
    case Granularity::Month:
        return d.toString(QStringLiteral("yyyy-MM"));
    case Granularity::Week:
        return QObject::tr("week of %1").arg(d.toString(Qt::ISODate));
    default:
        return d.toString(Qt::ISODate);
    }
}
} // namespace

void SeriesTableModel::setUsage(const UsageSeries &s, Granularity g)
{
    beginResetModel();
    m_headers = QStringList{tr("Period (UTC)")} + s.stackLabels;
    if (s.stackLabels.size() != 1) m_headers << tr("Total");
    m_rows.clear();
    m_bucketSecs = s.buckets;
    for (int b = 0; b < s.buckets.size(); ++b) {
        QStringList row{bucketLabel(s.buckets[b], g)};
        qint64 total = 0;
        for (int k = 0; k < s.values.size(); ++k) {
            row << QLocale().toString(s.values[k][b]);
            total += s.values[k][b];
        }
        if (s.stackLabels.size() != 1) row << QLocale().toString(total);
        m_rows << row;
    }
    endResetModel();
}

void SeriesTableModel::setCosts(const CostSeries &s)
{
    beginResetModel();
    const QString cur =
        s.currency.isEmpty() ? QString() : QString(QStringLiteral(" (") + s.currency.toUpper() + u')');
    m_headers = QStringList{tr("Day (UTC)")};
    for (const QString &l : s.stackLabels)
        m_headers << QString(l + cur);
    m_headers << tr("Day total%1").arg(cur) << tr("Cumulative%1").arg(cur);
    m_rows.clear();
    m_bucketSecs = s.days;
    const QList<Decimal> totals = s.dayTotals();
    const QList<Decimal> cumulative = s.cumulative();
    for (int d = 0; d < s.days.size(); ++d) {
        QStringList row{bucketLabel(s.days[d], Granularity::Day)};
        for (int k = 0; k < s.values.size(); ++k)
            row << s.values[k][d].toString();
        row << totals.value(d).toString() << cumulative.value(d).toString();
        m_rows << row;
    }
    endResetModel();
}

QVariant SeriesTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_headers.size()) return {};
    if (role == Qt::DisplayRole) return m_rows[index.row()].value(index.column());
    if (role == Qt::TextAlignmentRole && index.column() > 0) return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == 0)
        return QString(
            QDateTime::fromSecsSinceEpoch(m_bucketSecs.value(index.row()), Qt::UTC).toString(Qt::ISODate));
    return {};
}

QVariant SeriesTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_headers.size())
        return {};
    return m_headers[section];
}

QList<QStringList> SeriesTableModel::records() const
{
    QList<QStringList> out{m_headers};
    // Numbers without group separators: a file is read by programs as much as by people.
    for (const QStringList &r : m_rows) {
        QStringList f;
        for (const QString &s : r)
            f << QString(s).remove(QLocale().groupSeparator());
        out << f;
    }
    return out;
}

} // namespace orgward
