// After an import or a sync: budgets evaluated on the new billed costs, first crossings recorded and
// printed (issue #15). A problem here is reported and never changes the import's or sync's outcome.
#include "budgetnotice.h"

#include "core/instant.h"
#include "finance/budgetcheck.h"
#include "finance/budgetwebhook.h"
#include "security/roles.h"

namespace orgward::cli {

void reportNewCrossings(Context &ctx, Database &db, const QString &orgKey)
{
    auto role = detectRole(db);
    if (!role || !roleAllows(*role, Capability::EditBudgets) || db.isReadOnly()) return;
    auto statuses = evaluateBudgets(db, orgKey, CrossingRecord::Record);
    if (!statuses) {
        ctx.err << "warning: budgets were not checked: " << statuses.errorMessage()
                << " (run 'orgward budget check' once fixed)\n";
        return;
    }
    for (const BudgetStatus &s : std::as_const(*statuses))
        for (const ThresholdStatus &t : s.thresholds)
            if (t.isNew)
                ctx.out << "Budget threshold crossed: " << s.budget.name << " reached " << t.threshold
                        << "% of " << s.budget.amount.toString() << " " << s.currency << " on "
                        << formatInstant(*t.crossedOn).left(10) << " (spent " << s.spent.toFixed(2) << ")\n";
    for (const WebhookDelivery &d : deliverCrossingWebhooks(db, *statuses))
        (d.result.delivered ? ctx.out : ctx.err)
            << (d.result.delivered ? "Webhook sent: " : "warning: webhook not delivered: ") << d.budget << " "
            << d.threshold << "% to " << d.target
            << (d.result.delivered
                    ? QString()
                    : QStringLiteral(" (%1 attempt(s): %2)").arg(d.result.attempts).arg(d.result.error))
            << "\n";
}

} // namespace orgward::cli
