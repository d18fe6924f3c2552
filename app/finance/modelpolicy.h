#pragma once
// Declared model policy (issue #15, seeds 000 and 002): an allowlist of models per project or per workload,
// kept by Orgward (orgward_model_allowlists, migration 15) beside what the API enforces
// (openai_project_model_permissions). The drift report names usage of models outside either, per project,
// with first and last day seen, tokens and requests, and the projects whose API permissions differ from the
// policy. A project's policy is its own allowlist, else its workload's (allocation.h), else none.
#include "core/result.h"
#include "finance/budget.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace orgward {

class Database;

// Seed 000's approved tiers: the starting suggestion for a new allowlist.
QStringList suggestedAllowedModels();

struct ModelAllowlist
{
    BudgetScope scope;  // Project or Workload
    QStringList models; // sorted, unique
};

class ModelPolicyStore
{
public:
    explicit ModelPolicyStore(Database &db);
    Result<QList<ModelAllowlist>> list(const QString &orgKey);
    // Replaces the scope's allowlist (models empty: removes it). Refuses a scope other than project or
    // workload, a project not in the organization, and a model id with spaces; journaled.
    Status set(const QString &orgKey, const BudgetScope &scope, const QStringList &models);

private:
    Database &m_db;
};

struct ModelUsage
{
    QString projectId, projectName, model;
    qint64 firstSeen = 0, lastSeen = 0; // UTC day starts
    qint64 inputTokens = 0, outputTokens = 0, requests = 0;
    bool outsidePolicy = false;      // a policy applies and does not list the model
    bool outsidePermissions = false; // the API's allow/deny list excludes the model
    QString policySource;            // "project", "workload:NAME" or "" (no policy)
};

struct PermissionMismatch
{
    QString projectId, projectName;
    QStringList policy;          // the declared allowlist
    QString apiMode;             // allow_list | deny_list | "" (nothing stored: every model allowed)
    QStringList apiModels;       // the API's list
    QStringList notAllowedByApi; // in the policy, refused by the API
    QStringList allowedBeyond;   // allowed by the API (allow_list), not in the policy
};

struct ModelDrift
{
    QList<ModelUsage> usage; // only usage outside the policy or the permissions
    QList<PermissionMismatch> mismatches;
};

// Usage in [from, to) (completions, the smallest set grouped by model and project).
Result<ModelDrift> modelDrift(Database &db, const QString &orgKey, qint64 from, qint64 to);

} // namespace orgward
