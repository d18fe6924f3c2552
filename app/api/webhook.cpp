#include "webhook.h"

#include "urlpolicy.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QThread>

namespace orgward {

namespace {

constexpr int kHttpOkMin = 200, kHttpOkMax = 299, kHttpClientMin = 400, kHttpServerMin = 500;
constexpr int kRequestTimeout = 408, kTooManyRequests = 429;
constexpr int kMsPerSecond = 1000;

bool retryable(int status)
{
    return status == 0 || status == kRequestTimeout || status == kTooManyRequests || status >= kHttpServerMin;
}

// Qt's error strings quote the URL, whose path is the webhook's secret: words of our own instead.
QString networkFailure(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
        return QObject::tr("connection refused");
    case QNetworkReply::HostNotFoundError:
        return QObject::tr("host not found");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return QObject::tr("no answer in time");
    case QNetworkReply::SslHandshakeFailedError:
        return QObject::tr("TLS handshake failed");
    case QNetworkReply::RemoteHostClosedError:
        return QObject::tr("the connection was closed");
    default:
        return QObject::tr("network error %1").arg(int(e));
    }
}

} // namespace

Result<QUrl> checkWebhookUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return err(Error::Code::Usage, QObject::tr("webhook '%1' is not a URL such as "
                                                   "https://hooks.slack.com/services/…")
                                           .arg(webhookDisplay(text)));
    if (!url.userInfo().isEmpty())
        return err(
            Error::Code::Usage,
            QObject::tr("webhook %1: leave out user:password@ before the host").arg(webhookDisplay(text)));
    const bool https = url.scheme() == u"https";
    const bool localHttp = url.scheme() == u"http" && isExactLoopbackHost(url.host());
    if (!https && !localHttp)
        return err(Error::Code::Usage, QObject::tr("webhook %1: use https (plain http only to this computer: "
                                                   "127.0.0.1 or localhost)")
                                           .arg(webhookDisplay(text)));
    return url;
}

QString webhookDisplay(const QString &text)
{
    const QUrl url(text.trimmed());
    if (!url.isValid() || url.host().isEmpty()) return QObject::tr("(not a URL)");
    const QString origin = originOf(url);
    return url.path().size() > 1 || url.hasQuery() ? origin + QStringLiteral("/…") : origin;
}

WebhookResult postWebhook(const QUrl &url, const QByteArray &json, const WebhookOptions &o)
{
    WebhookResult out;
    QNetworkAccessManager nam;
    int delay = o.firstDelayMs;
    for (int attempt = 1; attempt <= o.attempts; ++attempt) {
        out.attempts = attempt;
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        req.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Orgward/" ORGWARD_VERSION));
        req.setTransferTimeout(o.timeoutMs);
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = nam.post(req, json);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
        out.lastStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const int retryAfter = reply->rawHeader("Retry-After").toInt();
        if (out.lastStatus >= kHttpOkMin && out.lastStatus <= kHttpOkMax) {
            reply->deleteLater();
            out.delivered = true;
            out.error.clear();
            return out;
        }
        out.error = out.lastStatus ? QObject::tr("the receiver answered HTTP %1").arg(out.lastStatus)
                                   : networkFailure(reply->error());
        reply->deleteLater();
        if (!retryable(out.lastStatus) ||
            (out.lastStatus >= kHttpClientMin && out.lastStatus < kHttpServerMin &&
             out.lastStatus != kRequestTimeout && out.lastStatus != kTooManyRequests))
            return out;
        if (attempt == o.attempts) break;
        int wait = delay;
        if (out.lastStatus == kTooManyRequests && retryAfter > 0)
            wait = std::min(retryAfter * kMsPerSecond, o.maxRetryAfterMs);
        QThread::msleep(ulong(std::max(0, wait)));
        delay *= 2;
    }
    return out;
}

} // namespace orgward
