#pragma once
// One sanitizer for every log line, error message and export: masks OpenAI keys of every form
// (sk-, sk-proj-, sk-svcacct-, sk-admin-), bearer tokens, and passwords in database URLs or DSNs.
#include <QString>

namespace orgward {

class Sanitizer
{
public:
    static QString mask(const QString &text);
    // Also mask this exact string (e.g. the admin key or DB password in use) wherever it appears.
    static void addSecret(const QString &secret);
    static void clearSecrets();
};

} // namespace orgward
