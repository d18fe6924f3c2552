// The Organizations settings dialog lists profiles without ever showing a key, and tests a profile off
// the GUI thread: Test returns at once, the dialog stays responsive, the answer arrives later.
#include "fakeapiserver.h"
#include "security/orgprofiles.h"
#include "security/secretstore.h"
#include "ui/settings/orgprofilesdialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace orgward;

namespace {
const QString kKey = QStringLiteral("sk-admin-test");
constexpr int kAnswerDelayMs = 500; // the fake API's every answer: the test must outlast a click
} // namespace

class TestOrgProfilesDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<const FixtureOrg> m_org;

    // One profile "tested" pointing at `server`, its key in session memory.
    void saveTestedProfile(const test::FakeApiServer &server)
    {
        OrgProfiles::setSettingsPathForTesting(m_dir.filePath(QStringLiteral("tested.ini")));
        OrgProfile p;
        p.name = QStringLiteral("tested");
        p.apiBase = server.baseUrl();
        p.secretStore = SecretStoreRef::memory();
        QVERIFY(OrgProfiles::save(p).ok());
        QVERIFY(writeAdminKey(p, kKey).ok());
    }

    // Clicks Test; true when the click came back before any answer could have been shown. A click that
    // blocks (the old nested event loop) ends in a modal message box: the watchdog closes it, so the test
    // fails instead of hanging.
    static bool clickReturnsAtOnce(QPushButton *test, QLabel *status)
    {
        bool returned = false;
        QTimer watchdog;
        watchdog.setSingleShot(true);
        QObject::connect(&watchdog, &QTimer::timeout, &watchdog, [&returned] {
            if (QWidget *modal = QApplication::activeModalWidget(); modal && !returned) modal->close();
        });
        watchdog.start(kAnswerDelayMs * 8);
        test->click();
        returned = true;
        // Answers are posted to the GUI thread: none can have arrived unless the click ran an event loop.
        return !status->text().contains(QLatin1String("works")) &&
               !status->text().contains(QLatin1String("failed"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        GeneratorOptions o;
        o.users = 3;
        o.keys = 2;
        o.days = 1;
        m_org = std::make_shared<const FixtureOrg>(FixtureOrg::generate(o));
    }

    void listsProfiles()
    {
        QTemporaryDir dir;
        OrgProfiles::setSettingsPathForTesting(dir.filePath(QStringLiteral("profiles.ini")));
        for (const char *n : {"finance-prod", "default"}) {
            OrgProfile p;
            p.name = QString::fromLatin1(n);
            p.workload = normalizeWorkload(p.name);
            p.secretStore = SecretStoreRef::memory();
            QVERIFY(OrgProfiles::save(p).ok());
            QVERIFY(writeAdminKey(p, QStringLiteral("sk-admin-dialogdialog-") + p.name).ok());
        }
        ui::OrgProfilesDialog d;
        auto *list = d.findChild<QListWidget *>();
        QVERIFY(list);
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), QStringLiteral("default"));
        for (int i = 0; i < list->count(); ++i)
            QVERIFY(!list->item(i)->text().contains(QLatin1String("dialogdialog")));
        QVERIFY(list->item(1)->text().contains(QLatin1String("finance-prod")));
        QVERIFY(list->item(1)->text().contains(QLatin1String("session only")));
        const auto buttons = d.findChildren<QPushButton *>();
        const auto remove = std::find_if(buttons.cbegin(), buttons.cend(), [](QPushButton *b) {
            return b->text() == QLatin1String("&Remove");
        });
        QVERIFY(remove != buttons.cend());
        QVERIFY(!(*remove)->isEnabled());
        list->setCurrentRow(0);
        QVERIFY((*remove)->isEnabled());
    }

    void testRunsOffTheGuiThread()
    {
        test::FakeApiServer server(m_org, kKey);
        QVERIFY(server.start());
        server.setDelayMs(kAnswerDelayMs);
        saveTestedProfile(server);
        ui::OrgProfilesDialog d;
        d.show();
        auto *list = d.findChild<QListWidget *>();
        auto *test = d.findChild<QPushButton *>(QStringLiteral("test"));
        auto *status = d.findChild<QLabel *>(QStringLiteral("status"));
        QVERIFY(list && test && status);
        list->setCurrentRow(0);
        QVERIFY(test->isEnabled());

        QVERIFY2(clickReturnsAtOnce(test, status), qPrintable(status->text()));
        // The key arrives from its store, then the check starts: "Testing…" while it runs.
        QTRY_COMPARE(test->text(), QStringLiteral("Testing…"));
        QVERIFY(!test->isEnabled());
        QVERIFY2(status->text().contains(QLatin1String("Testing tested")), qPrintable(status->text()));
        // The GUI thread keeps serving events (the fake API lives on it) while the check runs.
        QTRY_VERIFY(server.requestCount() >= 1);
        QVERIFY(!test->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 20000);
        QCOMPARE(test->text(), QStringLiteral("&Test"));
        QVERIFY2(
            status->text().contains(QStringLiteral("✔ members and projects (api.management.read): works")),
            qPrintable(status->text()));
        QVERIFY2(status->text().contains(QStringLiteral("✔ usage and costs (api.usage.read): works")),
                 qPrintable(status->text()));
        QVERIFY(!status->text().contains(kKey));
    }

    void closingCancelsTheTest()
    {
        test::FakeApiServer server(m_org, kKey);
        QVERIFY(server.start());
        server.setHoldFrom(1); // the check waits until it is cancelled
        saveTestedProfile(server);
        QElapsedTimer t;
        {
            ui::OrgProfilesDialog d;
            d.show();
            d.findChild<QListWidget *>()->setCurrentRow(0);
            auto *test = d.findChild<QPushButton *>(QStringLiteral("test"));
            auto *status = d.findChild<QLabel *>(QStringLiteral("status"));
            QVERIFY(clickReturnsAtOnce(test, status));
            QTRY_COMPARE(server.requestCount(), 1);
            QVERIFY(!test->isEnabled());
            t.start();
            d.reject();
            QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QLatin1String("cancelled")),
                                      qPrintable(status->text()), 5000);
            QVERIFY(test->isEnabled());
            // Again, and this time the dialog goes while the request is held: its destructor joins.
            QVERIFY(clickReturnsAtOnce(test, status));
            QTRY_COMPARE(server.requestCount(), 2);
        }
        QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed()))); // not the 20 s timeout
    }
};

QTEST_MAIN(TestOrgProfilesDialog)
#include "test_orgprofilesdialog.moc"
