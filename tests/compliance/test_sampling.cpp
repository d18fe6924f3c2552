// Deterministic samples for auditors (issue #14) through the built `orgward sample`, on both engines with the
// bundled fixture org imported: the same seed draws the same sample (CSV and JSON, byte for byte), another
// seed another one; the size is respected (the whole population when it is not smaller, and said so); the
// sample is exactly the documented method recomputed here from the stored rows (HMAC-SHA-256 keyed with the
// seed over each id, smallest first), every sampled id is in the population, and the method, population size,
// seed and population SHA-256 are stated; both engines draw the same sample; bad arguments exit 2 naming the
// problem.
#include "core/clock.h"
#include "store/database.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QtTest>

using namespace orgward;

namespace {

constexpr int kCliTimeoutMs = 120000;
constexpr qint64 kSampleSize = 5;
constexpr qint64 kBeyondPopulation = 10; // a size this much larger than the population
const QString kSeed = QStringLiteral("audit-2026-Q1");
const QString kOtherSeed = QStringLiteral("audit-2026-Q2");

struct Run
{
    int code = -1;
    QByteArray out;
    QString err;
};

Run runSample(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(ORGWARD_BINARY_DIR "/bin/orgward"), QStringList{QStringLiteral("sample")} + args);
    if (!p.waitForFinished(kCliTimeoutMs)) {
        p.kill();
        p.waitForFinished();
        return Run{-1, {}, QStringLiteral("orgward sample timed out")};
    }
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
               QString::fromUtf8(p.readAllStandardError())};
}

