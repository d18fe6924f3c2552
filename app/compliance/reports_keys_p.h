#pragma once
// What the key-hygiene and service-account reports share (reports_keys.cpp, reports_serviceaccounts.cpp):
// one rule for a key's age and idleness, and the projects by id.
#include "compliance/report.h"

#include <QHash>
#include <QJsonObject>

namespace orgward {
class ReportSource;
}

namespace orgward::reports::keys {

// A key's age and use as of the report's instant.
struct KeyAge
{
    qint64 created = 0;
    qint64 lastUsed = 0; // 0: never used
    qint64 ageDays = 0;  // whole days since it was created
    bool unused = false; // no use for unusedDays or more (counted from its creation when never used)
    bool tooOld = false; // older than maxAgeDays (the rotation policy)
};
KeyAge keyAge(const QJsonObject &key, qint64 asOf, const ReportParams &p);

struct ProjectInfo
{
    QString name;
    QString status;
    bool archived = false;
};
// Projects as of the report's instant by id.
Result<QHash<QString, ProjectInfo>> projectsById(ReportSource &src);
QString projectLabel(const QHash<QString, ProjectInfo> &projects, const QString &id); // name, else id

} // namespace orgward::reports::keys
