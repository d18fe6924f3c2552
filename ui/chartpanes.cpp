#include "chartpanes.h"

#include "core/csvwriter.h"
#include "domain/endpoint.h"
#include "finance/asof.h"
#include "models/seriestablemodel.h"
#include "store/database.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPainter>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

namespace orgward {

// A chart view with an empty-state label in front of it when there is nothing to draw.
class ChartBox : public QStackedWidget
{
public:
    explicit ChartBox(const QString &name, QWidget *parent)
        : QStackedWidget(parent), m_view(new QChartView(this)), m_empty(new QLabel(this))
    {
        m_view->setRenderHint(QPainter::Antialiasing);
        m_view->setAccessibleName(name);
        m_empty->setAlignment(Qt::AlignCenter);
        m_empty->setAccessibleName(tr("%1: empty").arg(name));
        addWidget(m_view);
        addWidget(m_empty);
    }
    QChartView *view() const { return m_view; }
    void setChart(QChart *c)
    {
        QChart *old = m_view->chart();
        c->setTheme(isDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        c->legend()->setAlignment(Qt::AlignBottom);
        m_view->setChart(c);
        delete old;
        setCurrentWidget(m_view);
    }
    void showEmpty(const QString &text)
    {
        m_empty->setText(text);
        setCurrentWidget(m_empty);
    }
    bool isEmpty() const { return currentWidget() == m_empty; }
    bool isDark() const { return palette().color(QPalette::Window).lightness() < 128; }

private:
    QChartView *m_view;
    QLabel *m_empty;
};

namespace {

QString bucketAxisLabel(qint64 s, Granularity g)
{
    const QDate d = QDateTime::fromSecsSinceEpoch(s, Qt::UTC).date();
    return g == Granularity::Month ? d.toString(QStringLiteral("yyyy-MM"))
                                   : d.toString(QStringLiteral("MM-dd"));
}

QComboBox *combo(const QString &name, QWidget *parent)
{
    auto *c = new QComboBox(parent);
    c->setAccessibleName(name);
    return c;
}

QTableView *numbersView(QAbstractItemModel *m, QWidget *parent)
{
    auto *v = new QTableView(parent);
    v->setModel(m);
    v->verticalHeader()->setVisible(false);
    v->horizontalHeader()->setStretchLastSection(true);
    v->setAccessibleName(QObject::tr("Chart numbers"));
    return v;
}

// A fixed qualitative palette (Tableau 10): the chart themes run out of distinct colours after five
// series and fade the rest to near-white, which hides stacks. "Other" (last) is always grey.
void applyPalette(QStackedBarSeries *bars)
{
    static const QColor colors[] = {QColor(0x4e79a7), QColor(0xf28e2b), QColor(0xe15759),
                                    QColor(0x76b7b2), QColor(0x59a14f), QColor(0xedc948),
                                    QColor(0xb07aa1), QColor(0xff9da7), QColor(0x9c755f)};
    const QList<QBarSet *> sets = bars->barSets();
    for (int i = 0; i < sets.size(); ++i) {
        const bool other = i == sets.size() - 1 && sets[i]->label() == QObject::tr("Other");
        const QColor c = other ? QColor(0xbab0ac) : colors[i % std::size(colors)];
        sets[i]->setColor(c);
        sets[i]->setBorderColor(c.darker(115));
    }
}

void connectHover(QBarSet *set, QWidget *view, const QStringList &categories)
{
    QObject::connect(set, &QBarSet::hovered, view, [set, categories](bool on, int index) {
        if (!on) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(), QStringLiteral("%1\n%2: %3")
                                               .arg(set->label(), categories.value(index),
                                                    QLocale().toString(set->at(index), 'f', 0)));
    });
}

// A chart's numbers are a few hundred cells at most: written here, at once.
Result<qint64> writeRecords(const QString &path, const QList<QStringList> &records)
{
    CsvFile file(path);
    if (auto o = file.open(); !o) return o.error();
    for (const QStringList &r : records)
        if (auto w = file.writeRecord(r); !w) return w.error();
    if (auto c = file.commit(); !c) return c.error();
    return qint64(records.size()) - 1;
}

} // namespace

bool exportWidgetImage(QWidget *w, const QString &path, QString *error)
{
    if (path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator gen;
        gen.setFileName(path);
        gen.setSize(w->size());
        gen.setViewBox(QRect(QPoint(0, 0), w->size()));
        gen.setTitle(w->accessibleName());
        QPainter p;
        if (!p.begin(&gen)) {
            *error = QObject::tr("Cannot write %1").arg(path);
            return false;
        }
        w->render(&p);
        p.end();
        return true;
    }
    if (!w->grab().save(path, "PNG")) {
        *error = QObject::tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

// Usage ------------------------------------------------------------------------------------------
UsagePane::UsagePane(Database &db, QWidget *parent)
    : ConsolePane(parent), m_read(db, this, [this](const Result<UsageSeries> &r) { present(r); })
{
    m_kind = combo(tr("Usage kind"), this);
    for (const QString &k : usageKinds())
        m_kind->addItem(k, k);
    m_metric = combo(tr("Metric"), this);
    m_stack = combo(tr("Stack by"), this);
    m_stack->addItem(tr("No stacking"), QString());
    m_stack->addItem(tr("Model"), QStringLiteral("model"));
    m_stack->addItem(tr("Project"), QStringLiteral("project_id"));
    m_stack->addItem(tr("User"), QStringLiteral("user_id"));
    m_stack->addItem(tr("API key"), QStringLiteral("api_key_id"));
    m_stack->addItem(tr("Service tier"), QStringLiteral("service_tier"));
    m_stack->setCurrentIndex(1);
    m_gran = combo(tr("Bucket"), this);
    m_gran->addItem(tr("By day"), int(Granularity::Day));
    m_gran->addItem(tr("By week"), int(Granularity::Week));
    m_gran->addItem(tr("By month"), int(Granularity::Month));
    m_range = combo(tr("Date range"), this);
    for (int d : {7, 30, 90, 180, 365})
        m_range->addItem(tr("Last %n day(s)", nullptr, d), d);
    m_range->setCurrentIndex(1);
    auto *controls = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_kind, m_metric, m_stack, m_gran, m_range})
        controls->addWidget(w);
    controls->addStretch(1);
    m_chart = new ChartBox(tr("Usage chart"), this);
    m_table = new SeriesTableModel(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_chart, tr("Chart"));
    m_tabs->addTab(numbersView(m_table, this), tr("Table"));
    auto *l = new QVBoxLayout(this);
    l->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Usage")), this));
    l->addLayout(controls);
    l->addWidget(m_tabs, 1);
    fillMetrics();
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        fillMetrics();
        reload();
    });
    for (QComboBox *c : {m_metric, m_stack, m_gran, m_range})
        connect(c, &QComboBox::currentIndexChanged, this, &UsagePane::reload);
}

