#pragma once
// Budgets (issue #15): every budget of the organization (and the all-organization ones) as evaluated on
// billed spend in its current period, a bar per budget coloured at its thresholds, the projection and the
// day it runs out, and the history of first crossings. Reads run on the table worker; saving, removing and
// recording crossings each on a write thread of their own. Finance, admin and owner roles edit; auditors
// and readers see the same table without the controls.
#include "budgetdialog.h"
#include "consolepane.h"
#include "finance/allocation.h"
#include "finance/budgetcheck.h"
#include "models/asyncread.h"
#include "models/asyncwrite.h"

#include <QPointer>

class QLabel;
class QPushButton;
class QTableView;

namespace orgward {

class BudgetStatusModel;
class BudgetCrossingsModel;

struct BudgetsView
{
    QList<BudgetStatus> statuses;
    QList<BudgetCrossing> crossings;
    QList<ProjectAllocation> projects; // for the editor's choices
};

class BudgetsPane : public ConsolePane
{
    Q_OBJECT
public:
    explicit BudgetsPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Budgets"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override;
    void applyRole(ConsoleRole role) override;
    bool isBusy() const override;

    // Evaluates every budget and records first crossings (after a sync, or "Check now"); crossed() follows
    // with those new ones. Does nothing for a role that cannot record them.
    void checkAndRecord();
    void newBudget();
    void editSelected();
    void removeSelected(); // asks first (non-modal)

    BudgetStatusModel *model() const { return m_model; }
    BudgetCrossingsModel *crossingsModel() const { return m_crossings; }
    QTableView *view() const { return m_view; }
    QLabel *banner() const { return m_banner; }
    QString statusText() const;
    BudgetDialog *dialog() const { return m_dialog; }

signals:
    // Thresholds crossed for the first time, one line each ("Production: 85% of 2500 USD reached on …").
    void crossed(const QStringList &lines);

private:
    void display(const Result<BudgetsView> &view);
    void saved(const Result<bool> &r);
    void checked(const Result<QList<BudgetStatus>> &r);
    void openDialog(const std::optional<Budget> &existing);
    void updateControls();
    std::optional<Budget> selected() const;

    QString m_org;
    bool m_canEdit = false;
    bool m_readOnly;
    AsyncRead<BudgetsView> m_read;
    AsyncWrite<bool> m_save;
    AsyncWrite<QList<BudgetStatus>> m_check;
    BudgetStatusModel *m_model;
    BudgetCrossingsModel *m_crossings;
    QList<ProjectAllocation> m_projects;
    QLabel *m_banner, *m_status;
    QTableView *m_view, *m_crossingsView;
    QPushButton *m_new, *m_edit, *m_remove, *m_checkNow;
    QPointer<BudgetDialog> m_dialog;
};

} // namespace orgward
