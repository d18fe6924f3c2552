#include "budgetdialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace orgward {

namespace {

qint64 utcSecs(const QDate &d)
{
    return QDateTime(d, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

QDate utcDate(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).date();
}

} // namespace

BudgetDialog::BudgetDialog(const std::optional<Budget> &existing, const QString &orgKey,
                           const QList<ProjectAllocation> &projects, QWidget *parent)
    : QDialog(parent), m_orgKey(orgKey), m_projects(projects), m_base(existing.value_or(Budget{})),
      m_name(new QLineEdit(this)), m_amount(new QLineEdit(this)), m_currency(new QLineEdit(this)),
      m_thresholds(new QLineEdit(this)), m_note(new QLineEdit(this)), m_org(new QComboBox(this)),
      m_scopeKind(new QComboBox(this)), m_scopeValue(new QComboBox(this)), m_period(new QComboBox(this)),
      m_from(new QDateEdit(this)), m_to(new QDateEdit(this)), m_error(new QLabel(this)),
      m_save(new QPushButton(tr("Save"), this))
{
    setWindowTitle(existing ? tr("Edit budget %1").arg(existing->name) : tr("New budget"));
    setObjectName(QStringLiteral("budgetDialog"));
    m_name->setObjectName(QStringLiteral("budgetName"));
    m_amount->setObjectName(QStringLiteral("budgetAmount"));
    m_thresholds->setObjectName(QStringLiteral("budgetThresholds"));
    m_error->setObjectName(QStringLiteral("budgetError"));
    m_name->setText(m_base.name);
    m_name->setReadOnly(existing.has_value());
    m_name->setPlaceholderText(tr("e.g. Production monthly"));
    m_amount->setText(existing ? m_base.amount.toString() : QString());
    m_amount->setPlaceholderText(tr("e.g. 2500 or 1999.50 (billed spend)"));
    m_currency->setText(m_base.currency);
    m_currency->setMaxLength(3);
    m_currency->setMaximumWidth(m_currency->fontMetrics().horizontalAdvance(QStringLiteral("WWWW")) + 16);
    m_currency->setToolTip(tr("The organization's billing currency (ISO 4217)."));
    m_scopeKind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_thresholds->setText(thresholdsText(m_base.thresholds));
    m_thresholds->setToolTip(tr("Alert thresholds in percent, ascending, 1 to 200."));
    m_note->setText(m_base.note);
    m_org->addItem(tr("This organization (%1)").arg(orgKey), orgKey);
    m_org->addItem(tr("Every organization in the database"), QString());
    m_org->setCurrentIndex(existing && m_base.orgKey.isEmpty() ? 1 : 0);
    m_scopeKind->addItem(tr("Whole organization"), int(BudgetScopeKind::Org));
    m_scopeKind->addItem(tr("Project"), int(BudgetScopeKind::Project));
    m_scopeKind->addItem(tr("Cost centre"), int(BudgetScopeKind::CostCentre));
    m_scopeKind->addItem(tr("Workload"), int(BudgetScopeKind::Workload));
    m_scopeKind->setCurrentIndex(m_scopeKind->findData(int(m_base.scope.kind)));
    m_scopeValue->setEditable(true);
    fillScopeValues();
    if (!m_base.scope.value.isEmpty()) {
        const int i = m_scopeValue->findData(m_base.scope.value);
        if (i >= 0)
            m_scopeValue->setCurrentIndex(i);
        else
            m_scopeValue->setEditText(m_base.scope.value);
    }
    for (BudgetPeriod p :
         {BudgetPeriod::Month, BudgetPeriod::Quarter, BudgetPeriod::Year, BudgetPeriod::Custom})
        m_period->addItem(budgetPeriodName(p), int(p));
    m_period->setCurrentIndex(m_period->findData(int(m_base.period)));
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    const QDate today = QDate::currentDate();
    m_from->setDate(m_base.customFrom ? utcDate(m_base.customFrom) : QDate(today.year(), today.month(), 1));
    m_to->setDate(m_base.customTo ? utcDate(m_base.customTo) : m_from->date().addMonths(1));
    m_to->setToolTip(tr("The period ends before this day (exclusive)."));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setVisible(false);

    auto *custom = new QHBoxLayout;
    custom->addWidget(m_from);
    custom->addWidget(new QLabel(tr("until"), this));
    custom->addWidget(m_to);
    auto *scope = new QHBoxLayout;
    scope->addWidget(m_scopeKind, 0);
    scope->addWidget(m_scopeValue, 1);
    auto *amount = new QHBoxLayout;
    amount->addWidget(m_amount, 1);
    amount->addWidget(m_currency);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Organization"), m_org);
    auto *scopeLabel = new QLabel(tr("&Scope"), this);
    scopeLabel->setBuddy(m_scopeKind);
    auto *amountLabel = new QLabel(tr("&Amount"), this);
    amountLabel->setBuddy(m_amount);
    form->addRow(scopeLabel, scope);
    form->addRow(amountLabel, amount);
    form->addRow(tr("&Period"), m_period);
    form->addRow(tr("Custom period"), custom);
    form->addRow(tr("&Thresholds (%)"), m_thresholds);
    form->addRow(tr("N&ote"), m_note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Budgets compare billed spend in the organization's billing currency. "
                                    "Each threshold is reported once per period, when it is first crossed."),
                                 this));
    layout->itemAt(0)->widget()->setProperty("wordWrap", true);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    const auto periodChanged = [this] {
        const bool c = BudgetPeriod(m_period->currentData().toInt()) == BudgetPeriod::Custom;
        m_from->setEnabled(c);
        m_to->setEnabled(c);
    };
    periodChanged();
    connect(m_period, &QComboBox::currentIndexChanged, this, periodChanged);
    connect(m_scopeKind, &QComboBox::currentIndexChanged, this, &BudgetDialog::fillScopeValues);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &BudgetDialog::trySave);
    resize(640, sizeHint().height());
}