QWidget *UsagePane::chartWidget()
{
    return m_chart->view();
}

void UsagePane::fillMetrics()
{
    m_metric->blockSignals(true);
    m_metric->clear();
    for (const QString &m : usageMetricsForKind(m_kind->currentData().toString()))
        m_metric->addItem(m, m);
    m_metric->blockSignals(false);
}

void UsagePane::configure(const QString &kind, const QString &metric, const QString &stackBy, int days,
                          Granularity g)
{
    for (QComboBox *c : {m_kind, m_metric, m_stack, m_gran, m_range})
        c->blockSignals(true);
    m_kind->setCurrentIndex(m_kind->findData(kind));
    fillMetrics();
    m_metric->blockSignals(true);
    m_metric->setCurrentIndex(m_metric->findData(metric));
    m_stack->setCurrentIndex(m_stack->findData(stackBy));
    m_gran->setCurrentIndex(m_gran->findData(int(g)));
    const int r = m_range->findData(days);
    if (r >= 0) m_range->setCurrentIndex(r);
    for (QComboBox *c : {m_kind, m_metric, m_stack, m_gran, m_range})
        c->blockSignals(false);
    reload();
}

void UsagePane::setOrg(const QString &org, qint64 now)
{
    m_org = org;
    m_now = now;
    reload();
}

