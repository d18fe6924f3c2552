// The one orgward binary: no arguments opens the console; a subcommand runs headless.
#include "cli/cli.h"
#include "core/logging.h"
#include "core/memory.h"
#include "core/processhardening.h"
#include "ui/gui.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {
void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Orgward"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("orgward.invalid"));
    QCoreApplication::setApplicationName(QStringLiteral("orgward"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ORGWARD_VERSION));
}
} // namespace

int main(int argc, char **argv)
{
    orgward::installLogSanitizer();
    orgward::returnLargeBlocksToSystem();
    if (auto h = orgward::hardenProcess(); !h) qWarning("%s", qPrintable(h.errorMessage())); // no secret yet
    if (orgward::cli::needsGuiApplication(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        setIdentity();
        return orgward::cli::run(QCoreApplication::arguments());
    }
    if (orgward::cli::isCliInvocation(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        return orgward::cli::run(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    setIdentity();
    // Orgward's own strings (English plural forms at least), then Qt's for standard dialogs.
    QTranslator own, qt;
    if (own.load(QLocale(), QStringLiteral("orgward"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        own.load(QStringLiteral("orgward_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&own);
    if (qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);
    QApplication::setApplicationDisplayName(QStringLiteral("Orgward"));
    return orgward::ui::runGui(app);
}
