// Cost allocation (issue #15), both engines on the bundled fixture org: totals by cost centre and workload
// add up to the billed total exactly for random allocations and periods (a property test), rules and their
// defaults, the CSV round trip, and imports that are refused whole (naming the line) and change nothing.
#include "compliance/journal.h"
#include "compliance/reports.h"
#include "core/clock.h"
#include "finance/allocation.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace orgward;

namespace {

constexpr qint64 kDay = 86400;
const QString kFraud = QStringLiteral("proj_z5JtnEZglzXWfL370hAF1R19");
const QString kSupport = QStringLiteral("proj_9G3v4AUPGmty7ET4rsgtw3kZ");

qint64 utc(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

} // namespace

class TestAllocation : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_sqlite, m_pg;
    QString m_org;

    Database &db()
    {
        QFETCH(bool, postgres);
        return postgres ? *m_pg : *m_sqlite;
    }

    Status importInto(Database &d, qint64 capture)
    {
        Clock::freezeAt(capture + 3600);
        auto imported = FixtureImporter(d).run(test::fixturesDir());
        Clock::reset();
        if (!imported) return imported.error();
        m_org = imported->orgKey;
        return {};
    }

    // The organization's billed total over [from, to) from its organization-wide rows, by SQL.
    Decimal billed(Database &d, qint64 from, qint64 to)
    {
        auto v =
            d.scalar(QStringLiteral("SELECT %1 FROM openai_costs WHERE org_key = ? AND group_by = '' AND "
                                    "bucket_start >= %2 AND bucket_start < %2")
                         .arg(d.sumDecimal(QStringLiteral("amount")), d.secsToTs(QStringLiteral("?"))),
                     {m_org, from, to});
        return v ? Decimal::parse(v->toString()).value_or(Decimal()) : Decimal();
    }

    QList<ProjectAllocation> effective(Database &d)
    {
        auto e = AllocationStore(d).effective(m_org);
        if (!e) qWarning("%s", qPrintable(e.errorMessage()));
        return e ? *e : QList<ProjectAllocation>{};
    }

    static const ProjectAllocation *find(const QList<ProjectAllocation> &all, const QString &id)
    {
        for (const ProjectAllocation &a : all)
            if (a.projectId == id) return &a;
        return nullptr;
    }

