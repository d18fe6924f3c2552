#include "processhardening.h"

#include <QtGlobal>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <cstring>
#include <sys/resource.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif
#if defined(Q_OS_WIN)
#include <windows.h>
#endif

namespace orgward {

namespace {
#if defined(Q_OS_UNIX)
Status noCoreFiles()
{
    const rlimit none{0, 0};
    if (::setrlimit(RLIMIT_CORE, &none) != 0)
        return err(Error::Code::Security,
                   QStringLiteral("cannot disable core dumps (setrlimit RLIMIT_CORE): %1")
                       .arg(QString::fromLocal8Bit(std::strerror(errno))));
    return {};
}
#endif
} // namespace

Status hardenProcess()
{
#if defined(Q_OS_UNIX)
    if (auto s = noCoreFiles(); !s) return s;
#endif
#if defined(Q_OS_LINUX)
    if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        return err(Error::Code::Security,
                   QStringLiteral("cannot mark the process non-dumpable (prctl PR_SET_DUMPABLE): %1")
                       .arg(QString::fromLocal8Bit(std::strerror(errno))));
#endif
#if defined(Q_OS_WIN)
    // No "program stopped working" dialog and no WER dump of this process's memory.
    ::SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
#endif
    return {};
}

} // namespace orgward
