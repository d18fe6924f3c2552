#pragma once
// `orgward org test`: cheap calls that show whether a key works and which scopes it lacks, in plain words.
#include "orgprofiles.h"

namespace orgward {

struct OrgCheckLine
{
    QString what; // "members and projects (api.management.read)"
    bool ok = false;
    QString detail; // plain-words explanation
};

struct OrgCheck
{
    QList<OrgCheckLine> lines;
    bool authRefused = false; // the key itself is invalid/revoked
    bool allOk() const;
};

// Calls GET /organization/users?limit=1 and GET /organization/costs (last day, limit 1). Blocks on a local
// event loop; timeoutMs per request.
Result<OrgCheck> checkOrganization(const OrgProfile &profile, const QString &adminKey, int timeoutMs = 20000);
// The plain-words explanation of an API error body/status (exposed for tests).
QString explainApiRefusal(int httpStatus, const QString &apiMessage);

} // namespace orgward
