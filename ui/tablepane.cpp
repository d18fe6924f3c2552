#include "tablepane.h"

#include "asofbar.h"
#include "models/asofmodel.h"
#include "models/sqltablemodel.h"
#include "models/tableexport.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace orgward {

namespace {
constexpr int kShowProgressAfterMs = 400; // quick exports finish without a dialog flashing up
constexpr int kProgressTickMs = 100;
} // namespace

void autoSizeColumnsOnce(QTableView *view, SqlTableModel *model)
{
    // Sized from the first block that has rows (only visible rows are measured), then left to the user.
    QObject::connect(model, &SqlTableModel::reloaded, view, [view, model] {
        if (view->model() != model || model->rowCount() == 0 || view->property("orgwardSized").toBool())
            return;
        view->setProperty("orgwardSized", true);
        view->resizeColumnsToContents();
        for (int c = 0; c < model->columnCount(); ++c)
            view->setColumnWidth(c, qBound(60, view->columnWidth(c) + 8, 320));
    });
}

QTableView *detailView(SqlTableModel *m, const QString &name, const QString &objectName, QWidget *parent)
{
    auto *v = new QTableView(parent);
    m->setAsync(true); // the GUI thread never waits on a query
    v->setModel(m);
    v->horizontalHeader()->setSortIndicator(m->sortColumn(), m->sortOrder());
    v->setSortingEnabled(true);
    autoSizeColumnsOnce(v, m);
    v->verticalHeader()->setVisible(false);
    v->verticalHeader()->setDefaultSectionSize(v->fontMetrics().height() + 8);
    v->setWordWrap(false);
    v->horizontalHeader()->setStretchLastSection(true);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setAccessibleName(name);
    v->setObjectName(objectName);
    return v;
}

QVBoxLayout *vbox(QWidget *w)
{
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    return l;
}

