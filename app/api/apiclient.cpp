#include "apiclient.h"

#include "core/logging.h"
#include "core/sanitizer.h"
#include "urlpolicy.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

namespace orgward {

struct ApiClient::Pending
{
    QString path;
    QUrlQuery query;
    int attempt = 0;
    QPointer<QNetworkReply> reply;
    QTimer *timer = nullptr; // backoff / rate-limit wait
    ApiReply last;
};

ApiClient::ApiClient(ApiOptions options, QObject *parent) : QObject(parent), m_o(std::move(options))
{
    qRegisterMetaType<orgward::ApiReply>();
    m_nam = new QNetworkAccessManager(this);
    m_nam->setTransferTimeout(m_o.timeoutMs);
    m_base = QUrl(m_o.baseUrl);
    if (auto base = checkApiBaseUrl(m_o.baseUrl); !base) m_baseAllowed = base.error();
    m_clock.start();
}

ApiClient::~ApiClient()
{
    abortAll();
}

Result<QUrl> ApiClient::checkBaseUrl(const QString &base)
{
    return checkApiBaseUrl(base);
}

QUrl ApiClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl u = m_base;
    QString p = u.path();
    if (p.endsWith(u'/')) p.chop(1);
    u.setPath(p + path);
    u.setQuery(query);
    return u;
}

QString ApiClient::userAgent() const
{
    QString v = QCoreApplication::applicationVersion();
    if (v.isEmpty()) v = QStringLiteral("0");
    QString ua = QStringLiteral("orgward/") + v;
    if (!m_o.userAgentTag.isEmpty()) ua += u' ' + m_o.userAgentTag;
    return ua;
}

QString ApiClient::serverMessage(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QJsonValue e = o.value(QLatin1String("error"));
    if (e.isObject()) return e.toObject().value(QLatin1String("message")).toString();
    if (e.isString()) return e.toString();
    return o.value(QLatin1String("message")).toString();
}

Error ApiClient::authError(int status, const QByteArray &body, const QString &path)
{
    const QString msg = serverMessage(body);
    static const QRegularExpression scopes(QStringLiteral("Missing scopes?:\\s*([A-Za-z0-9_.:, ]+)"));
    const auto m = scopes.match(msg);
    QString text;
    QString missing = m.captured(1).trimmed();
    while (missing.endsWith(u'.') || missing.endsWith(u','))
        missing.chop(1);
    if (m.hasMatch())
        text = QStringLiteral("%1: this key lacks %2 (HTTP %3). Use an admin key with that scope.")
                   .arg(path, missing)
                   .arg(status);
    else if (status == 401)
        text = QStringLiteral(
                   "%1: the admin key was refused (HTTP 401: %2). Check that it is a current sk-admin- key "
                   "of this organization.")
                   .arg(path, msg.isEmpty() ? QStringLiteral("unauthorized") : msg);
    else
        text = QStringLiteral("%1: this key is not permitted to read this endpoint (HTTP 403: %2).")
                   .arg(path, msg.isEmpty() ? QStringLiteral("forbidden") : msg);
    return err(Error::Code::Auth, text);
}

quint64 ApiClient::get(const QString &path, const QUrlQuery &query)
{
    const quint64 id = m_nextId++;
    auto *p = new Pending;
    p->path = path;
    p->query = query;
    m_pending.insert(id, p);
    startAttempt(id);
    return id;
}

void ApiClient::startAttempt(quint64 id)
{
    Pending *p = m_pending.value(id);
    if (!p) return;
    // Whoever built the options, nothing leaves for a base the URL policy refuses.
    if (!m_baseAllowed) {
        refuse(id, m_baseAllowed.error());
        return;
    }
    // Client-side rate limit: space attempt starts at least 1/rps apart.
    const qint64 now = m_clock.elapsed();
    const qint64 interval = m_o.requestsPerSecond > 0 ? qint64(1000.0 / m_o.requestsPerSecond) : 0;
    if (now < m_nextSlotMs) {
        scheduleRetry(id, int(m_nextSlotMs - now), QString());
        return;
    }
    m_nextSlotMs = now + interval;
    ++p->attempt;
    ++m_requests;
    QNetworkRequest req(urlFor(p->path, p->query));
    req.setRawHeader("Authorization", "Bearer " + m_o.adminKey.toUtf8());
    req.setRawHeader("Accept", "application/json");
    if (!m_o.organizationId.isEmpty()) req.setRawHeader("OpenAI-Organization", m_o.organizationId.toUtf8());
    req.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    // Qt re-sends every raw header, Authorization included, to wherever a redirect points, and
    // NoLessSafeRedirectPolicy allows any https host. Same-origin redirects stay allowed (a gateway in front
    // of the API may normalise paths, and the key already goes to that origin); Qt refuses any other one
    // before sending anything (InsecureRedirectError), which onReplyFinished() reports as such.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    req.setMaximumRedirectsAllowed(kMaxRedirects);
    req.setTransferTimeout(m_o.timeoutMs);
    QNetworkReply *reply = m_nam->get(req);
    p->reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, id, reply] { onReplyFinished(id, reply); });
}

