#pragma once
// One category per subsystem; enable debug with QT_LOGGING_RULES="orgward.*.debug=true".
// Every message passes through the secret sanitizer (installed by installLogSanitizer()).
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcImport)
Q_DECLARE_LOGGING_CATEGORY(lcSecurity)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcFinance)

namespace orgward {
// Installs a Qt message handler that masks secrets in every log line before it is written.
void installLogSanitizer();
} // namespace orgward
