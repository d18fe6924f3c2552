// Two organizations in one database, switched in the window (issue #12): after choosing the other org in
// the toolbar's switcher, every entity pane counts that org's rows only, and switching back restores the
// first org's figures. Both orgs are fixture orgs imported into one SQLite file (the engines' isolation
// of stored rows is test_multiorg's).
#include "fixtures/fixtureorg.h"
#include "fixtures/generator.h"
#include "models/sqltablemodel.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"
#include "ui/consolepane.h"
#include "ui/mainwindow.h"
#include "ui/tablepane.h"

#include <QComboBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace orgward;

namespace {
constexpr quint32 kSecondSeed = 7;
constexpr int kSecondUsers = 25;
const QString kSecondKey = QStringLiteral("globex");

// The org's live rows of a table, as the panes' default presets show them.
qint64 liveRows(Database &db, const QString &table, const QString &org)
{
    auto v = db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM %1 WHERE org_key = ? AND deleted_at IS NULL").arg(table), {org});
    return v ? v->toLongLong() : -1;
}
} // namespace

class TestOrgSwitch : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // The pane's table total once its (asynchronous) reload for the current org has answered.
    static SqlTableModel *paneModel(MainWindow &w, int pane)
    {
        w.showPane(pane);
        TablePane *t = w.pane(pane)->activeTable();
        return t ? t->model() : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("orgward-test"));
    }

    void switchingOrgsShowsEachOrgOnly()
    {
        auto db = test::openSqlite(m_dir);
        QVERIFY(db);
        auto first = FixtureImporter(*db).run(test::fixturesDir());
        QVERIFY2(first, qPrintable(first.errorMessage()));
        GeneratorOptions o;
        o.seed = kSecondSeed;
        o.users = kSecondUsers; // counts the bundled org does not have
        const QString secondDir = m_dir.filePath(QStringLiteral("second"));
        auto written = FixtureGenerator(o).write(secondDir);
        QVERIFY2(written, qPrintable(written.errorMessage()));
        ImportOptions io;
        io.orgKey = kSecondKey;
        auto second = FixtureImporter(*db).run(secondDir, io);
        QVERIFY2(second, qPrintable(second.errorMessage()));

        struct Expect
        {
            int pane;
            const char *table;
        };
        const QList<Expect> panes{{MainWindow::Members, "openai_users"},
                                  {MainWindow::Groups, "openai_groups"},
                                  {MainWindow::Projects, "openai_projects"}};
        QMap<QString, QList<qint64>> want;
        for (const QString &org : {first->orgKey, kSecondKey})
            for (const Expect &e : panes)
                want[org] << liveRows(*db, QString::fromLatin1(e.table), org);
        QVERIFY(want[first->orgKey] != want[kSecondKey]); // two different orgs, or the test proves nothing

        MainWindow w(std::move(db), first->orgKey);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        test::NestedLoopGuard guard;
        auto *box = w.findChild<QComboBox *>();
        QVERIFY(box);
        QCOMPARE(box->count(), 2);
        for (const QString &org : {kSecondKey, first->orgKey, kSecondKey}) {
            box->setCurrentIndex(box->findData(org));
            QCOMPARE(w.currentOrg(), org);
            for (int i = 0; i < panes.size(); ++i) {
                SqlTableModel *m = paneModel(w, panes[i].pane);
                QVERIFY(m);
                QTRY_COMPARE(m->totalRows(), want[org][i]);
                QTRY_VERIFY(m->isIdle());
                QCOMPARE(m->totalRows(), want[org][i]);
            }
        }
    }
};

QTEST_MAIN(TestOrgSwitch)
#include "test_orgswitch.moc"
