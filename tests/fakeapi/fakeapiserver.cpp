#include "fakeapiserver.h"

#include <limits>

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace orgward::test {

namespace {
QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Decoded key → values, whatever array form the client used.
QMultiHash<QString, QString> decoded(const QUrlQuery &q)
{
    QMultiHash<QString, QString> out;
    const auto items = q.queryItems(QUrl::FullyDecoded);
    for (const auto &[k, v] : items)
        out.insert(k, v);
    return out;
}

QString reason(int status)
{
    switch (status) {
    case 200:
        return QStringLiteral("OK");
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 429:
        return QStringLiteral("Too Many Requests");
    default:
        return QStringLiteral("Error");
    }
}

QByteArray httpResponse(int status, const QByteArray &body,
                        const QList<QPair<QByteArray, QByteArray>> &extra = {})
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status).toLatin1() + "\r\n";
    out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "x-request-id: req_fake\r\n";
    for (const auto &[k, v] : extra)
        out += k + ": " + v + "\r\n";
    out += "\r\n";
    out += body;
    return out;
}

QString encodePage(qint64 next)
{
    return QStringLiteral("page_") + QString::fromLatin1(QByteArray::number(next).toBase64());
}
qint64 decodePage(const QString &token, bool *ok)
{
    *ok = token.startsWith(QLatin1String("page_"));
    if (!*ok) return 0;
    return QByteArray::fromBase64(token.mid(5).toLatin1()).toLongLong(ok);
}
} // namespace

FakeApiServer::FakeApiServer(std::shared_ptr<const FixtureOrg> org, QString adminKey, QObject *parent)
    : QAbstractHttpServer(parent), m_org(std::move(org)), m_key(std::move(adminKey))
{
}

quint16 FakeApiServer::start(quint16 port)
{
    m_port = listen(QHostAddress::LocalHost, port);
    return m_port;
}

QString FakeApiServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port);
}

QByteArray FakeApiServer::error(int *status, int code, const QString &message, const QString &type)
{
    *status = code;
    return json(
        QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), message},
                                                          {QStringLiteral("type"), type},
                                                          {QStringLiteral("param"), QJsonValue::Null},
                                                          {QStringLiteral("code"), QJsonValue::Null}}}});
}

QByteArray FakeApiServer::respond(const QString &path, const QUrlQuery &query, int *status) const
{
    auto ref = EndpointRef::fromRequest(path, query);
    bool unavailable = ref && m_unavailableKinds.contains(ref->kind);
    for (const QString &fragment : m_unavailablePaths)
        unavailable = unavailable || (!fragment.isEmpty() && path.contains(fragment));
    if (unavailable) return error(status, 404, QStringLiteral("Invalid URL (GET %1)").arg(path));
    if (!ref) return error(status, 404, QStringLiteral("Unknown request URL: GET %1").arg(path));
    if (ref->isProjectScoped()) {
        if (!m_org->hasProject(ref->projectId))
            return error(status, 404, QStringLiteral("The project %1 was not found").arg(ref->projectId));
        if (m_org->isArchivedProject(ref->projectId))
            return error(status, 400, QStringLiteral("Project %1 is archived").arg(ref->projectId));
    }
    if ((ref->kind == EndpointKind::GroupUsers || ref->kind == EndpointKind::GroupRoles) &&
        !m_org->hasGroup(ref->groupId))
        return error(status, 404, QStringLiteral("No group found with id '%1'").arg(ref->groupId));
    if (ref->kind == EndpointKind::UserRoles && !m_org->hasUser(ref->userId))
        return error(status, 404, QStringLiteral("No user found with id '%1'").arg(ref->userId));
    if (ref->isBucketed()) return bucketPage(*ref, query, status);
    return ref->isSingleObject() ? singleObject(*ref, status) : listPage(*ref, query, status);
}

const QList<QJsonObject> &FakeApiServer::objects(const EndpointRef &ref) const
{
    auto cached = m_lists.constFind(ref.cursorKey());
    if (cached == m_lists.constEnd()) cached = m_lists.insert(ref.cursorKey(), m_org->listObjects(ref));
    return *cached;
}

QByteArray FakeApiServer::singleObject(const EndpointRef &ref, int *status) const
{
    const QList<QJsonObject> &all = objects(ref);
    if (all.isEmpty()) {
        const QString owner = ref.projectId.isEmpty() ? QStringLiteral("the organization")
                                                      : QStringLiteral("project %1").arg(ref.projectId);
        return error(status, 404,
                     ref.kind == EndpointKind::SpendLimit
                         ? QStringLiteral("No spend limit is configured for %1").arg(owner)
                         : QStringLiteral("No %1 found for %2").arg(EndpointRef::kindName(ref.kind), owner));
    }
    *status = 200;
    return json(all.first()); // the object is the whole body
}

