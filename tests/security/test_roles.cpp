// Console roles. PostgreSQL enforces them (migration 2's group roles, grants and read-only views); the
// console detects the connected user's role. SQLite: owner, or auditor when opened read-only.
#include "security/roles.h"
#include "store/database.h"
#include "store/migration_v2_roles.h"
#include "store/migrations.h"
#include "testsupport/testsupport.h"

#include <QSqlQuery>
#include <QtTest>

using namespace orgward;

namespace {
const QStringList kLoginRoles{QStringLiteral("t_ow_admin"), QStringLiteral("t_ow_finance"),
                              QStringLiteral("t_ow_auditor"), QStringLiteral("t_ow_reader"),
                              QStringLiteral("t_ow_nobody")};
}

class TestRoles : public QObject
{
    Q_OBJECT
    std::unique_ptr<Database> m_pg;
    DatabaseUrl m_url;
    QStringList m_tables; // every base table in the schema
    const QStringList kFinanceTables{
        QStringLiteral("orgward_budgets"), QStringLiteral("orgward_budget_crossings"),
        QStringLiteral("orgward_allocations"), QStringLiteral("orgward_allocation_rules"),
        QStringLiteral("orgward_model_allowlists")};

    std::unique_ptr<Database> connectAs(const QString &user, bool migrate = true)
    {
        DatabaseUrl u = m_url;
        u.user = user;
        u.password.clear();
        OpenOptions o;
        o.migrate = migrate;
        auto db =
            Database::open(u, o); // default options, as the console opens it (migrations up to date: no DDL)
        if (!db) qWarning("%s", qPrintable(db.errorMessage()));
        return db ? std::move(*db) : nullptr;
    }
    void requirePg()
    {
        if (m_pg) return;
        QString why;
        m_pg = test::openPostgres(QStringLiteral("roles"), &why);
        if (!m_pg) {
            if (test::postgresRequired()) QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
    }
    static bool denied(Database &db, const QString &sql)
    {
        auto r = db.run(sql);
        if (r) return false;
        return r.errorMessage().contains(QLatin1String("permission denied"));
    }

private Q_SLOTS:
    void sqliteRoles()
    {
        QTemporaryDir dir;
        {
            auto db = test::openSqlite(dir);
            QCOMPARE(detectRole(*db).value(), ConsoleRole::Owner);
            // Migration 2 is a no-op on SQLite: no extra objects beyond the schema version row.
            QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations WHERE version = 2"))
                         ->toInt(),
                     1);
            QCOMPARE(
                db->scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%readonly%'"))
                    ->toInt(),
                0);
        }
        auto ro = Database::open(DatabaseUrl::sqlite(dir.filePath(QStringLiteral("test.db"))),
                                 OpenOptions{true, false, false});
        QVERIFY2(ro.ok(), qPrintable(ro.errorMessage()));
        QCOMPARE(detectRole(**ro).value(), ConsoleRole::Auditor);
        QVERIFY(!(*ro)->run(QStringLiteral("DELETE FROM openai_users")).ok()); // strictly read-only
        QVERIFY(!(*ro)->run(QStringLiteral("CREATE TABLE x (a INTEGER)")).ok());
    }