void UsagePane::reload()
{
    if (m_org.isEmpty()) {
        m_chart->showEmpty(tr("No organization selected."));
        return;
    }
    UsageRequest r;
    r.orgKey = m_org;
    r.kind = m_kind->currentData().toString();
    r.metric = m_metric->currentData().toString();
    r.stackBy = m_stack->currentData().toString();
    r.granularity = Granularity(m_gran->currentData().toInt());
    r.to = (m_now / 86400 + 1) * 86400; // through the end of the org's current day
    r.from = r.to - qint64(m_range->currentData().toInt()) * 86400;
    m_request = r;
    // The aggregate runs on the table worker's connection (tens of ms over a large history); the chart
    // is built here when it arrives.
    m_read.run([r](Database &db) { return queryUsage(db, r); });
}

void UsagePane::present(const Result<UsageSeries> &s)
{
    const UsageRequest &r = m_request;
    if (!s) {
        m_chart->showEmpty(tr("Could not read usage: %1").arg(s.errorMessage()));
        return;
    }
    m_series = *s;
    m_table->setUsage(m_series, r.granularity);
    if (!m_series.set.isValid()) {
        m_chart->showEmpty(r.stackBy.isEmpty()
                               ? tr("No %1 usage has been synced for this organization.").arg(r.kind)
                               : tr("No %1 usage grouped by %2 has been synced.")
                                     .arg(r.kind, m_stack->currentText().toLower()));
        return;
    }
    if (m_series.total() == 0) {
        m_chart->showEmpty(tr("No usage in this range."));
        return;
    }
    auto *chart = new QChart;
    chart->setTitle(
        tr("%1 · %2, stacked by %3 (UTC buckets)").arg(r.kind, r.metric, m_stack->currentText().toLower()));
    auto *bars = new QStackedBarSeries(chart);
    QStringList cats;
    for (qint64 b : std::as_const(m_series.buckets))
        cats << bucketAxisLabel(b, r.granularity);
    for (int i = 0; i < m_series.stackKeys.size(); ++i) {
        auto *set = new QBarSet(m_series.stackLabels[i], bars);
        for (qint64 v : std::as_const(m_series.values[i]))
            *set << double(v);
        bars->append(set);
        connectHover(set, m_chart->view(), cats);
    }
    chart->addSeries(bars);
    applyPalette(bars);
    auto *x = new QBarCategoryAxis(chart);
    x->append(cats);
    if (cats.size() > 20) x->setLabelsAngle(-90);
    auto *y = new QValueAxis(chart);
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    y->applyNiceNumbers();
    m_chart->setChart(chart);
}

void UsagePane::startCsvExport(const QString &path)
{
    const auto rows = writeRecords(path, m_table->records());
    emit csvExportFinished(path, rows ? QString() : rows.errorMessage(), rows ? *rows : 0);
}

// Costs ------------------------------------------------------------------------------------------
CostsPane::CostsPane(Database &db, QWidget *parent)
    : ConsolePane(parent), m_read(db, this, [this](const Result<CostSeries> &r) { present(r); })
{
    m_stack = combo(tr("Stack by"), this);
    m_stack->addItem(tr("By project"), QStringLiteral("project_id"));
    m_stack->addItem(tr("By line item"), QStringLiteral("line_item"));
    m_stack->addItem(tr("Total only"), QString());
    m_range = combo(tr("Date range"), this);
    m_range->addItem(tr("Month to date"), 0);
    m_range->addItem(tr("Last 30 days"), 30);
    m_range->addItem(tr("Last 90 days"), 90);
    m_totals = new QLabel(this);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_stack);
    controls->addWidget(m_range);
    controls->addStretch(1);
    controls->addWidget(m_totals);
    m_chart = new ChartBox(tr("Cost chart"), this);
    m_table = new SeriesTableModel(this);
    auto *split = new QTabWidget(this);
    split->addTab(m_chart, tr("Chart"));
    split->addTab(numbersView(m_table, this), tr("Table"));
    auto *l = new QVBoxLayout(this);
    l->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Costs")), this));
    l->addLayout(controls);
    l->addWidget(split, 1);
    for (QComboBox *c : {m_stack, m_range})
        connect(c, &QComboBox::currentIndexChanged, this, &CostsPane::reload);
}

