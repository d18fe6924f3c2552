#pragma once
// Posting first crossings to each budget's webhook (issue #15). Runs where blocking is allowed: the CLI
// after an import or sync, the console's budget-check write thread. A failure is logged (origin only) and
// returned, never raised: alerts must not fail or hold up the work that found them.
#include "api/webhook.h"
#include "finance/budgetcheck.h"

namespace orgward {

// The message: {"text": "<sentence>", "budget", "org_key", "scope", "threshold", "crossed_on", "spent",
// "amount", "currency", "period_start", "period_end"} with money as exact decimal strings.
QByteArray crossingPayload(const BudgetStatus &status, const ThresholdStatus &threshold);

struct WebhookDelivery
{
    QString budget;
    int threshold = 0;
    QString target; // webhookDisplay(): origin only
    WebhookResult result;
};

// One POST per newly crossed threshold of a budget that has a webhook. Budgets whose webhook cannot be
// read (a role without access) are skipped.
QList<WebhookDelivery> deliverCrossingWebhooks(Database &db, const QList<BudgetStatus> &statuses,
                                               const WebhookOptions &options = {});

} // namespace orgward