    void capabilities()
    {
        QVERIFY(roleAllows(ConsoleRole::Owner, Capability::ManageDatabase));
        QVERIFY(roleAllows(ConsoleRole::Admin, Capability::ManageMembers));
        QVERIFY(!roleAllows(ConsoleRole::Admin, Capability::ManageDatabase));
        QVERIFY(roleAllows(ConsoleRole::Finance, Capability::EditBudgets));
        QVERIFY(!roleAllows(ConsoleRole::Finance, Capability::ManageMembers));
        QVERIFY(!roleAllows(ConsoleRole::Finance, Capability::ManageKeys));
        QVERIFY(roleAllows(ConsoleRole::Auditor, Capability::ViewAuditLog));
        QVERIFY(!roleAllows(ConsoleRole::Auditor, Capability::Sync));
        QVERIFY(!roleAllows(ConsoleRole::Auditor, Capability::EditBudgets));
        QVERIFY(!roleAllows(ConsoleRole::Reader, Capability::ViewAuditLog));
        QVERIFY(!roleAllows(ConsoleRole::Reader, Capability::Export));
        // An access review mark: the roles that see row history (Changes pane) may record one.
        QVERIFY(roleAllows(ConsoleRole::Auditor, Capability::RecordReview));
        QVERIFY(roleAllows(ConsoleRole::Admin, Capability::RecordReview));
        QVERIFY(!roleAllows(ConsoleRole::Finance, Capability::RecordReview));
        QVERIFY(!roleAllows(ConsoleRole::Reader, Capability::RecordReview));
        for (const char *n : {"owner", "admin", "finance", "auditor", "reader"})
            QCOMPARE(roleName(roleFromName(QString::fromLatin1(n)).value()), QString::fromLatin1(n));
        QVERIFY(!roleFromName(QStringLiteral("root")).ok());
    }

    void postgresSetup()
    {
        requirePg();
        m_url = m_pg->url();
        QCOMPARE(detectRole(*m_pg).value(), ConsoleRole::Owner);
        // Group roles exist; migration 2 ran (idempotent: a second database migrates cleanly too).
        QCOMPARE(
            m_pg
                ->scalar(QStringLiteral(
                    "SELECT COUNT(*) FROM pg_roles WHERE rolname IN ('orgward_admin', 'orgward_finance', "
                    "'orgward_auditor', 'orgward_reader') AND NOT rolcanlogin"))
                ->toInt(),
            4);
        QString why;
        QVERIFY2(test::openPostgres(QStringLiteral("roles_again"), &why) != nullptr, qPrintable(why));
        QVERIFY(migrateV2Roles(*m_pg).ok()); // re-running the body is harmless

        const qint64 t = 1763596800;
        const QVariant ts = m_pg->bindTimestamp(t);
        QVERIFY(m_pg->run(QStringLiteral("INSERT INTO organizations (org_key, display_name, source, "
                                         "created_at) VALUES ('o', 'O', 'test', ?)"),
                          {ts})
                    .ok());
        QVERIFY(m_pg->run(QStringLiteral("INSERT INTO openai_users (org_key, id, email, role, row_hash, "
                                         "first_seen_at, updated_at) "
                                         "VALUES ('o', 'user-1', 'a@example.com', 'owner', 'h', ?, ?)"),
                          {ts, ts})
                    .ok());
        QVERIFY(m_pg->run(QStringLiteral("INSERT INTO openai_project_members (org_key, project_id, user_id, "
                                         "role, row_hash, first_seen_at, updated_at) "
                                         "VALUES ('o', 'proj_1', 'user-1', 'member', 'h', ?, ?)"),
                          {ts, ts})
                    .ok());
        QVERIFY(m_pg->run(QStringLiteral("INSERT INTO openai_admin_api_keys (org_key, id, name, "
                                         "redacted_value, row_hash, first_seen_at, updated_at) "
                                         "VALUES ('o', 'key_1', 'ci', 'sk-admin...abcd', 'h', ?, ?)"),
                          {ts, ts})
                    .ok());
        QVERIFY(m_pg->run(QStringLiteral("INSERT INTO openai_costs (org_key, id, group_by, bucket_width, "
                                         "bucket_start, bucket_end, amount, "
                                         "row_hash, first_seen_at, updated_at) VALUES ('o', 'c1', '', '1d', "
                                         "?, ?, 12.5, 'h', ?, ?)"),
                          {ts, m_pg->bindTimestamp(t + 86400), ts, ts})
                    .ok());
        QVERIFY(m_pg->run(QStringLiteral("INSERT INTO openai_audit_logs (org_key, id, type, effective_at, "
                                         "row_hash, first_seen_at, updated_at) "
                                         "VALUES ('o', 'audit_1', 'login.succeeded', ?, 'h', ?, ?)"),
                          {ts, ts, ts})
                    .ok());

        const QStringList groups{QStringLiteral("orgward_admin"), QStringLiteral("orgward_finance"),
                                 QStringLiteral("orgward_auditor"), QStringLiteral("orgward_reader"),
                                 QString()};
        for (int i = 0; i < kLoginRoles.size(); ++i) {
            QVERIFY(
                m_pg->run(QStringLiteral(
                              "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1') THEN "
                              "CREATE ROLE %1 LOGIN; END IF; END $$")
                              .arg(kLoginRoles[i]))
                    .ok());
            if (!groups[i].isEmpty())
                QVERIFY(m_pg->run(QStringLiteral("GRANT %1 TO %2").arg(groups[i], kLoginRoles[i])).ok());
        }
        auto q = m_pg->exec(
            QStringLiteral("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v') ORDER BY 1"));
        QVERIFY(q.ok());
        while (q->next())
            m_tables << q->value(0).toString();
        QVERIFY(m_tables.contains(QStringLiteral("openai_admin_api_keys")));
        QVERIFY(m_tables.size() >= 18);
    }

