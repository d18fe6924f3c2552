#include "allocation.h"

#include "compliance/journal.h"
#include "core/clock.h"
#include "core/csvreader.h"
#include "core/csvwriter.h"
#include "finance/spend.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace orgward {

namespace {

const QString kProject = QStringLiteral("project");
const QStringList kCsvHeader{QStringLiteral("project_id"), QStringLiteral("project_name"),
                             QStringLiteral("cost_centre"), QStringLiteral("workload")};
constexpr int kMaxTagLength = 64;

// A null QString binds as SQL NULL; the tag columns are NOT NULL with "" for none.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

Status checkTag(const QString &what, const QString &value)
{
    if (value.size() > kMaxTagLength || value.contains(u'\n') || value.contains(u'\r'))
        return err(Error::Code::Usage, QObject::tr("%1 '%2': use at most %3 characters on one line")
                                           .arg(what, value.left(kMaxTagLength))
                                           .arg(kMaxTagLength));
    return {};
}

Status inTransaction(Database &db, const std::function<Status()> &work)
{
    if (auto r = db.begin(); !r) return r;
    Status r = work();
    if (!r) {
        db.rollback();
        return r;
    }
    return db.commit();
}

} // namespace

bool AllocationRule::matches(const QString &projectName) const
{
    const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(
                                    pattern, QRegularExpression::UnanchoredWildcardConversion),
                                QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(projectName);
    return m.hasMatch() && m.capturedStart() == 0 && m.capturedLength() == projectName.size();
}

QList<AllocationRule> defaultAllocationRules()
{
    return {{QStringLiteral("*prod*"), QString(), QStringLiteral("production")},
            {QStringLiteral("*staging*"), QString(), QStringLiteral("staging")},
            {QStringLiteral("*sandbox*"), QString(), QStringLiteral("experimentation")},
            {QStringLiteral("Default project"), QString(), QStringLiteral("experimentation")}};
}

AllocationStore::AllocationStore(Database &db) : m_db(db) {}

Result<QList<AllocationRule>> AllocationStore::rules(const QString &orgKey)
{
    auto q = m_db.exec(QStringLiteral("SELECT pattern, cost_centre, workload FROM orgward_allocation_rules "
                                      "WHERE org_key = ? ORDER BY position"),
                       {orgKey});
    if (!q) return q.error();
    QList<AllocationRule> out;
    while (q->next())
        out << AllocationRule{q->value(0).toString(), q->value(1).toString(), q->value(2).toString()};
    return out.isEmpty() ? defaultAllocationRules() : out;
}

Result<QList<ProjectAllocation>> AllocationStore::effective(const QString &orgKey)
{
    auto rs = rules(orgKey);
    if (!rs) return rs.error();
    auto q = m_db.exec(
        QStringLiteral(
            "SELECT p.id, p.name, a.cost_centre, a.workload FROM openai_projects p "
            "LEFT JOIN orgward_allocations a ON a.org_key = p.org_key AND a.object_kind = ? AND "
            "a.object_id = p.id WHERE p.org_key = ? AND p.deleted_at IS NULL ORDER BY p.name, p.id"),
        {kProject, orgKey});
    if (!q) return q.error();
    QList<ProjectAllocation> out;
    while (q->next()) {
        ProjectAllocation a{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                            q->value(3).toString(), AllocationSource::None};
        if (!q->value(2).isNull()) {
            a.source = AllocationSource::Explicit;
        } else {
            for (const AllocationRule &r : std::as_const(*rs))
                if (r.matches(a.projectName)) {
                    a.costCentre = r.costCentre;
                    a.workload = r.workload;
                    a.source = AllocationSource::Rule;
                    break;
                }
        }
        out << a;
    }
    return out;
}

Result<QString> AllocationStore::projectName(const QString &orgKey, const QString &projectId)
{
    auto v = m_db.scalar(QStringLiteral("SELECT name FROM openai_projects WHERE org_key = ? AND id = ? AND "
                                        "deleted_at IS NULL"),
                         {orgKey, projectId});
    if (!v) return v.error();
    if (v->isNull())
        return err(Error::Code::NotFound,
                   QObject::tr("Project '%1' is not in organization '%2' (deleted or never synced).")
                       .arg(projectId, orgKey));
    return v->toString();
}

