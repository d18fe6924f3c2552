#pragma once
// Injectable clock: everything that asks "what time is it" asks this, so tests can freeze time and the
// console can evaluate an offline snapshot "as of" the moment it was captured.
#include <QDateTime>
#include <functional>

namespace orgward {

// Every day is this long in Unix time (no leap seconds); buckets, windows and ages count in it.
inline constexpr qint64 kSecondsPerDay = 24 * 60 * 60;

class Clock
{
public:
    static qint64 nowSecs();
    // Tests (and snapshot review) install a fixed or scripted time source; nullptr restores real time.
    static void setSource(std::function<qint64()> source);
    static void freezeAt(qint64 secs)
    {
        setSource([secs] { return secs; });
    }
    static void reset() { setSource(nullptr); }
};

} // namespace orgward
