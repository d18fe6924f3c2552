#include "governance.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

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

} // namespace orgward
