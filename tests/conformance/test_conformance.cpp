// Pages generated from the Admin API spec (gen_cases.py, run by the CTest fixture conformance_generate)
// through parsePage and through the fixture importer: what the schemas allow imports and leaves NULL
// where a value is missing; each missing required property fails naming its JSON path and leaves the
// database as it was.
#include "domain/pageparser.h"
#include "finance/costquery.h"
#include "store/syncstate.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>
#include <QtDebug>

using namespace orgward;

namespace {

constexpr qint64 kCapturedAt = 1795132800; // gen_cases.py CAPTURED_AT
constexpr int kMinimumCases = 300;         // a generator that silently produced little is a failure
constexpr int kMaxReported = 200;          // failures listed in one message

struct Case
{
    QString id;
    QString endpoint;
    QString request;
    bool ok = false;
    QString error;
    QJsonObject columns;
    QString rawContains;
    QString dir;
};

QString casesDir()
{
    const QString env = qEnvironmentVariable("ORGWARD_CONFORMANCE_CASES");
    return env.isEmpty() ? QStringLiteral(ORGWARD_BINARY_DIR "/conformance/cases") : env;
}

QList<Case> loadCases(QString *why)
{
    QFile f(QDir(casesDir()).filePath(QStringLiteral("index.json")));
    if (!f.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("%1: %2 (the CTest fixture conformance_generate writes it)")
                   .arg(f.fileName(), f.errorString());
        return {};
    }
    QList<Case> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll()).object().value(u"cases").toArray()) {
        const QJsonObject o = v.toObject();
        Case c;
        c.id = o.value(u"id").toString();
        c.endpoint = o.value(u"endpoint").toString();
        c.request = o.value(u"request").toString();
        c.ok = o.value(u"ok").toBool();
        c.error = o.value(u"error").toString();
        c.columns = o.value(u"columns").toObject();
        c.rawContains = o.value(u"raw_contains").toString();
        c.dir = QDir(casesDir()).filePath(c.id);
        out << c;
    }
    return out;
}

Result<EndpointRef> refOf(const Case &c)
{
    const QUrl url(QStringLiteral("http://fixture") + c.request.mid(4).trimmed());
    return EndpointRef::fromRequest(url.path(), QUrlQuery(url));
}

QByteArray pageOf(const Case &c)
{
    QFile f(QDir(c.dir).filePath(QStringLiteral("page.json")));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// One column's value against its expectation: "null", "nonnull", {"decimal": literal}, {"int": n},
// {"text": s}. Empty when it matches.
QString checkValue(const QString &column, const QVariant &v, const QJsonValue &expect, ColType type)
{
    const auto fail = [&](const QString &what) {
        return QStringLiteral("%1: expected %2, got %3")
            .arg(column, what, v.isNull() ? QStringLiteral("NULL") : v.toString());
    };
    if (expect.isString()) {
        const bool wantNull = expect.toString() == u"null";
        return v.isNull() == wantNull ? QString() : fail(expect.toString());
    }
    const QJsonObject o = expect.toObject();
    if (o.contains(u"decimal")) {
        const auto want = Decimal::parse(o.value(u"decimal").toString());
        const auto got = Decimal::parse(v.toString());
        if (!want) return QStringLiteral("%1: expectation is not a decimal").arg(column);
        return got && got->toString() == want->toString()
                   ? QString()
                   : fail(QStringLiteral("decimal ") + want->toString());
    }
    if (o.contains(u"int")) {
        const qint64 want = qint64(o.value(u"int").toDouble());
        const qint64 got = type == ColType::Timestamp && v.metaType().id() == QMetaType::QDateTime
                               ? Database::timestampSecs(v)
                               : v.toLongLong();
        return !v.isNull() && got == want ? QString() : fail(QString::number(want));
    }
    if (o.contains(u"text"))
        return v.toString() == o.value(u"text").toString() ? QString() : fail(o.value(u"text").toString());
    return QStringLiteral("%1: unknown expectation").arg(column);
}

QString checkRow(const TableSpec &spec, const Case &c, const std::function<QVariant(int)> &valueAt)
{
    QStringList problems;
    for (auto it = c.columns.begin(); it != c.columns.end(); ++it) {
        const int i = spec.indexOf(it.key());
        if (i < 0) {
            problems << QStringLiteral("%1: no such column in %2").arg(it.key(), spec.table);
            continue;
        }
        const QString p = checkValue(it.key(), valueAt(i), it.value(), spec.columns[i].type);
        if (!p.isEmpty()) problems << p;
    }
    return problems.join(QStringLiteral("; "));
}

// Every failure on its own line (QVERIFY2 truncates long messages), then a count for the verdict.
QString report(const QStringList &failures)
{
    for (const QString &f : failures.mid(0, kMaxReported))
        qWarning().noquote() << f;
    return QStringLiteral("%1 case(s) failed (listed above)").arg(failures.size());
}

QString checksumAll(Database &db, const QString &org)
{
    QStringList sums;
    for (const TableSpec *t : allSyncedTables())
        sums << test::tableChecksum(db, t->table, org);
    auto cursors =
        db.exec(QStringLiteral("SELECT endpoint, next_page, pass_id, version FROM openai_admin_cursors "
                               "WHERE org_key = ? ORDER BY endpoint"),
                {org});
    if (!cursors) return QStringLiteral("error: ") + cursors.errorMessage();
    while (cursors->next())
        sums << cursors->value(0).toString() + u'=' + cursors->value(1).toString() + u'/' +
                    cursors->value(2).toString() + u'/' + cursors->value(3).toString();
    return sums.join(u',');
}

// On PostgreSQL a sample: every variant kind of every endpoint, not each single-property page.
bool inSample(const Case &c)
{
    const QString variant = c.id.section(QStringLiteral("--"), 1);
    return !(variant.startsWith(QLatin1String("absent-")) &&
             !variant.startsWith(QLatin1String("absent-all")) &&
             !variant.contains(QLatin1String("amount"))) &&
           !(variant.startsWith(QLatin1String("null-")) && !variant.startsWith(QLatin1String("null-all")));
}

} // namespace

