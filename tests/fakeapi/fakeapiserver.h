#pragma once
// A local Admin API for tests and benchmarks: serves a generated FixtureOrg through the real contract
// (cursor lists, lists that name their `next` cursor, single objects, time-bucketed pages with group_by
// aggregation and filters, include_archived, the 400 of an archived project's sub-lists, the 404 of a
// missing spend limit or an unknown group or user, bearer auth) on 127.0.0.1, with fault injection and
// endpoints an organization does not have (404). Built on Qt HttpServer's request parsing; responses are
// written raw so faults can cut or drop them.
#include "fixtures/fixtureorg.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QMutex>
#include <memory>

namespace orgward::test {

struct Fault
{
    enum Kind
    {
        TooMany,
        ServerError,
        Drop,
        Truncate,
        Slow,
        RepeatCursor,
        Forbidden,
        Redirect,  // 307 to redirectTo
        RevokeKey, // the admin key is revoked from this request on: it and every later request get 401
        ErrorBody, // answers errorStatus with errorBody (what a server may echo back)
        NotFound   // 404 with the API's "Invalid URL" error body (an endpoint the org does not have)
    };
    Kind kind = ServerError;
    QString pathContains; // applies to requests whose path contains this (empty: any)
    int times = 1;        // how many matching requests it hits; negative: every one
    int skip = 0;         // matching requests to let through first
    int retryAfterSecs = 1;
    int delayMs = 0;         // Slow
    bool cursorOnly = false; // only requests that carry a cursor (after/page)
    QString redirectTo;      // Redirect: the Location sent
    int errorStatus = 400;   // ErrorBody
    QByteArray errorBody;    // ErrorBody
};

struct ServedRequest
{
    QString path;
    QString query;
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers; // as received
};

class FakeApiServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit FakeApiServer(std::shared_ptr<const FixtureOrg> org,
                           QString adminKey = QStringLiteral("sk-admin-test"), QObject *parent = nullptr);

    quint16 start(quint16 port = 0); // 0 on failure
    QString baseUrl() const;         // http://127.0.0.1:<port>/v1
    const FixtureOrg &org() const { return *m_org; }

    void addFault(const Fault &f) { m_faults << f; }
    void clearFaults() { m_faults.clear(); }
    void setAdminKey(const QString &key) { m_key = key; }       // the key a request must carry from now on
    void setExitAfter(int requests) { m_exitAfter = requests; } // then every request is dropped
    void setDelayMs(int ms) { m_delayMs = ms; }                 // every response
    // Requests from the n-th on (counted as requestCount() does) get no answer, their connection left
    // open, until the hold is lifted (0): a client is then provably alive and waiting at that request.
    void setHoldFrom(int n) { m_holdFrom = n; }
    // Endpoints this organization does not have: every request whose path contains one of the fragments
    // (e.g. "/organization/groups", "/spend_limit"), or whose endpoint is one of the kinds, answers 404
    // with the API's "Invalid URL" error body, before any other check. Replaces the previous set.
    void setUnavailable(const QStringList &pathFragments) { m_unavailablePaths = pathFragments; }
    void setUnavailableKinds(const QList<EndpointKind> &kinds) { m_unavailableKinds = kinds; }
    // Audit events older than this (effective_at, Unix seconds) have aged out of the API's retention
    // window: no request returns them any more. 0 (the default): every event is served.
    void setAuditRetentionStart(qint64 secs) { m_auditRetentionStart = secs; }
    int requestCount() const { return m_count; }
    const QList<ServedRequest> &requests() const { return m_log; }

    // The response body for a request, without faults (also used by tests to compare).
    QByteArray respond(const QString &path, const QUrlQuery &query, int *status) const;

Q_SIGNALS:
    void exitRequested();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    QByteArray listPage(const EndpointRef &ref, const QUrlQuery &query, int *status) const;
    QByteArray singleObject(const EndpointRef &ref, int *status) const;
    const QList<QJsonObject> &objects(const EndpointRef &ref) const;
    QByteArray bucketPage(const EndpointRef &ref, const QUrlQuery &query, int *status) const;
    static QByteArray error(int *status, int code, const QString &message,
                            const QString &type = QStringLiteral("invalid_request_error"));

    std::shared_ptr<const FixtureOrg> m_org;
    // Each list as the org serves it, built once: rebuilding the 16,650 audit events of a scale-100 org
    // for each of its 150 pages cost the benchmark's sync 4 s of waiting on this server.
    mutable QHash<QString, QList<QJsonObject>> m_lists;
    QString m_key;
    QList<Fault> m_faults;
    QStringList m_unavailablePaths;
    QList<EndpointKind> m_unavailableKinds;
    QList<ServedRequest> m_log;
    int m_count = 0;
    int m_exitAfter = 0;
    int m_delayMs = 0;
    int m_holdFrom = 0;
    qint64 m_auditRetentionStart = 0;
    quint16 m_port = 0;
};

// Parses "--fault kind:path:times[:param]" for the orgward-fakeapi executable (times -1: every request).
bool parseFault(const QString &spec, Fault *out);

} // namespace orgward::test
