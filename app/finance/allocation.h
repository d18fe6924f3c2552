#pragma once
// Cost allocation (issue #15): each project's cost centre and workload, local to Orgward (the API has no
// such tags). An explicit allocation (orgward_allocations) wins; otherwise the first rule whose
// project-name pattern matches (orgward_allocation_rules, or the built-in defaults when an organization has
// none); otherwise the project is unallocated. Sums by cost centre or workload always add up to the billed
// total: every project's cost lands in exactly one bucket, "unallocated" included.
#include "core/decimal.h"
#include "core/result.h"

#include <QList>
#include <QString>

namespace orgward {

class Database;

enum class AllocationSource
{
    Explicit,
    Rule,
    None,
};

struct AllocationRule
{
    QString pattern; // a glob on the project name, case-insensitive: "*prod*"
    QString costCentre;
    QString workload;
    bool matches(const QString &projectName) const;
};

// Seed 000's workload classes: production, staging and experimentation by project name.
QList<AllocationRule> defaultAllocationRules();

struct ProjectAllocation
{
    QString projectId;
    QString projectName;
    QString costCentre; // empty: unallocated
    QString workload;
    AllocationSource source = AllocationSource::None;
};

enum class AllocationDimension
{
    CostCentre,
    Workload,
};

struct AllocationTotal
{
    QString key; // cost centre or workload; empty for unallocated
    Decimal amount;
};

struct AllocatedCosts
{
    QList<AllocationTotal> rows; // largest first, unallocated last
    Decimal total;               // the billed total (project set), equal to the rows' sum
    QString currency;
};

class AllocationStore
{
public:
    explicit AllocationStore(Database &db);

    // Every project of the organization (deleted ones left out) with its effective allocation.
    Result<QList<ProjectAllocation>> effective(const QString &orgKey);
    // Sets (or with both empty, clears) a project's explicit allocation; journaled (budget-change).
    Status set(const QString &orgKey, const QString &projectId, const QString &costCentre,
               const QString &workload);
    Result<QList<AllocationRule>> rules(const QString &orgKey); // stored, else defaultAllocationRules()
    // Replaces the organization's rules (in order); journaled.
    Status setRules(const QString &orgKey, const QList<AllocationRule> &rules);
    // project_id,project_name,cost_centre,workload (header first). Import is all or nothing: a line with an
    // unknown project, a missing column or a duplicate project refuses the whole file, naming the line.
    Status exportCsv(const QString &orgKey, const QString &path);
    Result<int> importCsv(const QString &orgKey, const QString &path);

private:
    Result<QString> projectName(const QString &orgKey, const QString &projectId);
    Database &m_db;
};

// Billed costs of [from, to) by cost centre or workload.
Result<AllocatedCosts> costsByAllocation(Database &db, const QString &orgKey, qint64 from, qint64 to,
                                         AllocationDimension dimension);

} // namespace orgward
