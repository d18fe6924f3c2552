// The access-review, key-hygiene, certificates and service-accounts reports (issue #14), both engines: the
// bundled fixture org imported at its capture time and every report built as of that instant (so nothing
// depends on today's date), each figure checked against SQL on the store's own tables: every active member
// exactly once, owners, pending invites, project roles, last activity, members in no project; key flags
// under two sets of thresholds; certificate bands; service accounts per project; and members removed between
// two revisions of the generated org.
#include "compliance/reports.h"
#include "core/clock.h"
#include "fixtures/generator.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace orgward;

namespace {
const QString kOrg = QStringLiteral("acme");

qint64 capturedAt(const QString &fixtureDir)
{
    QFile f(fixtureDir + QStringLiteral("/manifest.json"));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("captured_at")).toInteger();
}

QString date(qint64 secs)
{
    return secs == 0 ? QString()
                     : QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

const ReportTable *table(const Report &r, const QString &id)
{
    for (const ReportTable &t : r.tables)
        if (t.id == id) return &t;
    return nullptr;
}

int column(const ReportTable &t, const QString &key)
{
    for (int i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].key == key) return i;
    return -1;
}

// The summary figure with this label, else the first whose label starts with it ("Unused for 90 days…").
QVariant figure(const Report &r, const QString &label)
{
    for (const auto &[l, value] : r.summary)
        if (l == label) return value;
    for (const auto &[l, value] : r.summary)
        if (l.startsWith(label)) return value;
    return {};
}

// A "a, b (c), d" cell as a set (the fixture's names hold no ", ").
QSet<QString> items(const QVariant &cell)
{
    const QStringList parts = cell.toString().split(QStringLiteral(", "), Qt::SkipEmptyParts);
    return QSet<QString>(parts.cbegin(), parts.cend());
}

qint64 count(Database &db, const QString &sql, const QVariantList &binds)
{
    auto v = db.scalar(sql, binds);
    if (!v) qWarning().noquote() << v.errorMessage();
    return v ? v->toLongLong() : -1;
}

qint64 trueCells(const ReportTable &t, const QString &key)
{
    const int c = column(t, key);
    qint64 n = 0;
    for (const QVariantList &row : t.rows)
        n += row.value(c).toBool() ? 1 : 0;
    return n;
}

// key → value of the first two columns of a query.
QHash<QString, QVariant> pairs(Database &db, const QString &sql, const QVariantList &binds)
{
    QHash<QString, QVariant> out;
    auto q = db.exec(sql, binds);
    if (!q) qWarning().noquote() << q.errorMessage();
    while (q && q->next())
        out.insert(q->value(0).toString(), q->value(1));
    return out;
}
} // namespace

