#include "sanitizer.h"

#include <QMutex>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

namespace orgward {

namespace {
QMutex g_lock;
QStringList g_secrets;

// OpenAI keys of every form: sk-<random>, sk-proj-, sk-svcacct-, sk-admin- (and the older sk-None-, test
// prefixes). No leading \b: a key glued to URL-encoded text ("%3Dsk-…") or an identifier ("KEY_sk-…") must
// still be caught; only a preceding lower-case letter ("task-…", "disk-…") rules a match out.
// Redacted forms from the API ("sk-proj-ab...wxyz", "sk-admin...xyz") are already safe and stay visible:
// they never have a run of 8+ key characters after the prefix.
const QRegularExpression &keyPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"((?<![a-z])sk-(?:(?:proj|svcacct|admin|None|live|test)-)?+[A-Za-z0-9_\-]{8,})"));
    return re;
}
// Authorization header values: "Bearer <token>", "Basic <base64>" in any case; 8+ token characters, so
// prose ("a bearer token is missing", "basic settings") stays readable. The prefix is possessive: once
// "sk-svcacct-" matched, the body must follow it (so "sk-svcacct-Ab...9z" stays a safe redacted form).
const QRegularExpression &bearerPattern()
{
    static const QRegularExpression re(
        QStringLiteral(
            R"((\bbearer(?:\s+|%20|\+))[A-Za-z0-9._~+/=\-]{8,}|(\bbasic(?:\s+|%20|\+))(?=[A-Za-z0-9+/]*[0-9+/=])[A-Za-z0-9+/]{8,}={0,2})"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}
const QRegularExpression &urlPasswordPattern()
{
    // scheme://user:password@host → scheme://user:***@host. The password may itself contain '@' (the last
    // '@' before the path is the separator).
    static const QRegularExpression re(
        QStringLiteral(R"(([A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@]*:)([^\s/]+)(@))"));
    return re;
}
const QString kSecretWords = QStringLiteral(
    R"((?:pass(?:word|wd|phrase)|pgpassword|secret|client_secret|api[_-]?key|admin[_-]?key|access[_-]?token|refresh[_-]?token|auth[_-]?token|token))");
const QRegularExpression &jsonSecretPattern()
{
    // "password": "any \"quoted\" text" (JSON bodies, settings dumps)
    static const QRegularExpression re(
        QStringLiteral(R"(("%1"\s*:\s*")((?:[^"\\]|\\.)*)("))").arg(kSecretWords),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}
const QRegularExpression &quotedKvPattern()
{
    // libpq DSN style: password='with spaces'
    static const QRegularExpression re(
        QStringLiteral(R"((\b%1\s*=\s*')((?:[^'\\]|\\.)*)('))").arg(kSecretWords),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}
const QRegularExpression &kvPasswordPattern()
{
    // password=..., password: ..., PGPASSWORD=..., ?password=...&
    static const QRegularExpression re(
        QStringLiteral(R"((\b%1\s*[:=]\s*)(?!\*\*\*)([^\s"'&,;}]+))").arg(kSecretWords),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}
} // namespace

QString Sanitizer::mask(const QString &text)
{
    QString out = text;
    {
        QMutexLocker lock(&g_lock);
        for (const QString &s : std::as_const(g_secrets))
            if (!s.isEmpty()) out.replace(s, QStringLiteral("***"));
    }
    out.replace(keyPattern(), QStringLiteral("sk-***"));
    out.replace(bearerPattern(), QStringLiteral("\\1\\2***"));
    out.replace(urlPasswordPattern(), QStringLiteral("\\1***\\3"));
    out.replace(jsonSecretPattern(), QStringLiteral("\\1***\\3"));
    out.replace(quotedKvPattern(), QStringLiteral("\\1***\\3"));
    out.replace(kvPasswordPattern(), QStringLiteral("\\1***"));
    return out;
}

void Sanitizer::addSecret(const QString &secret)
{
    if (secret.size() < 4) return; // masking tiny strings would shred ordinary text
    QStringList forms{secret};
    // The same secret as it appears inside URLs and JSON.
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    if (encoded != secret) forms << encoded;
    QString jsonEscaped = secret;
    jsonEscaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    if (jsonEscaped != secret) forms << jsonEscaped;
    QMutexLocker lock(&g_lock);
    for (const QString &f : std::as_const(forms))
        if (!g_secrets.contains(f)) g_secrets.append(f);
    // Longest first, so a secret that contains another is replaced whole.
    std::sort(g_secrets.begin(), g_secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

void Sanitizer::clearSecrets()
{
    QMutexLocker lock(&g_lock);
    g_secrets.clear();
}

} // namespace orgward
