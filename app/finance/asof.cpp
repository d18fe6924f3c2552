#include "asof.h"

#include "core/clock.h"
#include "store/database.h"

#include <QDateTime>

namespace orgward {

qint64 orgNowSecs(Database &db, const QString &orgKey)
{
    auto q =
        db.exec(QStringLiteral("SELECT source, snapshot_at FROM organizations WHERE org_key = ?"), {orgKey});
    if (q && q->next() && q->value(0).toString() == u"fixtures" && !q->value(1).isNull())
        return Database::timestampSecs(q->value(1));
    return Clock::nowSecs();
}

bool isFixtureOrg(Database &db, const QString &orgKey)
{
    auto source = db.scalar(QStringLiteral("SELECT source FROM organizations WHERE org_key = ?"), {orgKey});
    return source && source->toString() == u"fixtures";
}

qint64 monthStartSecs(qint64 secs)
{
    const QDate d = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).date();
    return QDateTime(QDate(d.year(), d.month(), 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

qint64 previousMonthSamePoint(qint64 secs)
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
    const QDate prevFirst = QDate(now.date().year(), now.date().month(), 1).addMonths(-1);
    const int day = qMin(now.date().day(), prevFirst.daysInMonth());
    return QDateTime(QDate(prevFirst.year(), prevFirst.month(), day), now.time(), Qt::UTC).toSecsSinceEpoch();
}

} // namespace orgward
