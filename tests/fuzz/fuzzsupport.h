#pragma once
// Shared by the libFuzzer targets (fuzz_*.cpp) and their replay driver (replay_main.cpp, the normal
// build's CTest over tests/fuzz/seeds and tests/fuzz/regressions).
#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// An invariant of the code under test: a violation is a crash for libFuzzer (and a failed replay).
#define FUZZ_CHECK(cond, what)                                                                               \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d): %s\n", #cond, __FILE__, __LINE__,       \
                         QString(what).toLocal8Bit().constData());                                           \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)

namespace orgward::fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Qt logging from the code under test is noise at millions of executions a second; a QCoreApplication is
// needed by the targets that open a database.
inline void quietQt()
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
}

inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "orgward-fuzz";
    static char *argv[] = {name, nullptr};
    if (!QCoreApplication::instance()) new QCoreApplication(argc, argv); // lives for the process
}

} // namespace orgward::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