class TestConformance : public QObject
{
    Q_OBJECT
    QList<Case> m_cases;

private slots:
    void initTestCase()
    {
        QString why;
        m_cases = loadCases(&why);
        QVERIFY2(!m_cases.isEmpty(), qPrintable(why));
        QVERIFY2(m_cases.size() >= kMinimumCases, qPrintable(QString::number(m_cases.size())));
        int refused = 0;
        for (const Case &c : std::as_const(m_cases))
            refused += c.ok ? 0 : 1;
        QVERIFY2(refused > 0, "no required-property cases were generated");
    }

    // Every page through parsePage: accepted ones give the expected first row, refused ones the exact
    // "<JSON path>: required field is missing".
    void parsePages()
    {
        QStringList failures;
        for (const Case &c : std::as_const(m_cases)) {
            const auto ref = refOf(c);
            if (!ref) {
                failures << c.id + QStringLiteral(": request not understood: ") + ref.errorMessage();
                continue;
            }
            const auto page = parsePage(*ref, pageOf(c), kCapturedAt);
            if (!c.ok) {
                if (page)
                    failures << c.id + QStringLiteral(": accepted, expected \"") + c.error + u'"';
                else if (page.errorMessage() != c.error)
                    failures << c.id + QStringLiteral(": error \"%1\", expected \"%2\"")
                                           .arg(page.errorMessage(), c.error);
                continue;
            }
            if (!page) {
                failures << c.id + QStringLiteral(": refused: ") + page.errorMessage();
                continue;
            }
            if (page->rows.size() != 1) {
                failures << c.id + QStringLiteral(": %1 rows, expected 1").arg(page->rows.size());
                continue;
            }
            const Row &row = page->rows.first();
            const QString problems =
                checkRow(tableSpec(ref->kind), c, [&row](int i) { return row.values.value(i); });
            if (!problems.isEmpty()) failures << c.id + QStringLiteral(": ") + problems;
            if (!c.rawContains.isEmpty() && !row.raw.contains(c.rawContains.toUtf8()))
                failures << c.id + QStringLiteral(": raw lost the unknown property");
        }
        QVERIFY2(failures.isEmpty(), qPrintable(report(failures)));
    }

