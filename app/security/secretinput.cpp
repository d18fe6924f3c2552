#include "secretinput.h"

#include "secretstore.h"

#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace orgward {

Result<QString> readSecretLine(const QString &prompt)
{
    const bool tty = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (tty) {
        std::fprintf(stderr, "%s", prompt.toLocal8Bit().constData());
        std::fflush(stderr);
        if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        }
    }
    std::string line;
    int ch = 0;
    while ((ch = std::fgetc(stdin)) != EOF && ch != '\n')
        line.push_back(char(ch));
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    QString s = QString::fromStdString(line).trimmed();
    std::fill(line.begin(), line.end(), '\0');
    if (s.isEmpty())
        return err(Error::Code::Usage,
                   QStringLiteral("nothing was read from standard input (%1)").arg(prompt.trimmed()));
    return s;
}

void installStdinPassphraseProvider()
{
    SecretStores::setPassphraseProvider([](const QString &path, bool creating) {
        auto first = readSecretLine(creating ? QStringLiteral("New passphrase for the vault %1: ").arg(path)
                                             : QStringLiteral("Passphrase for the vault %1: ").arg(path));
        if (!first || !creating || ::isatty(STDIN_FILENO) != 1) return first;
        auto again = readSecretLine(QStringLiteral("Repeat the passphrase: "));
        if (!again) return again;
        if (*again != *first)
            return Result<QString>(err(Error::Code::Usage, QStringLiteral("the passphrases differ")));
        return first;
    });
}

} // namespace orgward
