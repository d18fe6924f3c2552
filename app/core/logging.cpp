#include "logging.h"

#include "core/sanitizer.h"

#include <QMutex>
#include <cstdio>

Q_LOGGING_CATEGORY(lcApi, "orgward.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "orgward.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "orgward.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcImport, "orgward.import", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecurity, "orgward.security", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "orgward.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFinance, "orgward.finance", QtInfoMsg)

namespace orgward {

namespace {
QtMessageHandler g_previous = nullptr;

void sanitizingHandler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    const QString clean = Sanitizer::mask(msg);
    if (g_previous) {
        g_previous(type, ctx, clean);
        return;
    }
    const QByteArray line = qFormatLogMessage(type, ctx, clean).toLocal8Bit();
    std::fprintf(stderr, "%s\n", line.constData());
}
} // namespace

void installLogSanitizer()
{
    static QMutex once;
    QMutexLocker lock(&once);
    static bool installed = false;
    if (installed) return;
    installed = true;
    qSetMessagePattern(QStringLiteral(
        "%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-category}%{category}: %{endif}%{type} %{message}"));
    g_previous = qInstallMessageHandler(sanitizingHandler);
}

} // namespace orgward
