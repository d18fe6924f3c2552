// The Budgets pane (issue #15) on the bundled fixture org (SQLite): budgets evaluated off the GUI thread,
// the banner for budgets past a threshold, first crossings recorded and announced once, the editor dialog
// refusing bad input (its own checks and the store's) without closing, a saved budget appearing, the
// controls hidden from a role that may not edit, no nested event loop; a screenshot of the pane and the
// dialog in ${build}/screenshots.
#include "core/clock.h"
#include "finance/budgetstore.h"
#include "models/budgetmodels.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"
#include "ui/budgetspane.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace orgward;

class TestBudgetsPane : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QString m_org, m_shots;
    qint64 m_capture = 0;

    void shoot(QWidget *w, const QString &name)
    {
        QApplication::processEvents();
        QVERIFY(w->grab().save(m_shots + u'/' + name + QStringLiteral(".png")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile f(test::fixturesDir() + QStringLiteral("/manifest.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_capture =
            QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("captured_at")).toInteger();
        m_db = test::openSqlite(m_dir);
        QVERIFY(m_db);
        Clock::freezeAt(m_capture + 3600);
        auto imported = FixtureImporter(*m_db).run(test::fixturesDir());
        Clock::reset();
        QVERIFY(imported);
        m_org = imported->orgKey;
        Budget tight;
        tight.name = QStringLiteral("Team monthly");
        tight.orgKey = m_org;
        tight.amount = *Decimal::parse(u"1200");
        tight.note = QStringLiteral("Set by finance in the November review");
        QVERIFY(BudgetStore(*m_db).save(tight));
        Budget roomy = tight;
        roomy.name = QStringLiteral("Quarter");
        roomy.period = BudgetPeriod::Quarter;
        roomy.amount = *Decimal::parse(u"10000");
        roomy.note.clear();
        QVERIFY(BudgetStore(*m_db).save(roomy));
        m_shots = QStringLiteral(ORGWARD_BINARY_DIR) + QStringLiteral("/screenshots");
        QDir().mkpath(m_shots);
    }

    void paneEvaluatesRecordsAndEdits()
    {
        test::NestedLoopGuard guard;
        BudgetsPane pane(*m_db);
        QAbstractItemModelTester t1(pane.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(pane.crossingsModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        pane.applyRole(ConsoleRole::Finance);
        pane.resize(1280, 720);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.setOrg(m_org, m_capture);
        QTRY_VERIFY(!pane.isBusy());
        QCOMPARE(pane.model()->rowCount(), 2);
        const int team = pane.model()->rowOf(QStringLiteral("Team monthly"));
        QVERIFY(team >= 0);
        // 1129.74 billed of 1200 in November: 70 and 85 crossed, 95 not.
        QCOMPARE(pane.model()->index(team, BudgetStatusModel::Crossed).data().toString(),
                 QStringLiteral("70%, 85%"));
        QVERIFY(!pane.banner()->isHidden());
        QVERIFY2(pane.banner()->text().contains(QLatin1String("Team monthly")),
                 qPrintable(pane.banner()->text()));
        QCOMPARE(pane.crossingsModel()->rowCount(), 0); // evaluated, not yet recorded

        QSignalSpy crossed(&pane, &BudgetsPane::crossed);
        pane.checkAndRecord();
        QTRY_COMPARE(crossed.size(), 1);
        const QStringList lines = crossed.first().first().toStringList();
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.first().startsWith(QLatin1String("Team monthly: ")), qPrintable(lines.first()));
        QTRY_VERIFY(!pane.isBusy());
        QCOMPARE(pane.crossingsModel()->rowCount(), 2);
        pane.checkAndRecord(); // nothing new: no second announcement
        QTRY_VERIFY(!pane.isBusy());
        QCOMPARE(crossed.size(), 1);
        pane.view()->selectRow(team);
        shoot(&pane, QStringLiteral("budgets-pane"));

        // The editor: its own checks, then the store's, without closing; then a budget that is saved.
        pane.newBudget();
        QTRY_VERIFY(pane.dialog() && pane.dialog()->isVisible());
        BudgetDialog *d = pane.dialog();
        d->nameEdit()->setText(QStringLiteral("Fraud scoring"));
        d->amountEdit()->setText(QStringLiteral("-5"));
        d->saveButton()->click();
        QVERIFY(d->errorLabel()->isVisible());
        QVERIFY2(d->errorLabel()->text().contains(QLatin1String("more than zero")),
                 qPrintable(d->errorLabel()->text()));
        d->amountEdit()->setText(QStringLiteral("150"));
        d->thresholdsEdit()->setText(QStringLiteral("95,85"));
        d->saveButton()->click();
        QVERIFY2(d->errorLabel()->text().contains(QLatin1String("ascending")),
                 qPrintable(d->errorLabel()->text()));
        d->thresholdsEdit()->setText(QStringLiteral("50,80,100"));
        d->scopeKind()->setCurrentIndex(d->scopeKind()->findData(int(BudgetScopeKind::Project)));
        d->scopeValue()->setCurrentIndex(
            d->scopeValue()->findData(QStringLiteral("proj_z5JtnEZglzXWfL370hAF1R19")));
        const auto currency = d->findChildren<QLineEdit *>();
        for (QLineEdit *e : currency)
            if (e->text() == u"USD") e->setText(QStringLiteral("EUR"));
        d->saveButton()->click();
        QTRY_VERIFY(!pane.isBusy());
        QVERIFY(d->isVisible()); // the store refused: the dialog stays with the reason
        QVERIFY2(d->errorLabel()->text().contains(QLatin1String("billed in USD, not EUR")),
                 qPrintable(d->errorLabel()->text()));
        shoot(d, QStringLiteral("budget-dialog"));
        for (QLineEdit *e : currency)
            if (e->text() == u"EUR") e->setText(QStringLiteral("USD"));
        d->saveButton()->click();
        QTRY_VERIFY(!pane.dialog());
        QTRY_VERIFY(!pane.isBusy());
        QCOMPARE(pane.model()->rowCount(), 3);
        const int fraud = pane.model()->rowOf(QStringLiteral("Fraud scoring"));
        QVERIFY(fraud >= 0);
        QCOMPARE(pane.model()->index(fraud, BudgetStatusModel::Scope).data().toString(),
                 QStringLiteral("project:proj_z5JtnEZglzXWfL370hAF1R19"));
        const auto stored = BudgetStore(*m_db).get(QStringLiteral("Fraud scoring"));
        QVERIFY(stored && *stored);
        QCOMPARE((*stored)->thresholds, (QList<int>{50, 80, 100}));
        QCOMPARE((*stored)->amount, *Decimal::parse(u"150"));

        // An auditor sees the same table and no controls.
        pane.applyRole(ConsoleRole::Auditor);
        for (const char *name : {"budgetsNew", "budgetsEdit", "budgetsRemove", "budgetsCheck"})
            QVERIFY2(pane.findChild<QPushButton *>(QString::fromLatin1(name))->isHidden(), name);
        QVERIFY2(guard.deepest() == 0, qPrintable(QStringLiteral("nested event loop: ") + guard.where()));
        QVERIFY(BudgetStore(*m_db).remove(QStringLiteral("Fraud scoring")));
    }
};

QTEST_MAIN(TestBudgetsPane)
#include "test_budgetspane.moc"
