#pragma once
// Reading secrets in the CLI: from standard input only (never arguments, which end up in shell history and
// `ps`). On a terminal the echo is turned off; piped input is read as one line.
#include "core/result.h"

namespace orgward {

Result<QString> readSecretLine(const QString &prompt);
// Installs a SecretStores passphrase provider that reads vault passphrases with readSecretLine().
void installStdinPassphraseProvider();

} // namespace orgward
