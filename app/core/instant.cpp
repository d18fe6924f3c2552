#include "instant.h"

#include "core/clock.h"

#include <QDateTime>
#include <QRegularExpression>

namespace orgward {

namespace {

constexpr qint64 kSecondsPerMinute = 60;
constexpr qint64 kSecondsPerHour = 60 * kSecondsPerMinute;

qint64 unitSeconds(QChar unit)
{
    switch (unit.unicode()) {
    case u'd':
        return kSecondsPerDay;
    case u'h':
        return kSecondsPerHour;
    default:
        return kSecondsPerMinute;
    }
}

} // namespace

Result<qint64> parseInstant(const QString &text, qint64 nowSecs)
{
    const QString t = text.trimmed();
    if (t == u"now") return nowSecs;
    static const QRegularExpression relative(QStringLiteral("^-(\\d{1,6})([dhm])$"));
    if (const auto m = relative.match(t); m.hasMatch())
        return nowSecs - m.captured(1).toLongLong() * unitSeconds(m.captured(2).at(0));
    if (const QDate d = QDate::fromString(t, Qt::ISODate); d.isValid() && t.size() == 10)
        return QDateTime(d, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (dt.isValid() && t.contains(u'T')) {
        // No zone given: UTC, never the machine's local time (reports must not depend on where they ran).
        if (dt.timeSpec() == Qt::LocalTime) dt.setTimeSpec(Qt::UTC);
        return dt.toSecsSinceEpoch();
    }
    return err(Error::Code::Usage,
               QStringLiteral("'%1' is not a point in time: use a date (2026-09-30), a date-time "
                              "(2026-09-30T17:00:00Z), 'now', or a relative form such as -30d, -12h, -90m")
                   .arg(text));
}

QString formatInstant(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

QString formatInstantOrEmpty(qint64 secs)
{
    return secs == 0 ? QString() : formatInstant(secs);
}

} // namespace orgward