Status AllocationStore::set(const QString &orgKey, const QString &projectId, const QString &costCentre,
                            const QString &workload)
{
    if (auto r = checkTag(QObject::tr("cost centre"), costCentre); !r) return r;
    if (auto r = checkTag(QObject::tr("workload"), workload); !r) return r;
    auto name = projectName(orgKey, projectId);
    if (!name) return name.error();
    return inTransaction(m_db, [&]() -> Status {
        Status r =
            m_db.run(QStringLiteral("DELETE FROM orgward_allocations WHERE org_key = ? AND object_kind = ? "
                                    "AND object_id = ?"),
                     {orgKey, kProject, projectId});
        const bool clear = costCentre.isEmpty() && workload.isEmpty();
        if (r && !clear)
            r = m_db.run(
                QStringLiteral("INSERT INTO orgward_allocations (org_key, object_kind, object_id, "
                               "cost_centre, workload, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                {orgKey, kProject, projectId, text(costCentre), text(workload),
                 m_db.bindTimestamp(Clock::nowSecs()), Journal::osUser()});
        if (!r) return r;
        auto e = Journal(m_db).append(
            JournalKind::BudgetChange, orgKey,
            QJsonObject{{QStringLiteral("action"),
                         clear ? QStringLiteral("allocation-cleared") : QStringLiteral("allocation-set")},
                        {QStringLiteral("project_id"), projectId},
                        {QStringLiteral("cost_centre"), costCentre},
                        {QStringLiteral("workload"), workload}});
        return e ? Status() : Status(e.error());
    });
}

Status AllocationStore::setRules(const QString &orgKey, const QList<AllocationRule> &rules)
{
    QJsonArray list;
    for (const AllocationRule &r : rules) {
        if (r.pattern.trimmed().isEmpty())
            return err(Error::Code::Usage, QObject::tr("An allocation rule needs a project-name pattern."));
        if (auto c = checkTag(QObject::tr("cost centre"), r.costCentre); !c) return c;
        if (auto c = checkTag(QObject::tr("workload"), r.workload); !c) return c;
        list.append(QJsonObject{{QStringLiteral("pattern"), r.pattern},
                                {QStringLiteral("cost_centre"), r.costCentre},
                                {QStringLiteral("workload"), r.workload}});
    }
    return inTransaction(m_db, [&]() -> Status {
        Status s =
            m_db.run(QStringLiteral("DELETE FROM orgward_allocation_rules WHERE org_key = ?"), {orgKey});
        for (int i = 0; s && i < rules.size(); ++i)
            s = m_db.run(
                QStringLiteral("INSERT INTO orgward_allocation_rules (org_key, position, pattern, "
                               "cost_centre, workload) VALUES (?, ?, ?, ?, ?)"),
                {orgKey, i + 1, rules[i].pattern, text(rules[i].costCentre), text(rules[i].workload)});
        if (!s) return s;
        auto e =
            Journal(m_db).append(JournalKind::BudgetChange, orgKey,
                                 QJsonObject{{QStringLiteral("action"), QStringLiteral("allocation-rules")},
                                             {QStringLiteral("rules"), list}});
        return e ? Status() : Status(e.error());
    });
}

Status AllocationStore::exportCsv(const QString &orgKey, const QString &path)
{
    auto rows = effective(orgKey);
    if (!rows) return rows.error();
    CsvFile f(path);
    if (auto r = f.open(); !r) return r;
    if (auto r = f.writeRecord(kCsvHeader); !r) return r;
    for (const ProjectAllocation &a : std::as_const(*rows)) {
        // Only explicit rows are exported as allocations; rule-filled ones would freeze the rule.
        const bool mine = a.source == AllocationSource::Explicit;
        if (auto r = f.writeRecord(
                {a.projectId, a.projectName, mine ? a.costCentre : QString(), mine ? a.workload : QString()});
            !r)
            return r;
    }
    return f.commit();
}

