#pragma once
// Usage and cost charts (Qt Charts) with the same numbers as a table, PNG/SVG export, hover values
// and empty states. Every point comes from an SQL aggregate over one group_by set.
#include "consolepane.h"
#include "finance/costquery.h"
#include "finance/usagequery.h"
#include "models/asyncread.h"

class QComboBox;
class QStackedWidget;
class QLabel;
class QTabWidget;
class QTableView;
class QDateEdit;

namespace orgward {
class Database;
class SeriesTableModel;
class ChartBox;

class UsagePane : public ConsolePane
{
    Q_OBJECT
public:
    UsagePane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Usage"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override { reload(); }
    QWidget *chartWidget() override;
    void startCsvExport(const QString &path) override;
    // Presets used by tests and the benchmark.
    void configure(const QString &kind, const QString &metric, const QString &stackBy, int days,
                   Granularity g);
    const UsageSeries &series() const { return m_series; }
    void reload();
    bool isBusy() const override { return m_read.busy(); }

private:
    void fillMetrics();
    void present(const Result<UsageSeries> &series); // the answer to reload(), on the GUI thread
    UsageRequest m_request;                          // what the chart being read shows
    AsyncRead<UsageSeries> m_read;
    QString m_org;
    qint64 m_now = 0;
    QComboBox *m_kind, *m_metric, *m_stack, *m_gran, *m_range;
    QTabWidget *m_tabs;
    ChartBox *m_chart;
    SeriesTableModel *m_table;
    UsageSeries m_series;
};

class CostsPane : public ConsolePane
{
    Q_OBJECT
public:
    CostsPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Costs"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override { reload(); }
    QWidget *chartWidget() override;
    void startCsvExport(const QString &path) override;
    void reload();
    bool isBusy() const override { return m_read.busy(); }

private:
    void present(const Result<CostSeries> &series); // the answer to reload(), on the GUI thread
    AsyncRead<CostSeries> m_read;
    QString m_org;
    qint64 m_now = 0;
    QComboBox *m_stack, *m_range;
    QLabel *m_totals;
    ChartBox *m_chart;
    SeriesTableModel *m_table;
    CostSeries m_series;
};

// Saves a widget as PNG (grab) or SVG (render through QSvgGenerator), by the file's suffix.
bool exportWidgetImage(QWidget *w, const QString &path, QString *error);

} // namespace orgward
