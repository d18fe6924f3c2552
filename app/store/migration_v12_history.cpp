#include "migration_v12_history.h"

#include "database.h"
#include "migration_v2_roles.h"
#include "migrations.h"
#include "readonly_views.h"

#include <QRegularExpression>

namespace orgward {

namespace {

const QStringList kBookkeeping{QStringLiteral("org_key"),    QStringLiteral("raw"),
                               QStringLiteral("row_hash"),   QStringLiteral("first_seen_at"),
                               QStringLiteral("updated_at"), QStringLiteral("last_seen_pass")};

struct TableShape
{
    QStringList columns; // API columns in table order (no bookkeeping)
    QStringList key;     // primary key without org_key, in key order
    QString gone;        // deleted_at / removed_at
};

Result<TableShape> shapeOf(Database &db, const QString &table)
{
    TableShape s;
    QList<QPair<int, QString>> key;
    if (db.isPostgres()) {
        auto q =
            db.exec(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                   "current_schema() AND table_name = ? ORDER BY ordinal_position"),
                    {table});
        if (!q) return q.error();
        while (q->next())
            s.columns << q->value(0).toString();
        auto k = db.exec(
            QStringLiteral("SELECT a.attname, array_position(i.indkey, a.attnum) FROM pg_index i JOIN "
                           "pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE "
                           "i.indrelid = to_regclass(?) AND i.indisprimary"),
            {table});
        if (!k) return k.error();
        while (k->next())
            key << qMakePair(k->value(1).toInt(), k->value(0).toString());
    } else {
        auto q = db.exec(QStringLiteral("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid"), {table});
        if (!q) return q.error();
        while (q->next()) {
            s.columns << q->value(0).toString();
            if (q->value(1).toInt() > 0) key << qMakePair(q->value(1).toInt(), q->value(0).toString());
        }
    }
    if (s.columns.isEmpty())
        return err(Error::Code::Database, QStringLiteral("history: table %1 does not exist").arg(table));
    std::sort(key.begin(), key.end());
    for (const auto &k : std::as_const(key))
        if (k.second != u"org_key") s.key << k.second;
    for (const QString &b : kBookkeeping)
        s.columns.removeAll(b);
    for (const QString &c : std::as_const(s.columns))
        if (c == u"deleted_at" || c == u"removed_at") s.gone = c;
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    for (const QString &c : std::as_const(s.columns))
        if (!plain.match(c).hasMatch())
            return err(Error::Code::Database, QStringLiteral("history: unexpected column name '%1'").arg(c));
    if (s.key.isEmpty() || s.gone.isEmpty())
        return err(Error::Code::Database,
                   QStringLiteral("history: %1 has no key or no soft-delete column").arg(table));
    return s;
}

// The row key: key columns joined with '/' (OpenAI ids contain none).
QString keyExpr(const TableShape &s, const QString &row)
{
    QStringList parts;
    for (const QString &k : s.key)
        parts << QStringLiteral("COALESCE(%1.%2, '')").arg(row, k);
    return parts.join(QStringLiteral(" || '/' || "));
}

// Every API column as a JSON object; timestamps as Unix seconds on both engines.
QString dataExpr(Database &db, const TableShape &s, const QString &row, const QStringList &timestamps)
{
    QStringList args;
    for (const QString &c : s.columns) {
        QString v = row + u'.' + c;
        if (db.isPostgres() && timestamps.contains(c))
            v = QStringLiteral("CAST(EXTRACT(EPOCH FROM %1) AS BIGINT)").arg(v);
        args << QStringLiteral("'%1'").arg(c) << v;
    }
    return (db.isPostgres() ? QStringLiteral("jsonb_build_object(%1)") : QStringLiteral("json_object(%1)"))
        .arg(args.join(QStringLiteral(", ")));
}

Result<QStringList> timestampColumns(Database &db, const QString &table)
{
    QStringList out;
    if (!db.isPostgres()) return out; // SQLite stores Unix seconds already
    auto q = db.exec(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                    "current_schema() AND table_name = ? AND data_type LIKE 'timestamp%'"),
                     {table});
    if (!q) return q.error();
    while (q->next())
        out << q->value(0).toString();
    return out;
}

QString changeExpr(const QString &gone)
{
    return QStringLiteral("CASE WHEN OLD.%1 IS NULL AND NEW.%1 IS NOT NULL THEN 'removed' WHEN OLD.%1 IS NOT "
                          "NULL AND NEW.%1 IS NULL THEN 'reappeared' ELSE 'changed' END")
        .arg(gone);
}