QString iso(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

QByteArray hmac(const QString &seed, const QString &id)
{
    return QMessageAuthenticationCode::hash(id.toUtf8(), seed.toUtf8(), QCryptographicHash::Sha256);
}

// The documented method, written independently of compliance/sampling.cpp.
QStringList expectedSample(QStringList ids, const QString &seed, qint64 size)
{
    std::sort(ids.begin(), ids.end(),
              [&seed](const QString &a, const QString &b) { return hmac(seed, a) < hmac(seed, b); });
    return ids.mid(0, size);
}

QString idsSha256(QStringList ids)
{
    std::sort(ids.begin(), ids.end(),
              [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    QByteArray all;
    for (const QString &id : ids)
        all += id.toUtf8() + '\n';
    return QString::fromLatin1(QCryptographicHash::hash(all, QCryptographicHash::Sha256).toHex());
}

QStringList column(const QList<QStringList> &rows, int c)
{
    QStringList out;
    for (const QStringList &r : rows)
        out << r.value(c);
    return out;
}

} // namespace

class TestSampling : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_sqlite, m_pg;
    QString m_org;
    qint64 m_firstEvent = 0, m_lastEvent = 0;
    qint64 m_asOf = 0; // after both imports: the instant members, keys and service accounts are read at

    Database &db(bool postgres) { return postgres ? *m_pg : *m_sqlite; }

    // The population as the stored tables hold it now: the rows not soft-deleted (events: all of them).
    QStringList populationIds(Database &d, const QString &population)
    {
        QList<QPair<QString, bool>> sources; // table, project-scoped
        if (population == u"members") sources = {{QStringLiteral("openai_users"), false}};
        if (population == u"service-accounts") sources = {{QStringLiteral("openai_service_accounts"), true}};
        if (population == u"keys")
            sources = {{QStringLiteral("openai_project_api_keys"), true},
                       {QStringLiteral("openai_admin_api_keys"), false}};
        QStringList ids;
        if (population == u"audit-events") {
            auto q = d.exec(QStringLiteral("SELECT id FROM openai_audit_logs WHERE org_key = ?"), {m_org});
            while (q && q->next())
                ids << q->value(0).toString();
            return ids;
        }
        for (const auto &[table, scoped] : sources) {
            auto q = d.exec(QStringLiteral("SELECT %1 id FROM %2 WHERE org_key = ? AND deleted_at IS NULL")
                                .arg(scoped ? QStringLiteral("project_id,") : QString(), table),
                            {m_org});
            while (q && q->next())
                ids << (scoped ? q->value(0).toString() + u'/' + q->value(1).toString()
                               : q->value(0).toString());
        }
        return ids;
    }

    QStringList baseArgs(bool postgres, const QString &population)
    {
        QStringList a{QStringLiteral("--db"), db(postgres).url().toString(), QStringLiteral("--population"),
                      population};
        if (population == u"audit-events")
            a << QStringLiteral("--from") << iso(m_firstEvent) << QStringLiteral("--to")
              << iso(m_lastEvent + 1);
        else
            a << QStringLiteral("--as-of") << iso(m_asOf); // "now" would differ between two runs
        return a;
    }

private Q_SLOTS:
    void initTestCase();
    void sameSeedSameSample_data();
    void sameSeedSameSample();
    void wholePopulationWhenSizeExceedsIt_data();
    void wholePopulationWhenSizeExceedsIt();
    void enginesDrawTheSameSample();
    void badArgumentsExit2_data();
    void badArgumentsExit2();
};

void TestSampling::initTestCase()
{
    m_sqlite = test::openSqlite(m_dir);
    QVERIFY(m_sqlite);
    m_pg = test::openPostgresOrFail(QStringLiteral("sampling"));
    QVERIFY(m_pg);
    for (Database *d : {m_sqlite.get(), m_pg.get()}) {
        auto imported = FixtureImporter(*d).run(test::fixturesDir());
        QVERIFY2(imported, qPrintable(imported.errorMessage()));
    }
    m_asOf = Clock::nowSecs();
    auto org = m_sqlite->scalar(QStringLiteral("SELECT MIN(org_key) FROM openai_users"));
    QVERIFY(org);
    m_org = org->toString();
    QVERIFY(!m_org.isEmpty());
    auto first = m_sqlite->scalar(QStringLiteral("SELECT MIN(effective_at) FROM openai_audit_logs"));
    auto last = m_sqlite->scalar(QStringLiteral("SELECT MAX(effective_at) FROM openai_audit_logs"));
    QVERIFY(first && last);
    m_firstEvent = Database::timestampSecs(*first);
    m_lastEvent = Database::timestampSecs(*last);
    QVERIFY(m_firstEvent > 0 && m_lastEvent >= m_firstEvent);
}

void TestSampling::sameSeedSameSample_data()
{
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<QString>("population");
    for (bool pg : {false, true})
        for (const char *p : {"members", "keys", "service-accounts", "audit-events"})
            QTest::addRow("%s %s", pg ? "postgresql" : "sqlite", p) << pg << QString::fromLatin1(p);
}

void TestSampling::sameSeedSameSample()
{
    QFETCH(bool, postgres);
    QFETCH(QString, population);
    const QStringList ids = populationIds(db(postgres), population);
    QVERIFY2(ids.size() > 2 * kSampleSize, qPrintable(QString::number(ids.size())));
    const QStringList args =
        baseArgs(postgres, population) + QStringList{QStringLiteral("--size"), QString::number(kSampleSize)};
    const QStringList json = args + QStringList{QStringLiteral("--format"), QStringLiteral("json")};

    const Run a = runSample(json + QStringList{QStringLiteral("--seed"), kSeed});
    QVERIFY2(a.code == 0, qPrintable(a.err));
    const Run b = runSample(json + QStringList{QStringLiteral("--seed"), kSeed});
    QCOMPARE(b.code, 0);
    QCOMPARE(a.out, b.out); // byte for byte

    const QJsonObject doc = QJsonDocument::fromJson(a.out).object();
    const QJsonObject method = doc.value(QStringLiteral("method")).toObject();
    QStringList sampled, macs;
    for (const QJsonValue &v : doc.value(QStringLiteral("sample")).toArray()) {
        sampled << v[QStringLiteral("id")].toString();
        macs << v[QStringLiteral("hmac_sha256")].toString();
    }
    // Exactly the documented method over the stored population.
    QCOMPARE(sampled, expectedSample(ids, kSeed, kSampleSize));
    for (qsizetype i = 0; i < sampled.size(); ++i)
        QCOMPARE(macs[i], QString::fromLatin1(hmac(kSeed, sampled[i]).toHex()));
    for (const QString &id : sampled)
        QVERIFY2(ids.contains(id), qPrintable(id));
    QCOMPARE(method.value(QStringLiteral("population_size")).toInteger(), qint64(ids.size()));
    QCOMPARE(method.value(QStringLiteral("population_sha256")).toString(), idsSha256(ids));
    QCOMPARE(method.value(QStringLiteral("seed")).toString(), kSeed);
    QCOMPARE(method.value(QStringLiteral("size")).toInteger(), kSampleSize);
    QCOMPARE(method.value(QStringLiteral("whole_population")).toBool(), false);
    const QString statement = method.value(QStringLiteral("statement")).toString();
    for (const QString &s : {QStringLiteral("HMAC-SHA-256"), QStringLiteral("smallest"), kSeed,
                             idsSha256(ids), QString::number(ids.size())})
        QVERIFY2(statement.contains(s), qPrintable(statement));

    // CSV: the same rows on stdout, identical on a second run; the method on stderr.
    const QStringList csv = args + QStringList{QStringLiteral("--seed"), kSeed};
    const Run c1 = runSample(csv), c2 = runSample(csv);
    QVERIFY2(c1.code == 0, qPrintable(c1.err));
    QCOMPARE(c1.out, c2.out);
    const QList<QStringList> rows = test::parseCsv(QString::fromUtf8(c1.out));
    QCOMPARE(rows.size(), kSampleSize + 1);
    QCOMPARE(rows[0].mid(0, 3),
             QStringList({QStringLiteral("rank"), QStringLiteral("id"), QStringLiteral("hmac_sha256")}));
    QCOMPARE(column(rows.mid(1), 1), sampled);
    QCOMPARE(column(rows.mid(1), 0),
             QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                          QStringLiteral("5")}));
    QVERIFY2(c1.err.contains(QStringLiteral("HMAC-SHA-256")) && c1.err.contains(idsSha256(ids)) &&
                 c1.err.contains(kSeed),
             qPrintable(c1.err));

    // Another seed, another sample (of the same size, from the same population).
    const Run other = runSample(json + QStringList{QStringLiteral("--seed"), kOtherSeed});
    QCOMPARE(other.code, 0);
    QStringList otherIds;
    for (const QJsonValue &v :
         QJsonDocument::fromJson(other.out).object().value(QStringLiteral("sample")).toArray())
        otherIds << v[QStringLiteral("id")].toString();
    QCOMPARE(otherIds.size(), kSampleSize);
    QVERIFY(otherIds != sampled);
    QCOMPARE(otherIds, expectedSample(ids, kOtherSeed, kSampleSize));
}