    void importPages_data() { test::addEngineRows(); }
    // Through the fixture importer into a database: what imports reads back NULL where the page had no
    // value (the console shows an empty cell), and a refused page changes nothing stored.
    void importPages()
    {
        QFETCH(bool, postgres);
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("orgward_conformance"));
        if (!db) return;
        FixtureImporter importer(*db);
        // A base org per endpoint, loaded from its full page: the refused pages are imported over it.
        QHash<QString, QString> baseOf;
        for (const Case &c : std::as_const(m_cases)) {
            if (!c.id.section(QStringLiteral("--"), 1).startsWith(QLatin1String("full-")) ||
                baseOf.contains(c.endpoint))
                continue;
            const QString org = QStringLiteral("base-") + c.endpoint;
            ImportOptions o;
            o.orgKey = org;
            const auto r = importer.run(c.dir, o);
            QVERIFY2(r, qPrintable(c.id + QStringLiteral(": ") + r.errorMessage()));
            baseOf.insert(c.endpoint, org);
        }
        QStringList failures;
        int n = 0;
        for (const Case &c : std::as_const(m_cases)) {
            if (postgres && !inSample(c)) continue;
            const auto ref = refOf(c);
            QVERIFY2(ref, qPrintable(c.id));
            ImportOptions o;
            if (!c.ok) {
                o.orgKey = baseOf.value(c.endpoint);
                const QString before = checksumAll(*db, o.orgKey);
                const auto r = importer.run(c.dir, o);
                if (r)
                    failures << c.id + QStringLiteral(": imported, expected a refusal");
                else if (!r.errorMessage().contains(c.error))
                    failures << c.id + QStringLiteral(": \"%1\" does not name \"%2\"")
                                           .arg(r.errorMessage(), c.error);
                if (checksumAll(*db, o.orgKey) != before)
                    failures << c.id + QStringLiteral(": the refused page changed the database");
                continue;
            }
            o.orgKey = QStringLiteral("case-%1").arg(++n);
            const auto r = importer.run(c.dir, o);
            if (!r) {
                failures << c.id + QStringLiteral(": import refused: ") + r.errorMessage();
                continue;
            }
            const TableSpec &spec = tableSpec(ref->kind);
            QStringList cols;
            for (const ColumnSpec &col : spec.columns)
                cols << col.name;
            auto q = db->exec(
                QStringLiteral("SELECT %1 FROM %2 WHERE org_key = ?").arg(cols.join(u','), spec.table),
                {o.orgKey});
            if (!q || !q->next()) {
                failures << c.id + QStringLiteral(": no stored row");
                continue;
            }
            const QString problems = checkRow(spec, c, [&q](int i) { return q->value(i); });
            while (q->next()) {
            }
            if (!problems.isEmpty()) failures << c.id + QStringLiteral(" (stored): ") + problems;
        }
        QVERIFY2(failures.isEmpty(), qPrintable(report(failures)));
    }

    void costsWithoutAmount_data() { test::addEngineRows(); }
    // A cost result without an amount imports with a NULL amount next to priced ones: the totals and the
    // stacked series sum what is priced and do not fail.
    void costsWithoutAmount()
    {
        QTemporaryDir dir;
        auto db = test::openEngine(dir, QStringLiteral("orgward_conformance_costs"));
        if (!db) return;
        FixtureImporter importer(*db);
        QStringList imported;
        int priced = 0;
        for (const Case &c : std::as_const(m_cases)) {
            if (c.endpoint != u"costs" || !c.ok) continue;
            const QString variant = c.id.section(QStringLiteral("--"), 1);
            if (!variant.startsWith(QLatin1String("full-")) && !variant.contains(QLatin1String("amount")))
                continue;
            ImportOptions o;
            o.orgKey = QStringLiteral("costs-%1").arg(imported.size());
            const auto r = importer.run(c.dir, o);
            QVERIFY2(r, qPrintable(c.id + QStringLiteral(": ") + r.errorMessage()));
            imported << o.orgKey;
            priced += c.columns.value(u"amount").toString() == u"nonnull" ? 1 : 0;
        }
        QVERIFY2(imported.size() >= 3, "expected the full page and pages without amount / amount.value");
        // All priced and unpriced rows in one org: move them under the first org key.
        for (const QString &org : imported.mid(1))
            QVERIFY(
                db->run(QStringLiteral("UPDATE openai_costs SET org_key = ?, id = id || ? WHERE org_key = ?"),
                        {imported.first(), QString(QStringLiteral("-") + org), org}));
        auto nulls = db->scalar(QStringLiteral("SELECT COUNT(*) FROM openai_costs WHERE amount IS NULL"));
        QVERIFY(nulls);
        QVERIFY2(nulls->toInt() >= 2, qPrintable(nulls->toString()));
        QString currency;
        const auto total = costTotal(*db, imported.first(), 0, kCapturedAt, &currency);
        QVERIFY2(total, qPrintable(total.errorMessage()));
        Decimal expected;
        for (int i = 0; i < priced; ++i)
            expected = expected + *Decimal::parse(u"1.25"); // gen_cases.py: every number is 1.25
        QCOMPARE(total->toString(), expected.toString());
        CostRequest request;
        request.orgKey = imported.first();
        request.from = 0;
        request.to = kCapturedAt;
        const auto series = queryCosts(*db, request);
        QVERIFY2(series, qPrintable(series.errorMessage()));
        QCOMPARE(series->total().toString(), total->toString());
    }
};

QTEST_GUILESS_MAIN(TestConformance)
#include "test_conformance.moc"
