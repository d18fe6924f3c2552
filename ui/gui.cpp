#include "gui.h"

#include "mainwindow.h"
#include "settings/orgprofilesdialog.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

namespace orgward::ui {

int runGui(QApplication &app)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QObject::tr("Orgward console. Run 'orgward --help' for the headless commands."));
    p.addVersionOption();
    p.addOption({QStringLiteral("db"),
                 QObject::tr("Database URL (default: $ORGWARD_DB, else the user's data folder)"),
                 QStringLiteral("url")});
    p.addOption(
        {QStringLiteral("read-only"), QObject::tr("Auditor mode: open the database strictly read-only")});
    p.addOption({QStringLiteral("org"), QObject::tr("Organization to show first"), QStringLiteral("key")});
    p.process(app);

    QString urlText = p.value(QStringLiteral("db"));
    if (urlText.isEmpty()) urlText = qEnvironmentVariable("ORGWARD_DB");
    auto url = urlText.isEmpty() ? Result<DatabaseUrl>(DatabaseUrl::sqlite(DatabaseUrl::defaultSqlitePath()))
                                 : DatabaseUrl::parse(urlText);
    if (!url) {
        QMessageBox::critical(nullptr, QObject::tr("Orgward"), url.errorMessage());
        return 2;
    }
    OpenOptions o;
    o.readOnly = p.isSet(QStringLiteral("read-only"));
    auto db = Database::open(*url, o);
    if (!db) {
        QMessageBox::critical(nullptr, QObject::tr("Orgward"),
                              QObject::tr("Cannot open the database.\n\n%1").arg(db.errorMessage()));
        return 1;
    }
    MainWindow w(std::move(*db), p.value(QStringLiteral("org")));
    OrgProfilesDialog::installPassphraseDialog(&w); // vault passphrases (a sync's profile key) in a dialog
    w.show();
    return app.exec();
}

} // namespace orgward::ui
