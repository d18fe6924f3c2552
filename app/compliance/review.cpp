#include "review.h"
#include "core/instant.h"

#include "journal.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace orgward {

namespace {

qint64 secsOf(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    return t.isValid() ? t.toSecsSinceEpoch() : 0;
}

Result<ReviewMark> markOf(const JournalEntry &e)
{
    QJsonParseError error;
    const QJsonObject p = QJsonDocument::fromJson(e.payload, &error).object();
    ReviewMark m{e.orgKey,
                 e.seq,
                 secsOf(e.at),
                 e.actor,
                 secsOf(p.value(QStringLiteral("from")).toString()),
                 secsOf(p.value(QStringLiteral("to")).toString()),
                 p.value(QStringLiteral("changes")).toInteger(),
                 {}};
    for (const QJsonValue &v : p.value(QStringLiteral("entities")).toArray())
        m.entities << v.toString();
    if (error.error != QJsonParseError::NoError || m.at == 0)
        return err(Error::Code::Database,
                   QStringLiteral("journal entry %1 is not a readable review mark").arg(e.seq));
    return m;
}

} // namespace

Result<ReviewMark> markReviewed(Database &db, const QString &orgKey, qint64 from, qint64 to, qint64 changes,
                                const QStringList &entities)
{
    if (orgKey.isEmpty())
        return err(Error::Code::Usage, QStringLiteral("a review concerns one organization"));
    if (from >= to)
        return err(Error::Code::Usage, QStringLiteral("the reviewed range must start before it ends"));
    const QJsonObject payload{{QStringLiteral("from"), formatInstant(from)},
                              {QStringLiteral("to"), formatInstant(to)},
                              {QStringLiteral("changes"), changes},
                              {QStringLiteral("entities"), QJsonArray::fromStringList(entities)}};
    auto entry = Journal(db).append(JournalKind::Review, orgKey, payload);
    if (!entry) return entry.error();
    return markOf(*entry);
}

Result<std::optional<ReviewMark>> lastReview(Database &db, const QString &orgKey)
{
    if (orgKey.isEmpty()) return std::optional<ReviewMark>(); // an empty filter would match every org
    JournalFilter f;
    f.kind = JournalKind::Review;
    f.orgKey = orgKey;
    f.limit = 1;
    f.newestFirst = true;
    auto entries = Journal(db).entries(f);
    if (!entries) return entries.error();
    if (entries->isEmpty()) return std::optional<ReviewMark>();
    auto mark = markOf(entries->first());
    if (!mark) return mark.error();
    return std::optional<ReviewMark>(*mark);
}

} // namespace orgward
