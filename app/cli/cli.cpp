#include "cli.h"

#include "command.h"

#include <QCoreApplication>
#include <cstring>

namespace orgward::cli {

bool isCliInvocation(int argc, char **argv)
{
    if (argc < 2) return false;
    const char *a = argv[1];
    if (!std::strcmp(a, "--help") || !std::strcmp(a, "-h") || !std::strcmp(a, "--version") ||
        !std::strcmp(a, "-v") || !std::strcmp(a, "help"))
        return true;
    for (const Command &c : commands())
        if (!std::strcmp(a, c.name)) return true;
    return a[0] != '-'; // an unknown word: report it as an unknown command, do not open the GUI
}

bool needsGuiApplication(int argc, char **argv)
{
    // PDF rendering lays text out with QFont, which needs a QGuiApplication (on the offscreen platform).
    return argc >= 2 && (!std::strcmp(argv[1], "report") || !std::strcmp(argv[1], "evidence"));
}

namespace {
QString usage()
{
    QString s = QStringLiteral("Usage: orgward [--db URL] [--read-only]          open the console\n"
                               "       orgward <command> [options]            run headless\n\n"
                               "Commands:\n");
    for (const Command &c : commands())
        s += QStringLiteral("  %1%2\n")
                 .arg(QString::fromLatin1(c.name), -12)
                 .arg(QString::fromLatin1(c.summary));
    s += QStringLiteral(
        "\nRun 'orgward <command> --help' for a command's options.\n"
        "Exit codes: 0 ok, 1 failed, 2 usage, 3 partial sync, 4 key refused, 5 cancelled, 7 verification "
        "failed.\n");
    return s;
}
} // namespace

int run(const QStringList &args)
{
    QTextStream out(stdout), errs(stderr);
    const QString first = args.value(1);
    if (first == u"--version" || first == u"-v") {
        out << "orgward " << QCoreApplication::applicationVersion() << "\n";
        return ExitOk;
    }
    if (first == u"--help" || first == u"-h" || first == u"help") {
        out << usage();
        return ExitOk;
    }
    for (const Command &c : commands()) {
        if (first == QLatin1String(c.name)) {
            QStringList sub = args.mid(1);
            sub[0] = QStringLiteral("orgward ") + first;
            Context ctx{sub, out, errs};
            const int code = c.handler(ctx);
            out.flush();
            errs.flush();
            return code;
        }
    }
    errs << "orgward: unknown command '" << first << "'\n\n" << usage();
    return ExitUsage;
}

} // namespace orgward::cli
