#include "tables.h"

namespace orgward {

void TableSpec::finalize()
{
    m_index.clear();
    for (int i = 0; i < columns.size(); ++i)
        m_index.insert(columns[i].name, i);
}

namespace {
using C = ColType;

TableSpec make(QString table, QList<ColumnSpec> cols, QStringList scope, QString id, QString gone)
{
    TableSpec t;
    t.table = std::move(table);
    t.columns = std::move(cols);
    t.scopeColumns = std::move(scope);
    t.idColumn = std::move(id);
    t.goneColumn = std::move(gone);
    if (!t.goneColumn.isEmpty()) t.columns.append({t.goneColumn, C::Timestamp});
    t.finalize();
    return t;
}

ColumnSpec col(const char *name, ColType type)
{
    return {QString::fromLatin1(name), type};
}

QList<TableSpec> buildSpecs()
{
    const QString deleted = QStringLiteral("deleted_at");
    const QStringList project{QStringLiteral("project_id")};
    QList<TableSpec> s;
    s << make(QStringLiteral("openai_users"),
              {col("id", C::Text), col("name", C::Text), col("email", C::Text), col("role", C::Text),
               col("added_at", C::Timestamp), col("created", C::Timestamp), col("is_default", C::Bool),
               col("is_service_account", C::Bool), col("is_scim_managed", C::Bool),
               col("api_key_last_used_at", C::Timestamp), col("technical_level", C::Text),
               col("developer_persona", C::Text)},
              {}, QStringLiteral("id"), deleted);
    s << make(QStringLiteral("openai_invites"),
              {col("id", C::Text), col("email", C::Text), col("role", C::Text), col("status", C::Text),
               col("created_at", C::Timestamp), col("expires_at", C::Timestamp),
               col("accepted_at", C::Timestamp), col("projects", C::Json)},
              {}, QStringLiteral("id"), deleted);
    s << make(QStringLiteral("openai_projects"),
              {col("id", C::Text), col("name", C::Text), col("status", C::Text),
               col("created_at", C::Timestamp), col("archived_at", C::Timestamp),
               col("external_key_id", C::Text), col("residency", C::Text),
               col("billing_reference_type", C::Text), col("billing_reference_id", C::Text)},
              {}, QStringLiteral("id"), deleted);
    s << make(QStringLiteral("openai_project_members"),
              {col("project_id", C::Text), col("user_id", C::Text), col("name", C::Text),
               col("email", C::Text), col("role", C::Text), col("added_at", C::Timestamp)},
              project, QStringLiteral("user_id"), QStringLiteral("removed_at"));
    s << make(QStringLiteral("openai_service_accounts"),
              {col("project_id", C::Text), col("id", C::Text), col("name", C::Text), col("role", C::Text),
               col("created_at", C::Timestamp)},
              project, QStringLiteral("id"), deleted);
    s << make(QStringLiteral("openai_project_api_keys"),
              {col("project_id", C::Text), col("id", C::Text), col("name", C::Text),
               col("redacted_value", C::Text), col("created_at", C::Timestamp),
               col("last_used_at", C::Timestamp), col("owner_type", C::Text), col("owner_id", C::Text),
               col("owner_name", C::Text), col("owner_email", C::Text), col("owner_role", C::Text),
               col("owner_project_access", C::Text)},
              project, QStringLiteral("id"), deleted);
    s << make(QStringLiteral("openai_project_rate_limits"),
              {col("project_id", C::Text), col("id", C::Text), col("model", C::Text),
               col("max_requests_per_1_minute", C::Int), col("max_tokens_per_1_minute", C::Int),
               col("max_images_per_1_minute", C::Int), col("max_audio_megabytes_per_1_minute", C::Int),
               col("max_requests_per_1_day", C::Int), col("batch_1_day_max_input_tokens", C::Int)},
              project, QStringLiteral("id"), deleted);
    s << make(QStringLiteral("openai_certificates"),
              {col("id", C::Text), col("name", C::Text), col("active", C::Bool),
               col("created_at", C::Timestamp), col("valid_at", C::Timestamp),
               col("expires_at", C::Timestamp)},
              {}, QStringLiteral("id"), deleted);
    s << make(QStringLiteral("openai_project_certificates"),
              {col("project_id", C::Text), col("certificate_id", C::Text), col("name", C::Text),
               col("active", C::Bool), col("created_at", C::Timestamp), col("valid_at", C::Timestamp),
               col("expires_at", C::Timestamp)},
              project, QStringLiteral("certificate_id"), deleted);
    s << make(QStringLiteral("openai_admin_api_keys"),
              {col("id", C::Text), col("name", C::Text), col("redacted_value", C::Text),
               col("created_at", C::Timestamp), col("expires_at", C::Timestamp),
               col("last_used_at", C::Timestamp), col("owner_type", C::Text), col("owner_id", C::Text),
               col("owner_name", C::Text), col("owner_role", C::Text)},
              {}, QStringLiteral("id"), deleted);
    // No gone column, on purpose: an event the API no longer lists has aged out of its retention window
    // (it did not un-happen), so no complete read soft-deletes a stored one (issue #13).
    s << make(QStringLiteral("openai_audit_logs"),
              {col("id", C::Text), col("type", C::Text), col("effective_at", C::Timestamp),
               col("project_id", C::Text), col("project_name", C::Text), col("actor_type", C::Text),
               col("actor_id", C::Text), col("actor_email", C::Text), col("actor_ip", C::Text),
               col("payload", C::Json)},
              {}, QStringLiteral("id"), QString());
    QList<ColumnSpec> usage{col("id", C::Text),
                            col("kind", C::Text),
                            col("group_by", C::Text),
                            col("bucket_width", C::Text),
                            col("bucket_start", C::Timestamp),
                            col("bucket_end", C::Timestamp)};
    for (const QString &d : usageDimensionColumns())
        usage.append({d, d == u"batch" ? C::Bool : C::Text});
    for (const QString &m : usageMetricColumns())
        usage.append({m, C::Int});
    usage.append(col("provisional", C::Bool));
    s << make(QStringLiteral("usage_events"), usage, {}, QStringLiteral("id"), QString());
    s << make(QStringLiteral("openai_costs"),
              {col("id", C::Text), col("group_by", C::Text), col("bucket_width", C::Text),
               col("bucket_start", C::Timestamp), col("bucket_end", C::Timestamp), col("project_id", C::Text),
               col("line_item", C::Text), col("api_key_id", C::Text), col("amount", C::Decimal),
               col("currency", C::Text), col("quantity", C::Decimal), col("quantity_unit", C::Text),
               col("organization_id", C::Text), col("provisional", C::Bool)},
              {}, QStringLiteral("id"), QString());
    // RBAC (groups, roles and their assignments), governance and spend controls: migration 11.
    const QStringList group{QStringLiteral("group_id")};
    const QStringList user{QStringLiteral("user_id")};
    const QString removed = QStringLiteral("removed_at");
    s << make(QStringLiteral("openai_groups"),
              {col("id", C::Text), col("name", C::Text), col("created_at", C::Timestamp),
               col("is_scim_managed", C::Bool), col("group_type", C::Text)},
              {}, QStringLiteral("id"), deleted);
    s << make(
        QStringLiteral("openai_group_users"),
        {col("group_id", C::Text), col("user_id", C::Text), col("name", C::Text), col("email", C::Text)},
        group, QStringLiteral("user_id"), removed);
    const QList<ColumnSpec> assigned{col("role_id", C::Text),           col("name", C::Text),
                                     col("resource_type", C::Text),     col("predefined_role", C::Bool),
                                     col("permissions", C::Json),       col("description", C::Text),
                                     col("assignment_sources", C::Json)};
    s << make(QStringLiteral("openai_group_roles"), QList<ColumnSpec>{col("group_id", C::Text)} + assigned,
              group, QStringLiteral("role_id"), removed);
    s << make(QStringLiteral("openai_roles"),
              {col("id", C::Text), col("name", C::Text), col("description", C::Text),
               col("permissions", C::Json), col("resource_type", C::Text), col("predefined_role", C::Bool)},
              {}, QStringLiteral("id"), deleted);
    s << make(QStringLiteral("openai_user_roles"), QList<ColumnSpec>{col("user_id", C::Text)} + assigned,
              user, QStringLiteral("role_id"), removed);
    s << make(QStringLiteral("openai_project_groups"),
              {col("project_id", C::Text), col("group_id", C::Text), col("group_name", C::Text),
               col("group_type", C::Text), col("created_at", C::Timestamp)},
              project, QStringLiteral("group_id"), removed);
    s << make(QStringLiteral("openai_project_model_permissions"),
              {col("project_id", C::Text), col("mode", C::Text), col("model_ids", C::Json)}, project,
              QStringLiteral("project_id"), deleted);
    s << make(QStringLiteral("openai_project_hosted_tool_permissions"),
              {col("project_id", C::Text), col("file_search", C::Bool), col("web_search", C::Bool),
               col("image_generation", C::Bool), col("mcp", C::Bool), col("code_interpreter", C::Bool)},
              project, QStringLiteral("project_id"), deleted);
    // Org and project objects share a table: project_id is "" for the organization's own.
    s << make(QStringLiteral("openai_data_retention"), {col("project_id", C::Text), col("type", C::Text)},
              project, QStringLiteral("project_id"), deleted);
    s << make(QStringLiteral("openai_spend_alerts"),
              {col("project_id", C::Text), col("id", C::Text), col("threshold_amount", C::Int),
               col("currency", C::Text), col("interval", C::Text), col("channel_type", C::Text),
               col("recipients", C::Json), col("subject_prefix", C::Text)},
              project, QStringLiteral("id"), deleted);
    s << make(QStringLiteral("openai_spend_limits"),
              {col("project_id", C::Text), col("threshold_amount", C::Int), col("currency", C::Text),
               col("interval", C::Text), col("enforcement_status", C::Text)},
              project, QStringLiteral("project_id"), deleted);
    TableSpec ev =
        make(QStringLiteral("openai_certificate_events"),
             {col("id", C::Text), col("certificate_id", C::Text), col("action", C::Text),
              col("actor_id", C::Text), col("occurred_at", C::Timestamp), col("metadata", C::Json)},
             {}, QStringLiteral("id"), QString());
    ev.keepsRaw = false;
    s << ev;
    return s;
}

const QList<TableSpec> &specs()
{
    static const QList<TableSpec> all = buildSpecs();
    return all;
}

const TableSpec &byName(const char *name)
{
    for (const TableSpec &t : specs())
        if (t.table == QLatin1String(name)) return t;
    Q_UNREACHABLE();
}
} // namespace

QStringList usageMetricColumns()
{
    return {QStringLiteral("input_tokens"),
            QStringLiteral("output_tokens"),
            QStringLiteral("input_cached_tokens"),
            QStringLiteral("input_cache_write_tokens"),
            QStringLiteral("input_uncached_tokens"),
            QStringLiteral("input_text_tokens"),
            QStringLiteral("output_text_tokens"),
            QStringLiteral("input_cached_text_tokens"),
            QStringLiteral("input_audio_tokens"),
            QStringLiteral("input_cached_audio_tokens"),
            QStringLiteral("output_audio_tokens"),
            QStringLiteral("input_image_tokens"),
            QStringLiteral("input_cached_image_tokens"),
            QStringLiteral("output_image_tokens"),
            QStringLiteral("num_model_requests"),
            QStringLiteral("images"),
            QStringLiteral("characters"),
            QStringLiteral("seconds"),
            QStringLiteral("usage_bytes"),
            QStringLiteral("num_sessions"),
            QStringLiteral("num_requests")};
}

QStringList usageDimensionColumns()
{
    return {QStringLiteral("project_id"),   QStringLiteral("user_id"), QStringLiteral("api_key_id"),
            QStringLiteral("model"),        QStringLiteral("batch"),   QStringLiteral("service_tier"),
            QStringLiteral("size"),         QStringLiteral("source"),  QStringLiteral("vector_store_id"),
            QStringLiteral("context_level")};
}

const TableSpec &tableSpec(EndpointKind kind)
{
    switch (kind) {
    case EndpointKind::Users:
        return byName("openai_users");
    case EndpointKind::Invites:
        return byName("openai_invites");
    case EndpointKind::Projects:
        return byName("openai_projects");
    case EndpointKind::ProjectUsers:
        return byName("openai_project_members");
    case EndpointKind::ServiceAccounts:
        return byName("openai_service_accounts");
    case EndpointKind::ProjectApiKeys:
        return byName("openai_project_api_keys");
    case EndpointKind::RateLimits:
        return byName("openai_project_rate_limits");
    case EndpointKind::Certificates:
        return byName("openai_certificates");
    case EndpointKind::ProjectCertificates:
        return byName("openai_project_certificates");
    case EndpointKind::AdminApiKeys:
        return byName("openai_admin_api_keys");
    case EndpointKind::AuditLogs:
        return byName("openai_audit_logs");
    case EndpointKind::Usage:
        return byName("usage_events");
    case EndpointKind::Costs:
        return byName("openai_costs");
    case EndpointKind::Groups:
        return byName("openai_groups");
    case EndpointKind::GroupUsers:
        return byName("openai_group_users");
    case EndpointKind::GroupRoles:
        return byName("openai_group_roles");
    case EndpointKind::Roles:
        return byName("openai_roles");
    case EndpointKind::UserRoles:
        return byName("openai_user_roles");
    case EndpointKind::ProjectGroups:
        return byName("openai_project_groups");
    case EndpointKind::ProjectModelPermissions:
        return byName("openai_project_model_permissions");
    case EndpointKind::ProjectHostedToolPermissions:
        return byName("openai_project_hosted_tool_permissions");
    case EndpointKind::DataRetention:
        return byName("openai_data_retention");
    case EndpointKind::SpendAlerts:
        return byName("openai_spend_alerts");
    case EndpointKind::SpendLimit:
        return byName("openai_spend_limits");
    }
    Q_UNREACHABLE();
}

QList<EndpointKind> childKinds(EndpointKind parent)
{
    switch (parent) {
    case EndpointKind::Projects:
        return {EndpointKind::ProjectUsers,
                EndpointKind::ServiceAccounts,
                EndpointKind::ProjectApiKeys,
                EndpointKind::RateLimits,
                EndpointKind::ProjectCertificates,
                EndpointKind::ProjectGroups,
                EndpointKind::ProjectModelPermissions,
                EndpointKind::ProjectHostedToolPermissions,
                EndpointKind::DataRetention,
                EndpointKind::SpendAlerts,
                EndpointKind::SpendLimit};
    case EndpointKind::Groups:
        return {EndpointKind::GroupUsers, EndpointKind::GroupRoles};
    case EndpointKind::Users:
        return {EndpointKind::UserRoles};
    default:
        return {};
    }
}

const TableSpec &certificateEventsSpec()
{
    return byName("openai_certificate_events");
}

QList<const TableSpec *> allSyncedTables()
{
    QList<const TableSpec *> out;
    for (const TableSpec &t : specs())
        out << &t;
    return out;
}

} // namespace orgward