// A billed amount that changes for a closed (no longer provisional) bucket is a correction: kept as an event
// with the old and new amount, when Orgward saw it. Usage and cost rows are not versioned otherwise.
Status installCostCorrections(Database &db)
{
    const bool pg = db.isPostgres();
    const QString ts = Migrations::typeName(SqlType::Timestamp, pg);
    const QString money = Migrations::typeName(SqlType::Money, pg);
    const QString insert = QStringLiteral(
        "INSERT INTO orgward_cost_corrections (org_key, cost_id, group_by, bucket_start, project_id, "
        "line_item, "
        "old_amount, new_amount, currency, observed_at) VALUES (NEW.org_key, NEW.id, NEW.group_by, "
        "NEW.bucket_start, NEW.project_id, NEW.line_item, OLD.amount, NEW.amount, NEW.currency, "
        "NEW.updated_at)");
    const QString when =
        pg ? QStringLiteral("OLD.provisional = false AND NEW.provisional = false AND OLD.amount "
                            "IS DISTINCT FROM NEW.amount")
           : QStringLiteral("OLD.provisional = 0 AND NEW.provisional = 0 AND OLD.amount IS NOT "
                            "NEW.amount");
    QStringList st{
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS orgward_cost_corrections (id %1, org_key TEXT NOT NULL, "
            "cost_id TEXT NOT NULL, group_by TEXT NOT NULL, bucket_start %2 NOT NULL, project_id TEXT, "
            "line_item TEXT, old_amount %3, new_amount %3, currency TEXT, observed_at %2 NOT NULL)")
            .arg(pg ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                    : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"),
                 ts, money),
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS orgward_cost_corrections_time_idx ON orgward_cost_corrections "
            "(org_key, bucket_start)")};
    if (pg) {
        auto schema = plainCurrentSchema(db);
        if (!schema) return schema.error();
        st << QStringLiteral("DROP TRIGGER IF EXISTS orgward_cost_corrections ON openai_costs")
           << QStringLiteral(
                  "CREATE OR REPLACE FUNCTION orgward_cost_correction() RETURNS trigger LANGUAGE plpgsql "
                  "SET search_path = pg_catalog, %1, pg_temp AS $fn$ BEGIN %2; RETURN NULL; END $fn$")
                  .arg(*schema, insert)
           << QStringLiteral(
                  "CREATE TRIGGER orgward_cost_corrections AFTER UPDATE ON openai_costs FOR EACH ROW WHEN "
                  "(%1) EXECUTE FUNCTION orgward_cost_correction()")
                  .arg(when);
    } else {
        st << QStringLiteral("DROP TRIGGER IF EXISTS orgward_cost_corrections")
           << QStringLiteral(
                  "CREATE TRIGGER orgward_cost_corrections AFTER UPDATE ON openai_costs WHEN %1 BEGIN %2; "
                  "END")
                  .arg(when, insert);
    }
    for (const QString &statement : std::as_const(st))
        if (auto r = db.run(statement); !r) return r;
    return {};
}

} // namespace

QStringList historyTables()
{
    return {QStringLiteral("openai_users"),
            QStringLiteral("openai_invites"),
            QStringLiteral("openai_projects"),
            QStringLiteral("openai_project_members"),
            QStringLiteral("openai_service_accounts"),
            QStringLiteral("openai_project_api_keys"),
            QStringLiteral("openai_project_rate_limits"),
            QStringLiteral("openai_certificates"),
            QStringLiteral("openai_project_certificates"),
            QStringLiteral("openai_admin_api_keys"),
            QStringLiteral("openai_groups"),
            QStringLiteral("openai_group_users"),
            QStringLiteral("openai_group_roles"),
            QStringLiteral("openai_roles"),
            QStringLiteral("openai_user_roles"),
            QStringLiteral("openai_project_groups"),
            QStringLiteral("openai_project_model_permissions"),
            QStringLiteral("openai_project_hosted_tool_permissions"),
            QStringLiteral("openai_data_retention"),
            QStringLiteral("openai_spend_alerts"),
            QStringLiteral("openai_spend_limits")};
}

QStringList historyNoiseColumns(const QString &table)
{
    // Last use moves with traffic, not with access: listing it would bury the changes an access review
    // looks for (and write a version per key per sync).
    if (table == u"openai_users") return {QStringLiteral("api_key_last_used_at")};
    if (table == u"openai_project_api_keys" || table == u"openai_admin_api_keys")
        return {QStringLiteral("last_used_at")};
    return {};
}

