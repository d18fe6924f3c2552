// Two organizations in one database (issue #12), on both engines: each synced from its own local Admin
// API, each exactly as it would be alone (every table's checksum, exact cost totals), neither touching the
// other's rows, cursors or runs; a second sync of one leaves the other as it was.
#include "finance/costquery.h"
#include "store/tablecounts.h"
#include "syncfixture.h"

#include <QTemporaryDir>

using namespace orgward;

namespace {
constexpr quint32 kSecondSeed = 7;
const QString kSecondKey = QStringLiteral("globex");

QStringList countsOf(Database &db, const QString &orgKey)
{
    QStringList out;
    const auto counts = tableCounts(db, orgKey);
    if (!counts) return {counts.errorMessage()};
    for (const TableCount &c : *counts)
        out << QStringLiteral("%1=%2/%3").arg(c.table).arg(c.total).arg(c.active);
    return out;
}

SyncOptions optionsFor(const FixtureOrg &org, const QString &key)
{
    SyncOptions o = test::syncOptions(org);
    o.orgKey = key;
    o.orgName = key;
    return o;
}
} // namespace

class TestMultiOrg : public QObject
{
    Q_OBJECT
    std::shared_ptr<const FixtureOrg> m_first, m_second;

private Q_SLOTS:
    void initTestCase()
    {
        m_first = std::make_shared<const FixtureOrg>(FixtureOrg::generate(GeneratorOptions{}));
        GeneratorOptions other;
        other.seed = kSecondSeed;
        m_second = std::make_shared<const FixtureOrg>(FixtureOrg::generate(other));
        Clock::freezeAt(m_first->capturedAt());
    }
    void cleanupTestCase() { Clock::reset(); }

    void twoOrgsShareOneDatabase_data() { test::addEngineRows(); }
    void twoOrgsShareOneDatabase()
    {
        QTemporaryDir dir;
        auto shared = test::openEngine(dir, QStringLiteral("multiorg_shared"));
        if (!shared) return;
        QTemporaryDir aloneDir;
        auto alone = test::openSqlite(aloneDir, QStringLiteral("alone.db"));
        QVERIFY(alone);
        test::FakeApiServer first(m_first), second(m_second);
        QVERIFY(first.start());
        QVERIFY(second.start());
        const SyncOptions a = optionsFor(*m_first, m_first->orgKey());
        const SyncOptions b = optionsFor(*m_second, kSecondKey);

        // Each org alone, for reference; then both into the shared database.
        auto ra = test::syncOnce(*alone, first.baseUrl(), a);
        QVERIFY2(ra && ra->status == SyncStatus::Complete, qPrintable(ra ? ra->message : ra.errorMessage()));
        auto rb = test::syncOnce(*alone, second.baseUrl(), b);
        QVERIFY2(rb && rb->status == SyncStatus::Complete, qPrintable(rb ? rb->message : rb.errorMessage()));
        const auto aloneA = test::checksums(*alone, a.orgKey), aloneB = test::checksums(*alone, b.orgKey);
        QVERIFY(aloneA != aloneB); // two different organizations, or the test proves nothing

        auto sa = test::syncOnce(*shared, first.baseUrl(), a);
        QVERIFY2(sa && sa->status == SyncStatus::Complete, qPrintable(sa ? sa->message : sa.errorMessage()));
        const auto afterFirst = test::checksums(*shared, a.orgKey);
        auto sb = test::syncOnce(*shared, second.baseUrl(), b);
        QVERIFY2(sb && sb->status == SyncStatus::Complete, qPrintable(sb ? sb->message : sb.errorMessage()));

        // Isolated: each org's every table equals its lone copy, and syncing the second did not touch the
        // first (a soft delete scoped by project id alone would have marked its rows gone).
        QCOMPARE(test::checksums(*shared, a.orgKey), aloneA);
        QCOMPARE(test::checksums(*shared, b.orgKey), aloneB);
        QCOMPARE(test::checksums(*shared, a.orgKey), afterFirst);

        // Counts and exact money per org.
        QCOMPARE(countsOf(*shared, a.orgKey), countsOf(*alone, a.orgKey));
        QCOMPARE(countsOf(*shared, b.orgKey), countsOf(*alone, b.orgKey));
        QVERIFY(countsOf(*shared, a.orgKey) != countsOf(*shared, b.orgKey));
        for (const auto &[org, key] :
             {std::pair{m_first.get(), a.orgKey}, std::pair{m_second.get(), b.orgKey}}) {
            const qint64 from = org->historyStart(), to = alignDay(org->capturedAt());
            Decimal want;
            for (const QString &v : org->costTotalsByProject(from, to))
                want = want + *Decimal::parse(v);
            const auto got = costTotal(*shared, key, from, to);
            QVERIFY2(got, qPrintable(got.errorMessage()));
            QCOMPARE(got->toString(), want.toString());
        }

        // A re-sync of the second org changes nothing anywhere.
        auto again = test::syncOnce(*shared, second.baseUrl(), b);
        QVERIFY2(again && again->status == SyncStatus::Complete, "re-sync");
        QCOMPARE(test::checksums(*shared, a.orgKey), aloneA);
        QCOMPARE(test::checksums(*shared, b.orgKey), aloneB);
    }

