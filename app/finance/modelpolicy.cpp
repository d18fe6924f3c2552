#include "modelpolicy.h"

#include "compliance/journal.h"
#include "finance/allocation.h"
#include "finance/governance.h"
#include "finance/groupbyset.h"
#include "finance/usagequery.h"
#include "store/database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QRegularExpression>
#include <QSet>

namespace orgward {

namespace {

const QString kCompletions = QStringLiteral("completions");

bool modelAllowedByApi(const GovernanceControls &g, const QString &model)
{
    if (!g.modelPermissionsStored || g.modelMode.isEmpty()) return true;
    const bool listed = g.modelIds.contains(model);
    return g.modelMode == u"deny_list" ? !listed : listed;
}

// A policy entry covers the model itself and its dated snapshots: "gpt-5" allows "gpt-5-2025-08-07", as the
// API's aliases point at snapshots.
bool policyCovers(const QStringList &policy, const QString &model)
{
    static const QRegularExpression snapshot(QStringLiteral("^(.+)-\\d{4}-\\d{2}-\\d{2}$"));
    if (policy.contains(model)) return true;
    const QRegularExpressionMatch m = snapshot.match(model);
    return m.hasMatch() && policy.contains(m.captured(1));
}

} // namespace

QStringList suggestedAllowedModels()
{
    return {QStringLiteral("gpt-5"), QStringLiteral("gpt-5-mini"), QStringLiteral("text-embedding-3-small")};
}

ModelPolicyStore::ModelPolicyStore(Database &db) : m_db(db) {}

Result<QList<ModelAllowlist>> ModelPolicyStore::list(const QString &orgKey)
{
    auto q = m_db.exec(QStringLiteral("SELECT scope, model FROM orgward_model_allowlists WHERE org_key = ? "
                                      "ORDER BY scope, model"),
                       {orgKey});
    if (!q) return q.error();
    QList<ModelAllowlist> out;
    while (q->next()) {
        auto scope = BudgetScope::parse(q->value(0).toString());
        if (!scope) return scope.error();
        if (out.isEmpty() || !(out.last().scope == *scope)) out << ModelAllowlist{*scope, {}};
        out.last().models << q->value(1).toString();
    }
    return out;
}

Status ModelPolicyStore::set(const QString &orgKey, const BudgetScope &scope, const QStringList &models)
{
    if (scope.kind != BudgetScopeKind::Project && scope.kind != BudgetScopeKind::Workload)
        return err(Error::Code::Usage,
                   QObject::tr("An allowlist is kept per project:ID or workload:NAME, not "
                               "'%1'.")
                       .arg(scope.text()));
    static const QRegularExpression modelRe(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$"));
    QStringList sorted;
    for (const QString &m : models) {
        if (!modelRe.match(m).hasMatch())
            return err(Error::Code::Usage,
                       QObject::tr("'%1' is not a model id (letters, digits, '.', '-', '_', ':' or '/', such "
                                   "as gpt-5-mini).")
                           .arg(m));
        if (!sorted.contains(m)) sorted << m;
    }
    sorted.sort();
    if (scope.kind == BudgetScopeKind::Project) {
        auto n =
            m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM openai_projects WHERE org_key = ? AND id = ?"),
                        {orgKey, scope.value});
        if (!n) return n.error();
        if (n->toInt() == 0)
            return err(
                Error::Code::Usage,
                QObject::tr("There is no project '%1' in organization '%2'.").arg(scope.value, orgKey));
    }
    if (auto r = m_db.begin(); !r) return r;
    Status s =
        m_db.run(QStringLiteral("DELETE FROM orgward_model_allowlists WHERE org_key = ? AND scope = ?"),
                 {orgKey, scope.text()});
    for (int i = 0; s && i < sorted.size(); ++i)
        s = m_db.run(
            QStringLiteral("INSERT INTO orgward_model_allowlists (org_key, scope, model) VALUES (?, ?, ?)"),
            {orgKey, scope.text(), sorted[i]});
    if (s) {
        auto e = Journal(m_db).append(
            JournalKind::BudgetChange, orgKey,
            QJsonObject{{QStringLiteral("action"), sorted.isEmpty() ? QStringLiteral("allowlist-removed")
                                                                    : QStringLiteral("allowlist-set")},
                        {QStringLiteral("scope"), scope.text()},
                        {QStringLiteral("models"), QJsonArray::fromStringList(sorted)}});
        if (!e) s = e.error();
    }
    if (!s) {
        m_db.rollback();
        return s;
    }
    return m_db.commit();
}

Result<ModelDrift> modelDrift(Database &db, const QString &orgKey, qint64 from, qint64 to)
{
    auto lists = ModelPolicyStore(db).list(orgKey);
    if (!lists) return lists.error();
    QHash<QString, QStringList> byScope;
    for (const ModelAllowlist &l : std::as_const(*lists))
        byScope.insert(l.scope.text(), l.models);
    auto projects = AllocationStore(db).effective(orgKey);
    if (!projects) return projects.error();
    struct ProjectPolicy
    {
        QString name, source;
        std::optional<QStringList> models;
        GovernanceControls api;
    };
    QHash<QString, ProjectPolicy> policy;
    ModelDrift out;
    for (const ProjectAllocation &p : std::as_const(*projects)) {
        ProjectPolicy pp{p.projectName, QString(), std::nullopt, {}};
        const QString own = QStringLiteral("project:") + p.projectId;
        const QString workload = QStringLiteral("workload:") + p.workload;
        if (byScope.contains(own)) {
            pp.models = byScope.value(own);
            pp.source = QStringLiteral("project");
        } else if (!p.workload.isEmpty() && byScope.contains(workload)) {
            pp.models = byScope.value(workload);
            pp.source = workload;
        }
        auto api = loadGovernanceControls(db, orgKey, p.projectId);
        if (!api) return api.error();
        pp.api = *api;
        if (pp.models) {
            PermissionMismatch m{p.projectId, p.projectName, *pp.models, api->modelMode, api->modelIds, {},
                                 {}};
            for (const QString &model : std::as_const(*pp.models))
                if (!modelAllowedByApi(*api, model)) m.notAllowedByApi << model;
            if (api->modelMode == u"allow_list")
                for (const QString &model : std::as_const(api->modelIds))
                    if (!pp.models->contains(model)) m.allowedBeyond << model;
            // No stored permissions (every model allowed) while a policy exists is a difference too.
            if (!m.notAllowedByApi.isEmpty() || !m.allowedBeyond.isEmpty() || api->modelMode.isEmpty())
                out.mismatches << m;
        }
        policy.insert(p.projectId, pp);
    }
    auto set =
        usageSetWith(db, orgKey, kCompletions, {QStringLiteral("model"), QStringLiteral("project_id")});
    if (!set) return set.error();
    if (!set->isValid()) return out;
    auto q =
        db.exec(QStringLiteral("SELECT COALESCE(project_id, ''), COALESCE(model, ''), MIN(%2), MAX(%2), "
                               "SUM(input_tokens), SUM(output_tokens), SUM(num_model_requests) FROM "
                               "usage_events WHERE org_key = ? AND kind = ? AND group_by = ? AND "
                               "bucket_width = ? AND bucket_start >= %1 AND bucket_start < %1 GROUP BY 1, 2 "
                               "ORDER BY 1, 2")
                    .arg(db.secsToTs(QStringLiteral("?")), db.tsToSecs(QStringLiteral("bucket_start"))),
                {orgKey, kCompletions, set->groupBy, set->bucketWidth, from, to});
    if (!q) return q.error();
    while (q->next()) {
        ModelUsage u;
        u.projectId = q->value(0).toString();
        u.model = q->value(1).toString();
        u.firstSeen = q->value(2).toLongLong();
        u.lastSeen = q->value(3).toLongLong();
        u.inputTokens = q->value(4).toLongLong();
        u.outputTokens = q->value(5).toLongLong();
        u.requests = q->value(6).toLongLong();
        const auto pp = policy.constFind(u.projectId);
        if (pp == policy.constEnd() || u.model.isEmpty()) continue;
        u.projectName = pp->name;
        u.policySource = pp->source;
        u.outsidePolicy = pp->models && !policyCovers(*pp->models, u.model);
        u.outsidePermissions = !modelAllowedByApi(pp->api, u.model);
        if (u.outsidePolicy || u.outsidePermissions) out.usage << u;
    }
    return out;
}

} // namespace orgward
