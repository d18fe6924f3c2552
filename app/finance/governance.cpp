#include "governance.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <tuple>

namespace orgward {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("orgward::governance", text);
}

const char *const kTools[] = {"file_search", "web_search", "image_generation", "mcp", "code_interpreter"};

// "1234567" → "1,234,567" (the console's money is written the English way, as the dashboard's).
QString grouped(qint64 n)
{
    QString digits = QString::number(n);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    return digits;
}

// The data of table's versions valid at `at` (removals left out) that belong to the project. single: the
// table holds one object per project, keyed by the project id (the history's row index finds it).
Result<QList<QJsonObject>> projectVersionsAsOf(Database &db, const QString &org, const char *table,
                                               const QString &projectId, qint64 at, bool single)
{
    QVariantList binds{org, QString::fromLatin1(table), db.bindTimestamp(at), db.bindTimestamp(at)};
    if (single) binds << projectId;
    auto q = db.exec(QStringLiteral("SELECT data FROM orgward_history WHERE org_key = ? AND entity = ? AND "
                                    "valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) AND change <> "
                                    "'removed'%1")
                         .arg(single ? QStringLiteral(" AND row_key = ?") : QString()),
                     binds);
    if (!q) return q.error();
    QList<QJsonObject> out;
    while (q->next()) {
        const QJsonObject d = QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object();
        if (d.value(QLatin1String("project_id")).toString() == projectId) out << d;
    }
    return out;
}

// A list column of a version: PostgreSQL keeps the JSON array, SQLite the array's text.
QStringList versionStrings(const QJsonValue &v)
{
    if (!v.isArray()) return v.isString() ? governance::jsonStrings(v.toString()) : QStringList();
    QStringList out;
    const QJsonArray a = v.toArray();
    for (const QJsonValue &e : a)
        out << (e.isString() ? e.toString() : e.toVariant().toString());
    return out;
}

// A boolean column of a version: true/false from PostgreSQL, 1/0 from SQLite; null when not reported.
QVariant versionFlag(const QJsonValue &v)
{
    if (v.isBool()) return v.toBool();
    return v.isDouble() ? QVariant(v.toDouble() != 0) : QVariant();
}

Status readRetentionAndLimitAsOf(Database &db, const QString &org, const QString &project, qint64 at,
                                 GovernanceControls &c)
{
    auto retention = projectVersionsAsOf(db, org, "openai_data_retention", project, at, true);
    if (!retention) return retention.error();
    for (const QJsonObject &d : std::as_const(*retention)) {
        c.retentionStored = true;
        c.dataRetention = d.value(QLatin1String("type")).toString();
    }
    auto limit = projectVersionsAsOf(db, org, "openai_spend_limits", project, at, true);
    if (!limit) return limit.error();
    for (const QJsonObject &d : std::as_const(*limit))
        c.spendLimit = SpendLimit{d.value(QLatin1String("threshold_amount")).toInteger(),
                                  d.value(QLatin1String("currency")).toString(),
                                  d.value(QLatin1String("interval")).toString(),
                                  d.value(QLatin1String("enforcement_status")).toString()};
    return {};
}

Status readAlertsAsOf(Database &db, const QString &org, const QString &project, qint64 at,
                      GovernanceControls &c)
{
    auto alerts = projectVersionsAsOf(db, org, "openai_spend_alerts", project, at, false);
    if (!alerts) return alerts.error();
    for (const QJsonObject &d : std::as_const(*alerts)) {
        SpendAlert a;
        a.id = d.value(QLatin1String("id")).toString();
        a.thresholdCents = d.value(QLatin1String("threshold_amount")).toInteger();
        a.currency = d.value(QLatin1String("currency")).toString();
        a.interval = d.value(QLatin1String("interval")).toString();
        a.channel = d.value(QLatin1String("channel_type")).toString();
        a.recipients = versionStrings(d.value(QLatin1String("recipients")));
        a.subjectPrefix = d.value(QLatin1String("subject_prefix")).toString();
        c.spendAlerts << a;
    }
    // As the live read orders them.
    std::sort(c.spendAlerts.begin(), c.spendAlerts.end(), [](const SpendAlert &x, const SpendAlert &y) {
        return std::tie(x.thresholdCents, x.id) < std::tie(y.thresholdCents, y.id);
    });
    return {};
}