class TestReportsAccess : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    qint64 m_at = 0;                        // the fixture's capture time: every report's as-of instant
    std::unique_ptr<Database> m_engines[2]; // SQLite, PostgreSQL: the bundled fixtures imported once

    Database *imported()
    {
        QFETCH(bool, postgres);
        std::unique_ptr<Database> &db = m_engines[postgres ? 1 : 0];
        if (!db) {
            db = postgres ? test::openPostgresOrFail(QStringLiteral("reports_access"))
                          : test::openSqlite(m_dir, QStringLiteral("reports.db"));
            if (!db) return nullptr;
            Clock::freezeAt(m_at);
            auto s = FixtureImporter(*db).run(test::fixturesDir());
            if (!s) {
                qWarning().noquote() << s.errorMessage();
                db.reset();
            }
        }
        return db.get();
    }

    ReportParams params(int unusedDays = 90, int maxAgeDays = 90) const
    {
        ReportParams p;
        p.orgKey = kOrg;
        p.asOf = m_at;
        p.unusedDays = unusedDays;
        p.maxAgeDays = maxAgeDays;
        return p;
    }

    // Last activity as the report defines it, from the tables: the user's api_key_last_used_at, their project
    // keys' last use, their own audit events and those of their project and admin keys before the period's
    // end (the as-of instant).
    QHash<QString, qint64> lastActivity(Database &db)
    {
        QHash<QString, qint64> last;
        auto bump = [&last](const QString &id, const QVariant &at) {
            last[id] = std::max(last.value(id), Database::timestampSecs(at));
        };
        const QHash<QString, QVariant> own = pairs(
            db,
            QStringLiteral(
                "SELECT id, api_key_last_used_at FROM openai_users WHERE org_key = ? AND deleted_at IS NULL"),
            {kOrg});
        for (auto it = own.cbegin(); it != own.cend(); ++it)
            bump(it.key(), it.value());
        auto keys =
            db.exec(QStringLiteral("SELECT k.owner_id, k.last_used_at, MAX(a.effective_at) FROM "
                                   "openai_project_api_keys k LEFT JOIN openai_audit_logs a ON "
                                   "a.org_key = k.org_key AND a.actor_id = k.id AND a.effective_at < ? "
                                   "WHERE k.org_key = ? AND k.deleted_at IS NULL AND k.owner_type = 'user' "
                                   "GROUP BY k.owner_id, k.id, k.last_used_at"),
                    {db.bindTimestamp(m_at), kOrg});
        while (keys && keys->next()) {
            bump(keys->value(0).toString(), keys->value(1));
            bump(keys->value(0).toString(), keys->value(2));
        }
        auto adminKeys =
            db.exec(QStringLiteral("SELECT k.owner_id, MAX(a.effective_at) FROM openai_admin_api_keys k "
                                   "JOIN openai_audit_logs a ON a.org_key = k.org_key AND a.actor_id = "
                                   "k.id AND a.effective_at < ? WHERE k.org_key = ? AND k.deleted_at IS "
                                   "NULL AND k.owner_type = 'user' GROUP BY k.owner_id"),
                    {db.bindTimestamp(m_at), kOrg});
        while (adminKeys && adminKeys->next())
            bump(adminKeys->value(0).toString(), adminKeys->value(1));
        const QHash<QString, QVariant> audit = pairs(
            db,
            QStringLiteral("SELECT actor_id, MAX(effective_at) FROM openai_audit_logs WHERE org_key = ? AND "
                           "effective_at < ? GROUP BY actor_id"),
            {kOrg, db.bindTimestamp(m_at)});
        for (auto it = audit.cbegin(); it != audit.cend(); ++it)
            if (own.contains(it.key())) bump(it.key(), it.value());
        return last;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_at = capturedAt(test::fixturesDir());
        QVERIFY(m_at > 0);
    }
    void cleanupTestCase()
    {
        for (auto &db : m_engines)
            db.reset();
        Clock::reset();
    }

    // Every active member exactly once with their email, org role, direct project roles and last
    // activity; owners, pending invites and members in no project counted as SQL counts them; the sign-off
    // columns present and empty.
    void accessReviewMatchesTheStore_data() { test::addEngineRows(); }
    void accessReviewMatchesTheStore()
    {
        Database *db = imported();
        if (!db) return;
        auto r = buildReport(*db, QStringLiteral("access-review"), params());
        QVERIFY2(r, qPrintable(r.errorMessage()));
        const ReportTable *members = table(*r, QStringLiteral("members"));
        QVERIFY(members);
        const int id = column(*members, QStringLiteral("user_id")),
                  email = column(*members, QStringLiteral("email")),
                  role = column(*members, QStringLiteral("org_role")),
                  projects = column(*members, QStringLiteral("projects")),
                  last = column(*members, QStringLiteral("last_activity"));
        QVERIFY(id >= 0 && email >= 0 && role >= 0 && projects >= 0 && last >= 0);

        const QHash<QString, QVariant> emails = pairs(
            *db,
            QStringLiteral("SELECT id, email FROM openai_users WHERE org_key = ? AND deleted_at IS NULL"),
            {kOrg});
        const QHash<QString, QVariant> roles = pairs(
            *db, QStringLiteral("SELECT id, role FROM openai_users WHERE org_key = ? AND deleted_at IS NULL"),
            {kOrg});
        QVERIFY(emails.size() >= 30);
        QHash<QString, QSet<QString>> projectRoles; // user id → "Project (role)"
        auto q =
            db->exec(QStringLiteral("SELECT m.user_id, p.name, m.role FROM openai_project_members m JOIN "
                                    "openai_projects p ON p.org_key = m.org_key AND p.id = m.project_id "
                                    "WHERE m.org_key = ? AND m.removed_at IS NULL AND p.deleted_at IS NULL"),
                     {kOrg});
        QVERIFY(q);
        while (q->next())
            projectRoles[q->value(0).toString()].insert(
                QStringLiteral("%1 (%2)").arg(q->value(1).toString(), q->value(2).toString()));
        QVERIFY(!projectRoles.isEmpty());
        const QHash<QString, qint64> activity = lastActivity(*db);

        QSet<QString> seen;
        int active = 0;
        for (const QVariantList &row : members->rows) {
            const QString user = row[id].toString();
            QVERIFY2(!seen.contains(user), qPrintable(user + QStringLiteral(" listed twice")));
            seen.insert(user);
            QCOMPARE(row[email].toString(), emails.value(user).toString());
            QCOMPARE(row[role].toString(), roles.value(user).toString());
            QCOMPARE(items(row[projects]), projectRoles.value(user));
            QCOMPARE(row[last].toString(), date(activity.value(user)));
            active += row[last].isNull() ? 0 : 1;
            for (const QString &sign :
                 {QStringLiteral("reviewer"), QStringLiteral("review_date"), QStringLiteral("decision")}) {
                const int c = column(*members, sign);
                QVERIFY(c >= 0 && members->columns[c].kind == CellKind::Sign && row.value(c).isNull());
            }
        }
        QCOMPARE(seen, QSet<QString>(emails.keyBegin(), emails.keyEnd()));
        QVERIFY(active > 0);
        QCOMPARE(figure(*r, QStringLiteral("Members")).toLongLong(), qint64(emails.size()));

        const qint64 owners = count(*db,
                                    QStringLiteral("SELECT COUNT(*) FROM openai_users WHERE org_key = ? AND "
                                                   "deleted_at IS NULL AND role = 'owner'"),
                                    {kOrg});
        QVERIFY(owners > 0);
        QCOMPARE(figure(*r, QStringLiteral("Owners")).toLongLong(), owners);

        const qint64 pending =
            count(*db,
                  QStringLiteral("SELECT COUNT(*) FROM openai_invites WHERE org_key = ? AND "
                                 "deleted_at IS NULL AND status = 'pending'"),
                  {kOrg});
        QVERIFY(pending > 0);
        QCOMPARE(figure(*r, QStringLiteral("Pending invites")).toLongLong(), pending);
        QCOMPARE(qint64(table(*r, QStringLiteral("pending_invites"))->rows.size()), pending);

        // In no project: neither a member of one nor in a group linked to one.
        const qint64 none = count(
            *db,
            QStringLiteral(
                "SELECT COUNT(*) FROM openai_users u WHERE u.org_key = ? AND u.deleted_at IS NULL AND NOT "
                "EXISTS (SELECT 1 FROM openai_project_members m WHERE m.org_key = u.org_key AND m.user_id "
                "= u.id AND m.removed_at IS NULL) AND NOT EXISTS (SELECT 1 FROM openai_group_users g JOIN "
                "openai_project_groups pg ON pg.org_key = g.org_key AND pg.group_id = g.group_id AND "
                "pg.removed_at IS NULL WHERE g.org_key = u.org_key AND g.user_id = u.id AND g.removed_at "
                "IS NULL)"),
            {kOrg});
        QCOMPARE(figure(*r, QStringLiteral("Members in no project")).toLongLong(), none);
        QCOMPARE(qint64(table(*r, QStringLiteral("members_in_no_project"))->rows.size()), none);
        // One import observed nothing being removed.
        QCOMPARE(figure(*r, QStringLiteral("Removed in period")).toLongLong(), qint64(0));
        QVERIFY(!r->findings.isEmpty());
    }

    // Flags of every key table counted as SQL counts them with the same thresholds, under the defaults and
    // under other thresholds.
    void keyHygieneFlagsMatchTheStore_data()
    {
        QTest::addColumn<bool>("postgres");
        QTest::addColumn<int>("unusedDays");
        QTest::addColumn<int>("maxAgeDays");
        for (bool pg : {false, true}) {
            const char *engine = pg ? "postgresql" : "sqlite";
            QTest::addRow("%s default", engine) << pg << 90 << 90;
            QTest::addRow("%s 14/365", engine) << pg << 14 << 365;
        }
    }
    void keyHygieneFlagsMatchTheStore()
    {
        QFETCH(int, unusedDays);
        QFETCH(int, maxAgeDays);
        Database *db = imported();
        if (!db) return;
        auto r = buildReport(*db, QStringLiteral("key-hygiene"), params(unusedDays, maxAgeDays));
        QVERIFY2(r, qPrintable(r.errorMessage()));
        // unused: no use (or creation, when never used) for unusedDays whole days or more; too old: more
        // than maxAgeDays whole days since creation.
        const QVariant idleBefore = db->bindTimestamp(m_at - unusedDays * kSecondsPerDay);
        const QVariant oldBefore = db->bindTimestamp(m_at - (maxAgeDays + 1) * kSecondsPerDay);
        struct Case
        {
            QString table, from, where;
        };
        const QString members =
            QStringLiteral("(SELECT id FROM openai_users WHERE org_key = ? AND deleted_at IS NULL)");
        const QString archived =
            QStringLiteral("(SELECT id FROM openai_projects WHERE org_key = ? AND status = 'archived')");
        const QString accounts =
            QStringLiteral("(SELECT id FROM openai_service_accounts s WHERE s.org_key = ? AND "
                           "s.project_id = k.project_id AND s.deleted_at IS NULL)");
        const QList<Case> cases{
            {QStringLiteral("project_keys"), QStringLiteral("openai_project_api_keys"),
             QStringLiteral("owner_type = 'user'")},
            {QStringLiteral("service_account_keys"), QStringLiteral("openai_project_api_keys"),
             QStringLiteral("owner_type = 'service_account'")},
            {QStringLiteral("admin_keys"), QStringLiteral("openai_admin_api_keys"), QStringLiteral("1 = 1")}};
        qint64 flagged = 0;
        for (const Case &c : cases) {
            const ReportTable *t = table(*r, c.table);
            QVERIFY2(t, qPrintable(c.table));
            const QString base =
                QStringLiteral("SELECT COUNT(*) FROM %1 k WHERE k.org_key = ? AND k.deleted_at IS "
                               "NULL AND %2")
                    .arg(c.from, c.where);
            QCOMPARE(qint64(t->rows.size()), count(*db, base, {kOrg}));
            const qint64 unused =
                count(*db, base + QStringLiteral(" AND COALESCE(last_used_at, created_at) <= ?"),
                      {kOrg, idleBefore});
            QCOMPARE(trueCells(*t, QStringLiteral("unused")), unused);
            const qint64 old = count(*db, base + QStringLiteral(" AND created_at <= ?"), {kOrg, oldBefore});
            QCOMPARE(trueCells(*t, QStringLiteral("too_old")), old);
            const QString ownerGone =
                c.table == u"service_account_keys"
                    ? QStringLiteral(" AND owner_id NOT IN ") + accounts
                    : QStringLiteral(" AND owner_type = 'user' AND owner_id NOT IN ") + members;
            QCOMPARE(trueCells(*t, QStringLiteral("owner_removed")),
                     count(*db, base + ownerGone, {kOrg, kOrg}));
            const qint64 inArchived =
                c.table == u"admin_keys"
                    ? 0
                    : count(*db, base + QStringLiteral(" AND project_id IN ") + archived, {kOrg, kOrg});
            QCOMPARE(trueCells(*t, QStringLiteral("archived_project")), inArchived);
            flagged += unused + old;
        }
        QVERIFY(flagged > 0);
        qint64 unusedTotal = 0;
        for (const Case &c : cases)
            unusedTotal += trueCells(*table(*r, c.table), QStringLiteral("unused"));
        QCOMPARE(figure(*r, QStringLiteral("Unused for")).toLongLong(), unusedTotal);
    }

    // Days left and band of each fixture certificate as of the capture time, computed here from the stored
    // expiry; the fixture holds one expired certificate and one inside the 14-day band.
    void certificateBands_data() { test::addEngineRows(); }
    void certificateBands()
    {
        Database *db = imported();
        if (!db) return;
        auto r = buildReport(*db, QStringLiteral("certificates"), params());
        QVERIFY2(r, qPrintable(r.errorMessage()));
        const ReportTable *certs = table(*r, QStringLiteral("certificates"));
        QVERIFY(certs);
        const QHash<QString, QVariant> expiry = pairs(
            *db,
            QStringLiteral(
                "SELECT id, expires_at FROM openai_certificates WHERE org_key = ? AND deleted_at IS NULL"),
            {kOrg});
        QCOMPARE(qint64(certs->rows.size()), qint64(expiry.size()));
        const int id = column(*certs, QStringLiteral("certificate_id")),
                  left = column(*certs, QStringLiteral("days_left")),
                  band = column(*certs, QStringLiteral("band")),
                  name = column(*certs, QStringLiteral("name"));
        QHash<QString, QString> bandByName;
        for (const QVariantList &row : certs->rows) {
            const qint64 expires = Database::timestampSecs(expiry.value(row[id].toString()));
            const qint64 seconds = expires - m_at;
            const qint64 days =
                seconds >= 0 ? seconds / kSecondsPerDay : -((-seconds + kSecondsPerDay - 1) / kSecondsPerDay);
            QCOMPARE(row[left].toLongLong(), days);
            const QString want = seconds <= 0 ? QStringLiteral("expired")
                                 : days <= 7  ? QStringLiteral("≤7 days")
                                 : days <= 14 ? QStringLiteral("≤14 days")
                                 : days <= 30 ? QStringLiteral("≤30 days")
                                              : QStringLiteral("ok");
            QCOMPARE(row[band].toString(), want);
            bandByName.insert(row[name].toString(), want);
        }
        QCOMPARE(bandByName.value(QStringLiteral("legacy-client-ca")), QStringLiteral("expired"));
        QCOMPARE(bandByName.value(QStringLiteral("corp-client-ca-2025")), QStringLiteral("≤14 days"));
        QCOMPARE(bandByName.value(QStringLiteral("corp-client-ca-2026")), QStringLiteral("ok"));
        QCOMPARE(figure(*r, QStringLiteral("Expired")).toLongLong(), qint64(1));
        QCOMPARE(
            qint64(table(*r, QStringLiteral("activations"))->rows.size()),
            count(*db,
                  QStringLiteral("SELECT COUNT(*) FROM openai_project_certificates WHERE org_key = ? AND "
                                 "deleted_at IS NULL"),
                  {kOrg}));
        // Events of the default period: the 90 days before the as-of instant.
        const qint64 events =
            count(*db,
                  QStringLiteral("SELECT COUNT(*) FROM openai_certificate_events WHERE "
                                 "org_key = ? AND occurred_at >= ? AND occurred_at < ?"),
                  {kOrg, db->bindTimestamp(m_at - 90 * kSecondsPerDay), db->bindTimestamp(m_at)});
        QVERIFY(events > 0);
        QCOMPARE(qint64(table(*r, QStringLiteral("events"))->rows.size()), events);
        bool warned = false;
        for (const ReportFinding &f : r->findings)
            warned |= f.text.contains(QStringLiteral("corp-client-ca-2025"));
        QVERIFY(warned);
    }

    // Accounts, owner-role accounts and keys per project as SQL groups them.
    void serviceAccountsPerProject_data() { test::addEngineRows(); }
    void serviceAccountsPerProject()
    {
        Database *db = imported();
        if (!db) return;
        auto r = buildReport(*db, QStringLiteral("service-accounts"), params());
        QVERIFY2(r, qPrintable(r.errorMessage()));
        const ReportTable *projects = table(*r, QStringLiteral("projects"));
        QVERIFY(projects);
        const QHash<QString, QVariant> accounts = pairs(
            *db,
            QStringLiteral("SELECT project_id, COUNT(*) FROM openai_service_accounts WHERE org_key = ? AND "
                           "deleted_at IS NULL GROUP BY project_id"),
            {kOrg});
        const QHash<QString, QVariant> owners = pairs(
            *db,
            QStringLiteral("SELECT project_id, COUNT(*) FROM openai_service_accounts WHERE org_key = ? AND "
                           "deleted_at IS NULL AND role = 'owner' GROUP BY project_id"),
            {kOrg});
        const QHash<QString, QVariant> keys =
            pairs(*db,
                  QStringLiteral(
                      "SELECT k.project_id, COUNT(*) FROM openai_project_api_keys k JOIN "
                      "openai_service_accounts s ON s.org_key = k.org_key AND s.project_id = k.project_id "
                      "AND s.id = k.owner_id AND s.deleted_at IS NULL WHERE k.org_key = ? AND k.deleted_at "
                      "IS NULL AND k.owner_type = 'service_account' GROUP BY k.project_id"),
                  {kOrg});
        QVERIFY(accounts.size() >= 2);
        const int pid = column(*projects, QStringLiteral("project_id")),
                  n = column(*projects, QStringLiteral("service_accounts")),
                  o = column(*projects, QStringLiteral("owner_role")),
                  k = column(*projects, QStringLiteral("keys"));
        qint64 total = 0;
        for (const QVariantList &row : projects->rows) {
            const QString project = row[pid].toString();
            QCOMPARE(row[n].toLongLong(), accounts.value(project).toLongLong());
            QCOMPARE(row[o].toLongLong(), owners.value(project).toLongLong());
            QCOMPARE(row[k].toLongLong(), keys.value(project).toLongLong());
            total += row[n].toLongLong();
        }
        QCOMPARE(qint64(projects->rows.size()),
                 count(*db,
                       QStringLiteral(
                           "SELECT COUNT(*) FROM openai_projects WHERE org_key = ? AND deleted_at IS NULL"),
                       {kOrg}));
        QCOMPARE(qint64(table(*r, QStringLiteral("service_accounts"))->rows.size()), total);
        QCOMPARE(figure(*r, QStringLiteral("Service accounts")).toLongLong(), total);
    }

    // Revision 1 of the generated org (a week later) removes members: the access review as of its capture,
    // over a period that holds both captures, lists exactly the members the store soft-deleted.
    void removedMembersBetweenRevisions_data() { test::addEngineRows(); }
    void removedMembersBetweenRevisions()
    {
        QTemporaryDir dir;
        QFETCH(bool, postgres);
        auto db = postgres ? test::openPostgresOrFail(QStringLiteral("reports_access_removed"))
                           : test::openSqlite(dir);
        if (!db) return;
        qint64 at = 0;
        for (int revision : {0, 1}) {
            GeneratorOptions o;
            o.revision = revision;
            const QString folder = dir.filePath(QStringLiteral("rev%1").arg(revision));
            QVERIFY(FixtureGenerator(o).write(folder).ok());
            at = capturedAt(folder);
            Clock::freezeAt(at);
            auto s = FixtureImporter(*db).run(folder);
            QVERIFY2(s, qPrintable(s.errorMessage()));
        }
        ReportParams p = params();
        p.asOf = at;
        auto r = buildReport(*db, QStringLiteral("access-review"), p);
        QVERIFY2(r, qPrintable(r.errorMessage()));
        const ReportTable *removed = table(*r, QStringLiteral("removed_members"));
        QVERIFY(removed);
        QSet<QString> got;
        int dated = 0;
        for (const QVariantList &row : removed->rows) {
            got.insert(row[column(*removed, QStringLiteral("user_id"))].toString());
            QVERIFY(!row[column(*removed, QStringLiteral("email"))].toString().isEmpty());
            // The date is that of the audit log's user.deleted event the row names as its evidence.
            const QString evidence = row[column(*removed, QStringLiteral("evidence"))].toString();
            if (evidence.isEmpty()) continue;
            const QString last = evidence.split(QStringLiteral(", ")).constLast();
            auto q =
                db->exec(QStringLiteral("SELECT type, effective_at, payload FROM openai_audit_logs WHERE "
                                        "org_key = ? AND id = ?"),
                         {kOrg, last});
            QVERIFY(q && q->next());
            QCOMPARE(q->value(0).toString(), QStringLiteral("user.deleted"));
            QCOMPARE(row[column(*removed, QStringLiteral("removed_on"))].toString(),
                     date(Database::timestampSecs(q->value(1))));
            QVERIFY(
                q->value(2).toString().contains(row[column(*removed, QStringLiteral("user_id"))].toString()));
            ++dated;
        }
        QVERIFY(dated > 0);
        const QHash<QString, QVariant> gone = pairs(
            *db,
            QStringLiteral("SELECT id, email FROM openai_users WHERE org_key = ? AND deleted_at IS NOT NULL"),
            {kOrg});
        QVERIFY(!gone.isEmpty());
        QCOMPARE(got, QSet<QString>(gone.keyBegin(), gone.keyEnd()));
        QCOMPARE(figure(*r, QStringLiteral("Removed in period")).toLongLong(), qint64(gone.size()));
        // None of them is still listed as a member.
        const ReportTable *members = table(*r, QStringLiteral("members"));
        for (const QVariantList &row : members->rows)
            QVERIFY(!got.contains(row[column(*members, QStringLiteral("user_id"))].toString()));
    }
};

QTEST_GUILESS_MAIN(TestReportsAccess)
#include "test_reports_access.moc"
