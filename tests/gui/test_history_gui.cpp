// Row history in the console (issue #13): an organization imported at T0 (the bundled fixtures) and again
// a week later at T1 (fixture revision 1: members removed, a role changed). The entity panes show it as of
// any instant ("as of" picker, banner, a message before the first observation) and the Changes pane lists
// what changed between two instants, exports it and opens each change in its pane as it was.
#include "compliance/history.h"
#include "core/clock.h"
#include "fixtures/generator.h"
#include "models/asofmodel.h"
#include "models/changesmodel.h"
#include "models/membersmodel.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"
#include "ui/accesspanes.h"
#include "ui/asofbar.h"
#include "ui/changespane.h"
#include "ui/entitypanes.h"
#include "ui/mainwindow.h"
#include "ui/tablepane.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDateTimeEdit>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace orgward;

namespace {
// Revision 0 is captured 2026-11-20T00:00Z (the generator's fixed time); Orgward observes it an hour later
// and revision 1 (captured a week later) a week after that. The clock stays frozen two days after T1, so
// the instants are in the past whatever the machine's clock says.
const qint64 kT0 = QDateTime(QDate(2026, 11, 20), QTime(1, 0), Qt::UTC).toSecsSinceEpoch();
const qint64 kT1 = kT0 + 7 * kSecondsPerDay;
const qint64 kNow = kT1 + 2 * kSecondsPerDay;

const QStringList kEntityTables{QStringLiteral("openai_users"),
                                QStringLiteral("openai_invites"),
                                QStringLiteral("openai_projects"),
                                QStringLiteral("openai_project_api_keys"),
                                QStringLiteral("openai_service_accounts"),
                                QStringLiteral("openai_certificates"),
                                QStringLiteral("openai_groups"),
                                QStringLiteral("openai_roles")};

// What the store held after each import, read from the live tables.
struct Expected
{
    QString org;
    QHash<QString, qint64> liveAt0, liveAt1; // rows not soft-deleted, per entity table
    qint64 allUsersAt1 = 0;                  // the live Members table (removed members shown muted)
    QStringList removedUsers;                // active at T0, removed at T1
    QString roleChangedUser, roleBefore, roleAfter;
    QHash<QString, QString> emailOf;
};

qint64 liveCount(Database &db, const QString &org, const QString &table)
{
    auto n = db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM %1 WHERE org_key = ? AND deleted_at IS NULL").arg(table), {org});
    return n ? n->toLongLong() : -1;
}

// id → (role, active) of every user.
QHash<QString, QPair<QString, bool>> users(Database &db, const QString &org, QHash<QString, QString> *emails)
{
    QHash<QString, QPair<QString, bool>> out;
    auto q = db.exec(
        QStringLiteral("SELECT id, role, deleted_at IS NULL, email FROM openai_users WHERE org_key = ?"),
        {org});
    while (q && q->next()) {
        out.insert(q->value(0).toString(), qMakePair(q->value(1).toString(), q->value(2).toBool()));
        emails->insert(q->value(0).toString(), q->value(3).toString());
    }
    return out;
}

// Imports revision 0 at T0 and revision 1 at T1 under a frozen clock, noting what each left live.
void buildHistory(Database &db, const QString &rev0, const QString &rev1, Expected *e)
{
    Clock::freezeAt(kT0);
    auto first = FixtureImporter(db).run(rev0);
    QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
    e->org = first->orgKey;
    for (const QString &t : kEntityTables)
        e->liveAt0.insert(t, liveCount(db, e->org, t));
    const auto before = users(db, e->org, &e->emailOf);

    Clock::freezeAt(kT1);
    auto second = FixtureImporter(db).run(rev1);
    QVERIFY2(second.ok(), qPrintable(second.errorMessage()));
    QCOMPARE(second->orgKey, e->org);
    for (const QString &t : kEntityTables)
        e->liveAt1.insert(t, liveCount(db, e->org, t));
    const auto after = users(db, e->org, &e->emailOf);
    e->allUsersAt1 = after.size();
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const auto now = after.value(it.key());
        if (it->second && !now.second) e->removedUsers << it.key();
        if (it->second && now.second && it->first != now.first) {
            e->roleChangedUser = it.key();
            e->roleBefore = it->first;
            e->roleAfter = now.first;
        }
    }
    e->removedUsers.sort();
    Clock::freezeAt(kNow);
    QVERIFY(!e->removedUsers.isEmpty());
    QVERIFY(!e->roleChangedUser.isEmpty());
    QVERIFY(e->liveAt0.value(QStringLiteral("openai_users")) !=
            e->liveAt1.value(QStringLiteral("openai_users")));
}