QByteArray FakeApiServer::listPage(const EndpointRef &ref, const QUrlQuery &query, int *status) const
{
    const auto q = decoded(query);
    QList<QJsonObject> all = objects(ref);
    if (ref.kind == EndpointKind::Projects && q.value(QStringLiteral("include_archived")) != u"true") {
        QList<QJsonObject> active;
        for (const QJsonObject &o : std::as_const(all))
            if (o.value(QLatin1String("status")).toString() != u"archived") active << o;
        all = active;
    }
    if (ref.kind == EndpointKind::AuditLogs) {
        // effective_at[gte|gt|lte|lt], read once per request (not once per event).
        qint64 lo = std::numeric_limits<qint64>::min(), hi = std::numeric_limits<qint64>::max();
        bool filtered = false;
        auto bound = [&](const char *op, qint64 *edge, qint64 shift, bool lower) {
            const QString v = q.value(QStringLiteral("effective_at[%1]").arg(QLatin1String(op)));
            if (v.isEmpty()) return;
            filtered = true;
            const qint64 e = v.toLongLong() + shift;
            *edge = lower ? std::max(*edge, e) : std::min(*edge, e);
        };
        bound("gte", &lo, 0, true);
        bound("gt", &lo, 1, true);
        bound("lte", &hi, 0, false);
        bound("lt", &hi, -1, false);
        if (m_auditRetentionStart > 0) {
            filtered = true;
            lo = std::max(lo, m_auditRetentionStart);
        }
        if (filtered) {
            QList<QJsonObject> kept;
            for (const QJsonObject &o : std::as_const(all)) {
                const qint64 at = qint64(o.value(QLatin1String("effective_at")).toDouble());
                if (at >= lo && at <= hi) kept << o;
            }
            all = kept;
        }
    }
    // The lists that name their `next` cursor take up to 1,000 per page, their own defaults, no `before`,
    // and page by the last element's id (a project group's group_id).
    const bool byNext = ref.pagesByNext();
    const int maxLimit = byNext ? 1000 : 100;
    const int defaultLimit = !byNext                                   ? 20
                             : ref.kind == EndpointKind::Roles         ? 1000
                             : ref.kind == EndpointKind::ProjectGroups ? 20
                                                                       : 100;
    const QLatin1String idKey(ref.kind == EndpointKind::ProjectGroups ? "group_id" : "id");
    int limit = q.value(QStringLiteral("limit"), QString::number(defaultLimit)).toInt();
    if (limit < 1 || limit > maxLimit)
        return error(status, 400, QStringLiteral("limit must be between 1 and %1").arg(maxLimit));
    // Cursors as the spec words them, in list order (audit logs: newest first). after=X: the objects that
    // follow X (older events), has_more when more follow. before=X: the `limit` objects that immediately
    // precede X (newer events), still in list order, has_more when more precede them.
    const QString after = q.value(QStringLiteral("after")), before = q.value(QStringLiteral("before"));
    if (!after.isEmpty() && !before.isEmpty())
        return error(status, 400, QStringLiteral("Pass either 'after' or 'before', not both"));
    auto indexOf = [&all, idKey](const QString &id) {
        for (qsizetype i = 0; i < all.size(); ++i)
            if (all[i].value(idKey).toString() == id) return i;
        return qsizetype(-1);
    };
    qsizetype from = 0, to = 0;
    bool more = false;
    if (!before.isEmpty()) {
        if (ref.kind != EndpointKind::AuditLogs && ref.kind != EndpointKind::RateLimits &&
            ref.kind != EndpointKind::SpendAlerts)
            return error(status, 400, QStringLiteral("Unrecognized request argument supplied: before"));
        to = indexOf(before);
        if (to < 0)
            return error(status, 400, QStringLiteral("Invalid 'before': no object with id %1").arg(before));
        from = std::max<qsizetype>(0, to - limit);
        more = from > 0;
    } else {
        if (!after.isEmpty()) {
            const qsizetype at = indexOf(after);
            if (at < 0)
                return error(status, 400, QStringLiteral("Invalid 'after': no object with id %1").arg(after));
            from = at + 1;
        }
        to = std::min<qsizetype>(all.size(), from + limit);
        more = to < all.size();
    }
    QJsonArray data;
    for (qsizetype i = from; i < to; ++i)
        data.append(all[i]);
    *status = 200;
    QJsonObject page{{QStringLiteral("object"), QStringLiteral("list")},
                     {QStringLiteral("data"), data},
                     {QStringLiteral("has_more"), more}};
    if (byNext) {
        page.insert(QStringLiteral("next"), more ? data.last().toObject().value(idKey) : QJsonValue());
        return json(page);
    }
    page.insert(QStringLiteral("first_id"),
                data.isEmpty() ? QJsonValue() : data.first().toObject().value(QLatin1String("id")));
    page.insert(QStringLiteral("last_id"),
                data.isEmpty() ? QJsonValue() : data.last().toObject().value(QLatin1String("id")));
    return json(page);
}

