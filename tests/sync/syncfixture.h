#pragma once
// Shared set-up for the sync tests: a fixture org served by the local Admin API server, a fast client
// (no real back-off waits), and per-table checksums to compare databases.
#include "api/apiclient.h"
#include "fakeapiserver.h"
#include "sync/syncengine.h"
#include "testsupport/testsupport.h"

#include <QMap>
#include <QTest>

// Failure messages name the status, not its number.
namespace QTest {
template <> inline char *toString(const orgward::SyncStatus &s)
{
    return qstrdup(qPrintable(orgward::statusText(s)));
}
template <> inline char *toString(const orgward::EndpointStatus &s)
{
    return qstrdup(qPrintable(orgward::statusText(s)));
}
} // namespace QTest

namespace orgward::test {

inline ApiOptions fastApi(const QString &base)
{
    ApiOptions o;
    o.baseUrl = base;
    o.adminKey = QStringLiteral("sk-admin-test");
    o.requestsPerSecond = 10000;
    o.baseBackoffMs = 5;
    o.maxBackoffMs = 2000;
    o.timeoutMs = 5000;
    return o;
}

// A fault on requests whose path contains `path`: `times` of them after letting `skip` through.
inline Fault fault(Fault::Kind kind, const QString &path, int times, int skip = 0)
{
    Fault f;
    f.kind = kind;
    f.pathContains = path;
    f.times = times;
    f.skip = skip;
    return f;
}

inline SyncOptions syncOptions(const FixtureOrg &org)
{
    SyncOptions o;
    o.orgKey = org.orgKey();
    o.orgName = org.orgName();
    o.since = org.historyStart();
    return o;
}

inline Result<SyncSummary> syncOnce(Database &db, const QString &base, const SyncOptions &o,
                                    ApiOptions api = {})
{
    if (api.baseUrl != base) api = fastApi(base);
    ApiClient client(api);
    SyncEngine engine(db, client, o);
    return engine.run();
}

inline QMap<QString, QString> checksums(Database &db, const QString &orgKey)
{
    QMap<QString, QString> out;
    for (const TableSpec *t : allSyncedTables())
        out.insert(t->table, tableChecksum(db, t->table, orgKey));
    return out;
}

} // namespace orgward::test
