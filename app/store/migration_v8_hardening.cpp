#include "migration_v8_hardening.h"

#include "core/logging.h"
#include "database.h"
#include "readonly_views.h"

#include <QStringList>

namespace orgward {

namespace {

// Every function Orgward had created by migration 7 (migration 5's member summary triggers). Functions
// added later set their search_path where they are created.
const char *const kFunctions[] = {"orgward_member_stats_user", "orgward_member_stats_pm",
                                  "orgward_member_stats_key"};

} // namespace

Status migrateV8Hardening(Database &db)
{
    if (!db.isPostgres()) return {};
    auto schema = plainCurrentSchema(db);
    if (!schema) return schema.error();
    const QString base = *schema;

    // Without ownership of the schema this revokes nothing (PostgreSQL warns, no error): say so below.
    if (auto r = db.run(QStringLiteral("REVOKE CREATE ON SCHEMA %1 FROM PUBLIC").arg(base)); !r) return r;
    for (const char *f : kFunctions)
        if (auto r = db.run(QStringLiteral("ALTER FUNCTION %1.%2() SET search_path = pg_catalog, %1, pg_temp")
                                .arg(base, QString::fromLatin1(f)));
            !r)
            return r;
    auto open = db.scalar(QStringLiteral("SELECT has_schema_privilege('public', ?, 'CREATE')"), {base});
    if (!open) return open.error();
    if (open->toBool())
        qCWarning(lcStore).noquote()
            << QStringLiteral("every role may still create objects in schema %1 of %2: its owner should run "
                              "REVOKE CREATE ON SCHEMA %1 FROM PUBLIC")
                   .arg(base, db.describe());
    return installReadonlyViews(db);
}

} // namespace orgward
