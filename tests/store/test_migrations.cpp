// Migrations on both engines: versioned, idempotent, refusing newer schemas, and the same logical
// schema (tables, columns, unique keys) on SQLite and PostgreSQL.
#include "domain/tables.h"
#include "store/migrations.h"
#include "testsupport/testsupport.h"

#include <QTest>

using namespace orgward;

namespace {
struct Schema
{
    QMap<QString, QSet<QString>> columns;    // table → columns
    QMap<QString, QSet<QString>> uniqueKeys; // table → "a,b,<expr>" per unique key
};

Schema sqliteSchema(Database &db)
{
    Schema s;
    auto t = db.exec(
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"));
    QStringList tables;
    while (t->next())
        tables << t->value(0).toString();
    for (const QString &table : tables) {
        auto c = db.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
        while (c->next())
            s.columns[table].insert(c->value(1).toString());
        auto il = db.exec(QStringLiteral("PRAGMA index_list(%1)").arg(table));
        QStringList uniques;
        while (il->next())
            if (il->value(2).toInt() == 1) uniques << il->value(1).toString();
        for (const QString &idx : uniques) {
            auto ii = db.exec(QStringLiteral("PRAGMA index_xinfo(%1)").arg(idx));
            QStringList cols;
            while (ii->next()) {
                if (ii->value(5).toInt() == 0) continue; // auxiliary rowid column
                cols << (ii->value(2).isNull() ? QStringLiteral("<expr>") : ii->value(2).toString());
            }
            s.uniqueKeys[table].insert(cols.join(u','));
        }
    }
    return s;
}

Schema postgresSchema(Database &db)
{
    Schema s;
    auto c =
        db.exec(QStringLiteral("SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN "
                               "information_schema.tables t "
                               "ON t.table_name = c.table_name AND t.table_schema = c.table_schema "
                               "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"));
    while (c->next())
        s.columns[c->value(0).toString()].insert(c->value(1).toString());
    auto u = db.exec(
        QStringLiteral("SELECT t.relname, i.indexrelid, i.indnkeyatts, i.indkey::text FROM pg_index i "
                       "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                       "WHERE i.indisunique AND n.nspname = current_schema()"));
    // Read the whole result before the next query: forward-only PostgreSQL results are streamed.
    QList<QPair<QString, QStringList>> keys;
    while (u->next())
        keys.append({u->value(0).toString(),
                     u->value(3).toString().split(u' ', Qt::SkipEmptyParts).mid(0, u->value(2).toInt())});
    for (const auto &[table, attnums] : std::as_const(keys)) {
        QStringList cols;
        for (const QString &a : attnums) {
            if (a == u"0") {
                cols << QStringLiteral("<expr>");
                continue;
            }
            auto n = db.scalar(
                QStringLiteral(
                    "SELECT attname FROM pg_attribute WHERE attrelid = CAST(? AS regclass) AND attnum = ?"),
                {table, a.toInt()});
            cols << (n ? n->toString() : QStringLiteral("<error>"));
        }
        s.uniqueKeys[table].insert(cols.join(u','));
    }
    return s;
}

void checkSpecsMatch(const Schema &s)
{
    for (const TableSpec *t : allSyncedTables()) {
        QVERIFY2(s.columns.contains(t->table), qPrintable(t->table));
        for (const ColumnSpec &c : t->columns)
            QVERIFY2(s.columns.value(t->table).contains(c.name), qPrintable(t->table + u'.' + c.name));
        for (const char *b : {"org_key", "raw", "row_hash", "first_seen_at", "updated_at", "last_seen_pass"})
            QVERIFY2(s.columns.value(t->table).contains(QString::fromLatin1(b)),
                     qPrintable(t->table + u'.' + QString::fromLatin1(b)));
        const QString pk = (QStringList{QStringLiteral("org_key")} + t->keyColumns()).join(u',');
        QVERIFY2(s.uniqueKeys.value(t->table).contains(pk),
                 qPrintable(t->table + QStringLiteral(" lacks unique key ") + pk));
    }
}
} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT
private slots:
    void sqliteMigratesOnceAndRecordsVersions()
    {
        QTemporaryDir dir;
        {
            auto db = test::openSqlite(dir);
            auto v = Migrations::currentVersion(*db);
            QVERIFY(v);
            QCOMPARE(*v, Migrations::latestVersion());
            QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations"))->toInt(),
                     int(Migrations::all().size()));
            checkSpecsMatch(sqliteSchema(*db));
        }
        // Re-opening applies nothing twice.
        auto again = test::openSqlite(dir);
        QCOMPARE(again->scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations"))->toInt(),
                 int(Migrations::all().size()));
    }

    void sqliteRefusesNewerSchema()
    {
        QTemporaryDir dir;
        {
            auto db = test::openSqlite(dir);
            QVERIFY(db->run(QStringLiteral(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)")));
        }
        auto db = Database::open(DatabaseUrl::sqlite(dir.filePath(QStringLiteral("test.db"))));
        QVERIFY(!db);
        QVERIFY2(db.errorMessage().contains(QLatin1String("newer than this Orgward")),
                 qPrintable(db.errorMessage()));
    }

    void notADatabaseFile()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("junk.db")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        auto db = Database::open(DatabaseUrl::sqlite(f.fileName()));
        QVERIFY(!db);
        QVERIFY2(db.errorMessage().contains(f.fileName()), qPrintable(db.errorMessage()));
    }

    void readOnlyOpenNeverWrites()
    {
        QTemporaryDir dir;
        {
            auto db = test::openSqlite(dir);
        }
        auto ro = Database::open(DatabaseUrl::sqlite(dir.filePath(QStringLiteral("test.db"))),
                                 OpenOptions{true, true, false});
        QVERIFY(ro);
        QVERIFY(!(*ro)->run(QStringLiteral("DELETE FROM openai_users")));
        auto missing = Database::open(DatabaseUrl::sqlite(dir.filePath(QStringLiteral("none.db"))),
                                      OpenOptions{true, true, false});
        QVERIFY(!missing);
    }

    // Finding 6 (CVE-2018-1058 pattern): no role but the owner creates objects in Orgward's schema, and every
    // Orgward function resolves names through a fixed search_path. Checked on a fresh database and on one
    // as it was before migration 8 (PostgreSQL <= 14 let PUBLIC create in the schema).
    void postgresSchemaIsClosedAndFunctionsPinned()
    {
        auto pg = test::openPostgresOrFail(QStringLiteral("searchpath"));
        if (!pg) return;
        auto functionsWithoutPath = [&pg] {
            QStringList out;
            auto q = pg->exec(QStringLiteral(
                "SELECT p.proname, COALESCE(array_to_string(p.proconfig, ';'), '') FROM pg_proc p "
                "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema()"));
            int seen = 0;
            while (q->next()) {
                ++seen;
                const QString config = q->value(1).toString();
                if (!config.contains(QLatin1String("search_path=pg_catalog"))) out << q->value(0).toString();
            }
            if (seen < 3) out << QStringLiteral("<only %1 functions found>").arg(seen);
            return out;
        };
        auto mayCreate = [&pg](const QString &role) {
            return pg
                ->scalar(QStringLiteral("SELECT has_schema_privilege(?, current_schema(), 'CREATE')"), {role})
                ->toBool();
        };
        QVERIFY(pg->run(QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                                       "'t_ow_fresh') THEN CREATE ROLE t_ow_fresh LOGIN; END IF; END $$")));
        QCOMPARE(functionsWithoutPath(), QStringList());
        QVERIFY(!mayCreate(QStringLiteral("public")));
        QVERIFY(!mayCreate(QStringLiteral("t_ow_fresh")));

        // Back to how a database migrated to version 7 on PostgreSQL 14 looks, then forward again.
        QVERIFY(pg->run(QStringLiteral("GRANT CREATE ON SCHEMA public TO PUBLIC")));
        for (const char *f :
             {"orgward_member_stats_user", "orgward_member_stats_pm", "orgward_member_stats_key"})
            QVERIFY(
                pg->run(QStringLiteral("ALTER FUNCTION %1() RESET search_path").arg(QString::fromLatin1(f))));
        QVERIFY(pg->run(QStringLiteral("DELETE FROM schema_migrations WHERE version >= 8")));
        QVERIFY(mayCreate(QStringLiteral("t_ow_fresh")));
        QCOMPARE(functionsWithoutPath().size(), 3);
        auto applied = Migrations::apply(*pg);
        QVERIFY2(applied, qPrintable(applied.errorMessage()));
        QCOMPARE(functionsWithoutPath(), QStringList());
        QVERIFY(!mayCreate(QStringLiteral("public")));
        QVERIFY(!mayCreate(QStringLiteral("t_ow_fresh")));
        // The pinned functions still do their work (migration 5's member summary).
        const QVariant ts = pg->bindTimestamp(1763596800);
        QVERIFY(pg->run(
            QStringLiteral("INSERT INTO openai_users (org_key, id, row_hash, first_seen_at, updated_at) "
                           "VALUES ('o', 'u1', 'h', ?, ?)"),
            {ts, ts}));
        QCOMPARE(pg->scalar(QStringLiteral("SELECT COUNT(*) FROM openai_member_stats WHERE user_id = 'u1'"))
                     ->toInt(),
                 1);
    }

    // Finding 14: no view selects every column (a new column would reach readers unreviewed).
    void sqliteViewsNameTheirColumns()
    {
        QTemporaryDir dir;
        auto db = test::openSqlite(dir);
        auto q = db->exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'view'"));
        int views = 0;
        while (q->next()) {
            ++views;
            QVERIFY2(!q->value(1).toString().contains(u'*'), qPrintable(q->value(0).toString()));
        }
        QVERIFY(views >= 1);
    }

    void postgresHasTheSameLogicalSchema()
    {
        QString why;
        auto pg = test::openPostgres(QStringLiteral("migrations"), &why);
        if (!pg) {
            if (test::postgresRequired()) QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
        QTemporaryDir dir;
        auto lite = test::openSqlite(dir);
        const Schema a = sqliteSchema(*lite);
        const Schema b = postgresSchema(*pg);
        checkSpecsMatch(b);
        QCOMPARE(QStringList(b.columns.keys()), QStringList(a.columns.keys()));
        for (auto it = a.columns.cbegin(); it != a.columns.cend(); ++it)
            QVERIFY2(b.columns.value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("columns differ in ") + it.key()));
        for (auto it = a.uniqueKeys.cbegin(); it != a.uniqueKeys.cend(); ++it)
            QVERIFY2(b.uniqueKeys.value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("unique keys differ in %1: sqlite {%2} postgres {%3}")
                                    .arg(it.key(), QStringList(it.value().values()).join(u';'),
                                         QStringList(b.uniqueKeys.value(it.key()).values()).join(u';'))));
        // Proper types on PostgreSQL.
        auto type = [&](const char *table, const char *column) {
            return pg
                ->scalar(QStringLiteral("SELECT data_type FROM information_schema.columns WHERE table_schema "
                                        "= current_schema() AND table_name = ? AND column_name = ?"),
                         {QString::fromLatin1(table), QString::fromLatin1(column)})
                ->toString();
        };
        QCOMPARE(type("openai_costs", "amount"), QStringLiteral("numeric"));
        QCOMPARE(type("openai_users", "added_at"), QStringLiteral("timestamp with time zone"));
        QCOMPARE(type("openai_audit_logs", "payload"), QStringLiteral("jsonb"));
        QCOMPARE(type("usage_events", "batch"), QStringLiteral("boolean"));
        // Re-running migrations on an up-to-date database changes nothing.
        QVERIFY(Migrations::apply(*pg));
        QCOMPARE(pg->scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations"))->toInt(),
                 int(Migrations::all().size()));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "test_migrations.moc"
