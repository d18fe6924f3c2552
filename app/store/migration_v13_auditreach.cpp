#include "migration_v13_auditreach.h"

#include "database.h"
#include "migration_v2_roles.h"
#include "migrations.h"
#include "readonly_views.h"

namespace orgward {

Status migrateV13AuditReach(Database &db)
{
    TableDef t;
    t.name = QStringLiteral("orgward_audit_reach");
    t.columns = {{QStringLiteral("org_key"), SqlType::Text, true, QString()},
                 {QStringLiteral("api_oldest_at"), SqlType::Timestamp, false, QString()},
                 {QStringLiteral("read_at"), SqlType::Timestamp, true, QString()}};
    t.primaryKey = {QStringLiteral("org_key")};
    // Re-run after a rolled-back version row: the table may already be there.
    const QString create =
        Migrations::render(t, db.isPostgres())
            .replace(QStringLiteral("CREATE TABLE "), QStringLiteral("CREATE TABLE IF NOT EXISTS "));
    if (auto r = db.run(create); !r) return r;
    return grantAuditReach(db);
}

Status grantAuditReach(Database &db)
{
    if (!consoleRolesInstalled(db)) return {};
    if (auto r = grantTable(db, QStringLiteral("orgward_audit_reach"), TableClass::Bookkeeping); !r) return r;
    return installReadonlyViews(db);
}

} // namespace orgward
