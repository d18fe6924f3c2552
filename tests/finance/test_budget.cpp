// Budgets (issue #15): parsing and validation, exact threshold boundaries, periods, the store on both
// engines with the bundled fixture org (bad input refused and nothing changed, every change journaled),
// evaluation against independent SQL, a crossing recorded once across repeated evaluations and re-imports,
// the PostgreSQL grants (finance edits, auditor reads), and `orgward budget` exit codes.
#include "compliance/journal.h"
#include "compliance/reports.h"
#include "core/clock.h"
#include "finance/budgetcheck.h"
#include "finance/budgetstore.h"
#include "finance/budgetwebhook.h"
#include "security/tablesource.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace orgward;

namespace {

qint64 utc(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

Decimal dec(const char *text)
{
    return *Decimal::parse(QString::fromLatin1(text));
}

Budget monthly(const QString &name, const char *amount)
{
    Budget b;
    b.name = name;
    b.amount = dec(amount);
    return b;
}

struct Run
{
    int code = -1;
    QString out, err;
};

Run runOrgward(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(ORGWARD_BINARY_DIR "/bin/orgward"), args);
    if (!p.waitForFinished(120000)) return {};
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
               QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestBudget : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_sqlite, m_pg;
    QString m_org;
    qint64 m_capture = 0;

    Database &db()
    {
        QFETCH(bool, postgres);
        return postgres ? *m_pg : *m_sqlite;
    }

    Status importInto(Database &d)
    {
        Clock::freezeAt(m_capture + 3600);
        auto imported = FixtureImporter(d).run(test::fixturesDir());
        Clock::reset();
        if (!imported) return imported.error();
        m_org = imported->orgKey;
        return {};
    }

    // The billed total of [from, to) read straight from the organization-wide cost rows (group_by empty).
    Decimal billed(Database &d, qint64 from, qint64 to)
    {
        auto v =
            d.scalar(QStringLiteral("SELECT %1 FROM openai_costs WHERE org_key = ? AND group_by = '' AND "
                                    "bucket_start >= %2 AND bucket_start < %2")
                         .arg(d.sumDecimal(QStringLiteral("amount")), d.secsToTs(QStringLiteral("?"))),
                     {m_org, from, to});
        return v ? Decimal::parse(v->toString()).value_or(Decimal()) : Decimal();
    }

    qint64 journalCount(Database &d)
    {
        JournalFilter f;
        f.kind = JournalKind::BudgetChange;
        auto e = Journal(d).entries(f);
        return e ? e->size() : -1;
    }

    std::unique_ptr<Database> connectAs(const QString &user, const QString &group)
    {
        const QString sql =
            QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                           "'%1') THEN CREATE ROLE %1 LOGIN; END IF; END $$")
                .arg(user);
        if (!m_pg->run(sql) || !m_pg->run(QStringLiteral("GRANT %1 TO %2").arg(group, user))) return nullptr;
        DatabaseUrl u = m_pg->url();
        u.user = user;
        u.password.clear();
        auto db = Database::open(u);
        if (!db) qWarning("%s", qPrintable(db.errorMessage()));
        return db ? std::move(*db) : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile f(test::fixturesDir() + QStringLiteral("/manifest.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_capture =
            QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("captured_at")).toInteger();
        QCOMPARE(m_capture, utc(2026, 11, 20)); // the checks below name days of that November
        m_sqlite = test::openSqlite(m_dir);
        QVERIFY(m_sqlite);
        QVERIFY(importInto(*m_sqlite));
        m_pg = test::openPostgresOrFail(QStringLiteral("finance_budget"));
        QVERIFY(m_pg);
        QVERIFY(importInto(*m_pg));
    }

    void scopesParseAndRefuse()
    {
        QCOMPARE(BudgetScope::parse(QStringLiteral("org"))->kind, BudgetScopeKind::Org);
        const auto p = BudgetScope::parse(QStringLiteral("project:proj_1"));
        QCOMPARE(p->kind, BudgetScopeKind::Project);
        QCOMPARE(p->value, QStringLiteral("proj_1"));
        QCOMPARE(BudgetScope::parse(QStringLiteral("cost-centre:R&D"))->text(),
                 QStringLiteral("cost-centre:R&D"));
        QCOMPARE(BudgetScope::parse(QStringLiteral("workload:production"))->kind, BudgetScopeKind::Workload);
        const auto unknown = BudgetScope::parse(QStringLiteral("team:x"));
        QVERIFY(!unknown);
        QVERIFY2(unknown.errorMessage().contains(QLatin1String("'team:x' is not known")),
                 qPrintable(unknown.errorMessage()));
        const auto empty = BudgetScope::parse(QStringLiteral("project:"));
        QVERIFY(!empty);
        QVERIFY2(empty.errorMessage().contains(QLatin1String("name the project")),
                 qPrintable(empty.errorMessage()));
        QVERIFY(!BudgetScope::parse(QStringLiteral("Org")));
    }

    void thresholdsParseAndRefuse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("default") << "70,85,95"
                                 << "";
        QTest::newRow("bounds") << "1,200"
                                << "";
        QTest::newRow("spaces") << " 50 , 100 "
                                << "";
        QTest::newRow("zero") << "0,50"
                              << "'0' is not a whole percentage from 1 to 200";
        QTest::newRow("above") << "70,201"
                               << "'201' is not a whole percentage";
        QTest::newRow("fraction") << "70.5"
                                  << "'70.5' is not a whole percentage";
        QTest::newRow("unsorted") << "85,70"
                                  << "ascending order";
        QTest::newRow("repeat") << "70,70"
                                << "without repeats";
        QTest::newRow("empty") << ""
                               << "is not a whole percentage";
    }
    void thresholdsParseAndRefuse()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const auto t = parseThresholds(text);
        QCOMPARE(t.ok(), error.isEmpty());
        if (!t) QVERIFY2(t.errorMessage().contains(error), qPrintable(t.errorMessage()));
    }

    void thresholdBoundariesAreExact()
    {
        // Exactly 85 % crosses 85; one micro-dollar less does not.
        QVERIFY(thresholdCrossed(dec("85"), dec("100"), 85));
        QVERIFY(!thresholdCrossed(dec("84.999999"), dec("100"), 85));
        QCOMPARE(utilizationText(dec("85"), dec("100")), QStringLiteral("0.850000"));
        QCOMPARE(utilizationText(dec("84.999999"), dec("100")),
                 QStringLiteral("0.850000")); // rounded text only
        // Odd amounts: 1/3 of the budget is not 33 %, and 2/3 rounds up in the text.
        QVERIFY(!thresholdCrossed(dec("1"), dec("3"), 34));
        QVERIFY(thresholdCrossed(dec("1"), dec("3"), 33));
        QCOMPARE(utilizationText(dec("2"), dec("3")), QStringLiteral("0.666667"));
        QCOMPARE(utilizationText(dec("0.999999999"), dec("1")), QStringLiteral("1.000000"));
        // Past the budget (thresholds up to 200 %) and far past it.
        QVERIFY(thresholdCrossed(dec("2500"), dec("1250"), 200));
        QVERIFY(!thresholdCrossed(dec("2499.999999999999999999"), dec("1250"), 200));
        QVERIFY(thresholdCrossed(dec("99999999999999999999"), dec("0.000001"), 200));
        QCOMPARE(utilizationText(dec("2500"), dec("1250"), 2), QStringLiteral("2.00"));
    }

    void periodsAreCalendarUtc()
    {
        Budget b = monthly(QStringLiteral("p"), "1");
        const qint64 lastSecondOfYear = utc(2027, 1, 1) - 1;
        QCOMPARE(budgetPeriodAt(b, lastSecondOfYear).from, utc(2026, 12, 1));
        QCOMPARE(budgetPeriodAt(b, lastSecondOfYear).to, utc(2027, 1, 1));
        QCOMPARE(budgetPeriodAt(b, utc(2028, 2, 29)).to, utc(2028, 3, 1)); // leap February
        b.period = BudgetPeriod::Quarter;
        QCOMPARE(budgetPeriodAt(b, utc(2026, 11, 20)).from, utc(2026, 10, 1));
        QCOMPARE(budgetPeriodAt(b, utc(2026, 11, 20)).to, utc(2027, 1, 1));
        QCOMPARE(budgetPeriodAt(b, utc(2026, 3, 31)).from, utc(2026, 1, 1));
        b.period = BudgetPeriod::Year;
        QCOMPARE(budgetPeriodAt(b, utc(2026, 11, 20)).from, utc(2026, 1, 1));
        QCOMPARE(budgetPeriodAt(b, utc(2026, 11, 20)).to, utc(2027, 1, 1));
        b.period = BudgetPeriod::Custom;
        b.customFrom = utc(2026, 9, 15);
        b.customTo = utc(2026, 10, 15);
        QCOMPARE(budgetPeriodAt(b, utc(2026, 11, 20)).from, b.customFrom);
        QVERIFY(PeriodRange({1, 5}).overlaps({4, 9}));
        QVERIFY(!PeriodRange({1, 5}).overlaps({5, 9})); // [from, to): touching periods do not overlap
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("error");
        QTest::newRow("zero") << "amount=0"
                              << "must be more than zero";
        QTest::newRow("negative") << "amount=-5"
                                  << "must be more than zero";
        QTest::newRow("absurd") << "amount=2000000000000"
                                << "above one trillion";
        QTest::newRow("currency") << "currency=usd"
                                  << "not a three-letter ISO 4217 code";
        QTest::newRow("name") << "name="
                              << "budget name ''";
        QTest::newRow("name chars") << "name=a/b"
                                    << "budget name 'a/b'";
        QTest::newRow("custom backwards") << "custom"
                                          << "needs --from before --to";
        QTest::newRow("no thresholds") << "thresholds"
                                       << "at least one threshold";
    }
    void validationNamesTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, error);
        Budget b = monthly(QStringLiteral("Team budget"), "100");
        QVERIFY(validateBudget(b));
        const QString value = field.section(u'=', 1);
        if (field.startsWith(u"amount")) b.amount = *Decimal::parse(value);
        if (field.startsWith(u"currency")) b.currency = value;
        if (field.startsWith(u"name")) b.name = value;
        if (field == u"thresholds") b.thresholds.clear();
        if (field == u"custom") {
            b.period = BudgetPeriod::Custom;
            b.customFrom = utc(2026, 10, 1);
            b.customTo = b.customFrom;
        }
        const Status s = validateBudget(b);
        QVERIFY(!s);
        QVERIFY2(s.errorMessage().contains(error), qPrintable(s.errorMessage()));
    }

    void storeRefusesBadInputAndKeepsWhatIsStored_data() { test::addEngineRows(); }
    void storeRefusesBadInputAndKeepsWhatIsStored()
    {
        Database &d = db();
        BudgetStore store(d);
        Budget good = monthly(QStringLiteral("Refusals"), "1000");
        good.orgKey = m_org;
        good.note = QStringLiteral("kept as it is");
        QVERIFY(store.save(good));
        const qint64 journaled = journalCount(d);
        const auto refuse = [&](Budget b, const char *expected) {
            const Status s = store.save(b);
            QVERIFY2(!s && s.errorMessage().contains(QLatin1String(expected)), qPrintable(s.errorMessage()));
        };
        Budget b = good;
        b.currency = QStringLiteral("EUR");
        refuse(b, "is billed in USD, not EUR");
        b = good;
        b.orgKey = QStringLiteral("no-such-org");
        refuse(b, "organization 'no-such-org' is not in this database");
        b = good;
        b.scope = *BudgetScope::parse(QStringLiteral("project:proj_missing"));
        refuse(b, "there is no project 'proj_missing'");
        b = good;
        b.amount = dec("-1");
        refuse(b, "must be more than zero");
        // Two custom budgets of one scope may not overlap; a touching one may follow.
        Budget q4 = good;
        q4.name = QStringLiteral("Q4 special");
        q4.period = BudgetPeriod::Custom;
        q4.customFrom = utc(2026, 10, 1);
        q4.customTo = utc(2027, 1, 1);
        QVERIFY(store.save(q4));
        Budget overlap = q4;
        overlap.name = QStringLiteral("Winter");
        overlap.customFrom = utc(2026, 12, 15);
        overlap.customTo = utc(2027, 2, 1);
        refuse(overlap, "overlaps budget 'Q4 special'");
        overlap.customFrom = utc(2027, 1, 1);
        QVERIFY(store.save(overlap));

        const auto stored = store.get(good.name);
        QVERIFY(stored && *stored);
        QCOMPARE((*stored)->amount, good.amount);
        QCOMPARE((*stored)->currency, QStringLiteral("USD"));
        QCOMPARE((*stored)->note, good.note);
        QCOMPARE((*stored)->scope, BudgetScope{});
        QCOMPARE(journalCount(d), journaled + 2); // the two custom budgets, nothing for the refusals
        for (const QString &n : {good.name, q4.name, overlap.name})
            QVERIFY(store.remove(n));
        QCOMPARE(journalCount(d), journaled + 5);
        QCOMPARE(store.remove(good.name).error().code, Error::Code::NotFound);
    }

    void changesAreJournaledWithThePrevious_data() { test::addEngineRows(); }
    void changesAreJournaledWithThePrevious()
    {
        Database &d = db();
        BudgetStore store(d);
        Budget b = monthly(QStringLiteral("Journaled"), "250.50");
        b.orgKey = m_org;
        QVERIFY(store.save(b));
        b.amount = dec("300");
        b.thresholds = {50, 100};
        QVERIFY(store.save(b));
        JournalFilter f;
        f.kind = JournalKind::BudgetChange;
        f.newestFirst = true;
        f.limit = 1;
        auto last = Journal(d).entries(f);
        QVERIFY(last && last->size() == 1);
        const QJsonObject payload = QJsonDocument::fromJson(last->first().payload).object();
        QCOMPARE(payload.value(QLatin1String("action")).toString(), QStringLiteral("changed"));
        QCOMPARE(payload.value(QLatin1String("budget")).toObject().value(QLatin1String("amount")).toString(),
                 QStringLiteral("300"));
        QCOMPARE(
            payload.value(QLatin1String("previous")).toObject().value(QLatin1String("amount")).toString(),
            QStringLiteral("250.5"));
        QCOMPARE(
            payload.value(QLatin1String("budget")).toObject().value(QLatin1String("thresholds")).toString(),
            QStringLiteral("50,100"));
        QVERIFY(Journal(d).verify()->ok());
        QVERIFY(store.remove(b.name));
    }

    void evaluationUsesBilledSpendOfThePeriod_data() { test::addEngineRows(); }
    void evaluationUsesBilledSpendOfThePeriod()
    {
        Database &d = db();
        Budget b = monthly(QStringLiteral("November"), "5000");
        b.orgKey = m_org;
        auto st = evaluateBudget(d, b, CrossingRecord::ReadOnly);
        QVERIFY2(st, qPrintable(st.errorMessage()));
        QCOMPARE(st->asOf, m_capture); // the fixture org's own now, not the wall clock
        QCOMPARE(st->period.from, utc(2026, 11, 1));
        QCOMPARE(st->period.to, utc(2026, 12, 1));
        const Decimal spent = billed(d, utc(2026, 11, 1), m_capture);
        QVERIFY(spent > Decimal());
        QCOMPARE(st->spent, spent);
        QCOMPARE(st->currency, QStringLiteral("USD"));
        QVERIFY(st->crossed().isEmpty());
        QVERIFY(st->forecast.projectedTotal > spent); // eleven days are left to bill
        QVERIFY(st->forecast.low && st->forecast.high);
        QVERIFY(*st->forecast.low <= st->forecast.projectedTotal &&
                st->forecast.projectedTotal <= *st->forecast.high);
        // The quarter holds October too.
        b.period = BudgetPeriod::Quarter;
        st = evaluateBudget(d, b, CrossingRecord::ReadOnly);
        QCOMPARE(st->spent, billed(d, utc(2026, 10, 1), m_capture));
        // A project scope sums that project's costs only.
        b.period = BudgetPeriod::Month;
        b.scope = *BudgetScope::parse(QStringLiteral("project:proj_z5JtnEZglzXWfL370hAF1R19"));
        st = evaluateBudget(d, b, CrossingRecord::ReadOnly);
        auto project =
            d.scalar(QStringLiteral("SELECT %1 FROM openai_costs WHERE org_key = ? AND group_by = "
                                    "'project_id' AND project_id = ? AND bucket_start >= %2")
                         .arg(d.sumDecimal(QStringLiteral("amount")), d.secsToTs(QStringLiteral("?"))),
                     {m_org, b.scope.value, utc(2026, 11, 1)});
        QVERIFY(project);
        QCOMPARE(st->spent, *Decimal::parse(project->toString()));
        QVERIFY(st->spent < spent);
    }

    // Utilisation exactly 100 % crosses 100; a budget one micro-dollar larger does not.
    void crossingAtTheExactAmount_data() { test::addEngineRows(); }
    void crossingAtTheExactAmount()
    {
        Database &d = db();
        const Decimal spent = billed(d, utc(2026, 11, 1), m_capture);
        Budget b = monthly(QStringLiteral("Exact"), "1");
        b.orgKey = m_org;
        b.thresholds = {100};
        b.amount = spent;
        auto st = evaluateBudget(d, b, CrossingRecord::ReadOnly);
        QCOMPARE(st->crossed(), QList<int>{100});
        QCOMPARE(st->utilization, QStringLiteral("1.000000"));
        QCOMPARE(*st->thresholds.first().crossedOn, utc(2026, 11, 19)); // the last billed day completed it
        QVERIFY(!st->thresholds.first().isNew);                         // read-only: nothing recorded
        b.amount = spent + dec("0.000001");
        st = evaluateBudget(d, b, CrossingRecord::ReadOnly);
        QVERIFY(st->crossed().isEmpty());
    }

    void crossingDaysAndRecordedOnce_data() { test::addEngineRows(); }
    void crossingDaysAndRecordedOnce()
    {
        Database &d = db();
        BudgetStore store(d);
        // 70 % of this budget is reached on a day the test finds by summing the days itself.
        const Decimal spent = billed(d, utc(2026, 11, 1), m_capture);
        Budget b = monthly(QStringLiteral("Once"), "1");
        b.orgKey = m_org;
        b.amount = spent; // 100 % at the capture
        b.thresholds = {50, 70, 100, 150};
        QVERIFY(store.save(b));
        qint64 expected70 = 0;
        Decimal cumulative;
        for (qint64 day = utc(2026, 11, 1); day < m_capture && !expected70; day += 86400) {
            cumulative += billed(d, day, day + 86400);
            if (cumulative.raw() * 100 >= spent.raw() * 70) expected70 = day;
        }
        QVERIFY(expected70 > 0);

        auto first = evaluateBudgets(d, m_org, CrossingRecord::Record);
        QVERIFY2(first, qPrintable(first.errorMessage()));
        const BudgetStatus *st = nullptr;
        for (const BudgetStatus &s : std::as_const(*first))
            if (s.budget.name == b.name) st = &s;
        QVERIFY(st);
        QCOMPARE(st->crossed(), (QList<int>{50, 70, 100}));
        QCOMPARE(st->newlyCrossed(), (QList<int>{50, 70, 100}));
        QCOMPARE(*st->thresholds[1].crossedOn, expected70);
        QVERIFY(!st->thresholds[3].crossed);
        // Again, and after the organization is imported again (a sync): crossed, never new again.
        for (int round = 0; round < 2; ++round) {
            if (round == 1) QVERIFY(importInto(d));
            auto again = evaluateBudget(d, b, CrossingRecord::Record);
            QVERIFY2(again, qPrintable(again.errorMessage()));
            QCOMPARE(again->crossed(), (QList<int>{50, 70, 100}));
            QVERIFY(again->newlyCrossed().isEmpty());
        }
        QCOMPARE(d.scalar(QStringLiteral("SELECT COUNT(*) FROM orgward_budget_crossings WHERE budget = ?"),
                          {b.name})
                     ->toInt(),
                 3);
        // Raising the budget does not forget what was crossed in this period; removing it does.
        QVERIFY(store.remove(b.name));
        QCOMPARE(d.scalar(QStringLiteral("SELECT COUNT(*) FROM orgward_budget_crossings WHERE budget = ?"),
                          {b.name})
                     ->toInt(),
                 0);
    }

    // The budget-status report as of the capture: the same figures as the evaluation.
    void budgetStatusReport_data() { test::addEngineRows(); }
    void budgetStatusReport()
    {
        Database &d = db();
        Budget b = monthly(QStringLiteral("Reported"), "1000");
        b.orgKey = m_org;
        QVERIFY(BudgetStore(d).save(b));
        ReportParams p;
        p.orgKey = m_org;
        p.asOf = m_capture;
        auto r = buildReport(d, QStringLiteral("budget-status"), p);
        QVERIFY2(r, qPrintable(r.errorMessage()));
        const ReportTable &t = r->tables.first();
        QCOMPARE(t.rows.size(), 1);
        const Decimal spent = billed(d, utc(2026, 11, 1), m_capture);
        QCOMPARE(*Decimal::parse(t.rows[0].value(6).toString()), spent);
        QCOMPARE(t.rows[0].value(8).toString(), QStringLiteral("70,85,95")); // 1129.74 of 1000
        QCOMPARE(r->tables[1].rows.size(), 3);
        QVERIFY(BudgetStore(d).remove(b.name));
    }

    void allOrganizationsBudget_data() { test::addEngineRows(); }
    void allOrganizationsBudget()
    {
        Database &d = db();
        Budget b = monthly(QStringLiteral("Everything"), "100000");
        const Status saved = BudgetStore(d).save(b); // orgKey empty: every organization in the database
        QVERIFY2(saved, qPrintable(saved.errorMessage()));
        auto st = evaluateBudget(d, b, CrossingRecord::ReadOnly);
        QVERIFY(st);
        QCOMPARE(st->spent, billed(d, utc(2026, 11, 1), m_capture)); // one org here
        QVERIFY(BudgetStore(d).remove(b.name));
    }

    void postgresGrantsFinanceEditsAuditorReads()
    {
        auto finance = connectAs(QStringLiteral("t_owb_finance"), QStringLiteral("orgward_finance"));
        QVERIFY(finance);
        auto auditor = connectAs(QStringLiteral("t_owb_auditor"), QStringLiteral("orgward_auditor"));
        QVERIFY(auditor);
        Budget b = monthly(QStringLiteral("Finance owns it"), "10");
        b.orgKey = m_org;
        b.thresholds = {70};
        const Status saved = BudgetStore(*finance).save(b);
        QVERIFY2(saved, qPrintable(saved.errorMessage()));
        // Finance records the crossing (10 USD is long spent); the auditor sees it and cannot change it.
        auto st = evaluateBudget(*finance, b, CrossingRecord::Record);
        QVERIFY2(st, qPrintable(st.errorMessage()));
        QCOMPARE(st->newlyCrossed(), QList<int>{70});
        auto seen = BudgetStore(*auditor).get(b.name);
        QVERIFY(seen && *seen);
        QCOMPARE((*seen)->amount, dec("10"));
        Budget changed = b;
        changed.amount = dec("99999");
        const Status refused = BudgetStore(*auditor).save(changed);
        QVERIFY(!refused);
        QVERIFY2(refused.errorMessage().contains(QLatin1String("permission denied")),
                 qPrintable(refused.errorMessage()));
        QVERIFY(!BudgetStore(*auditor).remove(b.name));
        // The webhook URL is a secret: finance sets it, the auditor cannot read it.
        QVERIFY(
            BudgetStore(*finance).setWebhook(b.name, QStringLiteral("https://hooks.example.com/T0/B0/xyz")));
        const auto hidden = BudgetStore(*auditor).webhook(b.name);
        QVERIFY(!hidden);
        QVERIFY2(hidden.errorMessage().contains(QLatin1String("permission denied")),
                 qPrintable(hidden.errorMessage()));
        // The auditor reads costs and projects through the read-only views, as the console does.
        auto redirected = applyRoleSources(*auditor, ConsoleRole::Auditor);
        QVERIFY(redirected && *redirected);
        auto readOnly = evaluateBudget(*auditor, b, CrossingRecord::ReadOnly);
        QVERIFY2(readOnly, qPrintable(readOnly.errorMessage()));
        QCOMPARE(readOnly->crossed(), QList<int>{70});
        QCOMPARE((*BudgetStore(*m_pg).get(b.name))->amount, dec("10"));
        // The CLI as the auditor: reports the crossing (exit 6) without trying to record it.
        DatabaseUrl u = m_pg->url();
        u.user = QStringLiteral("t_owb_auditor");
        u.password.clear();
        const Run r = runOrgward({QStringLiteral("budget"), QStringLiteral("check"), QStringLiteral("--db"),
                                  u.toString(), QStringLiteral("--org"), m_org});
        QVERIFY2(r.code == 6, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QLatin1String("Finance owns it")));
        QVERIFY(BudgetStore(*finance).remove(b.name));
    }

    // The webhook against a local HTTP server: one POST per first crossing with the exact figures, none on
    // the next evaluation; retried after 503, given up after repeated 500s and not retried after 400; the
    // secret part of the URL never in a message; bad URLs refused with nothing stored.
    void webhookDeliveryAndFailures()
    {
        QHttpServer server;
        QList<QByteArray> bodies;
        QList<int> answers; // status to give each request in turn; 200 when exhausted
        server.route(QStringLiteral("/hook"), [&](const QHttpServerRequest &req) {
            bodies << req.body();
            const int status = answers.isEmpty() ? 200 : answers.takeFirst();
            return QHttpServerResponse(QByteArray("ok"), QHttpServerResponder::StatusCode(status));
        });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        const QString url = QStringLiteral("http://127.0.0.1:%1/hook?token=secret-token").arg(port);
        Database &d = *m_sqlite;
        BudgetStore store(d);
        Budget b = monthly(QStringLiteral("Hooked"), "1200");
        b.orgKey = m_org;
        QVERIFY(store.save(b));
        // Refusals first: nothing stored.
        for (const QString &bad :
             {QStringLiteral("http://example.com/p-secret"), QStringLiteral("ftp://127.0.0.1/p-secret"),
              QStringLiteral("https://user:pw@example.com/p-secret"), QStringLiteral("not a url p-secret")}) {
            const Status s = store.setWebhook(b.name, bad);
            QVERIFY2(!s && s.error().code == Error::Code::Usage, qPrintable(bad));
            QVERIFY2(!s.errorMessage().contains(QLatin1String("p-secret")), qPrintable(s.errorMessage()));
        }
        QCOMPARE(*store.webhook(b.name), QString());
        QVERIFY(store.setWebhook(b.name, url));
        QCOMPARE(*store.webhook(b.name), url);

        QStringList messages;
        static QStringList *sink = nullptr;
        sink = &messages;
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &m) { sink->append(m); });
        WebhookOptions fast;
        fast.firstDelayMs = 10;
        answers = {503, 503}; // the first threshold needs three attempts
        auto st = evaluateBudget(d, b, CrossingRecord::Record);
        QVERIFY(st);
        QCOMPARE(st->newlyCrossed(), (QList<int>{70, 85}));
        QList<WebhookDelivery> sent = deliverCrossingWebhooks(d, {*st}, fast);
        QCOMPARE(sent.size(), 2);
        QVERIFY(sent[0].result.delivered);
        QCOMPARE(sent[0].result.attempts, 3);
        QVERIFY(sent[1].result.delivered);
        QCOMPARE(sent[1].result.attempts, 1);
        QCOMPARE(sent[0].target, QStringLiteral("http://127.0.0.1:%1/…").arg(port));
        QCOMPARE(bodies.size(), 4);
        const QJsonObject first = QJsonDocument::fromJson(bodies.last()).object();
        QCOMPARE(first.value(QLatin1String("budget")).toString(), QStringLiteral("Hooked"));
        QCOMPARE(first.value(QLatin1String("threshold")).toInt(), 85);
        QCOMPARE(first.value(QLatin1String("spent")).toString(), st->spent.toString());
        QCOMPARE(first.value(QLatin1String("amount")).toString(), QStringLiteral("1200"));
        QVERIFY(
            first.value(QLatin1String("text")).toString().contains(QLatin1String("reached 85% of 1200 USD")));
        // Nothing new: nothing sent.
        st = evaluateBudget(d, b, CrossingRecord::Record);
        QVERIFY(deliverCrossingWebhooks(d, {*st}, fast).isEmpty());
        QCOMPARE(bodies.size(), 4);
        // A receiver that keeps failing: three attempts, then a warning; a 400 is not retried.
        ThresholdStatus t95{95, true, st->asOf, true};
        BudgetStatus fake = *st;
        fake.thresholds = {t95};
        answers = {500, 500, 500};
        sent = deliverCrossingWebhooks(d, {fake}, fast);
        QCOMPARE(sent.size(), 1);
        QVERIFY(!sent[0].result.delivered);
        QCOMPARE(sent[0].result.attempts, 3);
        QCOMPARE(sent[0].result.lastStatus, 500);
        answers = {400};
        sent = deliverCrossingWebhooks(d, {fake}, fast);
        QVERIFY(!sent[0].result.delivered);
        QCOMPARE(sent[0].result.attempts, 1);
        QCOMPARE(bodies.size(), 8);
        qInstallMessageHandler(previous);
        bool warned = false;
        for (const QString &m : std::as_const(messages)) {
            QVERIFY2(!m.contains(QLatin1String("secret-token")), qPrintable(m));
            warned = warned || m.contains(QLatin1String("budget Hooked: the webhook to http://127.0.0.1"));
        }
        QVERIFY(warned);
        QVERIFY(store.remove(b.name));
        QCOMPARE(*store.webhook(b.name), QString()); // removed with the budget
    }

    void commandLineExitCodes()
    {
        QTemporaryDir dir;
        const QString url = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("cli.db"));
        QCOMPARE(
            runOrgward({QStringLiteral("import"), test::fixturesDir(), QStringLiteral("--db"), url}).code, 0);
        const auto budget = [&](QStringList args) {
            return runOrgward(QStringList{QStringLiteral("budget")} + args +
                              QStringList{QStringLiteral("--db"), url});
        };
        Run r = budget({QStringLiteral("check")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("No budgets yet")));
        r = budget({QStringLiteral("set"), QStringLiteral("Monthly"), QStringLiteral("--amount"),
                    QStringLiteral("100000")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = budget({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(a.size(), 1);
        const QJsonObject o = a.first().toObject();
        for (const char *key : {"name", "scope", "period_start", "period_end", "amount", "currency", "spent",
                                "utilization", "crossed", "projected_spend", "projected_exhaustion"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QLatin1String("amount")).toString(), QStringLiteral("100000"));
        QCOMPARE(o.value(QLatin1String("period_start")).toString(), QStringLiteral("2026-11-01T00:00:00Z"));
        QVERIFY(Decimal::parse(o.value(QLatin1String("spent")).toString())); // money as exact decimal strings
        QVERIFY(o.value(QLatin1String("projected_exhaustion")).isNull());
        // Lowering the amount below the spend crosses every threshold: exit 6, in text and JSON.
        r = budget({QStringLiteral("set"), QStringLiteral("Monthly"), QStringLiteral("--amount"),
                    QStringLiteral("100")});
        QCOMPARE(r.code, 0);
        // The next import (as a sync would) records and announces each first crossing once.
        const QStringList import{QStringLiteral("import"), test::fixturesDir(), QStringLiteral("--db"), url};
        r = runOrgward(import);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        for (const char *t : {"70", "85", "95"})
            QVERIFY2(
                r.out.contains(QStringLiteral("Budget threshold crossed: Monthly reached %1% of 100 USD on ")
                                   .arg(QLatin1String(t))),
                qPrintable(r.out));
        r = runOrgward(import);
        QCOMPARE(r.code, 0);
        QVERIFY2(!r.out.contains(QLatin1String("Budget threshold crossed")), qPrintable(r.out));
        r = budget({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 6);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())
                     .array()
                     .first()
                     .toObject()
                     .value(QLatin1String("crossed"))
                     .toArray()
                     .size(),
                 3);
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8())
                    .array()
                    .first()
                    .toObject()
                    .value(QLatin1String("newly_crossed"))
                    .toArray()
                    .isEmpty());
        r = budget({QStringLiteral("check")});
        QCOMPARE(r.code, 6);
        QVERIFY2(r.out.contains(QLatin1String("CROSSED 70%, 85%, 95%")), qPrintable(r.out));
        // The same figures as Prometheus gauges.
        r = runOrgward({QStringLiteral("metrics"), QStringLiteral("--db"), url});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String(
                     "orgward_budget_threshold_crossed{budget=\"Monthly\",threshold=\"95\"} 1")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral(
                     "orgward_budget_utilization_ratio\\{budget=\"Monthly\"\\} 11\\.\\d{6}\n"))),
                 qPrintable(r.out));
        // Bad input: usage errors (exit 2), nothing changed.
        for (const QStringList &bad : {QStringList{QStringLiteral("set"), QStringLiteral("Monthly"),
                                                   QStringLiteral("--amount"), QStringLiteral("0")},
                                       QStringList{QStringLiteral("set"), QStringLiteral("Monthly"),
                                                   QStringLiteral("--thresholds"), QStringLiteral("95,85")},
                                       QStringList{QStringLiteral("set"), QStringLiteral("Monthly"),
                                                   QStringLiteral("--currency"), QStringLiteral("EUR")},
                                       QStringList{QStringLiteral("set"), QStringLiteral("Monthly"),
                                                   QStringLiteral("--scope"), QStringLiteral("team:x")},
                                       QStringList{QStringLiteral("set"), QStringLiteral("New one")},
                                       QStringList{QStringLiteral("remove"), QStringLiteral("No such")}}) {
            r = budget(bad);
            QVERIFY2(r.code == 2, qPrintable(bad.join(u' ') + u": " + r.err));
            QVERIFY2(!r.err.trimmed().isEmpty(), qPrintable(bad.join(u' ')));
        }
        r = budget({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value(QLatin1String("amount")).toString(), QStringLiteral("100"));
        QCOMPARE(list.first().toObject().value(QLatin1String("thresholds")).toString(),
                 QStringLiteral("70,85,95"));
        // A webhook from the command line: refused over plain http to another host (exit 2, nothing stored),
        // listed by its origin only.
        r = budget({QStringLiteral("set"), QStringLiteral("Monthly"), QStringLiteral("--webhook"),
                    QStringLiteral("http://hooks.example.com/T0/secret")});
        QVERIFY2(r.code == 2 && r.err.contains(QLatin1String("use https")), qPrintable(r.err));
        r = budget({QStringLiteral("set"), QStringLiteral("Monthly"), QStringLiteral("--webhook"),
                    QStringLiteral("https://hooks.example.com/T0/secret")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = budget({QStringLiteral("list")});
        QVERIFY2(r.out.contains(QStringLiteral("webhook https://hooks.example.com/…")), qPrintable(r.out));
        QVERIFY(!r.out.contains(QLatin1String("secret")));
        r = budget({QStringLiteral("remove"), QStringLiteral("Monthly")});
        QCOMPARE(r.code, 0);
        QCOMPARE(budget({QStringLiteral("check")}).code, 0);
    }
};

QTEST_GUILESS_MAIN(TestBudget)
#include "test_budget.moc"