TablePane::TablePane(const QString &title, SqlTableModel *model, QWidget *parent)
    : QWidget(parent), m_title(title), m_model(model), m_filter(new QLineEdit(this)),
      m_presets(new QComboBox(this)), m_view(new QTableView(this)), m_summary(new QLabel(this)),
      m_split(new QSplitter(Qt::Horizontal, this)), m_tools(new QHBoxLayout),
      m_export(model->database(), this, [this](const Result<qint64> &rows) { exportDone(rows); }),
      m_exportTicker(new QTimer(this)), m_shown(model)
{
    m_emptyText = tr("Nothing here yet. Import fixtures or run a sync.");
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(QStringLiteral("<h2>%1</h2>").arg(title.toHtmlEscaped()), this);
    m_filter->setPlaceholderText(tr("Filter (Ctrl+F) — words match any text column"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter %1").arg(title));
    m_presets->setAccessibleName(tr("Preset filter for %1").arg(title));
    m_presets->setVisible(false);
    m_tools->addWidget(m_filter, 1);
    m_tools->addWidget(m_presets);
    // Counting, sorting and filtering 100,000 rows must not freeze the window: queries go to a worker.
    model->setAsync(true);
    m_view->setModel(model);
    // The indicator first: enabling sorting sorts by whatever the indicator says.
    m_view->horizontalHeader()->setSortIndicator(model->sortColumn(), model->sortOrder());
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    m_view->setAccessibleName(title);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_split->addWidget(m_view);
    m_split->setChildrenCollapsible(false);
    layout->addWidget(heading);
    layout->addLayout(m_tools);
    layout->addWidget(m_split, 1);
    layout->addWidget(m_summary);

    // Debounce typing so each keystroke does not re-query.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(m_filter, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] { m_shown->setFilterText(m_filter->text()); });
    connect(m_presets, &QComboBox::currentIndexChanged, this, &TablePane::applyPreset);
    connect(model, &SqlTableModel::reloaded, this, &TablePane::onShownReloaded);
    connect(model, &SqlTableModel::loadingChanged, this, &TablePane::updateSummary);
    autoSizeColumnsOnce(m_view, model);
    connect(model, &SqlTableModel::modelReset, this, [this] {
        if (m_shown == m_model) emit currentIdChanged(QString());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TablePane::onCurrentRowChanged);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(tr("Copy cell"), this, [this] { copySelection(false); });
        menu.addAction(tr("Copy row"), this, [this] { copySelection(true); });
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    updateSummary();
}

void TablePane::focusFilter()
{
    m_filter->setFocus();
    m_filter->selectAll();
}

int TablePane::addPreset(const QString &label, const SqlCondition &condition)
{
    m_conditions << condition;
    m_presets->addItem(label);
    m_presets->setVisible(true);
    return m_presets->count() - 1;
}

void TablePane::setPresetCondition(int index, const SqlCondition &condition)
{
    if (index < 0 || index >= m_conditions.size()) return;
    m_conditions[index] = condition;
}

void TablePane::selectPreset(int index)
{
    if (m_presets->currentIndex() == index)
        applyPreset();
    else
        m_presets->setCurrentIndex(index);
}

void TablePane::applyPreset()
{
    m_model->setExtraCondition(m_conditions.value(m_presets->currentIndex())); // presets: the present only
}

void TablePane::setDetail(QWidget *detail, int detailSize, Qt::Orientation orientation)
{
    m_split->setOrientation(orientation);
    m_split->addWidget(detail);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 1);
    m_split->setSizes({orientation == Qt::Horizontal ? 1260 - detailSize : 700 - detailSize, detailSize});
}

void TablePane::setNote(QWidget *note)
{
    note->setParent(this);
    static_cast<QVBoxLayout *>(layout())->insertWidget(1, note); // 0 is the heading
}

QString TablePane::currentId() const
{
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? m_shown->idAt(i.row()) : QString();
}

void TablePane::copySelection(bool wholeRow)
{
    const QModelIndex cur = m_view->currentIndex();
    if (!cur.isValid()) return;
    if (!wholeRow) {
        QApplication::clipboard()->setText(cur.data().toString());
        return;
    }
    QStringList cells;
    for (int c = 0; c < m_shown->columnCount(); ++c)
        cells << m_shown->index(cur.row(), c).data().toString();
    QApplication::clipboard()->setText(cells.join(u'\t'));
}

bool TablePane::startExport(const QString &path)
{
    if (isExporting()) return false;
    const TableExportQuery query = m_shown->exportQuery();
    auto progress = std::make_shared<ExportProgress>();
    m_exportProgress = progress;
    m_exportPath = path;
    // Non-modal: the console stays usable while the file is written; Cancel stops the worker between rows.
    auto *dialog = new QProgressDialog(tr("Exporting %1 to %2…").arg(m_title, path), tr("Cancel"), 0,
                                       int(qBound<qint64>(0, query.expectedRows, qint64(INT_MAX))), this);
    dialog->setWindowModality(Qt::NonModal);
    dialog->setWindowTitle(tr("Export table"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    dialog->setMinimumDuration(kShowProgressAfterMs);
    dialog->setValue(0);
    connect(dialog, &QProgressDialog::canceled, this, [progress] { progress->cancel = true; });
    m_exportDialog = dialog;
    // The worker only counts rows; the dialog reads the count on a timer (no signal per row).
    m_exportTicker->setInterval(kProgressTickMs);
    connect(m_exportTicker, &QTimer::timeout, this, [this] {
        if (m_exportDialog && m_exportProgress)
            m_exportDialog->setValue(
                int(qMin<qint64>(m_exportProgress->rows.load(), m_exportDialog->maximum())));
    });
    m_exportTicker->start();
    m_export.run([query, path, progress](Database &db) { return writeTableCsv(db, query, path, *progress); });
    return true;
}

void TablePane::exportDone(const Result<qint64> &rows)
{
    m_exportTicker->stop();
    disconnect(m_exportTicker, &QTimer::timeout, this, nullptr);
    if (m_exportDialog) m_exportDialog->close();
    m_exportProgress.reset();
    emit exportFinished(m_exportPath, rows ? QString() : rows.errorMessage(), rows ? *rows : 0);
}

void TablePane::updateSummary()
{
    if (m_noRecord && m_noRecord->isVisibleTo(this)) {
        m_summary->setText(QString());
        return;
    }
    if (m_shown->isLoading()) {
        m_summary->setText(tr("Loading…"));
        return;
    }
    if (!m_shown->lastError().isEmpty()) {
        m_summary->setText(tr("Query failed: %1").arg(m_shown->lastError()));
        return;
    }
    const QString when =
        isAsOf() ? tr(" as of %1").arg(AsOfController::instantText(m_asOfModel->asOf())) : QString();
    if (m_shown->totalRows() == 0)
        m_summary->setText(!m_filter->text().isEmpty()
                               ? tr("No rows match “%1”%2.").arg(m_filter->text(), when)
                           : isAsOf() ? tr("No rows%1.").arg(when)
                                      : m_emptyText);
    else
        m_summary->setText(tr("%n row(s)", nullptr, int(m_shown->totalRows())) + when);
}

void TablePane::onShownReloaded()
{
    if (sender() != m_shown) return;
    updateSummary();
    if (m_pendingSelect.isEmpty() || m_shown->isLoading()) return;
    const int row = m_shown->rowOfId(m_pendingSelect);
    m_pendingSelect.clear();
    if (row < 0) return;
    m_view->selectRow(row);
    m_view->scrollTo(m_shown->index(row, 0));
}

void TablePane::selectWhenLoaded(const QString &id)
{
    m_pendingSelect = id;
    if (m_shown->isLoading()) return; // onShownReloaded selects it
    const int row = m_shown->rowOfId(id);
    m_pendingSelect.clear();
    if (row < 0) return;
    m_view->selectRow(row);
    m_view->scrollTo(m_shown->index(row, 0));
}

void TablePane::bindAsOf(AsOfController *asOf, AsOfTableModel *asOfModel)
{
    m_asOf = asOf;
    m_asOfModel = asOfModel;
    asOfModel->setAsync(true);
    connect(asOfModel, &SqlTableModel::reloaded, this, &TablePane::onShownReloaded);
    connect(asOfModel, &SqlTableModel::loadingChanged, this, &TablePane::updateSummary);
    connect(asOfModel, &SqlTableModel::modelReset, this, [this] {
        if (m_shown == m_asOfModel) emit currentIdChanged(QString());
    });
    autoSizeColumnsOnce(m_view, asOfModel);
    m_tools->addWidget(new AsOfBar(asOf, this));

    // The banner: what the table shows is not the present.
    m_banner = new QWidget(this);
    m_banner->setObjectName(QStringLiteral("asOfBanner"));
    m_banner->setAttribute(Qt::WA_StyledBackground);
    m_banner->setStyleSheet(QStringLiteral("#asOfBanner { background: #fff4ce; border: 1px solid #d9a800; "
                                           "border-radius: 3px; } #asOfBanner QLabel { color: #3d3000; }"));
    auto *bl = new QHBoxLayout(m_banner);
    bl->setContentsMargins(8, 4, 4, 4);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("asOfBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextFormat(Qt::PlainText);
    auto *back = new QPushButton(tr("Back to now"), m_banner);
    back->setObjectName(QStringLiteral("asOfBackToNow"));
    connect(back, &QPushButton::clicked, asOf, &AsOfController::setLive);
    bl->addWidget(m_bannerText, 1);
    bl->addWidget(back);
    m_banner->setVisible(false);

    m_noRecord = new QLabel(this);
    m_noRecord->setObjectName(QStringLiteral("asOfNoRecord"));
    m_noRecord->setAlignment(Qt::AlignCenter);
    m_noRecord->setWordWrap(true);
    m_noRecord->setTextFormat(Qt::PlainText);
    m_noRecord->setMargin(24);
    QFont f = m_noRecord->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_noRecord->setFont(f);
    m_noRecord->setVisible(false);

    // Below the toolbar: banner, then the table or the message in its place.
    auto *l = static_cast<QVBoxLayout *>(layout());
    const int at = l->indexOf(m_split);
    l->insertWidget(at, m_banner);
    l->insertWidget(at + 2, m_noRecord, 1);
    connect(asOf, &AsOfController::changed, this, &TablePane::applyAsOf);
    connect(asOf, &AsOfController::basisChanged, this, &TablePane::updateBanner);
    applyAsOf();
}

QString TablePane::noRecordText() const
{
    return m_noRecord && !m_noRecord->isHidden() ? m_noRecord->text() : QString();
}

QString TablePane::asOfBannerText() const
{
    return m_banner && !m_banner->isHidden() ? m_bannerText->text() : QString();
}

void TablePane::showModel(SqlTableModel *model)
{
    if (model == m_shown) return;
    QHeaderView *header = m_view->horizontalHeader();
    m_headerState.insert(m_shown, header->saveState());
    QItemSelectionModel *oldSelection = m_view->selectionModel();
    m_shown = model;
    m_view->setModel(model);
    delete oldSelection; // setModel() leaves the old one to its owner
    {
        // Restoring the header's sort indicator must not re-sort (and reload) the table.
        const QSignalBlocker block(header);
        const auto state = m_headerState.constFind(model);
        const bool known = state != m_headerState.constEnd();
        if (known) header->restoreState(*state);
        header->setSortIndicator(model->sortColumn(), model->sortOrder());
        m_view->setProperty("orgwardSized", known); // a table shown before keeps its widths
    }
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TablePane::onCurrentRowChanged);
    if (model->filterText() != m_filter->text()) model->setFilterText(m_filter->text());
    emit currentIdChanged(QString()); // the new selection model has no current row
}

void TablePane::onCurrentRowChanged(const QModelIndex &cur)
{
    emit currentIdChanged(cur.isValid() ? m_shown->idAt(cur.row()) : QString());
}

void TablePane::applyAsOf()
{
    // The selected row stays selected when the table shown next has it (the ids are the same entity's).
    const QString keep = currentId();
    const bool past = !m_asOf->isLive();
    m_banner->setVisible(past);
    m_presets->setEnabled(!past);
    if (!past) {
        m_noRecord->setVisible(false);
        m_split->setVisible(true);
        showModel(m_model);
        selectWhenLoaded(keep);
        updateSummary();
        return;
    }
    const QString when = AsOfController::instantText(m_asOf->at());
    if (m_asOf->isBeforeFirst()) {
        m_bannerText->setText(tr("Showing the organization as of %1 — not the present.").arg(when));
        m_noRecord->setText(m_asOf->noRecordText());
        m_split->setVisible(false);
        m_noRecord->setVisible(true);
        updateSummary();
        return;
    }
    updateBanner();
    m_noRecord->setVisible(false);
    m_split->setVisible(true);
    const QString org = m_asOf->org();
    const bool same = isAsOf() && m_asOfModel->asOf() == m_asOf->at() && m_asOfModel->orgKey() == org;
    if (!same) m_asOfModel->setAsOf(m_asOf->at());
    showModel(m_asOfModel);
    if (!same) m_asOfModel->setOrgKey(org); // reads the versions valid then, on the table worker
    selectWhenLoaded(keep);
    updateSummary();
}

// The past's banner: the instant, what the details show, and which observation the answer rests on.
void TablePane::updateBanner()
{
    if (!m_asOf || m_asOf->isLive() || m_asOf->isBeforeFirst()) return;
    QString text =
        tr("Showing the organization as of %1 — not the present. The selected row's details are as "
           "of the same instant; columns computed from other tables (counts, key use, cost) are "
           "left out.")
            .arg(AsOfController::instantText(m_asOf->at()));
    if (!m_asOf->basisText().isEmpty()) text += u'\n' + m_asOf->basisText();
    m_bannerText->setText(text);
}

} // namespace orgward
