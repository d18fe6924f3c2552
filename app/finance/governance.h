#pragma once
// The spend controls and governance settings of the organization or of one project, as stored by
// migration 11: data retention, spend alerts, the spend limit and (projects only) model and hosted tool
// permissions. Read in one go (off the GUI thread: the console reads it through AsyncRead), shown as text.
#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <optional>

namespace orgward {

class Database;

struct SpendAlert
{
    QString id;
    qint64 thresholdCents = 0;
    QString currency, interval, channel, subjectPrefix;
    QStringList recipients;
};

struct SpendLimit
{
    qint64 thresholdCents = 0;
    QString currency, interval, enforcementStatus;
};

struct HostedTool
{
    QString tool;     // file_search, web_search, …
    QVariant enabled; // bool; null when not reported
};

struct GovernanceControls
{
    bool retentionStored = false;
    QString dataRetention;         // the type ("zero_data_retention", …)
    QList<SpendAlert> spendAlerts; // by threshold
    std::optional<SpendLimit> spendLimit;
    // Projects only.
    bool modelPermissionsStored = false;
    QString modelMode; // allow_list | deny_list
    QStringList modelIds;
    QList<HostedTool> hostedTools; // empty: not stored
};

// projectId empty: the organization's own settings (stored with project_id '').
Result<GovernanceControls> loadGovernanceControls(Database &db, const QString &orgKey,
                                                  const QString &projectId = {});
// A project's controls as they were at `at` (Unix seconds), from row history (issue #13): the versions of
// each control table valid then.
Result<GovernanceControls> loadGovernanceControlsAsOf(Database &db, const QString &orgKey,
                                                      const QString &projectId, qint64 at);

namespace governance {
// "$1,000.00 / month"; other currencies "1,000.00 EUR / month"; no interval: no " / …".
QString spendAmount(qint64 cents, const QString &currency, const QString &interval);
// A table cell holding "<cents> <currency> <interval>" (the spend alert models' threshold column).
QString spendAmountCell(const QVariant &composite);
// "zero_data_retention" → "Zero data retention"; empty or organization_default → "Organization default".
QString retentionText(const QString &type);
// "Allow list: a, b" / "Deny list: none (every model allowed)"; not stored: "not set".
QString modelPermissionsText(const GovernanceControls &c);
// One line per tool: "File search: enabled"; none stored: "not set".
QString hostedToolsText(const GovernanceControls &c);
// "$30,000.00 / month (enforcing)"; none: "not set".
QString spendLimitText(const GovernanceControls &c);
// One line per alert: "$25,000.00 / month → a@x, b@y"; none: "none".
QString spendAlertsText(const GovernanceControls &c);
// The strings of a JSON array (as stored); anything else: empty.
QStringList jsonStrings(const QVariant &json);
// "code_interpreter" → "Code interpreter".
QString humanize(const QString &code);
} // namespace governance

} // namespace orgward