Status readPermissionsAsOf(Database &db, const QString &org, const QString &project, qint64 at,
                           GovernanceControls &c)
{
    auto models = projectVersionsAsOf(db, org, "openai_project_model_permissions", project, at, true);
    if (!models) return models.error();
    for (const QJsonObject &d : std::as_const(*models)) {
        c.modelPermissionsStored = true;
        c.modelMode = d.value(QLatin1String("mode")).toString();
        c.modelIds = versionStrings(d.value(QLatin1String("model_ids")));
    }
    auto tools = projectVersionsAsOf(db, org, "openai_project_hosted_tool_permissions", project, at, true);
    if (!tools) return tools.error();
    for (const QJsonObject &d : std::as_const(*tools)) {
        c.hostedTools.clear();
        for (const char *t : kTools)
            c.hostedTools << HostedTool{QString::fromLatin1(t), versionFlag(d.value(QLatin1String(t)))};
    }
    return {};
}

} // namespace

namespace governance {

QString humanize(const QString &code)
{
    QString s = code.trimmed();
    s.replace(u'_', u' ');
    if (!s.isEmpty()) s[0] = s[0].toUpper();
    return s;
}

QString spendAmount(qint64 cents, const QString &currency, const QString &interval)
{
    const bool negative = cents < 0;
    const qint64 abs = negative ? -cents : cents;
    const QString number = QStringLiteral("%1%2.%3")
                               .arg(negative ? QStringLiteral("-") : QString(), grouped(abs / 100))
                               .arg(abs % 100, 2, 10, QLatin1Char('0'));
    const QString cur = currency.trimmed().toUpper();
    QString amount;
    if (cur == u"USD" || cur.isEmpty())
        amount = negative ? QStringLiteral("-$") + number.mid(1) : QStringLiteral("$") + number;
    else
        amount = number + u' ' + cur;
    return interval.trimmed().isEmpty() ? amount : QStringLiteral("%1 / %2").arg(amount, interval.trimmed());
}

QString spendAmountCell(const QVariant &composite)
{
    if (composite.isNull()) return {};
    const QStringList parts = composite.toString().split(u' ');
    bool ok = false;
    const qint64 cents = parts.value(0).toLongLong(&ok);
    if (!ok) return composite.toString();
    return spendAmount(cents, parts.value(1), parts.value(2));
}

QString retentionText(const QString &type)
{
    if (type.isEmpty() || type == u"organization_default") return tr("Organization default");
    return humanize(type);
}

QString modelPermissionsText(const GovernanceControls &c)
{
    if (!c.modelPermissionsStored) return tr("not set");
    const QString models = c.modelIds.join(QStringLiteral(", "));
    if (c.modelMode == u"allow_list")
        return c.modelIds.isEmpty() ? tr("Allow list: none (no model allowed)")
                                    : tr("Allow list: %1").arg(models);
    if (c.modelMode == u"deny_list")
        return c.modelIds.isEmpty() ? tr("Deny list: none (every model allowed)")
                                    : tr("Deny list: %1").arg(models);
    return QStringLiteral("%1: %2").arg(humanize(c.modelMode), models);
}

QString hostedToolsText(const GovernanceControls &c)
{
    if (c.hostedTools.isEmpty()) return tr("not set");
    QStringList lines;
    for (const HostedTool &t : c.hostedTools)
        lines << QStringLiteral("%1: %2").arg(t.tool == u"mcp" ? QStringLiteral("MCP") : humanize(t.tool),
                                              t.enabled.isNull()   ? tr("not reported")
                                              : t.enabled.toBool() ? tr("enabled")
                                                                   : tr("disabled"));
    return lines.join(u'\n');
}

QString spendLimitText(const GovernanceControls &c)
{
    if (!c.spendLimit) return tr("not set");
    const SpendLimit &l = *c.spendLimit;
    const QString amount = spendAmount(l.thresholdCents, l.currency, l.interval);
    return l.enforcementStatus.isEmpty()
               ? amount
               : QStringLiteral("%1 (%2)").arg(amount, humanize(l.enforcementStatus).toLower());
}

QString spendAlertsText(const GovernanceControls &c)
{
    if (c.spendAlerts.isEmpty()) return tr("none");
    QStringList lines;
    for (const SpendAlert &a : c.spendAlerts) {
        const QString amount = spendAmount(a.thresholdCents, a.currency, a.interval);
        lines << (a.recipients.isEmpty()
                      ? amount
                      : QStringLiteral("%1 → %2").arg(amount, a.recipients.join(QStringLiteral(", "))));
    }
    return lines.join(u'\n');
}

QStringList jsonStrings(const QVariant &json)
{
    if (json.isNull()) return {};
    const QJsonDocument d = QJsonDocument::fromJson(json.toString().toUtf8());
    QStringList out;
    if (!d.isArray()) return out;
    const QJsonArray a = d.array();
    for (const QJsonValue &v : a)
        out << (v.isString() ? v.toString() : v.toVariant().toString());
    return out;
}

} // namespace governance

