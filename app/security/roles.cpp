#include "roles.h"

#include "store/database.h"

namespace orgward {

QString roleName(ConsoleRole role)
{
    switch (role) {
    case ConsoleRole::Owner:
        return QStringLiteral("owner");
    case ConsoleRole::Admin:
        return QStringLiteral("admin");
    case ConsoleRole::Finance:
        return QStringLiteral("finance");
    case ConsoleRole::Auditor:
        return QStringLiteral("auditor");
    case ConsoleRole::Reader:
        return QStringLiteral("reader");
    }
    return {};
}

Result<ConsoleRole> roleFromName(const QString &name)
{
    for (ConsoleRole r : {ConsoleRole::Owner, ConsoleRole::Admin, ConsoleRole::Finance, ConsoleRole::Auditor,
                          ConsoleRole::Reader})
        if (roleName(r) == name.trimmed().toLower()) return r;
    return err(Error::Code::Usage,
               QStringLiteral("unknown role '%1' (owner, admin, finance, auditor, reader)").arg(name));
}

bool roleAllows(ConsoleRole role, Capability c)
{
    switch (role) {
    case ConsoleRole::Owner:
        return true;
    case ConsoleRole::Admin:
        return c != Capability::ManageDatabase;
    case ConsoleRole::Finance:
        return c == Capability::ViewCosts || c == Capability::EditBudgets || c == Capability::Export;
    case ConsoleRole::Auditor:
        return c == Capability::ViewCosts || c == Capability::ViewAuditLog || c == Capability::Export ||
               c == Capability::RecordReview; // reviewing access is an auditor's job
    case ConsoleRole::Reader:
        return c == Capability::ViewCosts;
    }
    return false;
}

Result<ConsoleRole> detectRole(Database &db)
{
    if (!db.isPostgres()) return db.isReadOnly() ? ConsoleRole::Auditor : ConsoleRole::Owner;
    auto owner = db.scalar(QStringLiteral("SELECT r.rolsuper OR d.datdba = r.oid OR n.nspowner = r.oid "
                                          "FROM pg_roles r, pg_database d, pg_namespace n "
                                          "WHERE r.rolname = current_user AND d.datname = current_database() "
                                          "AND n.nspname = current_schema()"));
    if (!owner) return owner.error();
    ConsoleRole role = ConsoleRole::Reader;
    if (owner->toBool()) {
        role = ConsoleRole::Owner;
    } else {
        // pg_has_role fails for a role that does not exist, so look the groups up by name first.
        auto q = db.exec(QStringLiteral("SELECT g.rolname FROM pg_roles g WHERE g.rolname IN "
                                        "('orgward_admin', 'orgward_finance', 'orgward_auditor', "
                                        "'orgward_reader') AND pg_has_role(current_user, g.oid, 'MEMBER')"));
        if (!q) return q.error();
        bool admin = false, finance = false, auditor = false, reader = false;
        while (q->next()) {
            const QString g = q->value(0).toString();
            admin |= g == u"orgward_admin";
            finance |= g == u"orgward_finance";
            auditor |= g == u"orgward_auditor";
            reader |= g == u"orgward_reader";
        }
        role = admin     ? ConsoleRole::Admin
               : finance ? ConsoleRole::Finance
               : auditor ? ConsoleRole::Auditor
                         : ConsoleRole::Reader;
        (void)reader;
    }
    if (db.isReadOnly() &&
        (role == ConsoleRole::Owner || role == ConsoleRole::Admin || role == ConsoleRole::Finance))
        role = ConsoleRole::Auditor;
    return role;
}

} // namespace orgward