    void viewsExcludeKeyMaterial()
    {
        requirePg();
        QCOMPARE(
            m_pg
                ->scalar(QStringLiteral(
                    "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = "
                    "'openai_admin_readonly' "
                    "AND column_name IN ('redacted_value', 'value', 'api_key', 'admin_key', 'password')"))
                ->toInt(),
            0);
        // No view depends on a key table.
        QCOMPARE(
            m_pg
                ->scalar(QStringLiteral(
                    "SELECT COUNT(*) FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v "
                    "ON v.oid = r.ev_class "
                    "JOIN pg_namespace n ON n.oid = v.relnamespace JOIN pg_class t ON t.oid = d.refobjid "
                    "WHERE n.nspname = 'openai_admin_readonly' AND t.relname IN ('openai_admin_api_keys', "
                    "'openai_project_api_keys', "
                    "'openai_service_account_keys')"))
                ->toInt(),
            0);
        QVERIFY(m_pg->scalar(QStringLiteral(
                                 "SELECT COUNT(*) FROM pg_views WHERE schemaname = 'openai_admin_readonly'"))
                    ->toInt() >= 12);
    }

    // Finding 14: the views name their columns and leave out raw (but for the auditors' audit log, whose pane
    // shows the event as received) and the sync's bookkeeping; a column added to a table does not reach
    // them, not even when `orgward db install-roles` (migration 2's body) runs again.
    void viewsNameTheirColumns()
    {
        requirePg();
        auto columns = [](Database &db, const QString &where) {
            QStringList out;
            auto q = db.exec(
                QStringLiteral("SELECT table_name || '.' || column_name FROM information_schema.columns "
                               "WHERE table_schema = 'openai_admin_readonly' AND %1 ORDER BY 1")
                    .arg(where));
            while (q->next())
                out << q->value(0).toString();
            return out;
        };
        QCOMPARE(columns(*m_pg, QStringLiteral("column_name IN ('raw', 'row_hash', 'last_seen_pass')")),
                 QStringList{QStringLiteral("audit_logs.raw")});
        QVERIFY(
            columns(*m_pg, QStringLiteral("column_name = 'email'")).contains(QStringLiteral("users.email")));
        auto star = m_pg->exec(QStringLiteral("SELECT viewname, definition FROM pg_views WHERE schemaname = "
                                              "'openai_admin_readonly'"));
        while (star->next())
            QVERIFY2(!star->value(1).toString().contains(u'*'), qPrintable(star->value(0).toString()));

        QString why;
        auto db = test::openPostgres(QStringLiteral("roles_views"), &why);
        QVERIFY2(db, qPrintable(why));
        QVERIFY(db->run(QStringLiteral("ALTER TABLE openai_users ADD COLUMN t_unreviewed TEXT")));
        QVERIFY(db->begin());
        auto again = migrateV2Roles(*db);
        QVERIFY2(again, qPrintable(again.errorMessage()));
        QVERIFY(db->commit());
        QCOMPARE(columns(*db, QStringLiteral("column_name IN ('t_unreviewed', 'raw')")),
                 QStringList{QStringLiteral("audit_logs.raw")});
        // Re-running left the views readable by the roles that read them.
        QVERIFY(db->scalar(QStringLiteral("SELECT has_table_privilege('orgward_reader', "
                                          "'openai_admin_readonly.users', 'SELECT')"))
                    ->toBool());
        QVERIFY(!db->scalar(QStringLiteral("SELECT has_table_privilege('orgward_reader', "
                                           "'openai_admin_readonly.audit_logs', 'SELECT')"))
                     ->toBool());
    }

