#include "budgetstore.h"

#include "api/webhook.h"
#include "compliance/journal.h"
#include "core/clock.h"
#include "core/instant.h"
#include "finance/spend.h"
#include "store/database.h"

#include <QJsonObject>
#include <QObject>

namespace orgward {

namespace {

const QString kColumns = QStringLiteral(
    "name, org_key, scope, amount, currency, period, period_from, period_to, thresholds, note, updated_at, "
    "updated_by");

Result<Budget> budgetFrom(const QSqlQuery &q)
{
    Budget b;
    b.name = q.value(0).toString();
    b.orgKey = q.value(1).toString();
    auto scope = BudgetScope::parse(q.value(2).toString());
    auto thresholds = parseThresholds(q.value(8).toString());
    const auto period = parseBudgetPeriod(q.value(5).toString());
    const auto amount = Decimal::parse(q.value(3).toString());
    if (!scope || !thresholds || !period || !amount)
        return err(Error::Code::Database,
                   QObject::tr("Budget '%1' in the database is not readable (scope, period, amount or "
                               "thresholds): set it again with orgward budget set.")
                       .arg(b.name));
    b.scope = *scope;
    b.amount = *amount;
    b.currency = q.value(4).toString();
    b.period = *period;
    b.customFrom = Database::timestampSecs(q.value(6));
    b.customTo = Database::timestampSecs(q.value(7));
    b.thresholds = *thresholds;
    b.note = q.value(9).toString();
    b.updatedAt = Database::timestampSecs(q.value(10));
    b.updatedBy = q.value(11).toString();
    return b;
}

QJsonObject budgetJson(const Budget &b)
{
    QJsonObject o{{QStringLiteral("name"), b.name},
                  {QStringLiteral("org_key"), b.orgKey},
                  {QStringLiteral("scope"), b.scope.text()},
                  {QStringLiteral("amount"), b.amount.toString()},
                  {QStringLiteral("currency"), b.currency},
                  {QStringLiteral("period"), budgetPeriodName(b.period)},
                  {QStringLiteral("thresholds"), thresholdsText(b.thresholds)},
                  {QStringLiteral("note"), b.note}};
    if (b.period == BudgetPeriod::Custom) {
        o.insert(QStringLiteral("from"), formatInstant(b.customFrom));
        o.insert(QStringLiteral("to"), formatInstant(b.customTo));
    }
    return o;
}

} // namespace

BudgetStore::BudgetStore(Database &db) : m_db(db) {}

Result<QList<Budget>> BudgetStore::list()
{
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM orgward_budgets ORDER BY name").arg(kColumns));
    if (!q) return q.error();
    QList<Budget> out;
    while (q->next()) {
        auto b = budgetFrom(*q);
        if (!b) return b.error();
        out << *b;
    }
    return out;
}

Result<std::optional<Budget>> BudgetStore::get(const QString &name)
{
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM orgward_budgets WHERE name = ?").arg(kColumns), {name});
    if (!q) return q.error();
    if (!q->next()) return std::optional<Budget>();
    auto b = budgetFrom(*q);
    if (!b) return b.error();
    return std::optional<Budget>(*b);
}

Status BudgetStore::checkAgainstStore(const Budget &b)
{
    auto orgs = orgKeys(m_db);
    if (!orgs) return orgs.error();
    if (!b.orgKey.isEmpty() && !orgs->contains(b.orgKey))
        return err(Error::Code::Usage,
                   QObject::tr("Budget '%1': organization '%2' is not in this database (it has: %3).")
                       .arg(b.name, b.orgKey, orgs->join(QStringLiteral(", "))));
    for (const QString &org : b.orgKey.isEmpty() ? *orgs : QStringList{b.orgKey}) {
        auto billed = billedCurrency(m_db, org);
        if (!billed) return billed.error();
        if (!billed->isEmpty() && *billed != b.currency)
            return err(Error::Code::Usage,
                       QObject::tr("Budget '%1': organization '%2' is billed in %3, not %4; budgets compare "
                                   "billed amounts, so use %3.")
                           .arg(b.name, org, *billed, b.currency));
    }
    if (b.scope.kind == BudgetScopeKind::Project) {
        QString sql = QStringLiteral("SELECT COUNT(*) FROM openai_projects WHERE id = ?");
        QVariantList binds{b.scope.value};
        if (!b.orgKey.isEmpty()) {
            sql += QStringLiteral(" AND org_key = ?");
            binds << b.orgKey;
        }
        auto n = m_db.scalar(sql, binds);
        if (!n) return n.error();
        if (n->toInt() == 0)
            return err(Error::Code::Usage,
                       QObject::tr("Budget '%1': there is no project '%2' in %3 (the Projects pane lists the "
                                   "ids).")
                           .arg(b.name, b.scope.value,
                                b.orgKey.isEmpty() ? QObject::tr("this database") : b.orgKey));
    }
    if (b.period != BudgetPeriod::Custom) return {};
    auto others = list();
    if (!others) return others.error();
    for (const Budget &o : std::as_const(*others)) {
        if (o.name == b.name || o.period != BudgetPeriod::Custom || o.orgKey != b.orgKey ||
            !(o.scope == b.scope))
            continue;
        if (PeriodRange{b.customFrom, b.customTo}.overlaps({o.customFrom, o.customTo}))
            return err(
                Error::Code::Usage,
                QObject::tr("Budget '%1': its period %2 – %3 overlaps budget '%4' (%5 – %6) for the same "
                            "scope; end one before the other starts.")
                    .arg(b.name, formatInstant(b.customFrom), formatInstant(b.customTo), o.name,
                         formatInstant(o.customFrom), formatInstant(o.customTo)));
    }
    return {};
}

Status BudgetStore::save(const Budget &budget)
{
    if (auto v = validateBudget(budget); !v) return v;
    if (auto c = checkAgainstStore(budget); !c) return c;
    auto previous = get(budget.name);
    if (!previous) return previous.error();
    if (auto r = m_db.begin(); !r) return r;
    const bool custom = budget.period == BudgetPeriod::Custom;
    const QVariantList binds{budget.orgKey.isNull() ? QStringLiteral("")
                                                    : budget.orgKey, // NOT NULL: "" is all orgs
                             budget.scope.text(),
                             budget.amount.toString(),
                             budget.currency,
                             budgetPeriodName(budget.period),
                             m_db.bindTimestamp(custom ? QVariant(budget.customFrom) : QVariant()),
                             m_db.bindTimestamp(custom ? QVariant(budget.customTo) : QVariant()),
                             thresholdsText(budget.thresholds),
                             budget.note.isNull() ? QStringLiteral("") : budget.note,
                             m_db.bindTimestamp(Clock::nowSecs()),
                             Journal::osUser(),
                             budget.name};
    const QString sql =
        *previous
            ? QStringLiteral("UPDATE orgward_budgets SET org_key = ?, scope = ?, amount = ?, currency = ?, "
                             "period = ?, period_from = ?, period_to = ?, thresholds = ?, note = ?, "
                             "updated_at = ?, updated_by = ? WHERE name = ?")
            : QStringLiteral("INSERT INTO orgward_budgets (org_key, scope, amount, currency, period, "
                             "period_from, period_to, thresholds, note, updated_at, updated_by, name) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    QJsonObject payload{
        {QStringLiteral("action"), *previous ? QStringLiteral("changed") : QStringLiteral("added")},
        {QStringLiteral("budget"), budgetJson(budget)}};
    if (*previous) payload.insert(QStringLiteral("previous"), budgetJson(**previous));
    Status r = m_db.run(sql, binds);
    if (r) {
        auto e = Journal(m_db).append(JournalKind::BudgetChange, budget.orgKey, payload);
        if (!e) r = e.error();
    }
    if (!r) {
        m_db.rollback();
        return r;
    }
    return m_db.commit();
}

Status BudgetStore::remove(const QString &name)
{
    auto previous = get(name);
    if (!previous) return previous.error();
    if (!*previous)
        return err(Error::Code::NotFound,
                   QObject::tr("There is no budget named '%1' (orgward budget list shows them).").arg(name));
    if (auto r = m_db.begin(); !r) return r;
    Status r = m_db.run(QStringLiteral("DELETE FROM orgward_budget_crossings WHERE budget = ?"), {name});
    if (r) r = m_db.run(QStringLiteral("DELETE FROM orgward_budget_webhooks WHERE budget = ?"), {name});
    if (r) r = m_db.run(QStringLiteral("DELETE FROM orgward_budgets WHERE name = ?"), {name});
    if (r) {
        auto e = Journal(m_db).append(JournalKind::BudgetChange, (*previous)->orgKey,
                                      QJsonObject{{QStringLiteral("action"), QStringLiteral("removed")},
                                                  {QStringLiteral("budget"), budgetJson(**previous)}});
        if (!e) r = e.error();
    }
    if (!r) {
        m_db.rollback();
        return r;
    }
    return m_db.commit();
}

Status BudgetStore::setWebhook(const QString &name, const QString &url)
{
    auto existing = get(name);
    if (!existing) return existing.error();
    if (!*existing)
        return err(Error::Code::NotFound,
                   QObject::tr("There is no budget named '%1' (orgward budget list shows them).").arg(name));
    if (!url.isEmpty())
        if (auto u = checkWebhookUrl(url); !u) return u.error();
    if (auto r = m_db.begin(); !r) return r;
    Status r = m_db.run(QStringLiteral("DELETE FROM orgward_budget_webhooks WHERE budget = ?"), {name});
    if (r && !url.isEmpty())
        r = m_db.run(
            QStringLiteral("INSERT INTO orgward_budget_webhooks (budget, url, updated_at, updated_by) "
                           "VALUES (?, ?, ?, ?)"),
            {name, url.trimmed(), m_db.bindTimestamp(Clock::nowSecs()), Journal::osUser()});
    if (r) {
        auto e = Journal(m_db).append(
            JournalKind::BudgetChange, (*existing)->orgKey,
            QJsonObject{{QStringLiteral("action"),
                         url.isEmpty() ? QStringLiteral("webhook-removed") : QStringLiteral("webhook-set")},
                        {QStringLiteral("budget"), name},
                        {QStringLiteral("webhook"), url.isEmpty() ? QString() : webhookDisplay(url)}});
        if (!e) r = e.error();
    }
    if (!r) {
        m_db.rollback();
        return r;
    }
    return m_db.commit();
}

Result<QString> BudgetStore::webhook(const QString &name)
{
    auto v = m_db.scalar(QStringLiteral("SELECT url FROM orgward_budget_webhooks WHERE budget = ?"), {name});
    if (!v) return v.error();
    return v->toString();
}

} // namespace orgward
