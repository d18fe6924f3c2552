#pragma once
// The organization as of any instant and what changed between two (issue #13), read from orgward_history
// (store/migration_v12_history.h). Two times are kept apart: observed_at is when Orgward saw a change (a
// sync or import), happened_at when the API says it happened (its created_at/added_at fields, or the
// audit-log event that explains it, correlated by object id and time). As-of reads use the versions valid
// at the instant; before an org's first observation nothing is known and the readers say so.
#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace orgward {

class Database;

// The versioned entities by their user-facing names ("members", "projects", "keys", …) and tables.
struct HistoryEntity
{
    QString name;  // members
    QString table; // openai_users
    QString label; // "Members"
};
const QList<HistoryEntity> &historyEntities();
std::optional<HistoryEntity> historyEntity(const QString &nameOrTable);

// The first and last instants Orgward observed anything of the org (0 when never).
struct ObservedSpan
{
    qint64 first = 0;
    qint64 last = 0;
};
Result<ObservedSpan> observedSpan(Database &db, const QString &orgKey);

struct EntityState
{
    QString rowKey;
    QJsonObject data; // every API column; timestamps as Unix seconds, booleans as booleans
    qint64 observedAt = 0;
};
// The rows of one entity as they were at `at` (removed rows excluded). Refuses an instant before the org's
// first observation with a sentence that says when that was.
Result<QList<EntityState>> statesAsOf(Database &db, const QString &orgKey, const HistoryEntity &entity,
                                      qint64 at);
// What an as-of answer rests on: row history holds the states Orgward observed, so the org "as of" an
// instant is as the last sync or import before it saw it. A change made between two observations shows
// from the later one; diffBetween() dates it by its audit event when there is one.
struct AsOfBasis
{
    qint64 observedAt = 0;     // the last sync or import started at or before the instant (0: none)
    QString source;            // "sync" or "import"
    qint64 nextObservedAt = 0; // the first one after the instant (0: none yet)
};
Result<AsOfBasis> asOfBasis(Database &db, const QString &orgKey, qint64 at);
QString describeAsOfBasis(const AsOfBasis &basis); // one sentence, UTC times

// Live row counts per entity as of `at`, in historyEntities() order.
Result<QList<QPair<HistoryEntity, qint64>>> countsAsOf(Database &db, const QString &orgKey, qint64 at);

enum class ChangeKind
{
    Added,
    Removed,
    Changed,
    Reappeared, // removed before `from`, present again at `to` (a member invited back keeps their id)
};
QString changeText(ChangeKind kind); // "added", "removed", "changed", "reappeared"

struct EntityChange
{
    HistoryEntity entity;
    QString id;   // the row key
    QString name; // name, email or id: what a person recognises
    ChangeKind change = ChangeKind::Changed;
    QList<std::tuple<QString, QJsonValue, QJsonValue>> fields; // field, old, new (Changed, Reappeared)
    qint64 observedAt = 0;                                     // when Orgward saw the new state
    QString observedBy;    // the sync run or import that saw it (openai_admin_sync_runs.id; empty: unknown)
    qint64 happenedAt = 0; // 0: unknown
    QString happenedFrom; // the evidence for happenedAt: "audit_log", "object" (its own time field), or empty
    QStringList evidence; // audit-log event ids
};

// Every entity added, removed or changed between `from` and `to` (from < to). Fields that are noise
// (historyNoiseColumns: a key's last use) are not listed. entities empty: all.
Result<QList<EntityChange>> diffBetween(Database &db, const QString &orgKey, qint64 from, qint64 to,
                                        const QList<HistoryEntity> &entities = {});

} // namespace orgward