// The change row (in the view's model) of rowKey of table; invalid when not shown.
QModelIndex changeRow(ChangesPane *pane, const QString &table, const QString &rowKey)
{
    const QAbstractItemModel *m = pane->view()->model();
    for (int g = 0; g < m->rowCount(); ++g) {
        const QModelIndex group = m->index(g, 0);
        if (group.data(ChangesModel::EntityTableRole).toString() != table) continue;
        for (int r = 0; r < m->rowCount(group); ++r) {
            const QModelIndex i = m->index(r, 0, group);
            if (i.data(ChangesModel::RowKeyRole).toString() == rowKey) return i;
        }
    }
    return {};
}
} // namespace

class TestHistoryGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void asOfModelsMatchTheLiveTables_data();
    void asOfModelsMatchTheLiveTables();
    void membersAsOf();
    void everyEntityPaneReadsAsOf();
    void changesPane();
    void cleanup();
    void cleanupTestCase();

private:
    void shoot(const QString &name);
    void openWindow();
    void setAsOf(TablePane *table, qint64 at); // through the picker, as a user would
    QTemporaryDir m_dir;
    QString m_rev0, m_rev1, m_shots;
    Expected m_e;
    MainWindow *m_window = nullptr;
    std::unique_ptr<test::NestedLoopGuard> m_guard;
};

void TestHistoryGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("orgward-test-history"));
    GeneratorOptions o; // the bundled org's options
    o.scale = 1;
    o.seed = 1;
    m_rev0 = test::fixturesDir();
    if (!QFileInfo::exists(m_rev0 + QStringLiteral("/manifest.json"))) {
        m_rev0 = m_dir.filePath(QStringLiteral("rev0"));
        auto w = FixtureGenerator(o).write(m_rev0);
        QVERIFY2(w.ok(), qPrintable(w.errorMessage()));
    }
    o.revision = 1;
    m_rev1 = m_dir.filePath(QStringLiteral("rev1"));
    auto w = FixtureGenerator(o).write(m_rev1);
    QVERIFY2(w.ok(), qPrintable(w.errorMessage()));
    m_shots = QStringLiteral(ORGWARD_BINARY_DIR) + QStringLiteral("/screenshots");
    QDir().mkpath(m_shots);
    m_guard = std::make_unique<test::NestedLoopGuard>();
}

void TestHistoryGui::cleanup()
{
    QVERIFY2(!m_guard || m_guard->deepest() == 0,
             qPrintable(QStringLiteral("nested event loop: ") + m_guard->where()));
}

void TestHistoryGui::cleanupTestCase()
{
    delete m_window;
    m_window = nullptr;
    Clock::reset();
}

void TestHistoryGui::shoot(const QString &name)
{
    QApplication::processEvents();
    const QString path = m_shots + u'/' + name + QStringLiteral(".png");
    QVERIFY2(m_window->grab().save(path), qPrintable(path));
}

void TestHistoryGui::asOfModelsMatchTheLiveTables_data()
{
    test::addEngineRows();
}

