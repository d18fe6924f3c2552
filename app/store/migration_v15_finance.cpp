#include "migration_v15_finance.h"

#include "database.h"
#include "migration_v2_roles.h"
#include "migrations.h"

namespace orgward {

namespace {

ColumnDef text(const char *name, bool notNull = true)
{
    return {QString::fromLatin1(name), SqlType::Text, notNull, QString()};
}

QList<TableDef> financeTables()
{
    TableDef budgets{QStringLiteral("orgward_budgets"),
                     {text("name"),
                      text("org_key"),
                      text("scope"),
                      {QStringLiteral("amount"), SqlType::Money, true, QString()},
                      text("currency"),
                      text("period"),
                      {QStringLiteral("period_from"), SqlType::Timestamp, false, QString()},
                      {QStringLiteral("period_to"), SqlType::Timestamp, false, QString()},
                      text("thresholds"),
                      text("note"),
                      {QStringLiteral("updated_at"), SqlType::Timestamp, true, QString()},
                      text("updated_by")},
                     {QStringLiteral("name")},
                     {}};
    TableDef crossings{QStringLiteral("orgward_budget_crossings"),
                       {text("budget"),
                        text("org_key"),
                        {QStringLiteral("period_start"), SqlType::Timestamp, true, QString()},
                        {QStringLiteral("threshold"), SqlType::BigInt, true, QString()},
                        {QStringLiteral("crossed_on"), SqlType::Timestamp, true, QString()},
                        {QStringLiteral("spent"), SqlType::Money, true, QString()},
                        {QStringLiteral("recorded_at"), SqlType::Timestamp, true, QString()}},
                       {QStringLiteral("budget"), QStringLiteral("org_key"), QStringLiteral("period_start"),
                        QStringLiteral("threshold")},
                       {}};
    TableDef allocations{
        QStringLiteral("orgward_allocations"),
        {text("org_key"),
         text("object_kind"),
         text("object_id"),
         text("cost_centre"),
         text("workload"),
         {QStringLiteral("updated_at"), SqlType::Timestamp, true, QString()},
         text("updated_by")},
        {QStringLiteral("org_key"), QStringLiteral("object_kind"), QStringLiteral("object_id")},
        {}};
    TableDef rules{QStringLiteral("orgward_allocation_rules"),
                   {text("org_key"),
                    {QStringLiteral("position"), SqlType::BigInt, true, QString()},
                    text("pattern"),
                    text("cost_centre"),
                    text("workload")},
                   {QStringLiteral("org_key"), QStringLiteral("position")},
                   {}};
    TableDef allowlists{QStringLiteral("orgward_model_allowlists"),
                        {text("org_key"), text("scope"), text("model")},
                        {QStringLiteral("org_key"), QStringLiteral("scope"), QStringLiteral("model")},
                        {}};
    return {budgets, crossings, allocations, rules, allowlists};
}

// A webhook URL is a bearer secret (whoever has it may post to the channel): its own table, which auditors
// and readers may not read.
TableDef webhookTable()
{
    return {QStringLiteral("orgward_budget_webhooks"),
            {text("budget"),
             text("url"),
             {QStringLiteral("updated_at"), SqlType::Timestamp, true, QString()},
             text("updated_by")},
            {QStringLiteral("budget")},
            {}};
}

} // namespace

Status migrateV15Finance(Database &db)
{
    QList<TableDef> tables = financeTables();
    tables << webhookTable(); // (a named list: `financeTables() << …` would dangle in a range-for)
    for (const TableDef &t : std::as_const(tables)) {
        // Re-run after a rolled-back version row: the table may already be there.
        const QString create =
            Migrations::render(t, db.isPostgres())
                .replace(QStringLiteral("CREATE TABLE "), QStringLiteral("CREATE TABLE IF NOT EXISTS "));
        if (auto r = db.run(create); !r) return r;
    }
    return grantFinanceTables(db);
}

Status grantFinanceTables(Database &db)
{
    for (const TableDef &t : financeTables())
        if (auto r = grantTable(db, t.name, TableClass::Finance); !r) return r;
    const QString webhooks = webhookTable().name;
    if (auto r = grantTable(db, webhooks, TableClass::Audit); !r) return r; // admins only, then finance
    if (!consoleRolesInstalled(db)) return {};
    return db.run(
        QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON %1 TO orgward_finance").arg(webhooks));
}

} // namespace orgward
