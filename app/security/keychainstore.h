#pragma once
// The desktop keychain through QtKeychain (Secret Service on Linux). Entries: service "orgward", key the
// secret name ("org/<name>/admin-key"). QtKeychain's insecure plaintext fallback is always off.
#include "secretstore.h"

namespace orgward {

class KeychainStore final : public SecretStore
{
public:
    explicit KeychainStore(QString service = QStringLiteral("orgward"));
    QString spec() const override { return QStringLiteral("keychain"); }
    QString describe() const override;
    Result<QString> read(const QString &name) override;
    Status write(const QString &name, const QString &secret) override;
    Status remove(const QString &name) override;

    // Is a keychain reachable? Writes, reads back and deletes a probe entry. On failure the error carries
    // noKeychainAdvice(). Runs a local event loop (QtKeychain jobs are asynchronous).
    Status probe();

private:
    QString m_service;
};

} // namespace orgward
