#pragma once
// The budget editor (issue #15): every field of a budget, checked with validateBudget() before it leaves
// the dialog. The dialog does not write: it asks (saveRequested) and stays open until the pane reports the
// store's answer, so a refusal the store makes (currency, overlapping period, a missing project) is shown
// where the user can fix it.
#include "finance/allocation.h"
#include "finance/budget.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace orgward {

class BudgetDialog : public QDialog
{
    Q_OBJECT
public:
    // existing: edit it (the name stays); nullopt: a new budget for orgKey. projects offer project ids,
    // cost centres and workloads to choose from.
    BudgetDialog(const std::optional<Budget> &existing, const QString &orgKey,
                 const QList<ProjectAllocation> &projects, QWidget *parent = nullptr);

    // The budget as the fields describe it (not validated).
    Budget budget() const;
    // The store refused: show why and let the user change the fields.
    void showError(const QString &message);
    void setBusy(bool busy);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *amountEdit() const { return m_amount; }
    QLineEdit *thresholdsEdit() const { return m_thresholds; }
    QComboBox *scopeKind() const { return m_scopeKind; }
    QComboBox *scopeValue() const { return m_scopeValue; }
    QComboBox *periodBox() const { return m_period; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *saveButton() const { return m_save; }

signals:
    void saveRequested(const orgward::Budget &budget);

private:
    void fillScopeValues();
    void trySave();
    QString m_orgKey;
    QList<ProjectAllocation> m_projects;
    Budget m_base;
    QLineEdit *m_name, *m_amount, *m_currency, *m_thresholds, *m_note;
    QComboBox *m_org, *m_scopeKind, *m_scopeValue, *m_period;
    QDateEdit *m_from, *m_to;
    QLabel *m_error;
    QPushButton *m_save;
};

} // namespace orgward