Error ApiClient::redirectError(const QString &path, const QNetworkReply *reply) const
{
    const QUrl target = reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
    return err(
        Error::Code::Security,
        Sanitizer::mask(QStringLiteral("%1: the Admin API at %2 redirected to another host %3; refusing "
                                       "to send the admin key there. Check the API base URL of the "
                                       "profile.")
                            .arg(path, originOf(m_base), originOf(target))));
}

void ApiClient::refuse(quint64 id, const Error &error)
{
    Pending *p = m_pending.value(id);
    if (!p) return;
    ApiReply r;
    r.attempts = p->attempt;
    r.error = error;
    complete(id, r);
}

int ApiClient::backoffMs(int attempt) const
{
    const double base =
        std::min<double>(m_o.maxBackoffMs, m_o.baseBackoffMs * std::pow(2.0, std::max(0, attempt - 1)));
    const double jitter = 0.75 + 0.5 * QRandomGenerator::global()->generateDouble();
    return int(std::min<double>(m_o.maxBackoffMs, base * jitter));
}

void ApiClient::onReplyFinished(quint64 id, QNetworkReply *reply)
{
    reply->deleteLater();
    Pending *p = m_pending.value(id);
    if (!p || p->reply != reply) return;
    p->reply = nullptr;
    ApiReply r;
    r.attempts = p->attempt;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.requestId = QString::fromLatin1(reply->rawHeader("x-request-id"));
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const auto netErr = reply->error();
    const QString where = p->path;
    if (netErr == QNetworkReply::InsecureRedirectError) { // not retried: it would redirect again
        r.error = redirectError(where, reply);
        qCWarning(lcApi).noquote() << r.error.message;
        complete(id, r);
        return;
    }
    // abortAll() detaches replies before aborting them, so a cancellation arriving here is the transfer
    // timeout: retry it like a dropped connection.
    const bool timedOut =
        netErr == QNetworkReply::OperationCanceledError || netErr == QNetworkReply::TimeoutError;
    // Retry hints: x-should-retry overrides the status rules; retry-after-ms before retry-after.
    const QByteArray shouldRetry = reply->rawHeader("x-should-retry").trimmed().toLower();
    int hintMs = -1;
    if (reply->hasRawHeader("retry-after-ms")) {
        bool ok = false;
        const double v = reply->rawHeader("retry-after-ms").trimmed().toDouble(&ok);
        if (ok && v >= 0) hintMs = int(std::min<double>(v, m_o.maxBackoffMs));
    }
    if (hintMs < 0 && reply->hasRawHeader("retry-after")) {
        const QByteArray ra = reply->rawHeader("retry-after").trimmed();
        bool ok = false;
        const double secs = ra.toDouble(&ok);
        if (ok && secs >= 0)
            hintMs = int(std::min<double>(secs * 1000, m_o.maxBackoffMs));
        else {
            const QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(ra),
                                                           QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
            if (when.isValid())
                hintMs = int(std::clamp<qint64>(
                    QDateTime::currentDateTimeUtc().msecsTo(QDateTime(when.date(), when.time(), Qt::UTC)), 0,
                    m_o.maxBackoffMs));
        }
    }

    bool retryable = false;
    QString reason;
    if (r.status == 0 || (netErr != QNetworkReply::NoError && r.status >= 200 && r.status < 300)) {
        // Dropped connection, reset, timeout or a body cut short: nothing usable arrived.
        retryable =
            netErr != QNetworkReply::HostNotFoundError && netErr != QNetworkReply::SslHandshakeFailedError;
        reason =
            timedOut ? QStringLiteral("no response within %1 ms").arg(m_o.timeoutMs) : reply->errorString();
        r.error = err(Error::Code::Network, QStringLiteral("%1: %2").arg(where, reason));
    } else if (r.status >= 200 && r.status < 300) {
        r.ok = true;
        r.body = body;
        complete(id, r);
        return;
    } else {
        const QString msg = serverMessage(body);
        reason = QStringLiteral("HTTP %1%2")
                     .arg(r.status)
                     .arg(msg.isEmpty() ? QString() : QStringLiteral(": ") + msg);
        retryable = r.status == 408 || r.status == 409 || r.status == 429 || r.status >= 500;
        if (r.status == 401 || r.status == 403)
            r.error = authError(r.status, body, where);
        else
            r.error = err(r.status == 404 ? Error::Code::NotFound : Error::Code::Network,
                          QStringLiteral("%1: %2").arg(where, reason));
        r.body = body;
    }
    if (shouldRetry == "true") retryable = true;
    if (shouldRetry == "false") retryable = false;
    if (!retryable || p->attempt >= m_o.maxAttempts) {
        if (retryable)
            r.error.message +=
                QStringLiteral(" (gave up after %1 attempts; re-run the sync to continue)").arg(p->attempt);
        complete(id, r);
        return;
    }
    const int delay = hintMs >= 0 ? hintMs : backoffMs(p->attempt);
    ++m_retries;
    qCInfo(lcApi).noquote() << "retrying" << where << "after" << delay << "ms:" << reason;
    Q_EMIT retrying(where, p->attempt, delay, reason);
    scheduleRetry(id, delay, reason);
}

