// The Organizations settings dialog lists profiles without ever showing a key.
#include "security/orgprofiles.h"
#include "security/secretstore.h"
#include "ui/settings/orgprofilesdialog.h"

#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace orgward;

class TestOrgProfilesDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsProfiles()
    {
        QTemporaryDir dir;
        OrgProfiles::setSettingsPathForTesting(dir.filePath(QStringLiteral("profiles.ini")));
        for (const char *n : {"finance-prod", "default"}) {
            OrgProfile p;
            p.name = QString::fromLatin1(n);
            p.workload = normalizeWorkload(p.name);
            p.secretStore = QStringLiteral("memory");
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
};

QTEST_MAIN(TestOrgProfilesDialog)
#include "test_orgprofilesdialog.moc"