QByteArray FakeApiServer::bucketPage(const EndpointRef &ref, const QUrlQuery &query, int *status) const
{
    const auto q = decoded(query);
    bool ok = false;
    const qint64 start = q.value(QStringLiteral("start_time")).toLongLong(&ok);
    if (!ok) return error(status, 400, QStringLiteral("start_time is required"));
    const qint64 width = ref.bucketWidth == u"1d" ? 86400 : ref.bucketWidth == u"1h" ? 3600 : 60;
    if (ref.kind == EndpointKind::Costs && width != 86400)
        return error(status, 400, QStringLiteral("costs only supports bucket_width=1d"));
    const qint64 capturedEnd = m_org->capturedAt() - (m_org->capturedAt() % width) + width;
    qint64 end = q.value(QStringLiteral("end_time")).isEmpty()
                     ? capturedEnd
                     : q.value(QStringLiteral("end_time")).toLongLong();
    const int maxLimit = ref.kind == EndpointKind::Costs ? 180
                         : width == 86400                ? 31
                         : width == 3600                 ? 168
                                                         : 1440;
    const int limit = q.value(QStringLiteral("limit"), QStringLiteral("7")).toInt();
    if (limit < 1 || limit > maxLimit)
        return error(status, 400, QStringLiteral("limit must be between 1 and %1").arg(maxLimit));
    qint64 cursor = start;
    const QString page = q.value(QStringLiteral("page"));
    if (!page.isEmpty()) {
        cursor = decodePage(page, &ok);
        if (!ok || cursor < start || cursor >= end)
            return error(status, 400, QStringLiteral("Invalid page token"));
    }
    QJsonArray data;
    qint64 s = cursor;
    for (int n = 0; n < limit && s < end; ++n) {
        // Unaligned start: the first bucket is partial, as the real API does.
        const qint64 e = std::min(end, s - (((s % width) + width) % width) + width);
        data.append(QJsonObject{{QStringLiteral("object"), QStringLiteral("bucket")},
                                {QStringLiteral("start_time"), s},
                                {QStringLiteral("end_time"), e},
                                {QStringLiteral("results"), m_org->bucketResults(ref, s, e, query)}});
        s = e;
    }
    *status = 200;
    const bool more = s < end;
    return json(QJsonObject{{QStringLiteral("object"), QStringLiteral("page")},
                            {QStringLiteral("data"), data},
                            {QStringLiteral("has_more"), more},
                            {QStringLiteral("next_page"), more ? QJsonValue(encodePage(s)) : QJsonValue()}});
}