    void clearAll(Database &d)
    {
        QVERIFY(d.run(QStringLiteral("DELETE FROM orgward_allocations")));
        QVERIFY(d.run(QStringLiteral("DELETE FROM orgward_allocation_rules")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile f(test::fixturesDir() + QStringLiteral("/manifest.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const qint64 capture =
            QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("captured_at")).toInteger();
        m_sqlite = test::openSqlite(m_dir);
        QVERIFY(m_sqlite);
        QVERIFY(importInto(*m_sqlite, capture));
        m_pg = test::openPostgresOrFail(QStringLiteral("finance_allocation"));
        QVERIFY(m_pg);
        QVERIFY(importInto(*m_pg, capture));
    }

    void globsMatchWholeNamesCaseInsensitively()
    {
        const AllocationRule prod{QStringLiteral("*prod*"), QString(), QStringLiteral("production")};
        QVERIFY(prod.matches(QStringLiteral("Payments PROD")));
        QVERIFY(prod.matches(QStringLiteral("prod")));
        QVERIFY(!prod.matches(QStringLiteral("Pro d")));
        const AllocationRule prefix{QStringLiteral("Risk*"), QStringLiteral("Risk"), QString()};
        QVERIFY(prefix.matches(QStringLiteral("risk reports")));
        QVERIFY(!prefix.matches(QStringLiteral("Credit risk"))); // anchored at both ends
        const AllocationRule one{QStringLiteral("Team ?"), QString(), QString()};
        QVERIFY(one.matches(QStringLiteral("Team A")));
        QVERIFY(!one.matches(QStringLiteral("Team AB")));
    }

    void rulesFillInAndExplicitWins_data() { test::addEngineRows(); }
    void rulesFillInAndExplicitWins()
    {
        Database &d = db();
        clearAll(d);
        AllocationStore store(d);
        // Defaults (seed 000's workload classes): the fixture's "Default project" is experimentation.
        QList<ProjectAllocation> all = effective(d);
        QCOMPARE(all.size(), 12); // archived projects still carry costs
        const ProjectAllocation *def = nullptr;
        for (const ProjectAllocation &a : std::as_const(all))
            if (a.projectName == u"Default project") def = &a;
        QVERIFY(def);
        QCOMPARE(def->workload, QStringLiteral("experimentation"));
        QCOMPARE(def->source, AllocationSource::Rule);
        QCOMPARE(find(all, kFraud)->source, AllocationSource::None);
        // Rules of the organization's own replace the defaults; the first match wins.
        QVERIFY(store.setRules(
            m_org, {{QStringLiteral("*scoring"), QStringLiteral("Risk"), QStringLiteral("production")},
                    {QStringLiteral("*"), QStringLiteral("Shared"), QString()}}));
        all = effective(d);
        QCOMPARE(find(all, kFraud)->costCentre, QStringLiteral("Risk"));
        QCOMPARE(find(all, kFraud)->workload, QStringLiteral("production"));
        QCOMPARE(find(all, kSupport)->costCentre, QStringLiteral("Shared"));
        QCOMPARE(find(all, kSupport)->source, AllocationSource::Rule);
        // An explicit allocation beats every rule; clearing it falls back to them.
        QVERIFY(store.set(m_org, kSupport, QStringLiteral("Customer care"), QStringLiteral("production")));
        QCOMPARE(find(effective(d), kSupport)->costCentre, QStringLiteral("Customer care"));
        QCOMPARE(find(effective(d), kSupport)->source, AllocationSource::Explicit);
        QVERIFY(store.set(m_org, kSupport, QString(), QString()));
        QCOMPARE(find(effective(d), kSupport)->costCentre, QStringLiteral("Shared"));
        // Refusals: an unknown project, an empty pattern, a tag on two lines.
        const Status unknown = store.set(m_org, QStringLiteral("proj_nope"), QStringLiteral("x"), QString());
        QVERIFY(!unknown);
        QVERIFY2(unknown.errorMessage().contains(QLatin1String("'proj_nope' is not in organization")),
                 qPrintable(unknown.errorMessage()));
        QVERIFY(!store.setRules(m_org, {{QStringLiteral(" "), QStringLiteral("x"), QString()}}));
        QVERIFY(!store.set(m_org, kFraud, QStringLiteral("a\nb"), QString()));
        QCOMPARE(find(effective(d), kFraud)->costCentre, QStringLiteral("Risk")); // unchanged
        clearAll(d);
    }

    // Property: whatever the allocation and the period, the buckets (unallocated included) sum to the
    // billed total of the organization exactly, on both dimensions.
    void totalsAlwaysAddUp_data() { test::addEngineRows(); }
    void totalsAlwaysAddUp()
    {
        Database &d = db();
        clearAll(d);
        AllocationStore store(d);
        QRandomGenerator rng(20261204); // fixed: a failure can be replayed
        const QStringList centres{QStringLiteral("Risk"), QStringLiteral("Ops"), QStringLiteral("R&D, Labs"),
                                  QString()};
        const QStringList workloads{QStringLiteral("production"), QStringLiteral("staging"), QString()};
        const QList<ProjectAllocation> projects = effective(d);
        const qint64 first = utc(2026, 8, 20), last = utc(2026, 11, 20);
        for (int round = 0; round < 6; ++round) {
            for (const ProjectAllocation &p : projects)
                QVERIFY(store.set(m_org, p.projectId, centres[rng.bounded(int(centres.size()))],
                                  workloads[rng.bounded(int(workloads.size()))]));
            const qint64 from = first + qint64(rng.bounded(80)) * kDay;
            const qint64 to = from + qint64(1 + rng.bounded(40)) * kDay;
            const Decimal expected = billed(d, from, std::min(to, last));
            for (AllocationDimension dim : {AllocationDimension::CostCentre, AllocationDimension::Workload}) {
                auto c = costsByAllocation(d, m_org, from, to, dim);
                QVERIFY2(c, qPrintable(c.errorMessage()));
                Decimal sum;
                QSet<QString> keys;
                for (const AllocationTotal &t : std::as_const(c->rows)) {
                    sum += t.amount;
                    QVERIFY2(!keys.contains(t.key), qPrintable(t.key)); // each bucket once
                    keys.insert(t.key);
                }
                QCOMPARE(sum, c->total);
                QCOMPARE(c->total, expected);
                if (!c->rows.isEmpty() && keys.contains(QString())) QVERIFY(c->rows.last().key.isEmpty());
            }
        }
        // One cost centre for everything: a single bucket holding the whole bill (plus costs of no project).
        for (const ProjectAllocation &p : projects)
            QVERIFY(store.set(m_org, p.projectId, QStringLiteral("All"), QString()));
        auto all = costsByAllocation(d, m_org, first, last, AllocationDimension::CostCentre);
        QVERIFY(all);
        QCOMPARE(all->rows.first().key, QStringLiteral("All"));
        QCOMPARE(all->total, billed(d, first, last));
        clearAll(d);
    }

    // The costs-by-centre report: each table's rows add up to its Total row, which is the billed total.
    void costsByCentreReport_data() { test::addEngineRows(); }
    void costsByCentreReport()
    {
        Database &d = db();
        clearAll(d);
        QVERIFY(AllocationStore(d).set(m_org, kFraud, QStringLiteral("Risk"), QStringLiteral("production")));
        ReportParams p;
        p.orgKey = m_org;
        p.from = utc(2026, 10, 1);
        p.to = utc(2026, 11, 1);
        p.asOf = utc(2026, 11, 20);
        auto r = buildReport(d, QStringLiteral("costs-by-centre"), p);
        QVERIFY2(r, qPrintable(r.errorMessage()));
        QCOMPARE(r->tables.size(), 2);
        const Decimal expected = billed(d, p.from, p.to);
        for (const ReportTable &t : std::as_const(r->tables)) {
            Decimal sum;
            for (int i = 0; i + 1 < t.rows.size(); ++i)
                sum += *Decimal::parse(t.rows[i].value(1).toString());
            QCOMPARE(t.rows.last().value(0).toString(), QStringLiteral("Total"));
            QCOMPARE(*Decimal::parse(t.rows.last().value(1).toString()), expected);
            QCOMPARE(sum, expected);
        }
        QCOMPARE(r->tables.first().rows.first().value(0).toString().isEmpty(), false);
        clearAll(d);
    }

    void csvRoundTrip_data() { test::addEngineRows(); }
    void csvRoundTrip()
    {
        Database &d = db();
        clearAll(d);
        AllocationStore store(d);
        QVERIFY(
            store.set(m_org, kFraud, QStringLiteral("Risk, \"Fraud\" desk"), QStringLiteral("production")));
        QVERIFY(store.set(m_org, kSupport, QStringLiteral("=Care"), QString())); // a formula-looking name
        const QString path = m_dir.filePath(QStringLiteral("allocation.csv"));
        QVERIFY(store.exportCsv(m_org, path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = test::parseCsv(QString::fromUtf8(f.readAll()));
        QCOMPARE(rows.first(), (QStringList{QStringLiteral("project_id"), QStringLiteral("project_name"),
                                            QStringLiteral("cost_centre"), QStringLiteral("workload")}));
        QCOMPARE(rows.size(), 13); // header + every project
        const QList<ProjectAllocation> before = effective(d);
        clearAll(d);
        QVERIFY(find(effective(d), kFraud)->costCentre.isEmpty());
        auto n = store.importCsv(m_org, path);
        QVERIFY2(n, qPrintable(n.errorMessage()));
        QCOMPARE(*n, 12);
        const QList<ProjectAllocation> after = effective(d);
        QCOMPARE(after.size(), before.size());
        for (int i = 0; i < after.size(); ++i) {
            QCOMPARE(after[i].costCentre, before[i].costCentre);
            QCOMPARE(after[i].workload, before[i].workload);
        }
        QCOMPARE(find(after, kSupport)->costCentre, QStringLiteral("=Care"));
        clearAll(d);
    }

    void badImportsChangeNothing_data() { test::addEngineRows(); }
    void badImportsChangeNothing()
    {
        Database &d = db();
        clearAll(d);
        AllocationStore store(d);
        QVERIFY(store.set(m_org, kFraud, QStringLiteral("Risk"), QStringLiteral("production")));
        const QString before = test::tableChecksum(d, QStringLiteral("orgward_allocations"), m_org);
        const QByteArray header = "project_id,project_name,cost_centre,workload\n";
        const QByteArray good = kFraud.toUtf8() + ",Fraud scoring,Ops,staging\n";
        const QByteArray twice = "line 3: project '" + kFraud.toLatin1() + "' is listed twice";
        const struct
        {
            QByteArray body;
            QByteArray expected;
        } cases[] = {
            {header + good + "proj_nope,X,Ops,\n", "line 3: project 'proj_nope' is not in organization"},
            {header + good + good, twice},
            {header + good + kSupport.toUtf8() + ",Support,Ops\n", "line 3: 3 fields where the header has 4"},
            {header + good + kSupport.toUtf8() + ",\"Support,Ops,x\n", "line 3"},
            {"id,cost_centre\n" + good, "the first line must be the header"},
            {header + kSupport.toUtf8() + ",S," + QByteArray(80, 'x') + ",\n", "at most 64 characters"},
        };
        const qint64 journaled = Journal(d).entries()->size();
        const QString path = m_dir.filePath(QStringLiteral("bad.csv"));
        for (const auto &c : cases) {
            writeFile(path, c.body);
            auto r = store.importCsv(m_org, path);
            QVERIFY2(!r, c.expected.constData());
            QVERIFY2(r.errorMessage().contains(QString::fromUtf8(c.expected)), qPrintable(r.errorMessage()));
            QVERIFY2(r.errorMessage().contains(path), qPrintable(r.errorMessage()));
            QCOMPARE(test::tableChecksum(d, QStringLiteral("orgward_allocations"), m_org), before);
        }
        QCOMPARE(Journal(d).entries()->size(), journaled);
        // The good file goes in whole, journaled once with its hash.
        writeFile(path, header + good);
        QCOMPARE(*store.importCsv(m_org, path), 1);
        QCOMPARE(find(effective(d), kFraud)->costCentre, QStringLiteral("Ops"));
        QCOMPARE(Journal(d).entries()->size(), journaled + 1);
        QVERIFY(Journal(d).verify()->ok());
        clearAll(d);
    }
};

QTEST_GUILESS_MAIN(TestAllocation)
#include "test_allocation.moc"
