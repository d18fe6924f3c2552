#include "budgetspane.h"

#include "budgetdialog.h"
#include "core/instant.h"
#include "finance/budgetstore.h"
#include "finance/budgetwebhook.h"
#include "models/budgetmodels.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace orgward {

namespace {

constexpr int kBarMargin = 3;
constexpr int kBarColumnWidth = 180;
constexpr int kCrossingsShown = 200;

// The utilisation as a bar up to 100 % of the budget (spend past it fills the bar red), coloured by the
// highest threshold reached, with a tick at each threshold.
class UtilizationDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, p, opt.widget);
        const double ratio = index.data(BudgetStatusModel::UtilizationRole).toDouble();
        const QVariantList thresholds = index.data(BudgetStatusModel::ThresholdsRole).toList();
        int reached = 0, rank = 0;
        for (int i = 0; i < thresholds.size(); ++i)
            if (ratio * 100.0 >= thresholds[i].toInt()) {
                reached = thresholds[i].toInt();
                rank = i + 1;
            }
        QColor fill(QStringLiteral("#4caf50")); // under every threshold
        if (rank > 0)
            fill = QColor(rank >= thresholds.size() || reached >= 100 ? QStringLiteral("#d32f2f")
                          : rank == thresholds.size() - 1             ? QStringLiteral("#f57c00")
                                                                      : QStringLiteral("#fbc02d"));
        const QRect r = option.rect.adjusted(kBarMargin, kBarMargin, -kBarMargin, -kBarMargin);
        p->save();
        p->setRenderHint(QPainter::Antialiasing, false);
        p->setPen(option.palette.color(QPalette::Mid));
        p->setBrush(option.palette.color(QPalette::Base));
        p->drawRect(r.adjusted(0, 0, -1, -1));
        QRect bar = r.adjusted(1, 1, -1, -1);
        bar.setWidth(int(bar.width() * std::min(1.0, std::max(0.0, ratio))));
        p->fillRect(bar, fill);
        p->setPen(option.palette.color(QPalette::Dark));
        for (const QVariant &t : thresholds) {
            if (t.toInt() > 100) continue;
            const int x = r.left() + int(r.width() * t.toInt() / 100.0);
            p->drawLine(x, r.top(), x, r.bottom());
        }
        p->setPen(option.palette.color(QPalette::Text));
        p->drawText(r, Qt::AlignCenter, index.data(Qt::DisplayRole).toString());
        p->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        s.setWidth(std::max(s.width(), option.fontMetrics.horizontalAdvance(QStringLiteral("0000.0%")) * 2));
        return s;
    }
};

QString day(qint64 secs)
{
    return formatInstant(secs).left(10);
}

} // namespace

