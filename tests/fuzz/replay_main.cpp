// Replays a fuzz target's checked-in inputs in the normal build (CTest): every file under each folder
// given on the command line goes through LLVMFuzzerTestOneInput once. A crash found by scripts/fuzz is
// saved under tests/fuzz/regressions/<target>/ and stays a test from then on.
#include "fuzzsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
    int replayed = 0;
    for (int i = 1; i < argc; ++i) {
        const QString root = QString::fromLocal8Bit(argv[i]);
        if (!QFileInfo(root).isDir()) continue; // a target without regressions yet
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.endsWith(QLatin1String(".md"))) continue;
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
                return 1;
            }
            const QByteArray input = f.readAll();
            std::fprintf(stderr, "replay %s (%lld bytes)\n", qPrintable(path),
                         static_cast<long long>(input.size()));
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()),
                                   size_t(input.size()));
            ++replayed;
        }
    }
    std::fprintf(stderr, "%d inputs replayed\n", replayed);
    return replayed > 0 ? 0 : 1; // no input at all means a wrong folder, not a pass
}
