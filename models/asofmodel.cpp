#include "asofmodel.h"

#include "accessmodels.h"
#include "jsonsql.h"

namespace orgward {

AsOfTableModel::AsOfTableModel(Database &db, Entity entity, QObject *parent)
    : SqlTableModel(db, parent), m_db(db), m_entity(entity)
{
    setAsOf(0);
}

QString AsOfTableModel::validAt(const Database &db, const QString &a)
{
    const QString t = db.secsToTs(QStringLiteral("?"));
    return QStringLiteral("%1.valid_from <= %2 AND (%1.valid_to IS NULL OR %1.valid_to > %2)").arg(a, t);
}

QString AsOfTableModel::tableOf(Entity entity)
{
    switch (entity) {
    case Entity::Members:
        return QStringLiteral("openai_users");
    case Entity::Invites:
        return QStringLiteral("openai_invites");
    case Entity::Projects:
        return QStringLiteral("openai_projects");
    case Entity::ApiKeys:
        return QStringLiteral("openai_project_api_keys");
    case Entity::ServiceAccounts:
        return QStringLiteral("openai_service_accounts");
    case Entity::Certificates:
        return QStringLiteral("openai_certificates");
    case Entity::Groups:
        return QStringLiteral("openai_groups");
    case Entity::Roles:
        return QStringLiteral("openai_roles");
    }
    return {};
}

QList<SqlColumn> AsOfTableModel::columns(qint64 at) const
{
    const bool pg = m_db.isPostgres();
    const QString d = QStringLiteral("h.data");
    auto text = [&](const QString &header, const char *key) {
        return SqlColumn{header, jsonsql::field(pg, d, QLatin1String(key))};
    };
    auto time = [&](const QString &header, const char *key) {
        return SqlColumn{header, jsonsql::fieldInteger(pg, d, QLatin1String(key)), ColType::Timestamp};
    };
    auto flag = [&](const QString &header, const char *key) {
        return SqlColumn{header, jsonsql::fieldBool(pg, d, QLatin1String(key)), ColType::Bool};
    };
    // The project's name as of the same instant (any version valid then, a removed one included), else its
    // id.
    auto project = [&](const QString &header) {
        const QString id = jsonsql::field(pg, d, QStringLiteral("project_id"));
        SqlColumn c{
            header,
            QStringLiteral("COALESCE((SELECT %1 FROM orgward_history hp WHERE hp.org_key = h.org_key AND "
                           "hp.entity = 'openai_projects' AND hp.row_key = %2 AND %3), %2)")
                .arg(jsonsql::field(pg, QStringLiteral("hp.data"), QStringLiteral("name")), id,
                     validAt(m_db, QStringLiteral("hp"))),
            ColType::Text, false};
        c.binds = {at, at};
        return c;
    };
    QList<SqlColumn> cols;
    switch (m_entity) {
    case Entity::Members:
        cols = {text(tr("Name"), "name"), text(tr("Email"), "email"), text(tr("Role"), "role"),
                time(tr("Added"), "added_at")};
        break;
    case Entity::Invites:
        cols = {
            text(tr("Email"), "email"),
            text(tr("Role"), "role"),
            {tr("State"),
             QStringLiteral("COALESCE(%1, 'pending')").arg(jsonsql::field(pg, d, QStringLiteral("status")))},
            time(tr("Created"), "created_at"),
            time(tr("Expires"), "expires_at"),
            time(tr("Accepted"), "accepted_at"),
            text(tr("Projects"), "projects")};
        break;
    case Entity::Projects:
        cols = {
            text(tr("Name"), "name"),
            text(tr("ID"), "id"),
            {tr("Status"),
             QStringLiteral("COALESCE(%1, 'active')").arg(jsonsql::field(pg, d, QStringLiteral("status")))},
            time(tr("Created"), "created_at"),
            time(tr("Archived"), "archived_at")};
        break;
    case Entity::ApiKeys:
        cols = {text(tr("Name"), "name"),
                {tr("Owner"), QStringLiteral("COALESCE(%1, %2, %3)")
                                  .arg(jsonsql::field(pg, d, QStringLiteral("owner_email")),
                                       jsonsql::field(pg, d, QStringLiteral("owner_name")),
                                       jsonsql::field(pg, d, QStringLiteral("owner_id")))},
                text(tr("Owner type"), "owner_type"),
                project(tr("Project")),
                text(tr("Key"), "redacted_value"),
                time(tr("Created"), "created_at")};
        break;
    case Entity::ServiceAccounts:
        cols = {text(tr("Name"), "name"), project(tr("Project")), text(tr("Role"), "role"),
                time(tr("Created"), "created_at")};
        break;
    case Entity::Certificates:
        cols = {text(tr("Name"), "name"), text(tr("ID"), "id"), flag(tr("Active in org"), "active"),
                time(tr("Valid from"), "valid_at"), time(tr("Expires"), "expires_at")};
        break;
    case Entity::Groups:
        cols = {text(tr("Name"), "name"),
                {tr("Type"), QStringLiteral("REPLACE(%1, '_', ' ')")
                                 .arg(jsonsql::field(pg, d, QStringLiteral("group_type")))},
                flag(tr("SCIM-managed"), "is_scim_managed"),
                time(tr("Created"), "created_at")};
        break;
    case Entity::Roles:
        cols = {
            text(tr("Name"), "name"),
            text(tr("Description"), "description"),
            {tr("Resource type"),
             accesssql::resourceType(jsonsql::field(pg, d, QStringLiteral("resource_type")))},
            {tr("Kind"), accesssql::roleKind(jsonsql::fieldBool(pg, d, QStringLiteral("predefined_role")))},
            {tr("Permissions"),
             jsonsql::arrayLength(pg, jsonsql::fieldJson(pg, d, QStringLiteral("permissions"))),
             ColType::Int}};
        break;
    }
    // When Orgward first saw this version of the row (a sync or an import).
    cols << SqlColumn{tr("Observed since"), QStringLiteral("h.valid_from"), ColType::Timestamp, false};
    return cols;
}

void AsOfTableModel::setAsOf(qint64 at)
{
    m_at = at;
    setQuery(columns(at), QStringLiteral("FROM orgward_history h"),
             QStringLiteral("h.org_key = ? AND h.entity = ? AND %1 AND h.change <> 'removed'")
                 .arg(validAt(m_db, QStringLiteral("h"))),
             QStringLiteral("h.row_key"));
    setBaseBinds({table(), at, at});
}

} // namespace orgward
