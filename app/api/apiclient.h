#pragma once
// The one HTTP client for the Admin API, on QNetworkAccessManager. Knows no database: it turns a path and
// query into a response body, retrying what the official clients retry (408/409/429/5xx, dropped
// connections) with Retry-After handling, exponential backoff with jitter, a bounded attempt count, a
// client-side request rate limit and a transfer timeout. Lives in (and must be used from) one thread.
// Every request goes through the URL policy (urlpolicy.h): a refused base sends nothing, and a redirect is
// followed only within the base's origin, so the admin key never reaches another host.
#include "core/result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>
#include <atomic>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace orgward {

struct ApiOptions
{
    QString baseUrl = QStringLiteral("https://api.openai.com/v1");
    QString adminKey;
    QString userAgentTag;         // appended to "orgward/<version>"
    QString organizationId;       // "org-…": sent as OpenAI-Organization on every call when set
    int maxAttempts = 5;          // first try included
    int timeoutMs = 60000;        // per attempt, no bytes moving
    int baseBackoffMs = 500;      // doubled per attempt, ±25 % jitter
    int maxBackoffMs = 30000;     // also caps Retry-After
    double requestsPerSecond = 4; // conservative: no published admin limits (see the contract notes)
};

struct ApiReply
{
    int status = 0;    // last HTTP status (0: no response)
    QByteArray body;   // 2xx body
    QString requestId; // x-request-id of the last response
    int attempts = 0;
    Error error; // set when !ok
    bool ok = false;
};

class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(ApiOptions options, QObject *parent = nullptr);
    ~ApiClient() override;

    // The URL policy of urlpolicy.h (checkApiBaseUrl): https, or http to an exact loopback host only.
    static Result<QUrl> checkBaseUrl(const QString &base);
    static constexpr int kMaxRedirects = 3; // same-origin hops followed per attempt
    QUrl urlFor(const QString &path, const QUrlQuery &query) const;
    QString userAgent() const;

    // Starts a GET; finished(id, reply) follows (queued on this object's thread). Returns the id.
    quint64 get(const QString &path, const QUrlQuery &query);
    // Runs get() in a local event loop until it finishes; cancel (read from any thread) aborts it.
    ApiReply fetch(const QString &path, const QUrlQuery &query, const std::atomic_bool *cancel = nullptr);
    // Prefetching: start() sends a GET now and keeps its reply; await() later runs a local event loop
    // until that reply is in. The transfer itself proceeds on Qt's network thread meanwhile, so a sync
    // downloads the next page while it writes the current one. forget() drops (and aborts) a ticket.
    quint64 start(const QString &path, const QUrlQuery &query);
    ApiReply await(quint64 ticket, const std::atomic_bool *cancel = nullptr);
    void forget(quint64 ticket);
    void abortAll();

    qint64 requestCount() const { return m_requests; } // HTTP attempts sent
    qint64 retryCount() const { return m_retries; }

    // Plain-words error for a refused key: names the missing scope when the server says which.
    static Error authError(int status, const QByteArray &body, const QString &path);
    static QString serverMessage(const QByteArray &body);

Q_SIGNALS:
    void finished(quint64 id, const orgward::ApiReply &reply);
    void retrying(const QString &path, int attempt, int delayMs, const QString &reason);

private:
    struct Pending;
    static void abortTransfer(Pending *p); // aborts and releases the request's reply, if any
    void startAttempt(quint64 id);
    void onReplyFinished(quint64 id, QNetworkReply *reply);
    Error redirectError(const QString &path, const QNetworkReply *reply) const; // another origin's Location
    void refuse(quint64 id, const Error &error); // completes a request that may not be sent
    void scheduleRetry(quint64 id, int delayMs, const QString &reason);
    void complete(quint64 id, ApiReply r);
    int backoffMs(int attempt) const;

    ApiOptions m_o;
    QUrl m_base;
    Status m_baseAllowed; // the URL policy's verdict on m_o.baseUrl
    QNetworkAccessManager *m_nam = nullptr;
    QHash<quint64, Pending *> m_pending;
    QSet<quint64> m_kept;               // tickets from start() not yet awaited
    QHash<quint64, ApiReply> m_replies; // their finished replies
    quint64 m_nextId = 1;
    QElapsedTimer m_clock;
    qint64 m_nextSlotMs = 0; // rate limit: earliest start of the next attempt
    qint64 m_requests = 0;
    qint64 m_retries = 0;
};

} // namespace orgward

Q_DECLARE_METATYPE(orgward::ApiReply)