QWidget *CostsPane::chartWidget()
{
    return m_chart->view();
}

void CostsPane::setOrg(const QString &org, qint64 now)
{
    m_org = org;
    m_now = now;
    reload();
}

void CostsPane::reload()
{
    if (m_org.isEmpty()) {
        m_chart->showEmpty(tr("No organization selected."));
        return;
    }
    CostRequest r;
    r.orgKey = m_org;
    r.stackBy = m_stack->currentData().toString();
    const int days = m_range->currentData().toInt();
    r.to = (m_now / 86400 + 1) * 86400;
    r.from = days == 0 ? monthStartSecs(m_now) : r.to - qint64(days) * 86400;
    m_read.run([r](Database &db) { return queryCosts(db, r); });
}

void CostsPane::present(const Result<CostSeries> &s)
{
    if (!s) {
        m_chart->showEmpty(tr("Could not read costs: %1").arg(s.errorMessage()));
        return;
    }
    m_series = *s;
    m_table->setCosts(m_series);
    const QString cur = m_series.currency.toUpper();
    m_totals->setText(tr("Total: <b>%1 %2</b>").arg(m_series.total().toString(), cur));
    m_totals->setToolTip(tr("Exact sum of the cost line items in this range"));
    if (!m_series.set.isValid()) {
        m_chart->showEmpty(tr("No costs have been synced for this organization."));
        return;
    }
    if (m_series.total().isZero()) {
        m_chart->showEmpty(tr("No costs in this range."));
        return;
    }
    auto *chart = new QChart;
    chart->setTitle(tr("Daily cost (%1) and cumulative total").arg(cur));
    auto *bars = new QStackedBarSeries(chart);
    QStringList cats;
    for (qint64 d : std::as_const(m_series.days))
        cats << bucketAxisLabel(d, Granularity::Day);
    for (int i = 0; i < m_series.stackKeys.size(); ++i) {
        auto *set = new QBarSet(m_series.stackLabels[i], bars);
        for (const Decimal &v : std::as_const(m_series.values[i]))
            *set << v.toDouble();
        bars->append(set);
        QObject::connect(set, &QBarSet::hovered, m_chart->view(), [this, i, cats](bool on, int index) {
            if (!on) return QToolTip::hideText();
            QToolTip::showText(QCursor::pos(), QStringLiteral("%1\n%2: %3 %4")
                                                   .arg(m_series.stackLabels.value(i), cats.value(index),
                                                        m_series.values.value(i).value(index).toFixed(2),
                                                        m_series.currency.toUpper()));
        });
    }
    chart->addSeries(bars);
    applyPalette(bars);
    auto *line = new QLineSeries(chart);
    line->setName(tr("Cumulative"));
    const QList<Decimal> cum = m_series.cumulative();
    for (int i = 0; i < cum.size(); ++i)
        line->append(i, cum[i].toDouble());
    chart->addSeries(line);
    auto *x = new QBarCategoryAxis(chart);
    x->append(cats);
    if (cats.size() > 20) x->setLabelsAngle(-90);
    auto *y = new QValueAxis(chart);
    y->setTitleText(tr("per day (%1)").arg(cur));
    auto *y2 = new QValueAxis(chart);
    y2->setTitleText(tr("cumulative (%1)").arg(cur));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(y2, Qt::AlignRight);
    bars->attachAxis(x);
    bars->attachAxis(y);
    line->attachAxis(x);
    line->attachAxis(y2);
    y->applyNiceNumbers();
    y2->setMin(0);
    y2->applyNiceNumbers();
    m_chart->setChart(chart);
}

void CostsPane::startCsvExport(const QString &path)
{
    const auto rows = writeRecords(path, m_table->records());
    emit csvExportFinished(path, rows ? QString() : rows.errorMessage(), rows ? *rows : 0);
}

} // namespace orgward
