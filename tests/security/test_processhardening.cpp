// Finding 11: a crash dump of Orgward must hold no key. hardenProcess() turns core files off and (Linux)
// makes the process non-dumpable, which also keeps other processes of the same user from attaching.
#include "core/processhardening.h"

#include <QtTest>

#include <sys/resource.h>
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

using namespace orgward;

class TestProcessHardening : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noCoreDumpsAndNotDumpable()
    {
#if defined(Q_OS_LINUX)
        QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1); // the default: this test must see a change
#endif
        auto s = hardenProcess();
        QVERIFY2(s.ok(), qPrintable(s.errorMessage()));
        rlimit core{};
        QCOMPARE(::getrlimit(RLIMIT_CORE, &core), 0);
        QCOMPARE(core.rlim_cur, rlim_t(0));
        QCOMPARE(core.rlim_max, rlim_t(0));
#if defined(Q_OS_LINUX)
        QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
#endif
        QVERIFY(hardenProcess().ok()); // idempotent
    }
};

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "test_processhardening.moc"
