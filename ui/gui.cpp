#include "gui.h"

#include "connectdialog.h"
#include "core/sanitizer.h"
#include "mainwindow.h"
#include "security/dbprofiles.h"
#include "settings/orgprofilesdialog.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

namespace orgward::ui {

namespace {
const QLatin1String kProfilePrefix("profile:");
constexpr int kExitUsage = 2;
constexpr int kExitFailed = 1;

// Shows the masked message, then ends the event loop with code once the box is closed.
int failAtStart(QApplication &app, const QString &message, int code)
{
    QMessageBox *box = startupErrorBox(message);
    QObject::connect(box, &QMessageBox::finished, &app, [code] { QCoreApplication::exit(code); });
    return app.exec();
}
} // namespace

Result<StartupDatabase> startupDatabase(const QString &dbOption)
{
    QString text = dbOption;
    const bool fromEnv = text.isEmpty();
    if (fromEnv) text = qEnvironmentVariable("ORGWARD_DB");
    if (text.isEmpty()) return StartupDatabase{DatabaseUrl::sqlite(DatabaseUrl::defaultSqlitePath()), {}};
    if (text.startsWith(kProfilePrefix)) {
        auto url = DbProfiles::resolve(text.mid(kProfilePrefix.size())); // password from its store
        if (!url) return err(url.error().code, Sanitizer::mask(url.errorMessage()));
        return StartupDatabase{*url, {}};
    }
    const bool hasPassword = registerUrlPassword(text); // before any message can quote the URL
    auto url = DatabaseUrl::parse(text);
    if (!url) return err(url.error().code, Sanitizer::mask(url.errorMessage()));
    StartupDatabase out{*url, {}};
    if (hasPassword)
        out.warning =
            QObject::tr("The database URL from %1 includes a password that shows in the process list and "
                        "shell history. Use a connection profile instead (orgward db add NAME, then --db "
                        "profile:NAME): its password stays in the keychain.")
                .arg(fromEnv ? QStringLiteral("$ORGWARD_DB") : QStringLiteral("--db"));
    return out;
}

QMessageBox *startupErrorBox(const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Critical, QObject::tr("Orgward"), Sanitizer::mask(message));
    box->setObjectName(QStringLiteral("startupError"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

int runGui(QApplication &app)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QObject::tr("Orgward console. Run 'orgward --help' for the headless commands."));
    p.addVersionOption();
    p.addOption(
        {QStringLiteral("db"),
         QObject::tr("Database URL or profile:NAME (default: $ORGWARD_DB, else the user's data folder)"),
         QStringLiteral("url")});
    p.addOption(
        {QStringLiteral("read-only"), QObject::tr("Auditor mode: open the database strictly read-only")});
    p.addOption({QStringLiteral("org"), QObject::tr("Organization to show first"), QStringLiteral("key")});
    p.process(app);

    auto start = startupDatabase(p.value(QStringLiteral("db")));
    if (!start) return failAtStart(app, start.errorMessage(), kExitUsage);
    OpenOptions o;
    o.readOnly = p.isSet(QStringLiteral("read-only"));
    auto db = Database::open(start->url, o);
    if (!db)
        return failAtStart(app, QObject::tr("Cannot open the database.\n\n%1").arg(db.errorMessage()),
                           kExitFailed);
    MainWindow w(std::move(*db), p.value(QStringLiteral("org")));
    OrgProfilesDialog::installPassphraseDialog(&w); // vault passphrases (a sync's profile key) in a dialog
    w.setConnectionWarning(start->warning);
    w.show();
    return app.exec();
}

} // namespace orgward::ui
