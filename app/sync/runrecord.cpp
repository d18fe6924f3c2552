#include "runrecord.h"

#include "store/database.h"

namespace orgward {

Status finishRunJournaled(Database &db, const std::function<Status()> &finish, JournalKind kind,
                          const QString &orgKey, const QJsonObject &payload)
{
    if (auto r = db.begin(); !r) return r;
    auto fail = [&db](const Error &e) -> Status {
        db.rollback();
        return e;
    };
    if (auto r = finish(); !r) return fail(r.error());
    if (auto r = Journal(db).append(kind, orgKey, payload); !r) return fail(r.error());
    return db.commit();
}

} // namespace orgward
