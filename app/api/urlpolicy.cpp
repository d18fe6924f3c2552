#include "urlpolicy.h"

#include "core/sanitizer.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace orgward {

namespace {
const QString kHttps = QStringLiteral("https");
const QString kHttp = QStringLiteral("http");
constexpr int kHttpsPort = 443;
constexpr int kHttpPort = 80;

int effectivePort(const QUrl &u)
{
    return u.port(u.scheme() == kHttps ? kHttpsPort : kHttpPort);
}

bool sanePath(const QUrl &u)
{
    // Encoded form: a %2F or %2E… would otherwise hide a separator or a dot segment.
    const QString path = u.path(QUrl::FullyEncoded);
    if (path.isEmpty() || path == u"/") return true;
    static const QRegularExpression segment(QStringLiteral("^[A-Za-z0-9._~-]+$"));
    QStringList parts = path.split(u'/');
    if (!parts.takeFirst().isEmpty()) return false;      // relative path
    if (parts.constLast().isEmpty()) parts.removeLast(); // one trailing slash is fine
    return std::all_of(parts.cbegin(), parts.cend(), [](const QString &s) {
        return s != u"." && s != u".." && segment.match(s).hasMatch();
    });
}

QString reasonText(ApiUrlRefusal r, const QUrl &u)
{
    switch (r) {
    case ApiUrlRefusal::None:
        return {};
    case ApiUrlRefusal::NotAUrl:
        return QStringLiteral("it is not a valid absolute URL with a host (e.g. https://api.openai.com/v1)");
    case ApiUrlRefusal::Scheme:
        return QStringLiteral("it must start with https:// (plain http:// only to this computer)");
    case ApiUrlRefusal::PlainHttpRemote:
        return QStringLiteral("plain http:// is allowed only to this computer (localhost, 127.0.0.1 or ::1); "
                              "to %1 the admin key would travel unencrypted. Use https://")
            .arg(u.host());
    case ApiUrlRefusal::UserInfo:
        return QStringLiteral("it names a user before '@', so the request would go to %1; write the host "
                              "alone, with no user name or password")
            .arg(u.host());
    case ApiUrlRefusal::Fragment:
        return QStringLiteral("it has a '#' fragment; remove it");
    case ApiUrlRefusal::Query:
        return QStringLiteral("it has a '?' query; the base is a scheme, host and path only");
    case ApiUrlRefusal::Path:
        return QStringLiteral("its path '%1' is not a plain path such as /v1 (no '.', '..', '//' or "
                              "encoded characters)")
            .arg(u.path(QUrl::FullyEncoded));
    }
    return {};
}
} // namespace

bool isExactLoopbackHost(const QString &host)
{
    if (host == u"localhost") return true;
    const QHostAddress addr(host); // only a complete IP literal parses
    return !addr.isNull() && addr.isLoopback();
}

ApiUrlRefusal classifyApiBaseUrl(const QString &base)
{
    const QUrl u(base, QUrl::StrictMode);
    if (!u.isValid() || u.isRelative() || u.host().isEmpty()) return ApiUrlRefusal::NotAUrl;
    if (u.scheme() != kHttps && u.scheme() != kHttp) return ApiUrlRefusal::Scheme;
    // "http://@host" has an empty user info but still an '@' in its authority.
    if (!u.userInfo().isEmpty() || u.authority().contains(u'@')) return ApiUrlRefusal::UserInfo;
    if (u.scheme() == kHttp && !isExactLoopbackHost(u.host())) return ApiUrlRefusal::PlainHttpRemote;
    if (u.hasFragment()) return ApiUrlRefusal::Fragment;
    if (u.hasQuery()) return ApiUrlRefusal::Query;
    if (!sanePath(u)) return ApiUrlRefusal::Path;
    return ApiUrlRefusal::None;
}

Result<QUrl> checkApiBaseUrl(const QString &base)
{
    const ApiUrlRefusal r = classifyApiBaseUrl(base);
    const QUrl u(base, QUrl::StrictMode);
    if (r == ApiUrlRefusal::None) return u;
    const bool malformed = r == ApiUrlRefusal::NotAUrl || r == ApiUrlRefusal::Scheme;
    const QString shown = u.isValid() ? u.toDisplayString(QUrl::RemovePassword) : base;
    return err(malformed ? Error::Code::Usage : Error::Code::Security,
               Sanitizer::mask(QStringLiteral("API base '%1' refused: %2.").arg(shown, reasonText(r, u))));
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && effectivePort(a) == effectivePort(b);
}

QString originOf(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toDisplayString();
}

} // namespace orgward
