#pragma once
// The numbers behind a chart as a table: one row per bucket, one column per stack, then totals.
// Holds only aggregated points (buckets × stacks), never raw usage rows.
#include "finance/costquery.h"
#include "finance/usagequery.h"

#include <QAbstractTableModel>

namespace orgward {

class SeriesTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit SeriesTableModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}
    void setUsage(const UsageSeries &s, Granularity g);
    void setCosts(const CostSeries &s);
    // The header, then every row, as cells for a CSV file (core/csvwriter.h).
    QList<QStringList> records() const;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_headers.size());
    }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
    QList<qint64> m_bucketSecs;
};

} // namespace orgward
