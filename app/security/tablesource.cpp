#include "tablesource.h"

#include "store/database.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace orgward {

namespace {

const QString kViews = QStringLiteral("openai_admin_readonly.");

// Base table → view name in openai_admin_readonly (migration 2).
const QHash<QString, QString> &viewOf()
{
    static const QHash<QString, QString> m{
        {QStringLiteral("organizations"), QStringLiteral("organizations")},
        {QStringLiteral("openai_users"), QStringLiteral("users")},
        {QStringLiteral("openai_invites"), QStringLiteral("invites")},
        {QStringLiteral("openai_projects"), QStringLiteral("projects")},
        {QStringLiteral("openai_project_members"), QStringLiteral("project_members")},
        {QStringLiteral("openai_service_accounts"), QStringLiteral("service_accounts")},
        {QStringLiteral("openai_project_rate_limits"), QStringLiteral("project_rate_limits")},
        {QStringLiteral("openai_certificates"), QStringLiteral("certificates")},
        {QStringLiteral("openai_project_certificates"), QStringLiteral("project_certificates")},
        {QStringLiteral("usage_events"), QStringLiteral("usage_events")},
        {QStringLiteral("openai_costs"), QStringLiteral("costs")},
        {QStringLiteral("openai_member_stats"), QStringLiteral("member_stats")}, // key figures masked
        // Migration 11: groups, roles, governance and spend controls.
        {QStringLiteral("openai_groups"), QStringLiteral("groups")},
        {QStringLiteral("openai_group_users"), QStringLiteral("group_users")},
        {QStringLiteral("openai_group_roles"), QStringLiteral("group_roles")},
        {QStringLiteral("openai_roles"), QStringLiteral("roles")},
        {QStringLiteral("openai_user_roles"), QStringLiteral("user_roles")},
        {QStringLiteral("openai_project_groups"), QStringLiteral("project_groups")},
        {QStringLiteral("openai_project_model_permissions"), QStringLiteral("project_model_permissions")},
        {QStringLiteral("openai_project_hosted_tool_permissions"),
         QStringLiteral("project_hosted_tool_permissions")},
        {QStringLiteral("openai_data_retention"), QStringLiteral("data_retention")},
        {QStringLiteral("openai_spend_alerts"), QStringLiteral("spend_alerts")},
        {QStringLiteral("openai_spend_limits"), QStringLiteral("spend_limits")},
    };
    return m;
}

const QStringList &keyTables()
{
    static const QStringList t{QStringLiteral("openai_project_api_keys"),
                               QStringLiteral("openai_admin_api_keys"),
                               QStringLiteral("openai_service_account_keys")};
    return t;
}

const QStringList &auditTables()
{
    static const QStringList t{QStringLiteral("openai_audit_logs"),
                               QStringLiteral("openai_certificate_events")};
    return t;
}

const QString kSyncRuns = QStringLiteral("openai_admin_sync_runs");
// Row history (migration 12): its view is for roles that read the audit log (key tables' versions left out).
const QString kHistory = QStringLiteral("orgward_history");
const QString kCursors = QStringLiteral("openai_admin_cursors");
// Migration 13: how far back the API's audit log reached; read by the roles that read the audit log.
const QString kAuditReach = QStringLiteral("orgward_audit_reach");

// No rows, the table's columns and types: the row type of a table needs no privilege on it.
QString emptyOf(const QString &table)
{
    return QStringLiteral("(SELECT (CAST(NULL AS %1)).* WHERE false)").arg(table);
}

bool restricted(ConsoleRole role)
{
    return role == ConsoleRole::Finance || role == ConsoleRole::Auditor || role == ConsoleRole::Reader;
}

const QSet<QString> &keywords()
{
    static const QSet<QString> k{
        QStringLiteral("WHERE"),     QStringLiteral("ON"),        QStringLiteral("JOIN"),
        QStringLiteral("LEFT"),      QStringLiteral("RIGHT"),     QStringLiteral("INNER"),
        QStringLiteral("FULL"),      QStringLiteral("CROSS"),     QStringLiteral("GROUP"),
        QStringLiteral("ORDER"),     QStringLiteral("LIMIT"),     QStringLiteral("OFFSET"),
        QStringLiteral("UNION"),     QStringLiteral("USING"),     QStringLiteral("SET"),
        QStringLiteral("VALUES"),    QStringLiteral("HAVING"),    QStringLiteral("WINDOW"),
        QStringLiteral("FOR"),       QStringLiteral("NATURAL"),   QStringLiteral("EXCEPT"),
        QStringLiteral("INTERSECT"), QStringLiteral("RETURNING"),
    };
    return k;
}

} // namespace

