#pragma once
// Where an admin key may be sent: the one URL policy for every API base (profiles, --api-base,
// ORGWARD_API_BASE, the org check, the sync) and for every redirect the client is asked to follow.
//   https:// to any host; plain http:// only to an exact loopback host (a 127.0.0.0/8 or ::1 literal, or
//   the name "localhost" itself: "localhost.evil.example" and "127.0.0.1.nip.io" are other hosts);
//   no user info ("http://localhost@evil.example" is a request to evil.example); no fragment, no query;
//   a path of plain segments ("/v1", "/openai/v1"), none of them "." or "..".
#include "core/result.h"

#include <QUrl>

namespace orgward {

enum class ApiUrlRefusal
{
    None,
    NotAUrl,         // unparsable, or no host
    Scheme,          // neither https nor http
    PlainHttpRemote, // http:// to a host that is not an exact loopback host
    UserInfo,        // user[:password]@ before the host
    Fragment,        // #…
    Query,           // ?… (the client sets each request's query itself)
    Path             // empty or dot segments, or characters other than [A-Za-z0-9._~-]
};

// Why `base` may not receive an admin key (None: it may).
ApiUrlRefusal classifyApiBaseUrl(const QString &base);
// The parsed URL, or a clear error (what, which URL, what to do). Usage error for a malformed URL,
// Security error for one that would expose the key.
Result<QUrl> checkApiBaseUrl(const QString &base);
// True for a host the key may reach over plain http: a loopback IP literal or exactly "localhost".
bool isExactLoopbackHost(const QString &host);
// Same scheme, host and port (default port filled in): the only redirects the client follows.
bool sameOrigin(const QUrl &a, const QUrl &b);
// "scheme://host[:port]" with no user info, path or query: safe to show in a message.
QString originOf(const QUrl &url);

} // namespace orgward