    // An endpoint the API answers 404 for (RBAC not offered to this org) is "not available": the run is
    // complete, not partial, this time and the next; the other lists sync as usual. A project without a
    // hard spend limit (404) is "no limit", an ok answer with no row.
    void notAvailableIsNotAFailure_data() { test::addEngineRows(); }
    void notAvailableIsNotAFailure()
    {
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("multiorg_unavailable"));
        if (!db) return;
        test::FakeApiServer server(m_first);
        QVERIFY(server.start());
        server.setUnavailableKinds({EndpointKind::Groups, EndpointKind::Roles});
        const SyncOptions o = optionsFor(*m_first, m_first->orgKey());
        for (int run = 0; run < 2; ++run) {
            auto s = test::syncOnce(*db, server.baseUrl(), o);
            QVERIFY2(s, qPrintable(s.errorMessage()));
            QCOMPARE(s->status, SyncStatus::Complete);
            QCOMPARE(s->failed, 0);
            int notAvailable = 0, noLimit = 0;
            for (const EndpointResult &e : s->endpoints) {
                if (e.endpoint == u"groups" || e.endpoint == u"roles") {
                    QCOMPARE(e.status, EndpointStatus::NotAvailable);
                    QVERIFY2(e.error.contains(u"not available"), qPrintable(e.error));
                    ++notAvailable;
                } else {
                    QVERIFY2(e.status == EndpointStatus::Ok || e.status == EndpointStatus::Skipped,
                             qPrintable(e.endpoint + u": " + e.error));
                }
                if (e.endpoint.endsWith(u"/spend_limit") && e.status == EndpointStatus::Ok && e.rows == 0)
                    ++noLimit;
                QVERIFY2(!e.endpoint.startsWith(u"groups/"), "no group sub-lists without a group list");
            }
            QCOMPARE(notAvailable, 2);
            QVERIFY(noLimit > 0); // the fixture org has projects without a limit
            auto users = db->scalar(
                QStringLiteral("SELECT COUNT(*) FROM openai_user_roles WHERE org_key = ?"), {o.orgKey});
            QVERIFY(users && users->toInt() > 0);
        }
        // Limits removed at the API (every spend_limit now 404): the stored ones are soft-deleted.
        const QString limits = QStringLiteral(
            "SELECT COUNT(*) FROM openai_spend_limits WHERE org_key = ? AND deleted_at IS NULL");
        auto before = db->scalar(limits, {o.orgKey});
        QVERIFY(before && before->toInt() > 0);
        server.setUnavailableKinds({EndpointKind::Groups, EndpointKind::Roles, EndpointKind::SpendLimit});
        auto s = test::syncOnce(*db, server.baseUrl(), o);
        QVERIFY2(s && s->status == SyncStatus::Complete, "sync after the limits were removed");
        auto after = db->scalar(limits, {o.orgKey});
        QVERIFY(after);
        QCOMPARE(after->toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMultiOrg)
#include "test_multiorg.moc"
