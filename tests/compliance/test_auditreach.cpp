// How far back the local audit log reaches compared with the API (issue #13): what the sync records about
// its last whole read (SyncState::saveAuditReach), what readAuditReach makes of it beside the stored events
// (one organization only), the sentence people read, and where restricted roles read it from.
#include "compliance/auditreach.h"
#include "security/tablesource.h"
#include "store/migration_v2_roles.h"
#include "store/syncstate.h"
#include "testsupport/testsupport.h"

#include <QtTest>

using namespace orgward;

namespace {
const QString kOrg = QStringLiteral("acme");

qint64 utc(int y, int m, int d, int h = 12)
{
    return QDateTime(QDate(y, m, d), QTime(h, 0), Qt::UTC).toSecsSinceEpoch();
}

Status addEvent(Database &db, const QString &org, const QString &id, qint64 at, const QString &pass)
{
    return test::insertSyncedRow(db, org, QStringLiteral("openai_audit_logs"),
                                 {{QStringLiteral("id"), id},
                                  {QStringLiteral("type"), QStringLiteral("login.succeeded")},
                                  {QStringLiteral("effective_at"), at},
                                  {QStringLiteral("last_seen_pass"), pass}},
                                 at);
}
} // namespace

class TestAuditReach : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    // The line as the issue words it: days in UTC, numbers grouped, one and many.
    void sentence()
    {
        AuditReach r;
        r.localEvents = 12345;
        r.localOldest = utc(2026, 3, 14, 0);
        r.localNewest = utc(2026, 11, 20, 23);
        r.apiRead = true;
        r.apiOldest = utc(2026, 8, 21);
        r.apiReadAt = utc(2026, 11, 20);
        r.onlyLocal = 4310;
        QCOMPARE(
            describeAuditReach(r),
            QStringLiteral("Local copy: 14 Mar 2026 – 20 Nov 2026 (12,345 events). The API still returned "
                           "events back to 21 Aug 2026 on the last full read (sync of 20 Nov 2026); "
                           "4,310 older events exist only here."));
        r.onlyLocal = 1;
        QVERIFY(describeAuditReach(r).endsWith(QLatin1String("; 1 older event exists only here.")));
        r.onlyLocal = 0;
        QVERIFY(describeAuditReach(r).endsWith(
            QLatin1String("(sync of 20 Nov 2026); no stored event is older.")));
        r.localEvents = 1;
        QVERIFY(describeAuditReach(r).startsWith(
            QStringLiteral("Local copy: 14 Mar 2026 – 20 Nov 2026 (1 event). ")));
        AuditReach none;
        QCOMPARE(
            describeAuditReach(none),
            QStringLiteral("Local copy: no audit events stored. How far back the API still reaches is not "
                           "known yet: no sync has read the whole audit log (orgward sync "
                           "--audit-log-full)."));
    }

    void readsTheStoreAndTheSyncsRecord_data() { test::addEngineRows(); }
    void readsTheStoreAndTheSyncsRecord()
    {
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("audit_reach"));
        if (!db) return;
        auto empty = readAuditReach(*db, kOrg);
        QVERIFY2(empty, qPrintable(empty.errorMessage()));
        QCOMPARE(empty->localEvents, qint64(0));
        QVERIFY(!empty->apiRead);

        // Two events only the local copy still has (an earlier pass saw them), three the last whole read
        // returned, and another organization's event the read must not count.
        QVERIFY(addEvent(*db, kOrg, QStringLiteral("e1"), utc(2026, 3, 14), QStringLiteral("old")));
        QVERIFY(addEvent(*db, kOrg, QStringLiteral("e2"), utc(2026, 6, 2), QStringLiteral("old")));
        QVERIFY(addEvent(*db, kOrg, QStringLiteral("e3"), utc(2026, 8, 21), QStringLiteral("p1")));
        QVERIFY(addEvent(*db, kOrg, QStringLiteral("e4"), utc(2026, 10, 1), QStringLiteral("p1")));
        QVERIFY(addEvent(*db, kOrg, QStringLiteral("e5"), utc(2026, 11, 20), QStringLiteral("p1")));
        QVERIFY(addEvent(*db, QStringLiteral("other"), QStringLiteral("e0"), utc(2026, 1, 1),
                         QStringLiteral("p1")));
        auto unknown = readAuditReach(*db, kOrg);
        QVERIFY(unknown);
        QCOMPARE(unknown->localEvents, qint64(5));
        QCOMPARE(unknown->localOldest, utc(2026, 3, 14));
        QCOMPARE(unknown->localNewest, utc(2026, 11, 20));
        QVERIFY(!unknown->apiRead);
        QCOMPARE(unknown->onlyLocal, qint64(0));

        const qint64 readAt = utc(2026, 11, 20, 15);
        QVERIFY(SyncState(*db).saveAuditReach(kOrg, QStringLiteral("p1"), readAt));
        auto known = readAuditReach(*db, kOrg);
        QVERIFY2(known, qPrintable(known.errorMessage()));
        QVERIFY(known->apiRead);
        QCOMPARE(known->apiOldest, utc(2026, 8, 21));
        QCOMPARE(known->apiReadAt, readAt);
        QCOMPARE(known->onlyLocal, qint64(2));
        QCOMPARE(
            describeAuditReach(*known),
            QStringLiteral("Local copy: 14 Mar 2026 – 20 Nov 2026 (5 events). The API still returned events "
                           "back to 21 Aug 2026 on the last full read (sync of 20 Nov 2026); 2 older events "
                           "exist only here."));

        // A later whole read that returned nothing: every event stored by then exists only here.
        QVERIFY(SyncState(*db).saveAuditReach(kOrg, QStringLiteral("p2"), utc(2026, 12, 1)));
        auto nothing = readAuditReach(*db, kOrg);
        QVERIFY(nothing);
        QCOMPARE(nothing->apiOldest, qint64(0));
        QCOMPARE(nothing->onlyLocal, qint64(5));
        QVERIFY2(describeAuditReach(*nothing).endsWith(
                     QLatin1String("The API returned no events on the last full read (sync of 1 Dec "
                                   "2026); the 5 events stored before then exist only here.")),
                 qPrintable(describeAuditReach(*nothing)));
        // The other organization has events but no whole read of its own.
        auto other = readAuditReach(*db, QStringLiteral("other"));
        QVERIFY(other && other->localEvents == 1 && !other->apiRead);
    }

    // Restricted roles read the record where they read the audit log: auditors through their view, readers
    // (no audit log) an empty relation.
    void restrictedRolesReadTheView()
    {
        QCOMPARE(sourceTable(ConsoleRole::Auditor, QStringLiteral("orgward_audit_reach")),
                 QStringLiteral("openai_admin_readonly.audit_reach"));
        QVERIFY(sourceTable(ConsoleRole::Reader, QStringLiteral("orgward_audit_reach")).startsWith(u'('));
        QCOMPARE(sourceTable(ConsoleRole::Admin, QStringLiteral("orgward_audit_reach")),
                 QStringLiteral("orgward_audit_reach"));
        auto db = test::openPostgresOrFail(QStringLiteral("audit_reach_roles"));
        if (!db) return;
        QVERIFY(consoleRolesInstalled(*db)); // the test server's user creates them (migration 2)
        auto may = [&db](const char *role, const char *relation) {
            auto v = db->scalar(QStringLiteral("SELECT has_table_privilege(?, ?, 'SELECT')"),
                                {QString::fromLatin1(role), QString::fromLatin1(relation)});
            return v && v->toBool();
        };
        QVERIFY(may("orgward_auditor", "openai_admin_readonly.audit_reach"));
        QVERIFY(!may("orgward_reader", "openai_admin_readonly.audit_reach"));
        QVERIFY(!may("orgward_auditor", "orgward_audit_reach"));
        QVERIFY(may("orgward_admin", "orgward_audit_reach"));
    }
};

QTEST_GUILESS_MAIN(TestAuditReach)
#include "test_auditreach.moc"
