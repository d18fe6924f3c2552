#pragma once
// Budgets in the database (orgward_budgets, migration 15): everyone on a shared PostgreSQL sees the same
// ones; the grants decide who may change them (finance and admin), and every change is a budget-change
// journal entry written in the same transaction.
#include "finance/budget.h"

#include <QList>
#include <optional>

namespace orgward {

class Database;

class BudgetStore
{
public:
    explicit BudgetStore(Database &db);

    Result<QList<Budget>> list();
    Result<std::optional<Budget>> get(const QString &name);
    // Creates or replaces the budget of that name. Refuses what validateBudget() refuses, an organization
    // that is not in the database, a currency other than the one the organization is billed in, and a custom
    // period overlapping another custom budget of the same organization and scope.
    Status save(const Budget &budget);
    // NotFound when there is no such budget. Its crossings and webhook go with it.
    Status remove(const QString &name);
    // The budget's webhook (orgward_budget_webhooks: finance and admin only, the URL is a secret); empty
    // url removes it. Refuses a URL checkWebhookUrl() refuses; journaled without the URL's path.
    Status setWebhook(const QString &name, const QString &url);
    Result<QString> webhook(const QString &name); // empty: none

private:
    Status checkAgainstStore(const Budget &b);
    Database &m_db;
};

} // namespace orgward