// Headless, on both engines: each as-of table holds, at each instant, the rows the live table held then.
void TestHistoryGui::asOfModelsMatchTheLiveTables()
{
    QFETCH(bool, postgres);
    QTemporaryDir dir;
    auto db = test::openEngine(dir, QStringLiteral("test_history_gui"));
    if (!db) return;
    Expected e;
    buildHistory(*db, m_rev0, m_rev1, &e);
    if (QTest::currentTestFailed()) return;
    using E = AsOfTableModel::Entity;
    for (E entity : {E::Members, E::Invites, E::Projects, E::ApiKeys, E::ServiceAccounts, E::Certificates,
                     E::Groups, E::Roles}) {
        AsOfTableModel m(*db, entity);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString table = AsOfTableModel::tableOf(entity);
        for (const auto &[at, live] : {std::pair{kT0 + 60, e.liveAt0}, std::pair{kT1 + 60, e.liveAt1}}) {
            m.setAsOf(at);
            m.setOrgKey(e.org);
            QVERIFY2(m.lastError().isEmpty(), qPrintable(table + u": " + m.lastError()));
            QCOMPARE(m.totalRows(), live.value(table));
            for (int c = 0; c < m.columnCount(); ++c) // every column reads (and sorts) on this engine
                m.sort(c, Qt::DescendingOrder);
            QVERIFY2(m.lastError().isEmpty(), qPrintable(table + u": " + m.lastError()));
        }
        m.setAsOf(kT0 - kSecondsPerDay); // before the first observation: nothing
        m.reload();
        QCOMPARE(m.totalRows(), 0);
    }
    // Values as the live table shows them: the changed member's role then and now, her date the same.
    AsOfTableModel asOf(*db, E::Members);
    MembersModel live(*db);
    for (SqlTableModel *m : {static_cast<SqlTableModel *>(&asOf), static_cast<SqlTableModel *>(&live)})
        m->setFilterText(e.emailOf.value(e.roleChangedUser));
    live.setOrgKey(e.org);
    QCOMPARE(live.rowCount(), 1);
    for (const auto &[at, role] : {std::pair{kT0 + 60, e.roleBefore}, std::pair{kT1 + 60, e.roleAfter}}) {
        asOf.setAsOf(at);
        asOf.setOrgKey(e.org);
        QCOMPARE(asOf.rowCount(), 1);
        QCOMPARE(asOf.index(0, 2).data().toString(), role);
        QCOMPARE(asOf.idAt(0), e.roleChangedUser);
        QCOMPARE(asOf.index(0, 3).data().toString(), live.index(0, MembersModel::Added).data().toString());
    }
    // The diff the Changes pane shows, computed on this engine.
    auto changes = diffBetween(*db, e.org, kT0, kT1 + 60);
    QVERIFY2(changes.ok(), qPrintable(changes.errorMessage()));
    ChangesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ChangesFilterModel proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setChanges(*changes);
    QCOMPARE(model.changeCount(), int(changes->size()));
    proxy.sort(ChangesModel::ObservedAt, Qt::DescendingOrder);
    // The member's id: her own row and the memberships removed with her (each row key holds the id).
    proxy.setFilterWords(e.removedUsers.first() + QStringLiteral(" REMOVED"));
    QVERIFY(proxy.shownChanges() >= 1);
    for (int g = 0; g < proxy.rowCount(); ++g)
        for (int r = 0; r < proxy.rowCount(proxy.index(g, 0)); ++r) {
            const QModelIndex i = proxy.index(r, 0, proxy.index(g, 0));
            QVERIFY(i.siblingAtColumn(ChangesModel::Id).data().toString().contains(e.removedUsers.first()));
            QCOMPARE(i.siblingAtColumn(ChangesModel::Change).data().toString(), QStringLiteral("removed"));
        }
    proxy.setFilterWords(QString());
    QCOMPARE(proxy.shownChanges(), model.changeCount());
    Clock::freezeAt(kNow);
    Q_UNUSED(postgres);
}

void TestHistoryGui::openWindow()
{
    auto db = test::openSqlite(m_dir, QStringLiteral("gui.db"));
    buildHistory(*db, m_rev0, m_rev1, &m_e);
    if (QTest::currentTestFailed()) return;
    m_window = new MainWindow(std::move(db), m_e.org);
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QCOMPARE(m_window->currentOrg(), m_e.org);
}

void TestHistoryGui::setAsOf(TablePane *table, qint64 at)
{
    auto *edit = table->findChild<QDateTimeEdit *>(QStringLiteral("asOfEdit"));
    QVERIFY(edit);
    QVERIFY(edit->isVisible());
    edit->setDateTime(QDateTime::fromSecsSinceEpoch(at)); // applied once editing pauses
    QTRY_VERIFY(table->isAsOf() || !table->noRecordText().isEmpty());
}

