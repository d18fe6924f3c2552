#include "migration_v5_memberstats.h"

#include "database.h"
#include "migration_v2_roles.h"
#include "migrations.h"

namespace orgward {

namespace {

// The three figures of one member (u.org_key, u.id in scope): the definitions the Members pane had inline.
const char *kProjects =
    "(SELECT COUNT(*) FROM openai_project_members pm WHERE pm.org_key = %1 AND pm.user_id = "
    "%2 AND pm.removed_at IS NULL)";
const char *kKeys =
    "(SELECT COUNT(*) FROM openai_project_api_keys k WHERE k.org_key = %1 AND k.owner_id = %2 "
    "AND k.deleted_at IS NULL)";
// MAX over an expression: with the bare column the engine answers MAX from the (org_key, last_used_at)
// index, walking every key of the org; this way it reads the member's own keys from the owner index.
const char *kLastUse = "(SELECT MAX(COALESCE(k.last_used_at, NULL)) FROM openai_project_api_keys k WHERE "
                       "k.org_key = %1 AND k.owner_id = %2)";

QString figure(const char *tmpl, const QString &org, const QString &user)
{
    return QString::fromLatin1(tmpl).arg(org, user);
}

// The statement that (re)computes one member's row; org and user are SQL expressions.
QString upsertMember(const QString &org, const QString &user)
{
    return QStringLiteral(
               "INSERT INTO openai_member_stats (org_key, user_id, projects, api_keys, last_key_use) "
               "VALUES (%1, %2, %3, %4, %5) ON CONFLICT (org_key, user_id) DO UPDATE SET projects = "
               "excluded.projects, api_keys = excluded.api_keys, last_key_use = excluded.last_key_use")
        .arg(org, user, figure(kProjects, org, user), figure(kKeys, org, user), figure(kLastUse, org, user));
}

// Recomputes one figure group of an existing member row (none yet: the user arrives later and its insert
// trigger computes everything).
QString updateProjects(const QString &org, const QString &user)
{
    return QStringLiteral("UPDATE openai_member_stats SET projects = %3 WHERE org_key = %1 AND user_id = %2")
        .arg(org, user, figure(kProjects, org, user));
}
QString updateKeys(const QString &org, const QString &user)
{
    return QStringLiteral("UPDATE openai_member_stats SET api_keys = %3, last_key_use = %4 WHERE org_key = "
                          "%1 AND user_id = %2")
        .arg(org, user, figure(kKeys, org, user), figure(kLastUse, org, user));
}

// Insert, update (when a counted column changed) and delete triggers on one source table: `refresh` gives
// the statement that recomputes a member's figures from that table, for NEW or OLD.
QStringList sqliteTriggersOn(const QString &name, const QString &table, const QString &userColumn,
                             const QString &changed, QString (*refresh)(const QString &, const QString &))
{
    const QString n = refresh(QStringLiteral("NEW.org_key"), QStringLiteral("NEW.") + userColumn);
    const QString o = refresh(QStringLiteral("OLD.org_key"), QStringLiteral("OLD.") + userColumn);
    return {
        QStringLiteral("CREATE TRIGGER openai_member_stats_%1_ins AFTER INSERT ON %2 BEGIN %3; END")
            .arg(name, table, n),
        QStringLiteral(
            "CREATE TRIGGER openai_member_stats_%1_upd AFTER UPDATE ON %2 WHEN %3 BEGIN %4; %5; END")
            .arg(name, table, changed, n, o),
        QStringLiteral("CREATE TRIGGER openai_member_stats_%1_del AFTER DELETE ON %2 BEGIN %3; END")
            .arg(name, table, o),
    };
}

QStringList sqliteTriggers()
{
    return QStringList{
               QStringLiteral(
                   "CREATE TRIGGER openai_member_stats_user_ins AFTER INSERT ON openai_users BEGIN %1; END")
                   .arg(upsertMember(QStringLiteral("NEW.org_key"), QStringLiteral("NEW.id"))),
               QStringLiteral(
                   "CREATE TRIGGER openai_member_stats_user_del AFTER DELETE ON openai_users BEGIN DELETE "
                   "FROM openai_member_stats WHERE org_key = OLD.org_key AND user_id = OLD.id; END"),
           } +
           sqliteTriggersOn(
               QStringLiteral("pm"), QStringLiteral("openai_project_members"), QStringLiteral("user_id"),
               QStringLiteral("OLD.user_id IS NOT NEW.user_id OR OLD.removed_at IS NOT NEW.removed_at"),
               updateProjects) +
           sqliteTriggersOn(
               QStringLiteral("key"), QStringLiteral("openai_project_api_keys"), QStringLiteral("owner_id"),
               QStringLiteral("OLD.owner_id IS NOT NEW.owner_id OR OLD.deleted_at IS NOT NEW.deleted_at OR "
                              "OLD.last_used_at IS NOT NEW.last_used_at"),
               updateKeys);
}

// PostgreSQL: one plpgsql function per source table; the triggers' WHEN clauses do the change test.
QStringList postgresTriggers()
{
    auto function = [](const QString &name, const QString &body) {
        return QStringLiteral(
                   "CREATE OR REPLACE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN %2 "
                   "RETURN NULL; END $fn$")
            .arg(name, body);
    };
    auto onNewOld = [](const QString &forNew, const QString &forOld) {
        return QStringLiteral("IF TG_OP <> 'DELETE' THEN %1; END IF; IF TG_OP <> 'INSERT' THEN %2; END IF;")
            .arg(forNew, forOld);
    };
    const QString n = QStringLiteral("NEW.org_key"), o = QStringLiteral("OLD.org_key");
    return {
        function(
            QStringLiteral("orgward_member_stats_user"),
            QStringLiteral("IF TG_OP = 'INSERT' THEN %1; ELSE DELETE FROM openai_member_stats WHERE org_key "
                           "= OLD.org_key AND user_id = OLD.id; END IF;")
                .arg(upsertMember(n, QStringLiteral("NEW.id")))),
        function(QStringLiteral("orgward_member_stats_pm"),
                 onNewOld(updateProjects(n, QStringLiteral("NEW.user_id")),
                          updateProjects(o, QStringLiteral("OLD.user_id")))),
        function(QStringLiteral("orgward_member_stats_key"),
                 onNewOld(updateKeys(n, QStringLiteral("NEW.owner_id")),
                          updateKeys(o, QStringLiteral("OLD.owner_id")))),
        QStringLiteral(
            "CREATE TRIGGER openai_member_stats_user AFTER INSERT OR DELETE ON openai_users FOR EACH ROW "
            "EXECUTE FUNCTION orgward_member_stats_user()"),
        QStringLiteral("CREATE TRIGGER openai_member_stats_pm_ins_del AFTER INSERT OR DELETE ON "
                       "openai_project_members FOR EACH ROW EXECUTE FUNCTION orgward_member_stats_pm()"),
        QStringLiteral(
            "CREATE TRIGGER openai_member_stats_pm_upd AFTER UPDATE ON openai_project_members FOR EACH "
            "ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.removed_at IS DISTINCT FROM "
            "NEW.removed_at) EXECUTE FUNCTION orgward_member_stats_pm()"),
        QStringLiteral("CREATE TRIGGER openai_member_stats_key_ins_del AFTER INSERT OR DELETE ON "
                       "openai_project_api_keys FOR EACH ROW EXECUTE FUNCTION orgward_member_stats_key()"),
        QStringLiteral(
            "CREATE TRIGGER openai_member_stats_key_upd AFTER UPDATE ON openai_project_api_keys FOR EACH "
            "ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.deleted_at IS DISTINCT FROM "
            "NEW.deleted_at OR OLD.last_used_at IS DISTINCT FROM NEW.last_used_at) EXECUTE FUNCTION "
            "orgward_member_stats_key()"),
    };
}

} // namespace

Status migrateV5MemberStats(Database &db)
{
    const bool pg = db.isPostgres();
    const TableDef stats{QStringLiteral("openai_member_stats"),
                         {{QStringLiteral("org_key"), SqlType::Text, true, {}},
                          {QStringLiteral("user_id"), SqlType::Text, true, {}},
                          {QStringLiteral("projects"), SqlType::BigInt, true, QStringLiteral("0")},
                          {QStringLiteral("api_keys"), SqlType::BigInt, true, QStringLiteral("0")},
                          {QStringLiteral("last_key_use"), SqlType::Timestamp, false, {}}},
                         {QStringLiteral("org_key"), QStringLiteral("user_id")},
                         {}};
    QStringList s{Migrations::render(stats, pg)};
    // Sorted blocks walk these; user_id breaks ties the way the Members pane orders them.
    for (const char *c : {"projects", "api_keys", "last_key_use"})
        s << QStringLiteral(
                 "CREATE INDEX openai_member_stats_%1_idx ON openai_member_stats (org_key, %1, user_id)")
                 .arg(QLatin1String(c));
    s << (pg ? postgresTriggers() : sqliteTriggers());
    // Members already stored.
    s << QStringLiteral(
             "INSERT INTO openai_member_stats (org_key, user_id, projects, api_keys, last_key_use) "
             "SELECT u.org_key, u.id, %1, %2, %3 FROM openai_users u")
             .arg(figure(kProjects, QStringLiteral("u.org_key"), QStringLiteral("u.id")),
                  figure(kKeys, QStringLiteral("u.org_key"), QStringLiteral("u.id")),
                  figure(kLastUse, QStringLiteral("u.org_key"), QStringLiteral("u.id")));
    for (const QString &statement : std::as_const(s))
        if (auto r = db.run(statement); !r) return r;
    // Key counts and last key use describe key material: base table for admins only; the read-only view
    // (finance, auditors, readers) shows project counts and masks the key figures, as their panes did.
    if (auto r = grantTable(db, stats.name, TableClass::KeyMaterial); !r) return r;
    if (!pg || !consoleRolesInstalled(db)) return {};
    auto schema = db.scalar(QStringLiteral("SELECT current_schema()"));
    if (!schema) return schema.error();
    return addReadonlyView(
        db, QStringLiteral("member_stats"),
        QStringLiteral("SELECT org_key, user_id, projects, CAST(0 AS BIGINT) AS api_keys, "
                       "CAST(NULL AS timestamptz) AS last_key_use FROM %1.openai_member_stats")
            .arg(schema->toString()));
}

} // namespace orgward
