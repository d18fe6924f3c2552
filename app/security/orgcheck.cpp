#include "orgcheck.h"

#include "api/apiclient.h"
#include "api/urlpolicy.h"
#include "core/sanitizer.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QThread>
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

namespace {
constexpr qint64 kCostsProbeWindowSecs = 24 * 60 * 60; // costs probe: the last day only
constexpr int kCheckAttempts = 1; // a check reports what happens now; the user presses again

struct Probe
{
    QString what, path;
    QUrlQuery query;
};

QList<Probe> probes()
{
    QUrlQuery users;
    users.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    QUrlQuery costs;
    costs.addQueryItem(QStringLiteral("start_time"),
                       QString::number(QDateTime::currentSecsSinceEpoch() - kCostsProbeWindowSecs));
    costs.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    return {
        {QStringLiteral("members and projects (api.management.read)"), QStringLiteral("/organization/users"),
         users},
        {QStringLiteral("usage and costs (api.usage.read)"), QStringLiteral("/organization/costs"), costs}};
}

// A reply the check cannot turn into a line: nothing came back, the request was refused before it left
// (URL policy, redirect to another host) or it was cancelled.
bool isTransportFailure(const ApiReply &r)
{
    return r.status == 0 || r.error.code == Error::Code::Security || r.error.code == Error::Code::Cancelled;
}
} // namespace

Result<OrgCheck> checkOrganization(const OrgProfile &profile, const QString &adminKey, int timeoutMs,
                                   const std::atomic_bool *cancel)
{
    Sanitizer::addSecret(adminKey);
    if (auto base = checkApiBaseUrl(profile.apiBase); !base) return base.error();
    ApiOptions options = apiOptionsFor(profile, adminKey);
    options.timeoutMs = timeoutMs;
    options.maxAttempts = kCheckAttempts;
    ApiClient client(options);
    OrgCheck check;
    for (const Probe &p : probes()) {
        const ApiReply reply = client.fetch(p.path, p.query, cancel);
        if (isTransportFailure(reply)) {
            if (reply.error.code != Error::Code::Network) return reply.error;
            return err(Error::Code::Network,
                       Sanitizer::mask(QStringLiteral("cannot reach %1: %2. Check the network and the "
                                                      "profile's API base URL.")
                                           .arg(profile.apiBase, reply.error.message)));
        }
        OrgCheckLine line;
        line.what = p.what;
        if (reply.ok) {
            line.ok = true;
            line.detail = QStringLiteral("works");
        } else {
            const QString msg = ApiClient::serverMessage(reply.body);
            line.detail = Sanitizer::mask(explainApiRefusal(reply.status, msg));
            if (reply.status == 401 && !msg.contains(QLatin1String("scope"), Qt::CaseInsensitive))
                check.authRefused = true;
        }
        check.lines << line;
        if (check.authRefused) break; // the second call would say the same
    }
    return check;
}

OrgCheckJob::OrgCheckJob(QObject *parent) : QObject(parent) {}

OrgCheckJob::~OrgCheckJob()
{
    cancel();
    join();
}

bool OrgCheckJob::start(const OrgProfile &profile, const QString &adminKey, int timeoutMs)
{
    if (isRunning()) return false;
    join();
    m_cancel = false;
    m_thread.reset(QThread::create([this, profile, adminKey, timeoutMs] {
        Result<OrgCheck> result = checkOrganization(profile, adminKey, timeoutMs, &m_cancel);
        // Posted, not emitted here: receivers run on the owner's thread. The destructor joins this thread
        // before the object goes, and an event still queued for it is dropped with it.
        QMetaObject::invokeMethod(
            this, [this, result] { Q_EMIT finished(result); }, Qt::QueuedConnection);
    }));
    m_thread->setObjectName(QStringLiteral("orgward-orgcheck"));
    m_thread->start();
    return true;
}

void OrgCheckJob::cancel()
{
    m_cancel = true;
}

bool OrgCheckJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void OrgCheckJob::join()
{
    if (!m_thread) return;
    m_thread->wait(); // bounded: a cancelled check returns within ApiClient's cancel poll
    m_thread.reset();
}

} // namespace orgward
