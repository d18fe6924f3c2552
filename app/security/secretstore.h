#pragma once
// One interface for every place a secret (admin key, PostgreSQL password) may live: the desktop keychain
// (QtKeychain → Secret Service), an explicit opt-in encrypted vault file, or process memory (tests and
// session-only use). There is deliberately no plaintext store and no silent fallback between stores:
// when the keychain is missing the caller gets Error::Code::Security with noKeychainAdvice() and the user
// chooses session-only or a vault.
//
// Secret names are namespaced by purpose: "org/<name>/admin-key", "db/<profile>/password". The keychain
// store adds the application namespace (service "orgward").
#include "core/result.h"

#include <QString>
#include <functional>
#include <memory>

namespace orgward {

class SecretStore
{
public:
    virtual ~SecretStore() = default;
    // "keychain", "memory" or "vault:<path>": what OrgProfile::secretStore records.
    virtual QString spec() const = 0;
    virtual QString describe() const = 0; // for humans
    // Error::Code::NotFound when there is no such secret.
    virtual Result<QString> read(const QString &name) = 0;
    virtual Status write(const QString &name, const QString &secret) = 0;
    // Removing a secret that does not exist is not an error.
    virtual Status remove(const QString &name) = 0;
};

class SecretStores
{
public:
    // The store a spec names. Vault stores ask passphraseProvider() for their passphrase once per process.
    static Result<std::shared_ptr<SecretStore>> forSpec(const QString &spec);
    // The process-wide session (memory) store.
    static std::shared_ptr<SecretStore> session();

    // Where vault passphrases come from. Default: $ORGWARD_VAULT_PASSPHRASE, else an error that says so.
    // The CLI installs a stdin reader, the GUI a password dialog.
    using PassphraseProvider = std::function<Result<QString>(const QString &vaultPath, bool creating)>;
    static void setPassphraseProvider(PassphraseProvider provider);
    static Result<QString> passphrase(const QString &vaultPath, bool creating);
    // Forget cached stores (vault keys in memory); tests.
    static void resetForTesting();
};

// The message shown when no keychain (Secret Service) is reachable.
QString noKeychainAdvice();

} // namespace orgward
