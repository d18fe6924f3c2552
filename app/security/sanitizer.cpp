#include "sanitizer.h"

#include <QMutex>
#include <QRegularExpression>
#include <QStringList>

namespace orgward {

namespace {
QMutex g_lock;
QStringList g_secrets;

// Redacted forms from the API ("sk-proj-ab...wxyz", "sk-admin...xyz") are already safe: they contain
// "..." and so never match a run of 8+ key characters after the prefix.
const QRegularExpression &keyPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(\bsk-(?:(?:proj|svcacct|admin|None|live|test)-)?[A-Za-z0-9_\-]{8,})"));
    return re;
}
const QRegularExpression &bearerPattern()
{
    static const QRegularExpression re(QStringLiteral(R"((\b[Bb]earer\s+)[^\s"',;]+)"));
    return re;
}
const QRegularExpression &urlPasswordPattern()
{
    // scheme://user:password@host → scheme://user:***@host
    static const QRegularExpression re(QStringLiteral(R"(([A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@]*:)([^\s@/]+)(@))"));
    return re;
}
const QRegularExpression &kvPasswordPattern()
{
    // password=..., "password": "...", PGPASSWORD=...
    static const QRegularExpression re(QStringLiteral(R"(((?:pass(?:word|wd)?|PGPASSWORD|secret|api_key|admin_key)\s*["']?\s*[:=]\s*["']?)([^\s"'&,;}]+))"),
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
    out.replace(bearerPattern(), QStringLiteral("\\1***"));
    out.replace(urlPasswordPattern(), QStringLiteral("\\1***\\3"));
    out.replace(kvPasswordPattern(), QStringLiteral("\\1***"));
    return out;
}

void Sanitizer::addSecret(const QString &secret)
{
    if (secret.size() < 4) return; // masking tiny strings would shred ordinary text
    QMutexLocker lock(&g_lock);
    if (!g_secrets.contains(secret)) g_secrets.append(secret);
}

void Sanitizer::clearSecrets()
{
    QMutexLocker lock(&g_lock);
    g_secrets.clear();
}

} // namespace orgward
