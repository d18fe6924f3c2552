#include "budgetwebhook.h"

#include "core/instant.h"
#include "core/logging.h"
#include "finance/budgetstore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace orgward {

QByteArray crossingPayload(const BudgetStatus &s, const ThresholdStatus &t)
{
    const QString day = formatInstant(t.crossedOn.value_or(s.asOf)).left(10);
    const QString text =
        QStringLiteral("Orgward: budget \"%1\" (%2%3) reached %4% of %5 %6 on %7: %8 %6 billed this period, "
                       "projected %9 %6 by %10.")
            .arg(s.budget.name, s.budget.scope.text(),
                 s.budget.orgKey.isEmpty() ? QStringLiteral(", all organizations") : u", " + s.budget.orgKey)
            .arg(t.threshold)
            .arg(s.budget.amount.toString(), s.currency, day, s.spent.toFixed(2),
                 s.forecast.projectedTotal.toFixed(2))
            .arg(formatInstant(s.period.to - 1).left(10));
    const QJsonObject o{{QStringLiteral("text"), text},
                        {QStringLiteral("budget"), s.budget.name},
                        {QStringLiteral("org_key"), s.budget.orgKey},
                        {QStringLiteral("scope"), s.budget.scope.text()},
                        {QStringLiteral("threshold"), t.threshold},
                        {QStringLiteral("crossed_on"), day},
                        {QStringLiteral("spent"), s.spent.toString()},
                        {QStringLiteral("amount"), s.budget.amount.toString()},
                        {QStringLiteral("currency"), s.currency},
                        {QStringLiteral("period_start"), formatInstant(s.period.from)},
                        {QStringLiteral("period_end"), formatInstant(s.period.to)}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QList<WebhookDelivery> deliverCrossingWebhooks(Database &db, const QList<BudgetStatus> &statuses,
                                               const WebhookOptions &options)
{
    QList<WebhookDelivery> out;
    for (const BudgetStatus &s : statuses) {
        if (s.newlyCrossed().isEmpty()) continue;
        auto url = BudgetStore(db).webhook(s.budget.name);
        if (!url || url->isEmpty()) continue;
        auto checked = checkWebhookUrl(*url);
        for (const ThresholdStatus &t : s.thresholds) {
            if (!t.isNew) continue;
            WebhookDelivery d{s.budget.name, t.threshold, webhookDisplay(*url), {}};
            if (!checked)
                d.result.error = checked.errorMessage();
            else
                d.result = postWebhook(*checked, crossingPayload(s, t), options);
            if (!d.result.delivered)
                qCWarning(lcFinance, "%s",
                          qPrintable((QStringLiteral("budget %1: the webhook to %2 failed after %3 "
                                                     "attempt(s): %4")
                                          .arg(d.budget, d.target)
                                          .arg(d.result.attempts)
                                          .arg(d.result.error))));
            out << d;
        }
    }
    return out;
}

} // namespace orgward
