#pragma once
// The desktop keychain through QtKeychain (Secret Service on Linux). Entries: service "orgward", key the
// secret name ("org/<name>/admin-key"). QtKeychain's insecure plaintext fallback is always off.
//
// Every operation is one QtKeychain job. The asynchronous forms start it and answer from its finished
// signal (the GUI thread never waits); the blocking forms wait for that answer in a local event loop
// (CLI only). A job that gets no answer within jobTimeoutMs() (a locked keychain waiting on an unlock
// prompt nobody sees, a hung daemon) ends with an error instead of waiting for ever.
#include "secretstore.h"

namespace orgward {

class KeychainStore final : public SecretStore
{
public:
    static constexpr int kDefaultJobTimeoutMs = 30'000;

    explicit KeychainStore(QString service = QStringLiteral("orgward"));
    SecretStoreRef ref() const override { return SecretStoreRef::keychain(); }
    QString describe() const override;
    Result<QString> read(const QString &name) override;
    Status write(const QString &name, const QString &secret) override;
    Status remove(const QString &name) override;
    void readAsync(const QString &name, QObject *context, SecretCallback done) override;
    void writeAsync(const QString &name, const QString &secret, QObject *context,
                    StatusCallback done) override;
    void removeAsync(const QString &name, QObject *context, StatusCallback done) override;

    // Is a keychain reachable? Writes, reads back and deletes a probe entry. On failure the error carries
    // noKeychainAdvice(). Blocking (CLI).
    Status probe();

    static int jobTimeoutMs();
    static void setJobTimeoutMsForTesting(int ms); // 0 restores the default

private:
    QString m_service;
};

} // namespace orgward