QString sourceTable(ConsoleRole role, const QString &table)
{
    if (!restricted(role)) return table;
    if (auto v = viewOf().constFind(table); v != viewOf().constEnd()) return kViews + *v;
    if (keyTables().contains(table)) return emptyOf(table);
    if (auditTables().contains(table)) {
        if (!roleAllows(role, Capability::ViewAuditLog)) return emptyOf(table);
        return kViews + (table == u"openai_audit_logs" ? QStringLiteral("audit_logs")
                                                       : QStringLiteral("certificate_events"));
    }
    if (table == kHistory)
        return roleAllows(role, Capability::ViewAuditLog) ? kViews + QStringLiteral("history")
                                                          : emptyOf(table);
    if (table == kAuditReach)
        return roleAllows(role, Capability::ViewAuditLog) ? kViews + QStringLiteral("audit_reach")
                                                          : emptyOf(table);
    // The view leaves out the cursors column (page tokens of each endpoint): not secret, but not in the view.
    if (table == kSyncRuns)
        return QStringLiteral("(SELECT v.*, CAST(NULL AS TEXT) AS cursors FROM %1sync_runs v)").arg(kViews);
    // Finance may read the bookkeeping tables; auditors and readers see no cursor positions.
    if (table == kCursors) return role == ConsoleRole::Finance ? table : emptyOf(table);
    return table;
}

QString rewriteForRole(ConsoleRole role, const QString &sql)
{
    if (!restricted(role)) return sql;
    // Per thread: the console's table-fetch worker rewrites on its own thread.
    thread_local const QRegularExpression re = [] {
        QStringList names = viewOf().keys();
        names << keyTables() << auditTables() << kSyncRuns << kCursors << kHistory << kAuditReach;
        return QRegularExpression(QStringLiteral("(?<![\\w.'\"])(%1)\\b(?![.'\"])").arg(names.join(u'|')));
    }();
    thread_local const QRegularExpression nextWord(QStringLiteral("\\s+(\\w+)"));
    QString out;
    out.reserve(sql.size() + 64);
    qsizetype last = 0;
    for (auto it = re.globalMatch(sql); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString table = m.captured(1);
        const QString source = sourceTable(role, table);
        out += QStringView(sql).mid(last, m.capturedStart() - last);
        out += source;
        if (source != table) {
            // Keep the name usable as a qualifier ("openai_users.id") and give derived tables their
            // mandatory alias, unless the statement names the relation itself (an alias or AS follows).
            const QRegularExpressionMatch n =
                nextWord.match(sql, m.capturedEnd(), QRegularExpression::NormalMatch,
                               QRegularExpression::AnchorAtOffsetMatchOption);
            const bool aliased = n.hasMatch() && (n.captured(1).compare(u"AS", Qt::CaseInsensitive) == 0 ||
                                                  !keywords().contains(n.captured(1).toUpper()));
            if (!aliased) out += QStringLiteral(" AS ") + table;
        }
        last = m.capturedEnd();
    }
    if (last == 0) return sql;
    out += QStringView(sql).mid(last);
    return out;
}

Result<bool> applyRoleSources(Database &db, ConsoleRole role)
{
    db.setStatementRewriter({});
    if (!db.isPostgres() || !restricted(role)) return false;
    auto views = db.scalar(QStringLiteral("SELECT to_regclass('openai_admin_readonly.users') IS NOT NULL"));
    if (!views) return views.error();
    if (!views->toBool()) return false;
    db.setStatementRewriter([role](const QString &sql) { return rewriteForRole(role, sql); });
    return true;
}

} // namespace orgward