void TestHistoryGui::membersAsOf()
{
    openWindow();
    if (QTest::currentTestFailed()) return;
    m_window->showPane(MainWindow::Members);
    auto *pane = static_cast<MembersPane *>(m_window->pane(MainWindow::Members));
    TablePane *t = pane->members();
    QAbstractItemModelTester tester(t->asOfModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(!pane->isBusy());
    // Now: the live table, every member (removed ones muted), no banner.
    QVERIFY(!t->isAsOf());
    QCOMPARE(t->shownModel(), t->model());
    QCOMPARE(t->model()->totalRows(), m_e.allUsersAt1);
    QVERIFY(t->asOfBannerText().isEmpty());
    auto *details = pane->findChild<QTabWidget *>(QStringLiteral("memberDetails"));
    QVERIFY(details && details->isVisible());
    QVERIFY(t->findChild<QToolButton *>(QStringLiteral("asOfNow"))->isChecked());

    // As of T0 (an hour after the first import): revision 0's members.
    setAsOf(t, kT0 + 3600);
    QTRY_VERIFY(!pane->isBusy());
    QVERIFY(t->isAsOf());
    QCOMPARE(t->shownModel(), t->asOfModel());
    QCOMPARE(t->view()->model(), t->asOfModel());
    QVERIFY2(t->shownModel()->lastError().isEmpty(), qPrintable(t->shownModel()->lastError()));
    QCOMPARE(t->shownModel()->totalRows(), m_e.liveAt0.value(QStringLiteral("openai_users")));
    QVERIFY2(t->asOfBannerText().contains(AsOfController::instantText(kT0 + 3600)),
             qPrintable(t->asOfBannerText()));
    QVERIFY(t->asOfBannerText().contains(QStringLiteral("not the present")));
    QVERIFY(!details->isVisible()); // details are the present's
    QVERIFY(!t->findChild<QToolButton *>(QStringLiteral("asOfNow"))->isChecked());
    // One instant for the pane: the Invites tab is as of T0 too.
    QCOMPARE(pane->activeTable(), t);
    pane->showInvites(false);
    QTRY_VERIFY(!pane->isBusy());
    TablePane *invites = pane->activeTable();
    QVERIFY(invites->isAsOf());
    QCOMPARE(invites->shownModel()->totalRows(), m_e.liveAt0.value(QStringLiteral("openai_invites")));
    QCOMPARE(invites->findChild<QDateTimeEdit *>(QStringLiteral("asOfEdit"))->dateTime().toSecsSinceEpoch(),
             kT0 + 3600);
    pane->showMembers();
    // A member removed later is still there then.
    const QString removed = m_e.emailOf.value(m_e.removedUsers.first());
    t->filterEdit()->setText(removed);
    QTRY_COMPARE(t->shownModel()->filterText(), removed);
    QTRY_VERIFY(!pane->isBusy());
    QCOMPARE(t->shownModel()->totalRows(), 1);
    t->filterEdit()->clear();
    QTRY_VERIFY(t->shownModel()->filterText().isEmpty());
    QTRY_VERIFY(!pane->isBusy());
    shoot(QStringLiteral("history-members-as-of"));
    // File → Export table writes what is shown: the members as of T0.
    QSignalSpy exported(pane, &ConsolePane::csvExportFinished);
    pane->startCsvExport(m_dir.filePath(QStringLiteral("members-t0.csv")));
    QTRY_COMPARE(exported.count(), 1);
    QVERIFY2(exported[0][1].toString().isEmpty(), qPrintable(exported[0][1].toString()));
    QCOMPARE(exported[0][2].toLongLong(), m_e.liveAt0.value(QStringLiteral("openai_users")));

    // As of T1: revision 1's members (the removed ones gone).
    setAsOf(t, kT1 + 3600);
    QTRY_COMPARE(t->asOfModel()->asOf(), kT1 + 3600);
    QTRY_VERIFY(!pane->isBusy());
    QCOMPARE(t->shownModel()->totalRows(), m_e.liveAt1.value(QStringLiteral("openai_users")));

    // Before the first observation: a message, not an empty table.
    setAsOf(t, kT0 - kSecondsPerDay);
    QTRY_VERIFY(!t->noRecordText().isEmpty());
    QTRY_VERIFY(!pane->isBusy());
    QVERIFY2(t->noRecordText().contains(
                 QStringLiteral("no record of this organization before %1 (its first sync or import)")
                     .arg(AsOfController::instantText(kT0))),
             qPrintable(t->noRecordText()));
    QVERIFY(!t->view()->isVisible());
    QVERIFY(!t->asOfBannerText().isEmpty());
    shoot(QStringLiteral("history-members-no-record"));

    // Back to now: the live table again, as it was.
    QTest::mouseClick(t->findChild<QPushButton *>(QStringLiteral("asOfBackToNow")), Qt::LeftButton);
    QTRY_VERIFY(!t->isAsOf());
    QTRY_VERIFY(!pane->isBusy());
    QVERIFY(t->noRecordText().isEmpty());
    QVERIFY(t->asOfBannerText().isEmpty());
    QVERIFY(t->view()->isVisible());
    QVERIFY(details->isVisible());
    QCOMPARE(t->view()->model(), t->model());
    QCOMPARE(t->model()->totalRows(), m_e.allUsersAt1);
    QVERIFY(pane->asOf()->isLive());
    // A future instant is the present.
    pane->asOf()->setAt(kNow + kSecondsPerDay);
    QVERIFY(pane->asOf()->isLive());
}

void TestHistoryGui::everyEntityPaneReadsAsOf()
{
    if (!m_window) QSKIP("needs the window of membersAsOf");
    for (int i : {int(MainWindow::Members), int(MainWindow::Groups), int(MainWindow::Projects),
                  int(MainWindow::Keys), int(MainWindow::Certificates)}) {
        m_window->showPane(i);
        ConsolePane *p = m_window->pane(i);
        QTRY_VERIFY(!p->isBusy());
        const QList<TablePane *> tables = p->findChildren<TablePane *>();
        QVERIFY(!tables.isEmpty());
        for (TablePane *t : tables)
            QVERIFY2(t->findChild<QDateTimeEdit *>(QStringLiteral("asOfEdit")), qPrintable(t->title()));
        setAsOf(p->activeTable(), kT0 + 3600);
        QTRY_VERIFY(!p->isBusy());
        for (TablePane *t : tables) {
            QVERIFY2(t->isAsOf(), qPrintable(t->title()));
            QVERIFY2(t->shownModel()->lastError().isEmpty(), qPrintable(t->shownModel()->lastError()));
            auto *m = static_cast<AsOfTableModel *>(t->shownModel());
            QCOMPARE(m->totalRows(), m_e.liveAt0.value(m->table()));
        }
        if (i == MainWindow::Projects) shoot(QStringLiteral("history-projects-as-of"));
        QTest::mouseClick(p->activeTable()->findChild<QPushButton *>(QStringLiteral("asOfBackToNow")),
                          Qt::LeftButton);
        QTRY_VERIFY(!p->activeTable()->isAsOf());
        QTRY_VERIFY(!p->isBusy());
    }
}

void TestHistoryGui::changesPane()
{
    if (!m_window) QSKIP("needs the window of membersAsOf");
    m_window->showPane(MainWindow::Changes);
    auto *pane = static_cast<ChangesPane *>(m_window->pane(MainWindow::Changes));
    QAbstractItemModelTester tester(pane->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(pane->filterModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(!pane->isBusy());
    // The default: the last 7 days, which hold the second import.
    QCOMPARE(pane->to(), kNow);
    QCOMPARE(pane->from(), kNow - 7 * kSecondsPerDay);
    QVERIFY2(pane->model()->changeCount() > 0, qPrintable(pane->statusText()));
    // Since the first observation: from T0.
    auto *sinceFirst = pane->findChild<QPushButton *>(QStringLiteral("changesSinceFirst"));
    QTRY_VERIFY(sinceFirst->isEnabled());
    QTest::mouseClick(sinceFirst, Qt::LeftButton);
    QCOMPARE(pane->from(), kT0);
    QTRY_VERIFY(!pane->isBusy());

    // Between T0 and T1 through the edits: the removed members and the changed role.
    pane->findChild<QDateTimeEdit *>(QStringLiteral("changesFrom"))
        ->setDateTime(QDateTime::fromSecsSinceEpoch(kT0));
    pane->findChild<QDateTimeEdit *>(QStringLiteral("changesTo"))
        ->setDateTime(QDateTime::fromSecsSinceEpoch(kT1 + 60));
    QTRY_COMPARE(pane->to(), kT1 + 60);
    QTRY_VERIFY(!pane->isBusy());
    QCOMPARE(pane->from(), kT0);
    QVERIFY2(pane->statusText().contains(
                 QStringLiteral("between %1 and %2")
                     .arg(AsOfController::instantText(kT0), AsOfController::instantText(kT1 + 60))),
             qPrintable(pane->statusText()));
    const QString users = QStringLiteral("openai_users");
    for (const QString &id : std::as_const(m_e.removedUsers)) {
        const QModelIndex row = changeRow(pane, users, id);
        QVERIFY2(row.isValid(), qPrintable(id));
        QCOMPARE(row.siblingAtColumn(ChangesModel::Change).data().toString(), QStringLiteral("removed"));
        QCOMPARE(row.siblingAtColumn(ChangesModel::ObservedAt).data().toString(),
                 AsOfController::instantText(kT1));
        // The audit log's user.deleted event explains it.
        QVERIFY(!row.siblingAtColumn(ChangesModel::Evidence).data().toString().isEmpty());
        QVERIFY(!row.siblingAtColumn(ChangesModel::HappenedAt).data().toString().isEmpty());
    }
    const QModelIndex changed = changeRow(pane, users, m_e.roleChangedUser);
    QVERIFY(changed.isValid());
    QCOMPARE(changed.siblingAtColumn(ChangesModel::Change).data().toString(), QStringLiteral("changed"));
    const QString fields = changed.siblingAtColumn(ChangesModel::Fields).data().toString();
    QVERIFY2(fields.contains(QStringLiteral("role: %1 \u2192 %2").arg(m_e.roleBefore, m_e.roleAfter)),
             qPrintable(fields));
    // Grouped by entity: the Members group names its count.
    const QModelIndex group = changed.parent();
    QVERIFY(group.data().toString().startsWith(QStringLiteral("Members (")));
    shoot(QStringLiteral("history-changes"));

    // The filter keeps the rows holding every word.
    const QString words = m_e.removedUsers.first() + QStringLiteral(" removed");
    pane->filterEdit()->setText(words);
    QTRY_COMPARE(pane->filterModel()->filterWords(), words);
    const int shown = pane->filterModel()->shownChanges(); // her row and the memberships removed with her
    QVERIFY(shown >= 1 && shown < pane->model()->changeCount());
    QVERIFY(changeRow(pane, users, m_e.removedUsers.first()).isValid());
    QVERIFY(!changeRow(pane, users, m_e.roleChangedUser).isValid());
    shoot(QStringLiteral("history-changes-filtered"));

    // Export CSV: what is shown, written off the GUI thread.
    const QString path = m_dir.filePath(QStringLiteral("changes.csv"));
    QSignalSpy exported(pane, &ConsolePane::csvExportFinished);
    pane->startCsvExport(path);
    QTRY_COMPARE(exported.count(), 1);
    QVERIFY2(exported[0][1].toString().isEmpty(), qPrintable(exported[0][1].toString()));
    QCOMPARE(exported[0][2].toLongLong(), shown);
    QFile csv(path);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), shown + 1);
    QCOMPARE(lines[0], QStringLiteral("entity,name,id,change,fields,observed_at,happened_at,evidence"));
    // Groups in entity order: the member first.
    QVERIFY2(lines[1].startsWith(QStringLiteral("members,")) &&
                 lines[1].contains(u',' + m_e.removedUsers.first() + QStringLiteral(",removed,,") +
                                   QDateTime::fromSecsSinceEpoch(kT1, Qt::UTC).toString(Qt::ISODate)),
             qPrintable(lines[1]));
    QCOMPARE(csv.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    pane->filterEdit()->clear();
    QTRY_VERIFY(pane->filterModel()->filterWords().isEmpty());

    // Double-click a removed member: the Members pane as of the first instant, the member selected.
    auto dclick = [pane](const QModelIndex &i) {
        QVERIFY(i.isValid());
        pane->view()->scrollTo(i);
        const QPoint at = pane->view()->visualRect(i).center();
        // An item view takes a double click only after a press on the same item.
        QTest::mouseClick(pane->view()->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QTest::mouseDClick(pane->view()->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    };
    dclick(changeRow(pane, users, m_e.removedUsers.first()));
    auto *members = static_cast<MembersPane *>(m_window->pane(MainWindow::Members));
    QTRY_VERIFY(members->isVisible());
    QCOMPARE(members->asOf()->at(), kT0);
    QTRY_VERIFY(!members->isBusy());
    QVERIFY(members->members()->isAsOf());
    QTRY_COMPARE(members->members()->currentId(), m_e.removedUsers.first());
    // The changed role: as of the second instant.
    m_window->showPane(MainWindow::Changes);
    QTRY_VERIFY(pane->isVisible());
    dclick(changeRow(pane, users, m_e.roleChangedUser));
    QTRY_VERIFY(members->isVisible());
    QCOMPARE(members->asOf()->at(), kT1 + 60);
    QTRY_VERIFY(!members->isBusy());
    QTRY_COMPARE(members->members()->currentId(), m_e.roleChangedUser);
    const int row = members->members()->view()->currentIndex().row();
    QCOMPARE(members->members()->shownModel()->index(row, 2).data().toString(), m_e.roleAfter);
    members->asOf()->setLive();
    QTRY_VERIFY(!members->isBusy());
}

QTEST_MAIN(TestHistoryGui)
#include "test_history_gui.moc"
