#pragma once
// A budget (issue #15): billed spend allowed for a scope and a period, with alert thresholds in percent.
// Types, parsing and validation only: budgetstore.h keeps budgets, budgetcheck.h evaluates them.
#include "core/decimal.h"
#include "core/result.h"

#include <QList>
#include <QString>
#include <optional>

namespace orgward {

enum class BudgetScopeKind
{
    Org,        // the whole organization (or every organization: Budget::orgKey empty)
    Project,    // one project by id
    CostCentre, // the projects allocated to a cost centre (allocation.h)
    Workload,   // the projects allocated to a workload
};

struct BudgetScope
{
    BudgetScopeKind kind = BudgetScopeKind::Org;
    QString value; // project id, cost centre or workload; empty for Org

    // "org", "project:proj_1", "cost-centre:Finance", "workload:finance-prod".
    QString text() const;
    static Result<BudgetScope> parse(const QString &text);
    bool operator==(const BudgetScope &) const = default;
};

enum class BudgetPeriod
{
    Month,
    Quarter,
    Year,
    Custom, // Budget::customFrom/customTo
};

QString budgetPeriodName(BudgetPeriod period);
std::optional<BudgetPeriod> parseBudgetPeriod(const QString &name);

inline constexpr int kMinThreshold = 1;   // percent
inline constexpr int kMaxThreshold = 200; // percent: alerts past the budget ("spent twice the plan")
inline constexpr int kMaxBudgetNameLength = 64;
QList<int> defaultBudgetThresholds(); // 70, 85, 95 (seed 000)

struct Budget
{
    QString name;
    QString orgKey; // empty: every organization in the database
    BudgetScope scope;
    Decimal amount;
    QString currency = QStringLiteral("USD"); // ISO 4217, upper case
    BudgetPeriod period = BudgetPeriod::Month;
    qint64 customFrom = 0; // [from, to) in UTC seconds, Custom only
    qint64 customTo = 0;
    QList<int> thresholds = defaultBudgetThresholds();
    QString note;
    qint64 updatedAt = 0;
    QString updatedBy;
};

// "70,85,95": integers in kMinThreshold..kMaxThreshold, strictly ascending.
Result<QList<int>> parseThresholds(const QString &text);
QString thresholdsText(const QList<int> &thresholds);
// Refuses an empty or over-long name, an amount that is zero, negative or absurd, an unknown currency form,
// thresholds out of range or unsorted, and a custom period that ends before it starts. Each message names
// the field and what to do.
Status validateBudget(const Budget &budget);

struct PeriodRange
{
    qint64 from = 0; // inclusive, UTC seconds
    qint64 to = 0;   // exclusive
    bool contains(qint64 secs) const { return secs >= from && secs < to; }
    bool overlaps(const PeriodRange &o) const { return from < o.to && o.from < to; }
};

// The calendar month, quarter or year (UTC) holding `nowSecs`, or the custom range.
PeriodRange budgetPeriodAt(const Budget &budget, qint64 nowSecs);

// Exact: spent / amount >= threshold %, compared as spent * 100 >= amount * threshold in the Decimal's
// integer units (no rounding: 85 % of 100 is crossed at 85, not at 84.9999995).
bool thresholdCrossed(const Decimal &spent, const Decimal &amount, int threshold);
// spent / amount as a decimal ratio rounded half away from zero to `decimals` places ("0.850000").
QString utilizationText(const Decimal &spent, const Decimal &amount, int decimals = 6);

} // namespace orgward
