// Key hygiene (issue #14, SOC 2 CC6.1/CC6.2): every project API key (a member's or a service account's) and
// every admin API key, with its owner, age and last use, flagged when unused for --unused-days, older than
// the rotation policy (--max-age-days), owned by someone no longer a member, or in an archived project.
#include "compliance/reportcells.h"
#include "compliance/reports.h"
#include "compliance/reports_keys_p.h"
#include "compliance/reportsource.h"

#include <QSet>

namespace orgward::reports {

namespace keys {

KeyAge keyAge(const QJsonObject &key, qint64 asOf, const ReportParams &p)
{
    using namespace reportcells;
    KeyAge a;
    a.created = secs(key, QStringLiteral("created_at"));
    a.lastUsed = secs(key, QStringLiteral("last_used_at"));
    a.ageDays = wholeDays(a.created, asOf);
    a.unused = wholeDays(a.lastUsed != 0 ? a.lastUsed : a.created, asOf) >= p.unusedDays;
    a.tooOld = a.ageDays > p.maxAgeDays;
    return a;
}

Result<QHash<QString, ProjectInfo>> projectsById(ReportSource &src)
{
    using namespace reportcells;
    auto projects = src.entity(QStringLiteral("projects"));
    if (!projects) return projects.error();
    QHash<QString, ProjectInfo> out;
    for (const QJsonObject &pr : std::as_const(*projects)) {
        const QString status = text(pr, QStringLiteral("status"));
        out.insert(text(pr, QStringLiteral("id")),
                   {text(pr, QStringLiteral("name")), status,
                    status == u"archived" || secs(pr, QStringLiteral("archived_at")) != 0});
    }
    return out;
}

QString projectLabel(const QHash<QString, ProjectInfo> &projects, const QString &id)
{
    const QString name = projects.value(id).name;
    return name.isEmpty() ? id : name;
}

} // namespace keys

namespace {
using namespace reportcells;
using keys::KeyAge;
using keys::ProjectInfo;

const QString kId = QStringLiteral("id");
const QString kOwnerType = QStringLiteral("owner_type");
const QString kOwnerId = QStringLiteral("owner_id");

// Columns every key table ends with, in this order: the flags.
QList<ReportColumn> flagColumns(const ReportParams &p)
{
    return {
        {QStringLiteral("created_at"), QStringLiteral("Created"), CellKind::Date, 2},
        {QStringLiteral("age_days"), QStringLiteral("Age (days)"), CellKind::Number, 1},
        {QStringLiteral("last_used_at"), QStringLiteral("Last used"), CellKind::Date, 2},
        {QStringLiteral("unused"), QStringLiteral("Unused %1 d").arg(p.unusedDays), CellKind::Text, 1},
        {QStringLiteral("too_old"), QStringLiteral("Older than %1 d").arg(p.maxAgeDays), CellKind::Text, 1},
        {QStringLiteral("owner_removed"), QStringLiteral("Owner removed"), CellKind::Text, 1},
        {QStringLiteral("archived_project"), QStringLiteral("Archived project"), CellKind::Text, 1}};
}

struct Counts
{
    qint64 unused = 0, tooOld = 0, ownerRemoved = 0, archived = 0;
};

void appendFlags(QVariantList &row, const KeyAge &a, bool ownerRemoved, bool archived, Counts &c)
{
    row << dateCell(a.created) << numberCell(a.ageDays) << dateCell(a.lastUsed) << a.unused << a.tooOld
        << ownerRemoved << archived;
    c.unused += a.unused ? 1 : 0;
    c.tooOld += a.tooOld ? 1 : 0;
    c.ownerRemoved += ownerRemoved ? 1 : 0;
    c.archived += archived ? 1 : 0;
}

struct KeyContext
{
    const QHash<QString, ProjectInfo> &projects;
    QSet<QString> memberIds;
    QSet<QString> accountIds; // service accounts as project_id/id
    qint64 asOf = 0;
    const ReportParams &p;
    Counts counts;
};

ReportTable projectKeysTable(const QList<QJsonObject> &keyRows, KeyContext &k)
{
    ReportTable t{QStringLiteral("project_keys"),
                  QStringLiteral("Project API keys of members"),
                  QStringLiteral("Owner removed: the key's owner is no longer a member of the organization."),
                  {{QStringLiteral("project"), QStringLiteral("Project"), CellKind::FreeText, 3},
                   {QStringLiteral("key_name"), QStringLiteral("Key name"), CellKind::FreeText, 3},
                   {QStringLiteral("key_id"), QStringLiteral("Key id"), CellKind::Text, 3},
                   {QStringLiteral("owner_email"), QStringLiteral("Owner email"), CellKind::Email, 4},
                   {QStringLiteral("owner_name"), QStringLiteral("Owner"), CellKind::Name, 3}},
                  {}};
    t.columns << flagColumns(k.p);
    for (const QJsonObject &key : keyRows) {
        if (text(key, kOwnerType) != u"user") continue;
        const QString project = text(key, QStringLiteral("project_id"));
        QVariantList row{keys::projectLabel(k.projects, project), textCell(text(key, QStringLiteral("name"))),
                         text(key, kId), textCell(text(key, QStringLiteral("owner_email"))),
                         textCell(text(key, QStringLiteral("owner_name")))};
        appendFlags(row, keys::keyAge(key, k.asOf, k.p), !k.memberIds.contains(text(key, kOwnerId)),
                    k.projects.value(project).archived, k.counts);
        t.rows.append(row);
    }
    sortRows(t.rows, {0, 3, 1, 2});
    return t;
}

ReportTable accountKeysTable(const QList<QJsonObject> &keyRows, KeyContext &k)
{
    ReportTable t{
        QStringLiteral("service_account_keys"),
        QStringLiteral("Service-account keys"),
        QStringLiteral("Owner removed: the service account no longer exists in its project."),
        {{QStringLiteral("project"), QStringLiteral("Project"), CellKind::FreeText, 3},
         {QStringLiteral("key_name"), QStringLiteral("Key name"), CellKind::FreeText, 3},
         {QStringLiteral("key_id"), QStringLiteral("Key id"), CellKind::Text, 3},
         {QStringLiteral("service_account"), QStringLiteral("Service account"), CellKind::FreeText, 3},
         {QStringLiteral("service_account_id"), QStringLiteral("Account id"), CellKind::Text, 3}},
        {}};
    t.columns << flagColumns(k.p);
    for (const QJsonObject &key : keyRows) {
        if (text(key, kOwnerType) != u"service_account") continue;
        const QString project = text(key, QStringLiteral("project_id"));
        const QString owner = text(key, kOwnerId);
        QVariantList row{keys::projectLabel(k.projects, project), textCell(text(key, QStringLiteral("name"))),
                         text(key, kId), textCell(text(key, QStringLiteral("owner_name"))), textCell(owner)};
        appendFlags(row, keys::keyAge(key, k.asOf, k.p), !k.accountIds.contains(project + u'/' + owner),
                    k.projects.value(project).archived, k.counts);
        t.rows.append(row);
    }
    sortRows(t.rows, {0, 3, 1, 2});
    return t;
}

ReportTable adminKeysTable(const QList<QJsonObject> &adminKeys, KeyContext &k)
{
    ReportTable t{QStringLiteral("admin_keys"),
                  QStringLiteral("Admin API keys"),
                  QStringLiteral("Organization-wide keys of the Admin API (Orgward reads with one). Owner "
                                 "removed: the key's owner is a user no longer a member."),
                  {{QStringLiteral("key_name"), QStringLiteral("Key name"), CellKind::FreeText, 3},
                   {QStringLiteral("key_id"), QStringLiteral("Key id"), CellKind::Text, 3},
                   {QStringLiteral("owner_name"), QStringLiteral("Owner"), CellKind::Name, 3},
                   {QStringLiteral("owner_role"), QStringLiteral("Owner role"), CellKind::Text, 2},
                   {QStringLiteral("expires_at"), QStringLiteral("Expires"), CellKind::Date, 2}},
                  {}};
    t.columns << flagColumns(k.p);
    for (const QJsonObject &key : adminKeys) {
        const bool userOwned = text(key, kOwnerType) == u"user";
        QVariantList row{textCell(text(key, QStringLiteral("name"))), text(key, kId),
                         textCell(text(key, QStringLiteral("owner_name"))),
                         textCell(text(key, QStringLiteral("owner_role"))),
                         dateCell(secs(key, QStringLiteral("expires_at")))};
        appendFlags(row, keys::keyAge(key, k.asOf, k.p),
                    userOwned && !k.memberIds.contains(text(key, kOwnerId)), false, k.counts);
        t.rows.append(row);
    }
    sortRows(t.rows, {0, 2, 1});
    return t;
}

void keyFindings(Report &r, const Counts &c, const ReportParams &p)
{
    const QString cc61 = QStringLiteral("CC6.1"), cc62 = QStringLiteral("CC6.2");
    if (c.ownerRemoved > 0)
        r.findings.append(
            {FindingSeverity::Critical, cc61,
             QStringLiteral("%1 keys belong to members or service accounts that no longer exist; "
                            "revoke them.")
                 .arg(c.ownerRemoved)});
    if (c.archived > 0)
        r.findings.append(
            {FindingSeverity::Warning, cc61,
             QStringLiteral("%1 keys remain in archived projects; delete them.").arg(c.archived)});
    if (c.tooOld > 0)
        r.findings.append({FindingSeverity::Warning, cc62,
                           QStringLiteral("%1 keys are older than the %2-day rotation policy; rotate them.")
                               .arg(c.tooOld)
                               .arg(p.maxAgeDays)});
    if (c.unused > 0)
        r.findings.append(
            {FindingSeverity::Warning, cc62,
             QStringLiteral("%1 keys have not been used for %2 days or more; revoke the ones no "
                            "longer needed.")
                 .arg(c.unused)
                 .arg(p.unusedDays)});
}

Result<QSet<QString>> idsOf(ReportSource &src, const QString &entity, const QStringList &keyColumns)
{
    auto rows = src.entity(entity);
    if (!rows) return rows.error();
    QSet<QString> ids;
    ids.reserve(rows->size());
    for (const QJsonObject &row : std::as_const(*rows)) {
        QStringList parts;
        for (const QString &c : keyColumns)
            parts << text(row, c);
        ids.insert(parts.join(u'/'));
    }
    return ids;
}
} // namespace

Status keyHygiene(ReportSource &src, Report &r, const ReportParams &p)
{
    auto projects = keys::projectsById(src);
    auto projectKeys = src.entity(QStringLiteral("keys"));
    auto adminKeys = src.entity(QStringLiteral("admin_keys"));
    auto members = idsOf(src, QStringLiteral("members"), {kId});
    auto accounts = idsOf(src, QStringLiteral("service_accounts"), {QStringLiteral("project_id"), kId});
    if (!projects) return projects.error();
    if (!projectKeys) return projectKeys.error();
    if (!adminKeys) return adminKeys.error();
    if (!members) return members.error();
    if (!accounts) return accounts.error();
    KeyContext k{*projects, *members, *accounts, src.asOf(), p, {}};
    r.tables = {projectKeysTable(*projectKeys, k), accountKeysTable(*projectKeys, k),
                adminKeysTable(*adminKeys, k)};
    r.summary = {{QStringLiteral("Project API keys of members"), qint64(r.tables[0].rows.size())},
                 {QStringLiteral("Service-account keys"), qint64(r.tables[1].rows.size())},
                 {QStringLiteral("Admin API keys"), qint64(r.tables[2].rows.size())},
                 {QStringLiteral("Unused for %1 days or more").arg(p.unusedDays), k.counts.unused},
                 {QStringLiteral("Older than %1 days").arg(p.maxAgeDays), k.counts.tooOld},
                 {QStringLiteral("Owner removed"), k.counts.ownerRemoved},
                 {QStringLiteral("In archived projects"), k.counts.archived}};
    keyFindings(r, k.counts, p);
    return {};
}

} // namespace orgward::reports