Status installHistoryTriggers(Database &db, const QString &table)
{
    auto shape = shapeOf(db, table);
    if (!shape) return shape.error();
    auto ts = timestampColumns(db, table);
    if (!ts) return ts.error();
    const TableShape &s = *shape;
    const bool pg = db.isPostgres();
    const QString name = QStringLiteral("orgward_history_") + table;
    QStringList changed;
    for (const QString &c : s.columns)
        if (!historyNoiseColumns(table).contains(c))
            changed << QStringLiteral("OLD.%1 IS %2 NEW.%1")
                           .arg(c, pg ? QStringLiteral("DISTINCT FROM") : QStringLiteral("NOT"));
    const QString when = changed.join(QStringLiteral(" OR "));
    const QString closeOpen =
        QStringLiteral("UPDATE orgward_history SET valid_to = NEW.updated_at WHERE org_key = NEW.org_key AND "
                       "entity = '%1' AND row_key = %2 AND valid_to IS NULL")
            .arg(table, keyExpr(s, QStringLiteral("NEW")));
    auto insert = [&](const QString &change) {
        return QStringLiteral("INSERT INTO orgward_history (org_key, entity, row_key, change, valid_from, "
                              "pass_id, data) VALUES (NEW.org_key, '%1', %2, %3, NEW.updated_at, "
                              "NEW.last_seen_pass, %4)")
            .arg(table, keyExpr(s, QStringLiteral("NEW")), change,
                 dataExpr(db, s, QStringLiteral("NEW"), *ts));
    };
    const QString added =
        QStringLiteral("CASE WHEN NEW.%1 IS NULL THEN 'added' ELSE 'removed' END").arg(s.gone);
    QStringList st;
    if (pg) {
        auto schema = plainCurrentSchema(db);
        if (!schema) return schema.error();
        st << QStringLiteral("DROP TRIGGER IF EXISTS %1_ins ON %2").arg(name, table)
           << QStringLiteral("DROP TRIGGER IF EXISTS %1_upd ON %2").arg(name, table)
           << QStringLiteral(
                  "CREATE OR REPLACE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql SET search_path "
                  "= pg_catalog, %2, pg_temp AS $fn$ BEGIN IF TG_OP = 'UPDATE' THEN %3; %4; ELSE "
                  "%5; END IF; RETURN NULL; END $fn$")
                  .arg(name, *schema, closeOpen, insert(changeExpr(s.gone)), insert(added))
           << QStringLiteral("CREATE TRIGGER %1_ins AFTER INSERT ON %2 FOR EACH ROW EXECUTE FUNCTION %1()")
                  .arg(name, table)
           << QStringLiteral(
                  "CREATE TRIGGER %1_upd AFTER UPDATE ON %2 FOR EACH ROW WHEN (%3) EXECUTE FUNCTION "
                  "%1()")
                  .arg(name, table, when);
    } else {
        st << QStringLiteral("DROP TRIGGER IF EXISTS %1_ins").arg(name)
           << QStringLiteral("DROP TRIGGER IF EXISTS %1_upd").arg(name)
           << QStringLiteral("CREATE TRIGGER %1_ins AFTER INSERT ON %2 BEGIN %3; END")
                  .arg(name, table, insert(added))
           << QStringLiteral("CREATE TRIGGER %1_upd AFTER UPDATE ON %2 WHEN %3 BEGIN %4; %5; END")
                  .arg(name, table, when, closeOpen, insert(changeExpr(s.gone)));
    }
    // Rows stored before history existed: their present state, observed when they last changed.
    st << QStringLiteral(
              "INSERT INTO orgward_history (org_key, entity, row_key, change, valid_from, pass_id, "
              "data) SELECT t.org_key, '%1', %2, CASE WHEN t.%3 IS NULL THEN 'added' ELSE "
              "'removed' END, t.updated_at, t.last_seen_pass, %4 FROM %1 t WHERE NOT EXISTS "
              "(SELECT 1 FROM orgward_history h WHERE h.org_key = t.org_key AND h.entity = '%1' "
              "AND h.row_key = %2)")
              .arg(table, keyExpr(s, QStringLiteral("t")), s.gone, dataExpr(db, s, QStringLiteral("t"), *ts));
    for (const QString &statement : std::as_const(st))
        if (auto r = db.run(statement); !r) return r;
    return {};
}

Status migrateV12History(Database &db)
{
    const bool pg = db.isPostgres();
    const QString ts = Migrations::typeName(SqlType::Timestamp, pg);
    QStringList st{
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS orgward_history (id %1, org_key TEXT NOT NULL, entity TEXT "
            "NOT NULL, row_key TEXT NOT NULL, change TEXT NOT NULL, valid_from %2 NOT NULL, "
            "valid_to %2, pass_id TEXT, data %3 NOT NULL)")
            .arg(pg ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                    : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"),
                 ts, Migrations::typeName(SqlType::Json, pg)),
        // The open version of a row (the triggers close it), and versions by time (as-of, diff).
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS orgward_history_row_idx ON orgward_history (org_key, entity, "
            "row_key, valid_to)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS orgward_history_time_idx ON orgward_history (org_key, "
                       "valid_from)")};
    for (const QString &statement : std::as_const(st))
        if (auto r = db.run(statement); !r) return r;
    for (const QString &table : historyTables())
        if (auto r = installHistoryTriggers(db, table); !r) return r;
    if (auto r = installCostCorrections(db); !r) return r;
    return grantHistory(db);
}

Status grantHistory(Database &db)
{
    if (!consoleRolesInstalled(db)) return {};
    if (auto r = grantTable(db, QStringLiteral("orgward_history"), TableClass::Synced); !r) return r;
    if (db.isPostgres())
        if (auto r = db.run(
                QStringLiteral("GRANT USAGE, SELECT ON SEQUENCE orgward_history_id_seq TO orgward_admin"));
            !r)
            return r;
    return installReadonlyViews(db);
}

} // namespace orgward
