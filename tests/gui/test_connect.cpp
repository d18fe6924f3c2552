// File → Connect…: the window switches its store in place (a SQLite file; the test PostgreSQL through a
// connection profile whose password sits in the secret store), and no password from a URL reaches any
// text the console shows.
#include "core/sanitizer.h"
#include "security/dbprofiles.h"
#include "security/secretstore.h"
#include "store/syncstate.h"
#include "testsupport/testsupport.h"
#include "ui/connectdialog.h"
#include "ui/consolepane.h"
#include "ui/gui.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTest>

using namespace orgward;

namespace {
const QString kSecret = QStringLiteral("hunter2-very-secret");

void addOrg(Database &db, const QString &key)
{
    QVERIFY(SyncState(db).ensureOrg({key, key, QString(), QStringLiteral("live"), 0}).ok());
}

// Every text the window and its dialogs show: status bar, labels, message boxes, title.
QStringList shownTexts(const QWidget &w)
{
    QStringList out{w.windowTitle()};
    for (const QWidget *top : QApplication::topLevelWidgets()) {
        out << top->windowTitle();
        for (const QLabel *l : top->findChildren<QLabel *>())
            out << l->text();
        if (auto *box = qobject_cast<const QMessageBox *>(top)) out << box->text() << box->informativeText();
    }
    return out;
}
} // namespace