    void auditorReadsViewsOnly()
    {
        requirePg();
        auto db = connectAs(QStringLiteral("t_ow_auditor"));
        QVERIFY(db);
        QCOMPARE(detectRole(*db).value(), ConsoleRole::Auditor);
        QCOMPARE(Migrations::currentVersion(*db).value(), Migrations::latestVersion());
        QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM openai_admin_readonly.users"))->toInt(), 1);
        QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM openai_admin_readonly.costs"))->toInt(), 1);
        QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM openai_admin_readonly.audit_logs"))->toInt(),
                 1);
        QCOMPARE(
            db->scalar(QStringLiteral("SELECT COUNT(*) FROM openai_admin_readonly.project_members"))->toInt(),
            1);
        // Key tables: not readable at all.
        for (const char *t :
             {"openai_admin_api_keys", "openai_project_api_keys", "openai_service_account_keys"})
            QVERIFY2(denied(*db, QStringLiteral("SELECT * FROM %1").arg(QString::fromLatin1(t))), t);
        // The journal is the one base table an auditor reads and appends to (its reports and exports are
        // journaled); changing an entry is refused by grants before the append-only trigger is reached.
        const QString journal = QStringLiteral("orgward_journal");
        QVERIFY(db->run(QStringLiteral("SELECT 1 FROM orgward_journal LIMIT 1")));
        QVERIFY(denied(*db, QStringLiteral("DELETE FROM orgward_journal")));
        QVERIFY(denied(*db, QStringLiteral("UPDATE orgward_journal SET kind = kind")));
        QVERIFY(denied(*db, QStringLiteral("TRUNCATE orgward_journal")));
        // Nothing else writable: every base table and every view, every verb.
        for (const QString &t : std::as_const(m_tables)) {
            if (t == journal) continue;
            // Budgets, allocations and model policy (migration 15) are readable, never writable.
            const bool readable = t == u"schema_migrations" || kFinanceTables.contains(t);
            QVERIFY2(denied(*db, QStringLiteral("SELECT 1 FROM %1 LIMIT 1").arg(t)) != readable,
                     qPrintable(t));
            QVERIFY2(denied(*db, QStringLiteral("INSERT INTO %1 DEFAULT VALUES").arg(t)), qPrintable(t));
            QVERIFY2(denied(*db, QStringLiteral("DELETE FROM %1").arg(t)), qPrintable(t));
            QVERIFY2(denied(*db, QStringLiteral("UPDATE %1 SET %2 = %2")
                                     .arg(t, t == u"schema_migrations"         ? QStringLiteral("name")
                                             : t == u"orgward_budget_webhooks" ? QStringLiteral("budget")
                                                                               : QStringLiteral("org_key"))),
                     qPrintable(t));
        }
        auto views = m_pg->exec(
            QStringLiteral("SELECT viewname FROM pg_views WHERE schemaname = 'openai_admin_readonly'"));
        QVERIFY(views.ok());
        while (views->next()) {
            const QString v = QStringLiteral("openai_admin_readonly.") + views->value(0).toString();
            QVERIFY2(denied(*db, QStringLiteral("DELETE FROM %1").arg(v)), qPrintable(v));
            QVERIFY2(denied(*db, QStringLiteral("UPDATE %1 SET org_key = org_key").arg(v)), qPrintable(v));
            QVERIFY2(denied(*db, QStringLiteral("INSERT INTO %1 (org_key) VALUES ('x')").arg(v)),
                     qPrintable(v));
        }
        QVERIFY(denied(*db, QStringLiteral("CREATE TABLE evil (a int)")));
        QVERIFY(denied(*db, QStringLiteral("CREATE VIEW openai_admin_readonly.evil AS SELECT 1")));
        QVERIFY(!db->run(QStringLiteral("TRUNCATE openai_users")).ok());
    }

    void financeSeesCostsNotMembersWrite()
    {
        requirePg();
        auto db = connectAs(QStringLiteral("t_ow_finance"));
        QVERIFY(db);
        QCOMPARE(detectRole(*db).value(), ConsoleRole::Finance);
        QCOMPARE(
            db->scalar(
                  QStringLiteral("SELECT %1 FROM openai_costs").arg(db->sumDecimal(QStringLiteral("amount"))))
                ->toString()
                .toDouble(),
            12.5);
        QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events"))->toInt(), 0);
        QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM openai_admin_readonly.costs"))->toInt(), 1);
        QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM openai_project_members"))->toInt(),
                 1); // may read
        for (const char *t : {"openai_users", "openai_project_members", "openai_invites", "openai_projects",
                              "openai_costs"}) {
            const QString tt = QString::fromLatin1(t);
            QVERIFY2(denied(*db, QStringLiteral("UPDATE %1 SET org_key = org_key").arg(tt)), t);
            QVERIFY2(denied(*db, QStringLiteral("DELETE FROM %1").arg(tt)), t);
            QVERIFY2(denied(*db, QStringLiteral("INSERT INTO %1 DEFAULT VALUES").arg(tt)), t);
        }
        QVERIFY(denied(*db, QStringLiteral("SELECT * FROM openai_admin_api_keys")));
        QVERIFY(denied(*db, QStringLiteral("SELECT * FROM openai_audit_logs")));
        // Budgets, allocations and model policy are finance's to edit.
        for (const QString &t : kFinanceTables) {
            QVERIFY2(m_tables.contains(t), qPrintable(t));
            QVERIFY2(db->run(QStringLiteral("SELECT COUNT(*) FROM %1").arg(t)).ok(), qPrintable(t));
            QVERIFY2(!denied(*db, QStringLiteral("DELETE FROM %1").arg(t)), qPrintable(t));
        }
        QVERIFY(db->run(QStringLiteral("INSERT INTO orgward_allocation_rules (org_key, position, pattern, "
                                       "cost_centre, workload) VALUES ('o', 0, '*', 'cc', 'wl')"))
                    .ok());
        QVERIFY(db->run(QStringLiteral("DELETE FROM orgward_allocation_rules WHERE org_key = 'o'")).ok());
    }

    void adminAndReader()
    {
        requirePg();
        auto admin = connectAs(QStringLiteral("t_ow_admin"));
        QVERIFY(admin);
        QCOMPARE(detectRole(*admin).value(), ConsoleRole::Admin);
        const QVariant ts = admin->bindTimestamp(1763596800);
        QVERIFY(admin
                    ->run(QStringLiteral("INSERT INTO openai_users (org_key, id, row_hash, first_seen_at, "
                                         "updated_at) VALUES ('o', 'user-2', 'h', ?, ?)"),
                          {ts, ts})
                    .ok());
        QVERIFY(admin->run(QStringLiteral("DELETE FROM openai_users WHERE id = 'user-2'")).ok());
        QCOMPARE(admin->scalar(QStringLiteral("SELECT COUNT(*) FROM openai_admin_api_keys"))->toInt(), 1);
        QVERIFY(denied(*admin, QStringLiteral("CREATE TABLE evil (a int)")) ||
                !admin->run(QStringLiteral("CREATE TABLE evil (a int)")).ok());

        auto reader = connectAs(QStringLiteral("t_ow_reader"));
        QVERIFY(reader);
        QCOMPARE(detectRole(*reader).value(), ConsoleRole::Reader);
        QCOMPARE(reader->scalar(QStringLiteral("SELECT COUNT(*) FROM openai_admin_readonly.costs"))->toInt(),
                 1);
        QVERIFY(denied(*reader, QStringLiteral("SELECT * FROM openai_admin_readonly.audit_logs")));
        QVERIFY(denied(*reader, QStringLiteral("SELECT * FROM openai_costs")));
        QVERIFY(reader->run(QStringLiteral("SELECT COUNT(*) FROM orgward_budgets")).ok());
        QVERIFY(denied(*reader, QStringLiteral("DELETE FROM orgward_budgets")));
        QVERIFY(admin->run(QStringLiteral("DELETE FROM orgward_budgets WHERE name = 'none'")).ok());

        // A user in no Orgward group cannot even read the schema version (so the default open fails).
        QVERIFY(!connectAs(QStringLiteral("t_ow_nobody")));
        auto nobody = connectAs(QStringLiteral("t_ow_nobody"), false);
        QVERIFY(nobody);
        QCOMPARE(detectRole(*nobody).value(), ConsoleRole::Reader); // least privilege
        QVERIFY(denied(*nobody, QStringLiteral("SELECT * FROM openai_admin_readonly.costs")));
    }

    void connectionErrorsAreClear()
    {
        requirePg();
        DatabaseUrl u = m_url;
        u.options.insert(QStringLiteral("connect_timeout"), QStringLiteral("3"));
        DatabaseUrl refused = u;
        refused.port = 1;
        auto r = Database::open(refused);
        QVERIFY(!r.ok());
        QVERIFY2(r.errorMessage().contains(QLatin1String("connection refused")),
                 qPrintable(r.errorMessage()));
        DatabaseUrl unreachable = u;
        unreachable.host = QStringLiteral("orgward-no-such-host.invalid");
        auto n = Database::open(unreachable);
        QVERIFY(!n.ok());
        QVERIFY2(n.errorMessage().contains(QLatin1String("unreachable")), qPrintable(n.errorMessage()));
        // The test server has no TLS: requiring it fails with a TLS message, never silently in clear text.
        DatabaseUrl tls = u;
        tls.options.insert(QStringLiteral("sslmode"), QStringLiteral("verify-full"));
        tls.options.insert(QStringLiteral("sslrootcert"), QStringLiteral("/nonexistent/ca.pem"));
        auto t = Database::open(tls);
        QVERIFY(!t.ok());
        QVERIFY2(t.errorMessage().contains(QLatin1String("TLS")), qPrintable(t.errorMessage()));
        // A password in the URL never appears in the error.
        DatabaseUrl withPw = refused;
        withPw.password = QStringLiteral("Err0r-Pa55word");
        auto p = Database::open(withPw);
        QVERIFY(!p.ok());
        QVERIFY(!p.errorMessage().contains(QLatin1String("Err0r-Pa55word")));
    }

    void readOnlySessionIsAuditor()
    {
        requirePg();
        OpenOptions o;
        o.readOnly = true;
        auto db = Database::open(m_url, o);
        QVERIFY(db.ok());
        QCOMPARE(detectRole(**db).value(), ConsoleRole::Auditor);
        QVERIFY(!(*db)->run(QStringLiteral("DELETE FROM openai_users")).ok());
    }
};

QTEST_GUILESS_MAIN(TestRoles)
#include "test_roles.moc"