void BudgetDialog::fillScopeValues()
{
    const auto kind = BudgetScopeKind(m_scopeKind->currentData().toInt());
    m_scopeValue->clear();
    m_scopeValue->setEnabled(kind != BudgetScopeKind::Org);
    QSet<QString> seen;
    for (const ProjectAllocation &p : std::as_const(m_projects)) {
        if (kind == BudgetScopeKind::Project) {
            m_scopeValue->addItem(QStringLiteral("%1 (%2)").arg(p.projectName, p.projectId), p.projectId);
            continue;
        }
        const QString v = kind == BudgetScopeKind::CostCentre ? p.costCentre : p.workload;
        if (kind == BudgetScopeKind::Org || v.isEmpty() || seen.contains(v)) continue;
        seen.insert(v);
        m_scopeValue->addItem(v, v);
    }
}

Budget BudgetDialog::budget() const
{
    Budget b = m_base;
    b.name = m_name->text().trimmed();
    b.orgKey = m_org->currentData().toString();
    b.scope.kind = BudgetScopeKind(m_scopeKind->currentData().toInt());
    const int i = m_scopeValue->currentIndex();
    const bool picked = i >= 0 && m_scopeValue->itemText(i) == m_scopeValue->currentText();
    b.scope.value = b.scope.kind == BudgetScopeKind::Org ? QString()
                                                         : (picked ? m_scopeValue->itemData(i).toString()
                                                                   : m_scopeValue->currentText().trimmed());
    b.amount = Decimal::parse(m_amount->text().trimmed()).value_or(Decimal());
    b.currency = m_currency->text().trimmed().toUpper();
    b.period = BudgetPeriod(m_period->currentData().toInt());
    b.customFrom = b.period == BudgetPeriod::Custom ? utcSecs(m_from->date()) : 0;
    b.customTo = b.period == BudgetPeriod::Custom ? utcSecs(m_to->date()) : 0;
    const auto thresholds = parseThresholds(m_thresholds->text());
    b.thresholds = thresholds ? *thresholds : QList<int>{};
    b.note = m_note->text().trimmed();
    return b;
}

void BudgetDialog::trySave()
{
    if (!Decimal::parse(m_amount->text().trimmed()))
        return showError(tr("Amount '%1' is not a number such as 2500 or 1999.50.").arg(m_amount->text()));
    if (auto t = parseThresholds(m_thresholds->text()); !t) return showError(t.errorMessage());
    if (auto v = validateBudget(budget()); !v) return showError(v.errorMessage());
    m_error->setVisible(false);
    emit saveRequested(budget());
}

void BudgetDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(true);
    setBusy(false);
}

void BudgetDialog::setBusy(bool busy)
{
    m_save->setEnabled(!busy);
    m_save->setText(busy ? tr("Saving…") : tr("Save"));
}

} // namespace orgward