void TestSampling::wholePopulationWhenSizeExceedsIt_data()
{
    test::addEngineRows();
}

void TestSampling::wholePopulationWhenSizeExceedsIt()
{
    QFETCH(bool, postgres);
    const QString population = QStringLiteral("service-accounts");
    const QStringList ids = populationIds(db(postgres), population);
    const qint64 size = ids.size() + kBeyondPopulation;
    const Run r =
        runSample(baseArgs(postgres, population) +
                  QStringList{QStringLiteral("--size"), QString::number(size), QStringLiteral("--seed"),
                              kSeed, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    const QJsonObject method = doc.value(QStringLiteral("method")).toObject();
    QCOMPARE(method.value(QStringLiteral("whole_population")).toBool(), true);
    QCOMPARE(method.value(QStringLiteral("size_requested")).toInteger(), size);
    QCOMPARE(method.value(QStringLiteral("size")).toInteger(), qint64(ids.size()));
    QVERIFY(
        method.value(QStringLiteral("statement")).toString().contains(QStringLiteral("whole population")));
    QStringList sampled;
    for (const QJsonValue &v : doc.value(QStringLiteral("sample")).toArray())
        sampled << v[QStringLiteral("id")].toString();
    QCOMPARE(sampled, expectedSample(ids, kSeed, size)); // all of them, in rank order
}

void TestSampling::enginesDrawTheSameSample()
{
    for (const QString &population : {QStringLiteral("members"), QStringLiteral("audit-events")}) {
        QList<QByteArray> samples;
        for (bool pg : {false, true}) {
            const Run r = runSample(baseArgs(pg, population) +
                                    QStringList{QStringLiteral("--size"), QString::number(kSampleSize),
                                                QStringLiteral("--seed"), kSeed, QStringLiteral("--format"),
                                                QStringLiteral("json")});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            samples << r.out;
        }
        QCOMPARE(samples[0], samples[1]);
    }
}

void TestSampling::badArgumentsExit2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString n = QStringLiteral("--size"), s = QStringLiteral("--seed"),
                  p = QStringLiteral("--population");
    const QString ok = QStringLiteral("3");
    QTest::newRow("no population") << QStringList{n, ok, s, kSeed}
                                   << QStringLiteral("--population is required");
    QTest::newRow("unknown population")
        << QStringList{p, QStringLiteral("users"), n, ok, s, kSeed}
        << QStringLiteral("'users' is not a population; use one of members, keys, "
                          "service-accounts, audit-events");
    QTest::newRow("no size") << QStringList{p, QStringLiteral("members"), s, kSeed}
                             << QStringLiteral("--size is required");
    QTest::newRow("size zero") << QStringList{p, QStringLiteral("members"), n, QStringLiteral("0"), s, kSeed}
                               << QStringLiteral("--size: '0' is not a whole number of 1 or more");
    QTest::newRow("size text") << QStringList{p,    QStringLiteral("members"), n, QStringLiteral("ten"), s,
                                              kSeed}
                               << QStringLiteral("--size: 'ten'");
    QTest::newRow("no seed") << QStringList{p, QStringLiteral("members"), n, ok}
                             << QStringLiteral("--seed is required");
    QTest::newRow("empty seed") << QStringList{p, QStringLiteral("members"), n, ok, s, QString()}
                                << QStringLiteral("--seed is required");
    QTest::newRow("bad format") << QStringList{p,
                                               QStringLiteral("members"),
                                               n,
                                               ok,
                                               s,
                                               kSeed,
                                               QStringLiteral("--format"),
                                               QStringLiteral("xml")}
                                << QStringLiteral("--format: 'xml' is not a format; use csv or json");
    QTest::newRow("period for members") << QStringList{p,
                                                       QStringLiteral("members"),
                                                       n,
                                                       ok,
                                                       s,
                                                       kSeed,
                                                       QStringLiteral("--from"),
                                                       QStringLiteral("2026-01-01")}
                                        << QStringLiteral("--from/--to choose audit events");
    QTest::newRow("instant for events") << QStringList{p,
                                                       QStringLiteral("audit-events"),
                                                       n,
                                                       ok,
                                                       s,
                                                       kSeed,
                                                       QStringLiteral("--as-of"),
                                                       QStringLiteral("now")}
                                        << QStringLiteral("--as-of applies to members");
    QTest::newRow("empty period") << QStringList{p,
                                                 QStringLiteral("audit-events"),
                                                 n,
                                                 ok,
                                                 s,
                                                 kSeed,
                                                 QStringLiteral("--from"),
                                                 QStringLiteral("2026-02-01"),
                                                 QStringLiteral("--to"),
                                                 QStringLiteral("2026-01-01")}
                                  << QStringLiteral("must be earlier than --to");
    QTest::newRow("bad instant") << QStringList{p,
                                                QStringLiteral("keys"),
                                                n,
                                                ok,
                                                s,
                                                kSeed,
                                                QStringLiteral("--as-of"),
                                                QStringLiteral("yesterdayish")}
                                 << QStringLiteral("--as-of: ");
    QTest::newRow("unknown org") << QStringList{p,
                                                QStringLiteral("keys"),
                                                n,
                                                ok,
                                                s,
                                                kSeed,
                                                QStringLiteral("--org"),
                                                QStringLiteral("no-such-org")}
                                 << QStringLiteral("--org: no organization 'no-such-org'");
    QTest::newRow("positional") << QStringList{p,     QStringLiteral("keys"), n, ok, s,
                                               kSeed, QStringLiteral("extra")}
                                << QStringLiteral("unexpected argument 'extra'");
}

void TestSampling::badArgumentsExit2()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = runSample(QStringList{QStringLiteral("--db"), m_sqlite->url().toString()} + args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestSampling)
#include "test_sampling.moc"
