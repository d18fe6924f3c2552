#pragma once
// Headless subcommands of the one orgward binary (import, sync, report, …) for scripts and CI.
#include <QStringList>

namespace orgward::cli {

// True when argv asks for a subcommand, --help or --version rather than the GUI.
bool isCliInvocation(int argc, char **argv);
// True for subcommands that render PDFs: they run under an offscreen QGuiApplication, no display needed.
bool needsGuiApplication(int argc, char **argv);
// Runs the subcommand in args (args[0] is the program). Needs a QCoreApplication.
int run(const QStringList &args);

} // namespace orgward::cli