Result<GovernanceControls> loadGovernanceControls(Database &db, const QString &org, const QString &projectId)
{
    GovernanceControls c;
    // The organization's own rows have project_id '' (a null QString would bind as NULL).
    const QString project = projectId.isEmpty() ? QStringLiteral("") : projectId;
    const QVariantList binds{org, project};
    auto retention =
        db.exec(QStringLiteral("SELECT x.type FROM openai_data_retention x WHERE x.org_key = ? AND "
                               "x.project_id = ? AND x.deleted_at IS NULL"),
                binds);
    if (!retention) return retention.error();
    while (retention->next()) {
        c.retentionStored = true;
        c.dataRetention = retention->value(0).toString();
    }
    auto alerts =
        db.exec(QStringLiteral("SELECT x.id, x.threshold_amount, x.currency, x.interval, "
                               "x.channel_type, x.recipients, x.subject_prefix FROM openai_spend_alerts x "
                               "WHERE x.org_key = ? AND x.project_id = ? AND x.deleted_at IS NULL "
                               "ORDER BY x.threshold_amount, x.id"),
                binds);
    if (!alerts) return alerts.error();
    while (alerts->next()) {
        SpendAlert a;
        a.id = alerts->value(0).toString();
        a.thresholdCents = alerts->value(1).toLongLong();
        a.currency = alerts->value(2).toString();
        a.interval = alerts->value(3).toString();
        a.channel = alerts->value(4).toString();
        a.recipients = governance::jsonStrings(alerts->value(5));
        a.subjectPrefix = alerts->value(6).toString();
        c.spendAlerts << a;
    }
    auto limit =
        db.exec(QStringLiteral("SELECT x.threshold_amount, x.currency, x.interval, x.enforcement_status "
                               "FROM openai_spend_limits x WHERE x.org_key = ? AND x.project_id = ? AND "
                               "x.deleted_at IS NULL"),
                binds);
    if (!limit) return limit.error();
    while (limit->next()) {
        SpendLimit l;
        l.thresholdCents = limit->value(0).toLongLong();
        l.currency = limit->value(1).toString();
        l.interval = limit->value(2).toString();
        l.enforcementStatus = limit->value(3).toString();
        c.spendLimit = l;
    }
    if (projectId.isEmpty()) return c;

    auto models =
        db.exec(QStringLiteral("SELECT x.mode, x.model_ids FROM openai_project_model_permissions x WHERE "
                               "x.org_key = ? AND x.project_id = ? AND x.deleted_at IS NULL"),
                binds);
    if (!models) return models.error();
    while (models->next()) {
        c.modelPermissionsStored = true;
        c.modelMode = models->value(0).toString();
        c.modelIds = governance::jsonStrings(models->value(1));
    }
    QStringList toolColumns;
    for (const char *t : kTools)
        toolColumns << QStringLiteral("x.") + QString::fromLatin1(t);
    auto tools =
        db.exec(QStringLiteral("SELECT %1 FROM openai_project_hosted_tool_permissions x WHERE x.org_key = ? "
                               "AND x.project_id = ? AND x.deleted_at IS NULL")
                    .arg(toolColumns.join(QStringLiteral(", "))),
                binds);
    if (!tools) return tools.error();
    while (tools->next()) {
        c.hostedTools.clear();
        for (int i = 0; i < toolColumns.size(); ++i) {
            const QVariant v = tools->value(i);
            c.hostedTools << HostedTool{QString::fromLatin1(kTools[i]),
                                        v.isNull() ? QVariant() : QVariant(v.toBool())};
        }
    }
    return c;
}

Result<GovernanceControls> loadGovernanceControlsAsOf(Database &db, const QString &org,
                                                      const QString &projectId, qint64 at)
{
    GovernanceControls c;
    if (auto r = readRetentionAndLimitAsOf(db, org, projectId, at, c); !r) return r.error();
    if (auto r = readAlertsAsOf(db, org, projectId, at, c); !r) return r.error();
    if (auto r = readPermissionsAsOf(db, org, projectId, at, c); !r) return r.error();
    return c;
}

} // namespace orgward