class TestConnect : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_config.isValid());
        qputenv("ORGWARD_CONFIG_DIR", m_config.path().toUtf8()); // profiles.ini of this test only
    }

    void connectSwitchesTheStore()
    {
        QTemporaryDir dir;
        auto a = test::openSqlite(dir, QStringLiteral("a.db"));
        addOrg(*a, QStringLiteral("alpha"));
        {
            auto b = test::openSqlite(dir, QStringLiteral("b.db"));
            addOrg(*b, QStringLiteral("beta"));
        }
        MainWindow w(std::move(a), QString());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.currentOrg(), QStringLiteral("alpha"));

        test::NestedLoopGuard guard;
        QAction *connectAction = w.action(QStringLiteral("connect"));
        QVERIFY(connectAction);
        connectAction->trigger();
        ConnectDialog *dialog = w.connectDialog();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(!dialog->isModal());
        QVERIFY(dialog->select(ConnectDialog::Choice::SqliteFile));
        dialog->setSqlitePath(dir.filePath(QStringLiteral("b.db")));
        dialog->connectSelected();
        QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
        QCOMPARE(w.database().url().path, dir.filePath(QStringLiteral("b.db")));
        QCOMPARE(w.currentOrg(), QStringLiteral("beta"));
        QVERIFY(w.windowTitle().contains(QStringLiteral("b.db")));
        QVERIFY(!dialog->isVisible());
        // Every pane opens over the new store.
        for (int i = 0; i < MainWindow::PaneCount; ++i) {
            w.showPane(i);
            QTRY_VERIFY(!w.pane(i)->isBusy());
        }
        QVERIFY2(guard.deepest() == 0, qPrintable(guard.where()));
    }

    void connectThroughAPostgresProfile()
    {
        auto pg = test::openPostgresOrFail(QStringLiteral("test_connect"));
        if (!pg) return;
        addOrg(*pg, QStringLiteral("gamma"));
        const DatabaseUrl target = pg->url();
        pg.reset();
        DbProfile profile;
        profile.name = QStringLiteral("testpg");
        profile.host = target.host;
        profile.port = target.port;
        profile.database = target.database;
        profile.user = target.user;
        profile.sslmode = target.options.value(QStringLiteral("sslmode"), profile.sslmode);
        // The password sits in the keychain. The test cluster trusts local connections and ignores a
        // password it did not ask for, so one is made up when $ORGWARD_TEST_PG has none.
        const QString password =
            target.password.isEmpty() ? QStringLiteral("pg-profile-password-1234") : target.password;
        profile.secretStore = QStringLiteral("keychain");
        QVERIFY2(DbProfiles::save(profile).ok(), qPrintable(DbProfiles::save(profile).errorMessage()));
        auto store = SecretStores::forSpec(profile.secretStore);
        QVERIFY(store.ok());
        auto written = (*store)->write(dbPasswordSecretName(profile.name), password);
        QVERIFY2(written.ok(), qPrintable(written.errorMessage()));
        const auto cleanup = qScopeGuard([] { (void)DbProfiles::remove(QStringLiteral("testpg")); });

        QTemporaryDir dir;
        MainWindow w(test::openSqlite(dir), QString());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.action(QStringLiteral("connect"))->trigger();
        ConnectDialog *dialog = w.connectDialog();
        QVERIFY(dialog->select(ConnectDialog::Choice::Profile, QStringLiteral("testpg")));
        dialog->connectSelected();
        QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
        QVERIFY(w.database().isPostgres());
        QCOMPARE(w.database().url().database, target.database);
        QCOMPARE(w.database().url().password, password); // read from the keychain through the profile
        QCOMPARE(w.currentOrg(), QStringLiteral("gamma"));
        QVERIFY(w.windowTitle().contains(target.database));
        for (const QString &text : shownTexts(w))
            QVERIFY2(!text.contains(password), qPrintable(text));

        // The same profile from the command line: --db profile:NAME.
        auto start = ui::startupDatabase(QStringLiteral("profile:testpg"));
        QVERIFY2(start.ok(), qPrintable(start.errorMessage()));
        QCOMPARE(start->url.database, target.database);
        QCOMPARE(start->url.password, password);
        QVERIFY(start->warning.isEmpty());
    }

    void aPasswordInAUrlIsNeverShown_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("unknown scheme") << QStringLiteral("mysql://admin:%1@db.example/orgward").arg(kSecret);
        QTest::newRow("relative sqlite") << QStringLiteral("sqlite://admin:%1@db/x").arg(kSecret);
        QTest::newRow("space in password")
            << QStringLiteral("postgresql://admin:%1 x@db.example/orgward").arg(kSecret);
        QTest::newRow("bad option")
            << QStringLiteral("postgresql://admin:%1@db.example/orgward?bogus=1").arg(kSecret);
    }

    void aPasswordInAUrlIsNeverShown()
    {
        QFETCH(QString, url);
        Sanitizer::clearSecrets();
        auto start = ui::startupDatabase(url);
        QVERIFY(!start.ok());
        QVERIFY2(!start.errorMessage().contains(kSecret), qPrintable(start.errorMessage()));
        QMessageBox *box = ui::startupErrorBox(start.errorMessage());
        QVERIFY(box->isVisible());
        QVERIFY2(!box->text().contains(kSecret), qPrintable(box->text()));
        // Even given unmasked, the box masks (the password was registered while parsing).
        QMessageBox *raw = ui::startupErrorBox(QStringLiteral("cannot open %1").arg(url));
        QVERIFY2(!raw->text().contains(kSecret), qPrintable(raw->text()));
        box->close();
        raw->close();

        // Typed into File → Connect… → URL…: refused (use a profile), and masked.
        QTemporaryDir dir;
        MainWindow w(test::openSqlite(dir), QString());
        w.show();
        w.action(QStringLiteral("connect"))->trigger();
        ConnectDialog *dialog = w.connectDialog();
        QVERIFY(dialog->select(ConnectDialog::Choice::Url));
        dialog->setUrlText(url);
        dialog->connectSelected();
        QVERIFY(!dialog->errorText().isEmpty());
        QCOMPARE(w.database().url().path, dir.filePath(QStringLiteral("test.db"))); // unchanged
        for (const QString &text : shownTexts(w))
            QVERIFY2(!text.contains(kSecret), qPrintable(text));
    }

    void aPasswordOnTheCommandLineIsWarnedAbout()
    {
        Sanitizer::clearSecrets();
        const QString url = QStringLiteral("postgresql://admin:%1@127.0.0.1:5432/orgward").arg(kSecret);
        auto start = ui::startupDatabase(url);
        QVERIFY2(start.ok(), qPrintable(start.errorMessage()));
        QVERIFY(!start->warning.isEmpty());
        QVERIFY(!start->warning.contains(kSecret));
        qputenv("ORGWARD_DB", url.toUtf8());
        auto fromEnv = ui::startupDatabase(QString());
        qunsetenv("ORGWARD_DB");
        QVERIFY(fromEnv.ok());
        QVERIFY(fromEnv->warning.contains(QStringLiteral("ORGWARD_DB")));

        QTemporaryDir dir;
        MainWindow w(test::openSqlite(dir), QString());
        w.show();
        w.setConnectionWarning(start->warning);
        QCOMPARE(w.statusText(), start->warning);
        w.action(QStringLiteral("connect"))->trigger();
        QCOMPARE(w.connectDialog()->warningText(), start->warning);
        for (const QString &text : shownTexts(w))
            QVERIFY2(!text.contains(kSecret), qPrintable(text));
    }

private:
    QTemporaryDir m_config;
};

QTEST_MAIN(TestConnect)
#include "test_connect.moc"