Result<int> AllocationStore::importCsv(const QString &orgKey, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return err(Error::Code::Io, QObject::tr("Cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    auto records = parseCsvText(QString::fromUtf8(bytes));
    if (!records) return err(Error::Code::Parse, QStringLiteral("%1: %2").arg(path, records.errorMessage()));
    if (records->isEmpty() || records->first().fields.mid(0, 1) != kCsvHeader.mid(0, 1))
        return err(Error::Code::Parse,
                   QObject::tr("%1: the first line must be the header %2").arg(path, kCsvHeader.join(u',')));
    const QStringList header = records->first().fields;
    const int cc = int(header.indexOf(QStringLiteral("cost_centre"))),
              wl = int(header.indexOf(QStringLiteral("workload")));
    if (cc < 0 || wl < 0)
        return err(Error::Code::Parse,
                   QObject::tr("%1: the header needs cost_centre and workload columns").arg(path));
    auto projects = effective(orgKey);
    if (!projects) return projects.error();
    QSet<QString> known, seen;
    for (const ProjectAllocation &a : std::as_const(*projects))
        known.insert(a.projectId);
    for (int i = 1; i < records->size(); ++i) {
        const CsvRecord &rec = records->at(i);
        const auto fail = [&](const QString &what) {
            return err(
                Error::Code::Parse,
                QObject::tr("%1, line %2: %3; nothing was imported").arg(path).arg(rec.line).arg(what));
        };
        if (rec.fields.size() != header.size())
            return fail(
                QObject::tr("%1 fields where the header has %2").arg(rec.fields.size()).arg(header.size()));
        const QString id = rec.fields[0].trimmed();
        if (!known.contains(id))
            return fail(QObject::tr("project '%1' is not in organization '%2'").arg(id, orgKey));
        if (seen.contains(id)) return fail(QObject::tr("project '%1' is listed twice").arg(id));
        seen.insert(id);
        for (int col : {cc, wl})
            if (auto r = checkTag(header[col], rec.fields[col]); !r) return fail(r.errorMessage());
    }
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    Status s = inTransaction(m_db, [&]() -> Status {
        Status r =
            m_db.run(QStringLiteral("DELETE FROM orgward_allocations WHERE org_key = ? AND object_kind = ?"),
                     {orgKey, kProject});
        for (int i = 1; r && i < records->size(); ++i) {
            const QStringList &f = records->at(i).fields;
            if (f[cc].isEmpty() && f[wl].isEmpty()) continue;
            r = m_db.run(QStringLiteral(
                             "INSERT INTO orgward_allocations (org_key, object_kind, object_id, cost_centre, "
                             "workload, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                         {orgKey, kProject, f[0].trimmed(), text(f[cc]), text(f[wl]),
                          m_db.bindTimestamp(Clock::nowSecs()), Journal::osUser()});
        }
        if (!r) return r;
        auto e =
            Journal(m_db).append(JournalKind::BudgetChange, orgKey,
                                 QJsonObject{{QStringLiteral("action"), QStringLiteral("allocation-import")},
                                             {QStringLiteral("rows"), int(records->size() - 1)},
                                             {QStringLiteral("sha256"), sha}});
        return e ? Status() : Status(e.error());
    });
    if (!s) return s.error();
    return int(records->size() - 1);
}

Result<AllocatedCosts> costsByAllocation(Database &db, const QString &orgKey, qint64 from, qint64 to,
                                         AllocationDimension dimension)
{
    auto spend = projectDailySpend(db, orgKey, from, to);
    if (!spend) return spend.error();
    auto projects = AllocationStore(db).effective(orgKey);
    if (!projects) return projects.error();
    QHash<QString, QString> keyOf;
    for (const ProjectAllocation &a : std::as_const(*projects))
        keyOf.insert(a.projectId, dimension == AllocationDimension::CostCentre ? a.costCentre : a.workload);
    QHash<QString, Decimal> sums;
    AllocatedCosts out;
    out.currency = spend->currency;
    for (auto it = spend->byProject.cbegin(); it != spend->byProject.cend(); ++it) {
        Decimal s;
        for (const Decimal &d : it.value())
            s += d;
        sums[keyOf.value(it.key())] += s; // a project without an allocation, or no project: ""
        out.total += s;
    }
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        out.rows << AllocationTotal{it.key(), it.value()};
    std::sort(out.rows.begin(), out.rows.end(), [](const AllocationTotal &a, const AllocationTotal &b) {
        if (a.key.isEmpty() != b.key.isEmpty()) return b.key.isEmpty();
        return a.amount != b.amount ? a.amount > b.amount : a.key < b.key;
    });
    return out;
}

} // namespace orgward
