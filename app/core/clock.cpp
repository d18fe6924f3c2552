#include "clock.h"

#include <QMutex>

namespace orgward {

namespace {
QMutex g_lock;
std::function<qint64()> g_source;
} // namespace

qint64 Clock::nowSecs()
{
    QMutexLocker lock(&g_lock);
    if (g_source) return g_source();
    return QDateTime::currentSecsSinceEpoch();
}

void Clock::setSource(std::function<qint64()> source)
{
    QMutexLocker lock(&g_lock);
    g_source = std::move(source);
}

} // namespace orgward