void ApiClient::scheduleRetry(quint64 id, int delayMs, const QString &)
{
    Pending *p = m_pending.value(id);
    if (!p) return;
    if (!p->timer) {
        p->timer = new QTimer(this);
        p->timer->setSingleShot(true);
        connect(p->timer, &QTimer::timeout, this, [this, id] { startAttempt(id); });
    }
    p->timer->start(std::max(0, delayMs));
}

void ApiClient::complete(quint64 id, ApiReply r)
{
    Pending *p = m_pending.take(id);
    if (!p) return;
    if (p->timer) p->timer->deleteLater();
    delete p;
    if (m_kept.contains(id)) m_replies.insert(id, r);
    Q_EMIT finished(id, r);
}

void ApiClient::abortAll()
{
    const auto ids = m_pending.keys();
    for (quint64 id : ids) {
        Pending *p = m_pending.value(id);
        if (!p) continue;
        abortTransfer(p);
        ApiReply r;
        r.attempts = p->attempt;
        r.error = err(Error::Code::Cancelled, QStringLiteral("%1: request cancelled").arg(p->path));
        complete(id, r);
    }
}

ApiReply ApiClient::fetch(const QString &path, const QUrlQuery &query, const std::atomic_bool *cancel)
{
    return await(start(path, query), cancel);
}

quint64 ApiClient::start(const QString &path, const QUrlQuery &query)
{
    // Kept before the request starts: a reply that fails at once completes inside get().
    const quint64 id = m_nextId;
    m_kept.insert(id);
    const quint64 got = get(path, query);
    Q_ASSERT(got == id);
    return got;
}

ApiReply ApiClient::await(quint64 ticket, const std::atomic_bool *cancel)
{
    if (!m_replies.contains(ticket)) {
        QEventLoop loop;
        auto conn = connect(this, &ApiClient::finished, &loop, [&](quint64 id, const ApiReply &) {
            if (id == ticket) loop.quit();
        });
        QTimer poll;
        if (cancel) {
            connect(&poll, &QTimer::timeout, &loop, [&] {
                if (cancel->load()) abortAll();
            });
            poll.start(50);
            if (cancel->load()) abortAll();
        }
        if (!m_replies.contains(ticket) && m_pending.contains(ticket))
            loop.exec(QEventLoop::ExcludeUserInputEvents);
        disconnect(conn);
    }
    m_kept.remove(ticket);
    ApiReply r = m_replies.take(ticket);
    if (!r.ok && r.error.message.isEmpty())
        r.error = err(Error::Code::Generic, QStringLiteral("request %1 was not started").arg(ticket));
    return r;
}

void ApiClient::forget(quint64 ticket)
{
    m_kept.remove(ticket);
    m_replies.remove(ticket);
    Pending *p = m_pending.take(ticket);
    if (!p) return;
    if (p->timer) p->timer->deleteLater();
    abortTransfer(p);
    delete p;
}

void ApiClient::abortTransfer(Pending *p)
{
    if (!p->reply) return;
    QNetworkReply *rep = std::exchange(p->reply, nullptr); // cleared first: abort() emits finished at once
    rep->abort();
    rep->deleteLater();
}

} // namespace orgward
