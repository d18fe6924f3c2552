#pragma once
// Access reviews (issue #13): a person who went through an organization's changes between two instants
// marks them reviewed. The mark is a journal entry of kind "review" (journal.h), so it is as tamper-evident
// as the syncs it follows; "since the last review" ranges (the Changes pane's preset, `orgward diff --from
// last-review`) start at the newest mark's `at`.
#include "core/result.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace orgward {

class Database;

struct ReviewMark
{
    QString orgKey;
    qint64 seq = 0;  // the journal entry
    qint64 at = 0;   // when it was marked (the entry's at), Unix seconds
    QString actor;   // who marked it (the entry's actor)
    qint64 from = 0; // the range reviewed, Unix seconds
    qint64 to = 0;
    qint64 changes = 0;   // how many changes that range held
    QStringList entities; // the entities compared (historyEntities() names)
};

// Appends the review entry for orgKey (inside the caller's transaction, or its own). Payload:
// {"changes": n, "entities": [...], "from": "<UTC ISO 8601>", "to": "<UTC ISO 8601>"}.
Result<ReviewMark> markReviewed(Database &db, const QString &orgKey, qint64 from, qint64 to, qint64 changes,
                                const QStringList &entities);
// The newest review entry of orgKey; nullopt when none was marked.
Result<std::optional<ReviewMark>> lastReview(Database &db, const QString &orgKey);

} // namespace orgward