bool FakeApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++m_count;
    const QString path = request.url().path();
    const QUrlQuery query = request.query();
    ServedRequest logged{path, query.toString(QUrl::FullyDecoded), 0, request.headers()};
    if (m_exitAfter > 0 && m_count > m_exitAfter) {
        m_log << logged;
        socket->abort();
        Q_EMIT exitRequested();
        return true;
    }
    if (m_holdFrom > 0 && m_count >= m_holdFrom) {
        logged.status = -3;
        m_log << logged;
        return true; // no answer: the socket stays open until the client goes away
    }
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> extra;
    if (request.value("Authorization") != "Bearer " + m_key.toUtf8()) {
        body = error(&status, 401, QStringLiteral("Incorrect API key provided."));
    } else {
        body = respond(path, query, &status);
    }
    const bool hasCursor = query.hasQueryItem(QStringLiteral("after")) ||
                           query.hasQueryItem(QStringLiteral("before")) ||
                           query.hasQueryItem(QStringLiteral("page"));
    int delay = m_delayMs;
    for (Fault &f : m_faults) {
        if (f.times == 0 || !path.contains(f.pathContains) || (f.cursorOnly && !hasCursor)) continue;
        if (f.skip > 0) {
            --f.skip;
            continue;
        }
        if (f.times > 0) --f.times;
        switch (f.kind) {
        case Fault::TooMany:
            body = error(&status, 429, QStringLiteral("Rate limit reached"), QStringLiteral("requests"));
            extra << qMakePair(QByteArray("Retry-After"), QByteArray::number(f.retryAfterSecs));
            break;
        case Fault::ServerError:
            body = error(&status, 500, QStringLiteral("The server had an error"),
                         QStringLiteral("server_error"));
            break;
        case Fault::Forbidden:
            body = error(
                &status, 403,
                QStringLiteral(
                    "You have insufficient permissions for this operation. Missing scopes: api.usage.read."));
            break;
        case Fault::Drop:
            logged.status = -1;
            m_log << logged;
            socket->abort();
            return true;
        case Fault::Truncate: {
            logged.status = -2;
            m_log << logged;
            const QByteArray full = httpResponse(status, body);
            socket->write(full.left(full.size() - body.size() / 2));
            socket->flush();
            socket->disconnectFromHost();
            return true;
        }
        case Fault::Slow:
            delay = std::max(delay, f.delayMs);
            break;
        case Fault::RevokeKey:
            m_key = QStringLiteral("sk-admin-revoked-") + QString::number(m_count);
            body = error(&status, 401, QStringLiteral("Incorrect API key provided."));
            break;
        case Fault::ErrorBody:
            status = f.errorStatus;
            body = f.errorBody;
            break;
        case Fault::NotFound:
            body = error(&status, 404, QStringLiteral("Invalid URL (GET %1)").arg(path));
            break;
        case Fault::Redirect:
            status = 307;
            body = "{}";
            extra << qMakePair(QByteArray("Location"), f.redirectTo.toUtf8());
            break;
        case Fault::RepeatCursor: {
            QJsonObject o = QJsonDocument::fromJson(body).object();
            if (status == 200 && query.hasQueryItem(QStringLiteral("page"))) {
                o.insert(QStringLiteral("has_more"), true);
                o.insert(QStringLiteral("next_page"), query.queryItemValue(QStringLiteral("page")));
            } else if (status == 200) {
                QJsonArray data = o.value(QLatin1String("data")).toArray();
                const QString after = query.queryItemValue(QStringLiteral("after"));
                if (!after.isEmpty() && !data.isEmpty()) {
                    QJsonObject last = data.last().toObject();
                    last.insert(last.contains(QLatin1String("group_id")) ? QStringLiteral("group_id")
                                                                         : QStringLiteral("id"),
                                after);
                    data.replace(data.size() - 1, last);
                    o.insert(QStringLiteral("data"), data);
                    if (o.contains(QLatin1String("next"))) o.insert(QStringLiteral("next"), after);
                }
                o.insert(QStringLiteral("has_more"), true);
            }
            body = json(o);
            break;
        }
        }
        break;
    }
    logged.status = status;
    m_log << logged;
    const QByteArray out = httpResponse(status, body, extra);
    if (delay > 0) {
        QPointer<QTcpSocket> s(socket);
        QTimer::singleShot(delay, this, [s, out] {
            if (s) s->write(out);
        });
    } else {
        socket->write(out);
    }
    return true;
}

void FakeApiServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    int status = 0;
    socket->write(httpResponse(404, error(&status, 404, QStringLiteral("not found"))));
}

bool parseFault(const QString &spec, Fault *out)
{
    const QStringList parts = spec.split(u':');
    if (parts.size() < 3) return false;
    static const QHash<QString, Fault::Kind> kinds{
        {QStringLiteral("429"), Fault::TooMany},   {QStringLiteral("500"), Fault::ServerError},
        {QStringLiteral("drop"), Fault::Drop},     {QStringLiteral("truncate"), Fault::Truncate},
        {QStringLiteral("slow"), Fault::Slow},     {QStringLiteral("repeat"), Fault::RepeatCursor},
        {QStringLiteral("403"), Fault::Forbidden}, {QStringLiteral("401"), Fault::RevokeKey},
        {QStringLiteral("404"), Fault::NotFound}};
    if (!kinds.contains(parts[0])) return false;
    Fault f;
    f.kind = kinds.value(parts[0]);
    f.pathContains = parts[1];
    bool ok = false;
    f.times = parts[2].toInt(&ok);
    if (!ok) return false;
    if (parts.size() > 3) {
        f.retryAfterSecs = parts[3].toInt();
        f.delayMs = parts[3].toInt();
    }
    *out = f;
    return true;
}

} // namespace orgward::test
