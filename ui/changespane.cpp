#include "changespane.h"

#include "asofbar.h"
#include "core/clock.h"
#include "core/sanitizer.h"
#include "models/changesmodel.h"

#include <QDateTimeEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace orgward {

namespace {
constexpr int kApplyAfterMs = 700; // an instant typed section by section is compared once, at the end
constexpr int kFilterAfterMs = 150;

QDateTimeEdit *instantEdit(const QString &name, const QString &objectName, QWidget *parent)
{
    auto *e = new QDateTimeEdit(parent);
    e->setObjectName(objectName);
    e->setAccessibleName(name);
    e->setCalendarPopup(true);
    e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    return e;
}

void setEdit(QDateTimeEdit *e, qint64 secs)
{
    const QSignalBlocker block(e);
    e->setDateTime(QDateTime::fromSecsSinceEpoch(secs));
}
} // namespace

ChangesPane::ChangesPane(Database &db, QWidget *parent)
    : ConsolePane(parent), m_span(db, this,
                                  [this](const Result<ObservedSpan> &span) {
                                      m_first = span ? span->first : 0;
                                      m_sinceFirst->setEnabled(m_first > 0);
                                      updateStatus();
                                  }),
      m_diff(db, this, [this](const Result<QList<EntityChange>> &c) { showChanges(c); }),
      m_export(db, this, [this](const Result<qint64> &rows) { exportDone(rows); }),
      m_model(new ChangesModel(this)), m_proxy(new ChangesFilterModel(this)),
      m_fromEdit(instantEdit(tr("Changes from"), QStringLiteral("changesFrom"), this)),
      m_toEdit(instantEdit(tr("Changes until"), QStringLiteral("changesTo"), this)),
      m_sinceFirst(new QPushButton(tr("Since the first observation"), this)), m_filter(new QLineEdit(this)),
      m_view(new QTreeView(this)), m_status(new QLabel(this)), m_summary(new QLabel(this)),
      m_editDebounce(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Changes").toHtmlEscaped()), this));

    auto *range = new QHBoxLayout;
    auto *fromLabel = new QLabel(tr("From"), this);
    fromLabel->setBuddy(m_fromEdit);
    auto *toLabel = new QLabel(tr("to"), this);
    toLabel->setBuddy(m_toEdit);
    range->addWidget(fromLabel);
    range->addWidget(m_fromEdit);
    range->addWidget(toLabel);
    range->addWidget(m_toEdit);
    range->addSpacing(12);
    auto *last7 = new QPushButton(tr("Last 7 days"), this);
    last7->setObjectName(QStringLiteral("changesLast7"));
    auto *last30 = new QPushButton(tr("Last 30 days"), this);
    last30->setObjectName(QStringLiteral("changesLast30"));
    m_sinceFirst->setObjectName(QStringLiteral("changesSinceFirst"));
    m_sinceFirst->setToolTip(tr("From Orgward's first sync or import of this organization until now"));
    m_sinceFirst->setEnabled(false);
    range->addWidget(last7);
    range->addWidget(last30);
    range->addWidget(m_sinceFirst);
    range->addStretch(1);
    layout->addLayout(range);
    connect(last7, &QPushButton::clicked, this, [this] { chooseRange(Last7Days); });
    connect(last30, &QPushButton::clicked, this, [this] { chooseRange(Last30Days); });
    connect(m_sinceFirst, &QPushButton::clicked, this, [this] { chooseRange(SinceFirstObservation); });

    auto *tools = new QHBoxLayout;
    m_filter->setObjectName(QStringLiteral("changesFilter"));
    m_filter->setPlaceholderText(tr("Filter — words match the entity, name, change, fields, evidence or id"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter changes"));
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    exportButton->setObjectName(QStringLiteral("changesExport"));
    tools->addWidget(m_filter, 1);
    tools->addWidget(exportButton);
    layout->addLayout(tools);
    connect(exportButton, &QPushButton::clicked, this, &ChangesPane::chooseExportFile);

    m_status->setObjectName(QStringLiteral("changesStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);

    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("changesTree"));
    m_view->setAccessibleName(tr("Changes by entity"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setSortIndicator(ChangesModel::Name, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->header()->setStretchLastSection(true);
    const QList<int> widths{240, 75, 300, 125, 125, 160}; // the id gets the rest
    for (int c = 0; c < widths.size(); ++c)
        m_view->header()->resizeSection(c, widths[c]);
    layout->addWidget(m_view, 1);
    m_summary->setObjectName(QStringLiteral("changesSummary"));
    layout->addWidget(m_summary);
    connect(m_view, &QTreeView::doubleClicked, this, &ChangesPane::openChange);

    auto *filterDebounce = new QTimer(this);
    filterDebounce->setSingleShot(true);
    filterDebounce->setInterval(kFilterAfterMs);
    connect(m_filter, &QLineEdit::textChanged, filterDebounce, qOverload<>(&QTimer::start));
    connect(filterDebounce, &QTimer::timeout, this, [this] {
        m_proxy->setFilterWords(m_filter->text());
        m_view->expandAll();
        updateStatus();
    });
    m_editDebounce->setSingleShot(true);
    m_editDebounce->setInterval(kApplyAfterMs);
    for (QDateTimeEdit *e : {m_fromEdit, m_toEdit}) {
        connect(e, &QDateTimeEdit::dateTimeChanged, m_editDebounce, qOverload<>(&QTimer::start));
        connect(e, &QDateTimeEdit::editingFinished, this, [this] {
            if (m_editDebounce->isActive()) applyEdits();
        });
    }
    connect(m_editDebounce, &QTimer::timeout, this, &ChangesPane::applyEdits);
    updateStatus();
}

void ChangesPane::setOrg(const QString &orgKey, qint64)
{
    if (orgKey == m_org) return refresh();
    m_org = orgKey;
    m_first = 0;
    m_sinceFirst->setEnabled(false);
    m_exportNote.clear();
    if (orgKey.isEmpty()) {
        m_span.cancel();
        m_diff.cancel();
        m_model->clear();
        updateStatus();
        return;
    }
    m_span.run([orgKey](Database &db) { return observedSpan(db, orgKey); });
    chooseRange(Last7Days);
}

void ChangesPane::refresh()
{
    if (m_org.isEmpty()) return;
    const QString org = m_org;
    m_span.run([org](Database &db) { return observedSpan(db, org); });
    // A range that ends now follows the clock; a chosen one is compared again (a sync may have filled it).
    if (m_toIsNow)
        setRange(m_from, Clock::nowSecs());
    else
        compare();
}

void ChangesPane::applyRole(ConsoleRole role)
{
    m_keys = roleAllows(role, Capability::ManageKeys);
}

bool ChangesPane::isBusy() const
{
    return m_span.busy() || m_diff.busy() || m_export.busy();
}

void ChangesPane::chooseRange(Range range)
{
    const qint64 now = Clock::nowSecs();
    switch (range) {
    case Last7Days:
        return setRange(now - 7 * kSecondsPerDay, now);
    case Last30Days:
        return setRange(now - 30 * kSecondsPerDay, now);
    case SinceFirstObservation:
        return setRange(m_first > 0 ? m_first : 1, now);
    }
}

void ChangesPane::setRange(qint64 from, qint64 to)
{
    m_editDebounce->stop();
    m_from = from;
    m_to = to;
    m_toIsNow = to >= Clock::nowSecs();
    setEdit(m_fromEdit, from);
    setEdit(m_toEdit, to);
    compare();
}

void ChangesPane::applyEdits()
{
    m_editDebounce->stop();
    const qint64 from = m_fromEdit->dateTime().toSecsSinceEpoch(),
                 to = m_toEdit->dateTime().toSecsSinceEpoch();
    if (from == m_from && to == m_to) return;
    m_from = from;
    m_to = to;
    m_toIsNow = to >= Clock::nowSecs();
    compare();
}

void ChangesPane::compare()
{
    m_error.clear();
    m_model->clear(); // the newest question's answer only: nothing stale meanwhile
    if (m_org.isEmpty()) {
        m_diff.cancel();
        updateStatus();
        return;
    }
    QList<HistoryEntity> entities;
    if (!m_keys)
        for (const HistoryEntity &e : historyEntities())
            if (e.table != u"openai_project_api_keys" && e.table != u"openai_admin_api_keys") entities << e;
    const QString org = m_org;
    const qint64 from = m_from, to = m_to;
    m_diff.run([org, from, to, entities](Database &db) { return diffBetween(db, org, from, to, entities); });
    updateStatus();
}

void ChangesPane::showChanges(const Result<QList<EntityChange>> &changes)
{
    if (!changes) {
        m_error = Sanitizer::mask(changes.errorMessage());
        m_model->clear();
    } else {
        m_error.clear();
        m_model->setChanges(*changes);
        m_view->expandAll();
    }
    updateStatus();
}

QString ChangesPane::statusText() const
{
    return m_status->text();
}

void ChangesPane::updateStatus()
{
    const QString from = AsOfController::instantText(m_from), to = AsOfController::instantText(m_to);
    QStringList lines;
    if (m_org.isEmpty())
        lines << tr("No organization selected.");
    else if (m_diff.busy())
        lines << tr("Comparing %1 with %2…").arg(from, to);
    else if (!m_error.isEmpty())
        lines << tr("Could not compare: %1").arg(m_error);
    else if (m_model->changeCount() == 0)
        lines << tr("No changes between %1 and %2.").arg(from, to);
    else
        lines << tr("%n change(s) between %1 and %2. Double-click one to see its pane as it was.", nullptr,
                    m_model->changeCount())
                     .arg(from, to);
    if (!m_org.isEmpty() && m_first > 0 && m_from < m_first)
        lines << tr("Orgward has no record of this organization before %1 (its first sync or import): "
                    "changes are counted from then.")
                     .arg(AsOfController::instantText(m_first));
    if (!m_exportNote.isEmpty()) lines << m_exportNote;
    m_status->setText(lines.join(u'\n'));

    int added = 0, removed = 0, changed = 0;
    for (int g = 0; g < m_model->rowCount(); ++g) {
        const QModelIndex group = m_model->index(g, 0);
        for (int r = 0; r < m_model->rowCount(group); ++r) {
            const EntityChange *c = m_model->changeAt(m_model->index(r, 0, group));
            (c->change == ChangeKind::Added ? added : c->change == ChangeKind::Removed ? removed : changed)++;
        }
    }
    QString summary = tr("%1 added, %2 removed, %3 changed").arg(added).arg(removed).arg(changed);
    if (!m_proxy->filterWords().isEmpty()) summary += tr(" — %n shown", nullptr, m_proxy->shownChanges());
    m_summary->setText(summary);
}

void ChangesPane::openChange(const QModelIndex &viewIndex)
{
    const EntityChange *c = m_model->changeAt(m_proxy->mapToSource(viewIndex.siblingAtColumn(0)));
    if (!c) return;
    // A removed row is seen where it still was: the first instant (or the first observation after it).
    const qint64 at = c->change == ChangeKind::Removed ? qMax(m_from, m_first) : m_toIsNow ? 0 : m_to;
    emit openHistoryRow(c->entity.table, c->id, at);
}

void ChangesPane::chooseExportFile()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // Non-modal: the console never waits in a nested event loop.
    auto *dialog = new QFileDialog(this, tr("Export changes as CSV"), dir + QStringLiteral("/changes.csv"),
                                   tr("CSV files (*.csv)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &ChangesPane::startCsvExport);
    dialog->open();
}

void ChangesPane::startCsvExport(const QString &path)
{
    if (m_export.busy()) {
        emit csvExportFinished(path, tr("An export of the changes is still being written."), 0);
        return;
    }
    // What the tree shows, in its order.
    QList<EntityChange> shown;
    for (int g = 0; g < m_proxy->rowCount(); ++g) {
        const QModelIndex group = m_proxy->index(g, 0);
        for (int r = 0; r < m_proxy->rowCount(group); ++r)
            if (const EntityChange *c = m_model->changeAt(m_proxy->mapToSource(m_proxy->index(r, 0, group))))
                shown << *c;
    }
    m_exportPath = path;
    m_export.run([shown, path](Database &) { return writeChangesCsv(shown, path); });
}

void ChangesPane::exportDone(const Result<qint64> &rows)
{
    const QString error = rows ? QString() : Sanitizer::mask(rows.errorMessage());
    m_exportNote = rows ? tr("Exported %n change(s) to %1.", nullptr, int(*rows)).arg(m_exportPath)
                        : tr("Export failed: %1").arg(error);
    updateStatus();
    emit csvExportFinished(m_exportPath, error, rows ? *rows : 0);
}

} // namespace orgward
