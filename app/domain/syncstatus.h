#pragma once
// How one endpoint (chain) of a sync ended, and how the whole run ended. Enums inside the program; the
// strings exist only at the boundaries: openai_admin_sync_runs.status, the run's counts JSON, the CLI's
// output. The strings are stored, so they never change.
#include <QString>
#include <QStringView>
#include <optional>

namespace orgward {

enum class EndpointStatus
{
    Ok,
    Failed,
    Skipped,      // the API cannot answer it here (archived project, audit logging off); not an error
    Cancelled,    // stopped at a page boundary on request; resumes on the next run
    NotAvailable, // the API answers 404 for this org (feature not offered to it); asked again next run
};

enum class SyncStatus
{
    Complete,
    Partial, // some endpoints failed; a re-run completes
    Failed,  // every endpoint failed, or the run could not go on (key refused)
    Cancelled,
};

QString statusText(EndpointStatus status); // "ok", "failed", "skipped", "cancelled", "not_available" (not
                                           // toString: QTest finds that by ADL)
QString statusText(SyncStatus status);     // "complete", "partial", "failed", "cancelled"
std::optional<EndpointStatus> endpointStatusFromText(QStringView text);
std::optional<SyncStatus> syncStatusFromText(QStringView text);

} // namespace orgward
