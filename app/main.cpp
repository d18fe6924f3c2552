// The one orgward binary: no arguments opens the console; a subcommand runs headless.
#include "cli/cli.h"
#include "core/logging.h"
#include "ui/gui.h"

#include <QApplication>
#include <QCoreApplication>

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
    if (orgward::cli::isCliInvocation(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        return orgward::cli::run(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Orgward"));
    return orgward::ui::runGui(app);
}
