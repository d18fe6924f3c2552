#include "migration_v9_journal.h"

#include "database.h"
#include "migration_v2_roles.h"
#include "migrations.h"

#include <QStringList>

namespace orgward {

namespace {

TableDef journalTable()
{
    auto text = [](const char *n) { return ColumnDef{QString::fromLatin1(n), SqlType::Text, true, {}}; };
    TableDef t;
    t.name = QStringLiteral("orgward_journal");
    t.columns << ColumnDef{QStringLiteral("seq"), SqlType::BigInt, true, {}} << text("at") << text("actor")
              << text("kind") << text("org_key") << text("payload") << text("prev_hash")
              << text("entry_hash");
    // seq is unique rather than the primary key: SQLite would make a one-column integer key the rowid,
    // with no index of its own, and both engines are meant to show the same keys. One successor per entry
    // (no fork) and one entry per hash, whatever a writer does.
    t.uniques = {{QStringLiteral("seq")}, {QStringLiteral("prev_hash")}, {QStringLiteral("entry_hash")}};
    return t;
}

QStringList sqliteGuards()
{
    QStringList s;
    for (const char *op : {"UPDATE", "DELETE"})
        s << QStringLiteral(
                 "CREATE TRIGGER IF NOT EXISTS orgward_journal_no_%1 BEFORE %2 ON orgward_journal BEGIN "
                 "SELECT RAISE(ABORT, 'orgward_journal is append-only: %2 is not allowed'); END")
                 .arg(QString::fromLatin1(op).toLower(), QString::fromLatin1(op));
    return s;
}

QStringList postgresGuards()
{
    return {
        // A fixed search_path: the function resolves nothing through a schema another role could write.
        QStringLiteral("CREATE OR REPLACE FUNCTION orgward_journal_append_only() RETURNS trigger "
                       "LANGUAGE plpgsql SET search_path = pg_catalog AS $$ BEGIN "
                       "RAISE EXCEPTION 'orgward_journal is append-only: % is not allowed', TG_OP; END $$"),
        QStringLiteral("DROP TRIGGER IF EXISTS orgward_journal_no_change ON orgward_journal"),
        QStringLiteral("DROP TRIGGER IF EXISTS orgward_journal_no_truncate ON orgward_journal"),
        QStringLiteral("CREATE TRIGGER orgward_journal_no_change BEFORE UPDATE OR DELETE ON orgward_journal "
                       "FOR EACH ROW EXECUTE FUNCTION orgward_journal_append_only()"),
        QStringLiteral("CREATE TRIGGER orgward_journal_no_truncate BEFORE TRUNCATE ON orgward_journal "
                       "FOR EACH STATEMENT EXECUTE FUNCTION orgward_journal_append_only()"),
        QStringLiteral("REVOKE ALL ON orgward_journal FROM PUBLIC"),
    };
}

} // namespace

Status migrateV9Journal(Database &db)
{
    const bool pg = db.isPostgres();
    // Idempotent: upgrade tests and a half-applied run may meet the table already there.
    QString create = Migrations::render(journalTable(), pg);
    create.replace(QStringLiteral("CREATE TABLE "), QStringLiteral("CREATE TABLE IF NOT EXISTS "));
    QStringList s{create};
    s += pg ? postgresGuards() : sqliteGuards();
    for (const QString &statement : s)
        if (auto r = db.run(statement); !r) return r;
    return grantJournal(db);
}

Status grantJournal(Database &db)
{
    if (!consoleRolesInstalled(db)) return {}; // SQLite, or roles not installed (yet)
    return db.run(QStringLiteral("GRANT SELECT, INSERT ON orgward_journal TO orgward_admin, orgward_finance, "
                                 "orgward_auditor, orgward_reader"));
}

} // namespace orgward