BudgetsPane::BudgetsPane(Database &db, QWidget *parent)
    : ConsolePane(parent), m_readOnly(db.isReadOnly()),
      m_read(db, this, [this](const Result<BudgetsView> &v) { display(v); }),
      m_save(db, this, [this](const Result<bool> &r) { saved(r); }),
      m_check(db, this, [this](const Result<QList<BudgetStatus>> &r) { checked(r); }),
      m_model(new BudgetStatusModel(this)), m_crossings(new BudgetCrossingsModel(this)),
      m_banner(new QLabel(this)), m_status(new QLabel(this)), m_view(new QTableView(this)),
      m_crossingsView(new QTableView(this)), m_new(new QPushButton(tr("New budget…"), this)),
      m_edit(new QPushButton(tr("Edit…"), this)), m_remove(new QPushButton(tr("Remove…"), this)),
      m_checkNow(new QPushButton(tr("Check now"), this))
{
    m_view->setObjectName(QStringLiteral("budgetsView"));
    m_crossingsView->setObjectName(QStringLiteral("budgetCrossingsView"));
    m_banner->setObjectName(QStringLiteral("budgetsBanner"));
    m_new->setObjectName(QStringLiteral("budgetsNew"));
    m_edit->setObjectName(QStringLiteral("budgetsEdit"));
    m_remove->setObjectName(QStringLiteral("budgetsRemove"));
    m_checkNow->setObjectName(QStringLiteral("budgetsCheck"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Budgets").toHtmlEscaped()), this));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral(
        "QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c6cb; padding: 6px; }"));
    m_banner->setVisible(false);
    layout->addWidget(m_banner);
    auto *tools = new QHBoxLayout;
    for (QPushButton *b : {m_new, m_edit, m_remove, m_checkNow})
        tools->addWidget(b);
    tools->addStretch(1);
    layout->addLayout(tools);
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(BudgetStatusModel::Utilization, new UtilizationDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Budgets"));
    layout->addWidget(m_view, 3);
    layout->addWidget(
        new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Thresholds crossed").toHtmlEscaped()), this));
    m_crossingsView->setModel(m_crossings);
    m_crossingsView->verticalHeader()->hide();
    m_crossingsView->horizontalHeader()->setStretchLastSection(true);
    m_crossingsView->setAccessibleName(tr("Thresholds crossed"));
    layout->addWidget(m_crossingsView, 2);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_new, &QPushButton::clicked, this, &BudgetsPane::newBudget);
    connect(m_edit, &QPushButton::clicked, this, &BudgetsPane::editSelected);
    connect(m_remove, &QPushButton::clicked, this, &BudgetsPane::removeSelected);
    connect(m_checkNow, &QPushButton::clicked, this, &BudgetsPane::checkAndRecord);
    connect(m_view, &QTableView::doubleClicked, this, [this] {
        if (m_canEdit) editSelected();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BudgetsPane::updateControls);
    updateControls();
}

void BudgetsPane::setOrg(const QString &orgKey, qint64)
{
    m_org = orgKey;
    refresh();
}

void BudgetsPane::refresh()
{
    if (m_org.isEmpty()) return;
    const QString org = m_org;
    m_status->setText(tr("Evaluating budgets…"));
    m_read.run([org](Database &db) -> Result<BudgetsView> {
        BudgetsView v;
        auto statuses = evaluateBudgets(db, org, CrossingRecord::ReadOnly);
        if (!statuses) return statuses.error();
        auto crossings = listCrossings(db, org, kCrossingsShown);
        if (!crossings) return crossings.error();
        auto projects = AllocationStore(db).effective(org);
        if (!projects) return projects.error();
        v.statuses = *statuses;
        v.crossings = *crossings;
        v.projects = *projects;
        return v;
    });
    updateControls();
}

void BudgetsPane::display(const Result<BudgetsView> &v)
{
    if (!v) {
        m_status->setText(tr("Could not evaluate the budgets: %1").arg(v.errorMessage()));
        updateControls();
        return;
    }
    const QString keep = selected() ? selected()->name : QString();
    m_model->setStatuses(v->statuses);
    m_crossings->setCrossings(v->crossings);
    m_projects = v->projects;
    if (const int row = m_model->rowOf(keep); row >= 0) m_view->selectRow(row);
    m_view->resizeColumnsToContents();
    m_view->setColumnWidth(BudgetStatusModel::Utilization, kBarColumnWidth);
    m_crossingsView->resizeColumnsToContents();
    QStringList over;
    for (const BudgetStatus &s : v->statuses)
        if (!s.crossed().isEmpty())
            over << tr("%1 at %2% (%3 of %4 %5)")
                        .arg(s.budget.name, QString::number(s.utilization.toDouble() * 100.0, 'f', 1),
                             s.spent.toFixed(2), s.budget.amount.toFixed(2), s.currency);
    m_banner->setText(tr("%n budget(s) past a threshold: %1", nullptr, int(over.size()))
                          .arg(over.join(QStringLiteral("; "))));
    m_banner->setVisible(!over.isEmpty());
    if (v->statuses.isEmpty())
        m_status->setText(m_canEdit
                              ? tr("No budgets yet. \"New budget…\" adds one; thresholds default to 70, "
                                   "85 and 95 %.")
                              : tr("No budgets yet."));
    else
        m_status->setText(
            tr("%n budget(s), evaluated on billed costs as of %1.", nullptr, int(v->statuses.size()))
                .arg(formatInstant(v->statuses.first().asOf)));
    updateControls();
}

void BudgetsPane::applyRole(ConsoleRole role)
{
    m_canEdit = roleAllows(role, Capability::EditBudgets) && !m_readOnly;
    for (QPushButton *b : {m_new, m_edit, m_remove, m_checkNow})
        b->setVisible(m_canEdit);
    updateControls();
}

bool BudgetsPane::isBusy() const
{
    return m_read.busy() || m_save.busy() || m_check.busy();
}

std::optional<Budget> BudgetsPane::selected() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_model->statuses().size()) return std::nullopt;
    return m_model->statuses()[rows.first().row()].budget;
}

