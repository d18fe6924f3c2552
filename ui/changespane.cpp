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
#include <QMap>
#include <QMessageBox>
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

QString readOnlyReason()
{
    return ChangesPane::tr("This database is open read-only: a review mark is an entry in its journal, which "
                           "cannot be written from here.");
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
      m_review(db, this, [this](const Result<std::optional<ReviewMark>> &m) { showLastReview(m); }),
      m_mark(db, this, [this](const Result<ReviewMark> &m) { reviewWritten(m); }),
      m_model(new ChangesModel(this)), m_proxy(new ChangesFilterModel(this)),
      m_fromEdit(instantEdit(tr("Changes from"), QStringLiteral("changesFrom"), this)),
      m_toEdit(instantEdit(tr("Changes until"), QStringLiteral("changesTo"), this)),
      m_sinceFirst(new QPushButton(tr("Since the first observation"), this)),
      m_sinceReview(new QPushButton(tr("Since the last review"), this)),
      m_markReviewed(new QPushButton(tr("Mark reviewed…"), this)), m_filter(new QLineEdit(this)),
      m_view(new QTreeView(this)), m_status(new QLabel(this)), m_summary(new QLabel(this)),
      m_editDebounce(new QTimer(this)), m_readOnly(db.isReadOnly())
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
    m_sinceReview->setObjectName(QStringLiteral("changesSinceReview"));
    m_sinceReview->setEnabled(false);
    range->addWidget(last7);
    range->addWidget(last30);
    range->addWidget(m_sinceFirst);
    range->addWidget(m_sinceReview);
    range->addStretch(1);
    layout->addLayout(range);
    connect(last7, &QPushButton::clicked, this, [this] { chooseRange(Last7Days); });
    connect(last30, &QPushButton::clicked, this, [this] { chooseRange(Last30Days); });
    connect(m_sinceFirst, &QPushButton::clicked, this, [this] { chooseRange(SinceFirstObservation); });
    connect(m_sinceReview, &QPushButton::clicked, this, [this] { chooseRange(SinceLastReview); });

    auto *tools = new QHBoxLayout;
    m_filter->setObjectName(QStringLiteral("changesFilter"));
    m_filter->setPlaceholderText(tr("Filter — words match the entity, name, change, fields, evidence or id"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter changes"));
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    exportButton->setObjectName(QStringLiteral("changesExport"));
    m_markReviewed->setObjectName(QStringLiteral("changesMarkReviewed"));
    m_markReviewed->setEnabled(false);
    tools->addWidget(m_filter, 1);
    tools->addWidget(m_markReviewed);
    tools->addWidget(exportButton);
    layout->addLayout(tools);
    connect(exportButton, &QPushButton::clicked, this, &ChangesPane::chooseExportFile);
    connect(m_markReviewed, &QPushButton::clicked, this, &ChangesPane::confirmReview);

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
    if (m_readOnly) m_markDenied = readOnlyReason();
    updateStatus();
}

void ChangesPane::setOrg(const QString &orgKey, qint64)
{
    if (orgKey == m_org) return refresh();
    m_org = orgKey;
    m_first = 0;
    m_sinceFirst->setEnabled(false);
    m_exportNote.clear();
    m_reviewNote.clear();
    m_lastReview.reset();
    m_rangeReview.reset();
    if (orgKey.isEmpty()) {
        m_span.cancel();
        m_diff.cancel();
        m_review.cancel();
        m_model->clear();
        updateStatus();
        return;
    }
    m_span.run([orgKey](Database &db) { return observedSpan(db, orgKey); });
    loadLastReview();
    chooseRange(Last7Days);
}

void ChangesPane::refresh()
{
    if (m_org.isEmpty()) return;
    const QString org = m_org;
    m_span.run([org](Database &db) { return observedSpan(db, org); });
    loadLastReview(); // another console or the CLI may have marked one
    // A range that ends now follows the clock; a chosen one is compared again (a sync may have filled it).
    if (m_toIsNow)
        showRange(m_from, std::max(Clock::nowSecs(), m_to));
    else
        compare();
}

void ChangesPane::applyRole(ConsoleRole role)
{
    m_keys = roleAllows(role, Capability::ManageKeys);
    m_markDenied = !roleAllows(role, Capability::RecordReview)
                       ? tr("Your role (%1) may not record access reviews.").arg(roleName(role))
                   : m_readOnly ? readOnlyReason()
                                : QString();
    updateReviewControls();
}

bool ChangesPane::isBusy() const
{
    return m_span.busy() || m_diff.busy() || m_export.busy() || m_review.busy() || m_mark.busy();
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
    case SinceLastReview:
        if (!m_lastReview) return;
        m_rangeReview = m_lastReview;
        // A mark made this very second still gives a (one-second) range to compare, not an error.
        return showRange(m_lastReview->at, std::max(now, m_lastReview->at + 1));
    }
}

void ChangesPane::setRange(qint64 from, qint64 to)
{
    m_rangeReview.reset();
    showRange(from, to);
}

void ChangesPane::showRange(qint64 from, qint64 to)
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
    m_rangeReview.reset();
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
    const QList<HistoryEntity> entities = comparedEntities();
    const QString org = m_org;
    const qint64 from = m_from, to = m_to;
    m_diff.run([org, from, to, entities](Database &db) { return diffBetween(db, org, from, to, entities); });
    updateStatus();
}

