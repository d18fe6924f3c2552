#include "orgcheck.h"

#include "core/sanitizer.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

namespace orgward {

bool OrgCheck::allOk() const
{
    return !lines.isEmpty() &&
           std::all_of(lines.cbegin(), lines.cend(), [](const OrgCheckLine &l) { return l.ok; });
}

QString explainApiRefusal(int status, const QString &message)
{
    static const QRegularExpression scopes(QStringLiteral("Missing scopes?:\\s*([A-Za-z0-9_.,\\s]+)"));
    const auto m = scopes.match(message);
    if (m.hasMatch()) {
        const QString list = m.captured(1).trimmed();
        QStringList plain;
        if (list.contains(QLatin1String("api.management")))
            plain << QStringLiteral("reading members, projects and keys");
        if (list.contains(QLatin1String("api.usage"))) plain << QStringLiteral("reading usage and costs");
        if (list.contains(QLatin1String("api.model")) || list.contains(QLatin1String("model.request")))
            plain << QStringLiteral("calling models (an admin key never can)");
        QString s = QStringLiteral("this key is not allowed to do this (missing scope %1").arg(list);
        if (!plain.isEmpty()) s += QStringLiteral(": ") + plain.join(QStringLiteral(", "));
        s += QStringLiteral(
            "). Use an organization Admin key (it starts with sk-admin-), created by an organization "
            "Owner under Settings → Organization → Admin keys; project and service-account keys "
            "cannot read organization data.");
        return s;
    }
    if (status == 401)
        return QStringLiteral(
            "the key was refused: it is wrong, revoked or expired. Create a new Admin key and store it "
            "again with 'orgward org add NAME'.");
    if (status == 403)
        return QStringLiteral("the key may not do this (%1). It may belong to another organization, lack a "
                              "scope, or the "
                              "request came from an unsupported region.")
            .arg(message.isEmpty() ? QStringLiteral("403") : message);
    if (status == 404)
        return QStringLiteral("not found (%1): check the API base URL of the profile").arg(message);
    if (status == 429)
        return QStringLiteral("rate limited right now; the key itself looks valid. Try again in a minute.");
    return QStringLiteral("HTTP %1: %2").arg(status).arg(message);
}

Result<OrgCheck> checkOrganization(const OrgProfile &profile, const QString &adminKey, int timeoutMs)
{
    Sanitizer::addSecret(adminKey);
    QNetworkAccessManager nam;
    OrgCheck check;
    struct Probe
    {
        QString what, path;
        QUrlQuery query;
    };
    QUrlQuery costs;
    costs.addQueryItem(QStringLiteral("start_time"),
                       QString::number(QDateTime::currentSecsSinceEpoch() - 86400));
    costs.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    QUrlQuery users;
    users.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    const QList<Probe> probes{
        {QStringLiteral("members and projects (api.management.read)"), QStringLiteral("/organization/users"),
         users},
        {QStringLiteral("usage and costs (api.usage.read)"), QStringLiteral("/organization/costs"), costs}};
    for (const Probe &p : probes) {
        QUrl url(profile.apiBase + p.path);
        url.setQuery(p.query);
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", QByteArray("Bearer ") + adminKey.toUtf8());
        if (!profile.orgId.isEmpty()) req.setRawHeader("OpenAI-Organization", profile.orgId.toUtf8());
        req.setHeader(QNetworkRequest::UserAgentHeader, profile.userAgent());
        req.setTransferTimeout(timeoutMs);
        std::unique_ptr<QNetworkReply> reply(nam.get(req));
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
        OrgCheckLine line;
        line.what = p.what;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 0) {
            return err(Error::Code::Network,
                       Sanitizer::mask(QStringLiteral("cannot reach %1: %2. Check the network and the "
                                                      "profile's API base URL.")
                                           .arg(profile.apiBase, reply->errorString())));
        }
        if (status >= 200 && status < 300) {
            line.ok = true;
            line.detail = QStringLiteral("works");
        } else {
            const QString msg = QJsonDocument::fromJson(body)
                                    .object()
                                    .value(QStringLiteral("error"))
                                    .toObject()
                                    .value(QStringLiteral("message"))
                                    .toString();
            line.detail = Sanitizer::mask(explainApiRefusal(status, msg));
            if (status == 401 && !msg.contains(QLatin1String("scope"), Qt::CaseInsensitive))
                check.authRefused = true;
        }
        check.lines << line;
        if (check.authRefused) break; // the second call would say the same
    }
    return check;
}

} // namespace orgward
