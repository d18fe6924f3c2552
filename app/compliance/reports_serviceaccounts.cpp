// Service accounts (issue #14, seed 002 §7 "Service Account Setup for CI/CD": least privilege, keys scoped
// to one project, short-lived keys): per project its accounts, their role, keys, creation and last use, and
// the policy findings (owner-role accounts, accounts with no key or only idle keys, accounts in archived
// projects).
#include "compliance/reportcells.h"
#include "compliance/reports.h"
#include "compliance/reports_keys_p.h"
#include "compliance/reportsource.h"

#include <QSet>

namespace orgward::reports {

namespace {
using namespace reportcells;
using keys::ProjectInfo;

const QString kId = QStringLiteral("id");
const QString kProjectId = QStringLiteral("project_id");
const QString kOwnerRole = QStringLiteral("owner");

enum AccountColumn
{
    kProject,
    kAccount,
    kAccountId,
    kRole,
    kCreated,
    kKeys,
    kKeyNames,
    kLastUsed,
    kNoKey,
    kIdle,
    kArchived,
};

QList<ReportColumn> accountColumns(const ReportParams &p)
{
    return {
        {QStringLiteral("project"), QStringLiteral("Project"), CellKind::FreeText, 3},
        {QStringLiteral("service_account"), QStringLiteral("Service account"), CellKind::FreeText, 3},
        {QStringLiteral("service_account_id"), QStringLiteral("Account id"), CellKind::Text, 3},
        {QStringLiteral("role"), QStringLiteral("Role"), CellKind::Text, 1},
        {QStringLiteral("created_at"), QStringLiteral("Created"), CellKind::Date, 2},
        {QStringLiteral("keys"), QStringLiteral("Keys"), CellKind::Number, 1},
        {QStringLiteral("key_names"), QStringLiteral("Key names"), CellKind::FreeText, 3},
        {QStringLiteral("last_used_at"), QStringLiteral("Last used"), CellKind::Date, 2},
        {QStringLiteral("no_key"), QStringLiteral("No key"), CellKind::Text, 1},
        {QStringLiteral("keys_unused"), QStringLiteral("Unused %1 d").arg(p.unusedDays), CellKind::Text, 1},
        {QStringLiteral("archived_project"), QStringLiteral("Archived project"), CellKind::Text, 1}};
}

// One account's keys: how many, their names, the newest use, and whether every one is idle.
struct AccountKeys
{
    qint64 count = 0;
    QStringList names;
    qint64 lastUsed = 0;
    bool allIdle = true;
};

QHash<QString, AccountKeys> keysByAccount(const QList<QJsonObject> &keyRows, qint64 asOf,
                                          const ReportParams &p)
{
    QHash<QString, AccountKeys> out; // project_id/account id → keys
    for (const QJsonObject &key : keyRows) {
        if (text(key, QStringLiteral("owner_type")) != u"service_account") continue;
        AccountKeys &a = out[text(key, kProjectId) + u'/' + text(key, QStringLiteral("owner_id"))];
        const keys::KeyAge age = keys::keyAge(key, asOf, p);
        ++a.count;
        a.names << (text(key, QStringLiteral("name")).isEmpty() ? text(key, kId)
                                                                : text(key, QStringLiteral("name")));
        a.lastUsed = std::max(a.lastUsed, age.lastUsed);
        a.allIdle = a.allIdle && age.unused;
    }
    return out;
}

// One account as the report sees it.
struct Account
{
    QJsonObject row;
    QString project;
    AccountKeys keys;
    bool idle = false;     // has keys, none used for unusedDays
    bool archived = false; // its project is archived
    bool owner = false;    // holds the project's owner role
};

QList<Account> accountsOf(const QList<QJsonObject> &rows, const QHash<QString, AccountKeys> &keysOf,
                          const QHash<QString, ProjectInfo> &projects)
{
    QList<Account> out;
    out.reserve(rows.size());
    for (const QJsonObject &a : rows) {
        Account x;
        x.row = a;
        x.project = text(a, kProjectId);
        x.keys = keysOf.value(x.project + u'/' + text(a, kId));
        x.idle = x.keys.count > 0 && x.keys.allIdle;
        x.archived = projects.value(x.project).archived;
        x.owner = text(a, QStringLiteral("role")) == kOwnerRole;
        out.append(x);
    }
    return out;
}

ReportTable accountsTable(const QList<Account> &accounts, const QHash<QString, ProjectInfo> &projects,
                          const ReportParams &p)
{
    ReportTable t{QStringLiteral("service_accounts"),
                  QStringLiteral("Service accounts"),
                  QStringLiteral("Per project. Last used is the newest use of any of the account's keys; "
                                 "unused means it has keys and none was used for %1 days or more (counted "
                                 "from a key's creation when it was never used).")
                      .arg(p.unusedDays),
                  accountColumns(p),
                  {}};
    for (const Account &a : accounts)
        t.rows.append({keys::projectLabel(projects, a.project), textCell(text(a.row, QStringLiteral("name"))),
                       text(a.row, kId), textCell(text(a.row, QStringLiteral("role"))),
                       dateCell(secs(a.row, QStringLiteral("created_at"))), numberCell(a.keys.count),
                       textCell(joinedSorted(a.keys.names)), dateCell(a.keys.lastUsed), a.keys.count == 0,
                       a.idle, a.archived});
    sortRows(t.rows, {kProject, kAccount, kAccountId});
    return t;
}

struct Counts
{
    qint64 accounts = 0, owners = 0, keys = 0, noKey = 0, idle = 0, archived = 0;
    void add(const Account &a)
    {
        ++accounts;
        owners += a.owner ? 1 : 0;
        keys += a.keys.count;
        noKey += a.keys.count == 0 ? 1 : 0;
        idle += a.idle ? 1 : 0;
        archived += a.archived ? 1 : 0;
    }
};

ReportTable projectsTable(const QList<Account> &accounts, const QHash<QString, ProjectInfo> &projects)
{
    QHash<QString, Counts> per;
    for (const Account &a : accounts)
        per[a.project].add(a);
    ReportTable t{
        QStringLiteral("projects"),
        QStringLiteral("Service accounts per project"),
        QStringLiteral("Every project as of the report's instant, with or without service accounts."),
        {{QStringLiteral("project"), QStringLiteral("Project"), CellKind::FreeText, 3},
         {QStringLiteral("project_id"), QStringLiteral("Project id"), CellKind::Text, 3},
         {QStringLiteral("status"), QStringLiteral("Status"), CellKind::Text, 1},
         {QStringLiteral("service_accounts"), QStringLiteral("Accounts"), CellKind::Number, 1},
         {QStringLiteral("owner_role"), QStringLiteral("Owner role"), CellKind::Number, 1},
         {QStringLiteral("keys"), QStringLiteral("Keys"), CellKind::Number, 1},
         {QStringLiteral("no_key"), QStringLiteral("No key"), CellKind::Number, 1},
         {QStringLiteral("keys_unused"), QStringLiteral("Keys unused"), CellKind::Number, 1}},
        {}};
    for (auto it = projects.cbegin(); it != projects.cend(); ++it) {
        const Counts c = per.value(it.key());
        t.rows.append({keys::projectLabel(projects, it.key()), it.key(), textCell(it->status),
                       numberCell(c.accounts), numberCell(c.owners), numberCell(c.keys), numberCell(c.noKey),
                       numberCell(c.idle)});
    }
    sortRows(t.rows, {0, 1});
    return t;
}

void accountFindings(Report &r, const Counts &c, const ReportParams &p)
{
    const QString cc61 = QStringLiteral("CC6.1"), cc62 = QStringLiteral("CC6.2");
    if (c.owners > 0)
        r.findings.append(
            {FindingSeverity::Warning, cc61,
             QStringLiteral("%1 service accounts hold their project's owner role; least privilege "
                            "(seed 002 §7) gives a pipeline the member role.")
                 .arg(c.owners)});
    if (c.archived > 0)
        r.findings.append({FindingSeverity::Warning, cc61,
                           QStringLiteral("%1 service accounts remain in archived projects; delete them.")
                               .arg(c.archived)});
    if (c.idle > 0)
        r.findings.append(
            {FindingSeverity::Warning, cc62,
             QStringLiteral("%1 service accounts have keys none of which was used for %2 days or "
                            "more; revoke the keys or delete the accounts.")
                 .arg(c.idle)
                 .arg(p.unusedDays)});
    if (c.noKey > 0)
        r.findings.append(
            {FindingSeverity::Info, cc61,
             QStringLiteral("%1 service accounts have no key; delete the ones no pipeline uses.")
                 .arg(c.noKey)});
}
} // namespace

Status serviceAccounts(ReportSource &src, Report &r, const ReportParams &p)
{
    auto projects = keys::projectsById(src);
    auto accountRows = src.entity(QStringLiteral("service_accounts"));
    auto keyRows = src.entity(QStringLiteral("keys"));
    if (!projects) return projects.error();
    if (!accountRows) return accountRows.error();
    if (!keyRows) return keyRows.error();
    const QList<Account> accounts =
        accountsOf(*accountRows, keysByAccount(*keyRows, src.asOf(), p), *projects);
    Counts total;
    QSet<QString> withAccounts;
    for (const Account &a : accounts) {
        total.add(a);
        withAccounts.insert(a.project);
    }
    r.tables = {accountsTable(accounts, *projects, p), projectsTable(accounts, *projects)};
    r.summary = {{QStringLiteral("Service accounts"), total.accounts},
                 {QStringLiteral("Projects with service accounts"), qint64(withAccounts.size())},
                 {QStringLiteral("Service-account keys"), total.keys},
                 {QStringLiteral("Owner-role accounts"), total.owners},
                 {QStringLiteral("Accounts with no key"), total.noKey},
                 {QStringLiteral("Accounts with keys unused %1 days").arg(p.unusedDays), total.idle},
                 {QStringLiteral("Accounts in archived projects"), total.archived}};
    accountFindings(r, total, p);
    return {};
}

} // namespace orgward::reports