QList<HistoryEntity> ChangesPane::comparedEntities() const
{
    QList<HistoryEntity> entities;
    if (!m_keys)
        for (const HistoryEntity &e : historyEntities())
            if (e.table != u"openai_project_api_keys" && e.table != u"openai_admin_api_keys") entities << e;
    return entities;
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
    if (m_rangeReview && !m_org.isEmpty())
        lines << tr("Since the last review (marked %1 by %2)")
                     .arg(AsOfController::instantText(m_rangeReview->at), m_rangeReview->actor);
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
    if (!m_reviewNote.isEmpty()) lines << m_reviewNote;
    m_status->setText(lines.join(u'\n'));
    updateReviewControls();

    QMap<ChangeKind, int> count;
    for (int g = 0; g < m_model->rowCount(); ++g) {
        const QModelIndex group = m_model->index(g, 0);
        for (int r = 0; r < m_model->rowCount(group); ++r)
            ++count[m_model->changeAt(m_model->index(r, 0, group))->change];
    }
    QString summary = tr("%1 added, %2 removed, %3 changed")
                          .arg(count.value(ChangeKind::Added))
                          .arg(count.value(ChangeKind::Removed))
                          .arg(count.value(ChangeKind::Changed));
    if (count.value(ChangeKind::Reappeared) > 0)
        summary += tr(", %1 back after a removal").arg(count.value(ChangeKind::Reappeared));
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

// Review marks -----------------------------------------------------------------------------------
void ChangesPane::loadLastReview()
{
    const QString org = m_org;
    m_reviewError.clear();
    m_review.run([org](Database &db) { return orgward::lastReview(db, org); });
    updateReviewControls();
}

void ChangesPane::showLastReview(const Result<std::optional<ReviewMark>> &mark)
{
    m_reviewError = mark ? QString() : Sanitizer::mask(mark.errorMessage());
    m_lastReview = mark ? *mark : std::nullopt;
    updateReviewControls();
}

void ChangesPane::confirmReview()
{
    ReviewMark m;
    m.orgKey = m_org;
    m.from = m_from;
    m.to = m_to;
    m.changes = m_model->changeCount();
    for (const HistoryEntity &e : comparedEntities().isEmpty() ? historyEntities() : comparedEntities())
        m.entities << e.name;
    // What the box names is what gets marked (captured here, whatever a refresh does meanwhile). Opened,
    // not exec()-ed: window-modal without a nested event loop.
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Mark reviewed"),
        tr("Mark the %n change(s) of %1 between %2 and %3 as reviewed?", nullptr, int(m.changes))
            .arg(m_org, AsOfController::instantText(m.from), AsOfController::instantText(m.to)),
        QMessageBox::Cancel, this);
    QString info = tr("This adds an entry under your name to the tamper-evident journal; it cannot be "
                      "changed or removed. \"Since the last review\" then starts at this moment.");
    if (!m_proxy->filterWords().isEmpty())
        info.prepend(tr("The review covers every change of the range, not only those the filter shows. "));
    box->setInformativeText(info);
    box->setObjectName(QStringLiteral("changesConfirmReview"));
    QPushButton *mark = box->addButton(tr("Mark reviewed"), QMessageBox::AcceptRole);
    mark->setObjectName(QStringLiteral("changesConfirmReviewButton"));
    box->setDefaultButton(mark);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(mark, &QPushButton::clicked, this, [this, m] { writeReview(m); });
    box->open();
}

void ChangesPane::writeReview(const ReviewMark &m)
{
    // Off the GUI thread on a connection that may write (the table worker's reads only).
    const bool started = m_mark.run(
        [m](Database &db) { return markReviewed(db, m.orgKey, m.from, m.to, m.changes, m.entities); });
    if (!started) m_reviewNote = tr("The previous review mark is still being written.");
    updateStatus();
}

void ChangesPane::reviewWritten(const Result<ReviewMark> &mark)
{
    const QString error = mark ? QString() : Sanitizer::mask(mark.errorMessage());
    if (!mark) {
        m_reviewNote = tr("Could not mark the review: %1").arg(error);
    } else {
        m_reviewNote =
            tr("Marked reviewed by %1 at %2: %n change(s) of %3 from %4 to %5 (journal entry %6).", nullptr,
               int(mark->changes))
                .arg(mark->actor, AsOfController::instantText(mark->at), mark->orgKey,
                     AsOfController::instantText(mark->from), AsOfController::instantText(mark->to))
                .arg(mark->seq);
        if (mark->orgKey == m_org) {
            m_lastReview = *mark;
            loadLastReview(); // supersedes a read that may have started before the mark was committed
        }
    }
    updateStatus();
    emit reviewMarked(mark ? mark->seq : 0, error);
}

void ChangesPane::updateReviewControls()
{
    const bool known = !m_review.busy();
    m_sinceReview->setEnabled(m_lastReview.has_value());
    m_sinceReview->setToolTip(
        m_lastReview ? tr("From the last review mark (%1 by %2) until now")
                           .arg(AsOfController::instantText(m_lastReview->at), m_lastReview->actor)
        : !m_reviewError.isEmpty() ? tr("Could not read the journal: %1").arg(m_reviewError)
        : known                    ? tr("No review has been marked for this organization yet")
                                   : tr("Looking for this organization's last review…"));
    QString why = m_markDenied;
    if (why.isEmpty() && m_org.isEmpty()) why = tr("No organization selected.");
    if (why.isEmpty() && !m_error.isEmpty()) why = tr("The comparison failed: there is nothing to review.");
    m_markReviewed->setEnabled(why.isEmpty() && !m_diff.busy() && !m_mark.busy());
    m_markReviewed->setToolTip(why.isEmpty() ? tr("Record in the tamper-evident journal that the changes of "
                                                  "this range were reviewed (you are asked to confirm)")
                                             : why);
}

} // namespace orgward