void BudgetsPane::updateControls()
{
    const bool idle = !m_save.busy() && !m_check.busy();
    const bool one = selected().has_value();
    m_new->setEnabled(m_canEdit && idle && !m_org.isEmpty());
    m_edit->setEnabled(m_canEdit && idle && one);
    m_remove->setEnabled(m_canEdit && idle && one);
    m_checkNow->setEnabled(m_canEdit && idle && !m_org.isEmpty());
}

QString BudgetsPane::statusText() const
{
    return m_status->text();
}

void BudgetsPane::newBudget()
{
    openDialog(std::nullopt);
}

void BudgetsPane::editSelected()
{
    if (auto b = selected()) openDialog(b);
}

void BudgetsPane::openDialog(const std::optional<Budget> &existing)
{
    if (m_dialog) m_dialog->close();
    m_dialog = new BudgetDialog(existing, m_org, m_projects, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &BudgetDialog::saveRequested, this, [this](const Budget &b) {
        m_dialog->setBusy(true);
        if (!m_save.run([b](Database &db) -> Result<bool> {
                if (auto r = BudgetStore(db).save(b); !r) return r.error();
                return true;
            }))
            m_dialog->showError(tr("A change is still being saved; try again in a moment."));
        updateControls();
    });
    m_dialog->open();
}

void BudgetsPane::saved(const Result<bool> &r)
{
    if (!r) {
        if (m_dialog)
            m_dialog->showError(r.errorMessage());
        else
            m_status->setText(tr("Not changed: %1").arg(r.errorMessage()));
        updateControls();
        return;
    }
    if (m_dialog) m_dialog->accept();
    refresh();
}

void BudgetsPane::removeSelected()
{
    const auto b = selected();
    if (!b) return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Remove budget"),
        tr("Remove the budget %1 and its recorded crossings? The removal is journaled.").arg(b->name),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, name = b->name] {
        m_save.run([name](Database &db) -> Result<bool> {
            if (auto r = BudgetStore(db).remove(name); !r) return r.error();
            return true;
        });
        updateControls();
    });
    box->open();
}

void BudgetsPane::checkAndRecord()
{
    if (!m_canEdit || m_org.isEmpty()) return;
    const QString org = m_org;
    // Webhooks are posted on the same write thread (blocking there, retried, logged on failure).
    if (m_check.run([org](Database &db) {
            auto statuses = evaluateBudgets(db, org, CrossingRecord::Record);
            if (statuses) deliverCrossingWebhooks(db, *statuses);
            return statuses;
        }))
        m_status->setText(tr("Checking budgets…"));
    updateControls();
}

void BudgetsPane::checked(const Result<QList<BudgetStatus>> &r)
{
    if (!r) {
        m_status->setText(tr("Could not check the budgets: %1").arg(r.errorMessage()));
        updateControls();
        return;
    }
    QStringList lines;
    for (const BudgetStatus &s : *r)
        for (const ThresholdStatus &t : s.thresholds)
            if (t.isNew)
                lines << tr("%1: %2% of %3 %4 reached on %5")
                             .arg(s.budget.name)
                             .arg(t.threshold)
                             .arg(s.budget.amount.toFixed(2), s.currency, day(*t.crossedOn));
    if (!lines.isEmpty()) emit crossed(lines);
    refresh();
}

} // namespace orgward
