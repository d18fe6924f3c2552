#pragma once
// One interface for every place a secret (admin key, PostgreSQL password) may live: the desktop keychain
// (QtKeychain → Secret Service), an explicit opt-in encrypted vault file, or process memory (tests and
// session-only use). There is deliberately no plaintext store and no silent fallback between stores:
// when the keychain is missing the caller gets Error::Code::Security with noKeychainAdvice() and the user
// chooses session-only or a vault.
//
// Secret names are namespaced by purpose: "org/<name>/admin-key", "db/<profile>/password". The keychain
// store adds the application namespace (service "orgward").
//
// Blocking and asynchronous use: read()/write()/remove() return when done (the keychain store waits in a
// local event loop — fine headless, in the CLI). The GUI thread uses readAsync()/writeAsync()/
// removeAsync(), which never wait: the keychain answers from its D-Bus job's finished signal, the other
// stores through a queued call.
#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>

class QObject;

namespace orgward {

enum class SecretStoreKind
{
    Keychain,
    Memory,
    Vault
};

// Which store holds a secret, as OrgProfile records it. Stored in settings files as text: "keychain",
// "memory" or "vault:<path>" (parse/format at that boundary only).
struct SecretStoreRef
{
    SecretStoreKind kind = SecretStoreKind::Keychain;
    QString vaultPath; // Vault only
    // A stored value that is none of the above (a hand-edited file): kept as written so that saving the
    // profile loses nothing, and opening the store fails with a clear error.
    QString unreadable;

    static SecretStoreRef keychain() { return {}; }
    static SecretStoreRef memory() { return {SecretStoreKind::Memory, {}, {}}; }
    static SecretStoreRef vault(const QString &path) { return {SecretStoreKind::Vault, path, {}}; }
    // "" and "keychain" → Keychain (older profile files), "memory", "vault:PATH" (PATH made absolute).
    static Result<SecretStoreRef> parse(const QString &spec);
    // parse(), but never fails: what a settings file holds (see `unreadable`).
    static SecretStoreRef fromStored(const QString &spec);
    QString format() const;
    bool isVault() const { return kind == SecretStoreKind::Vault; }
    bool operator==(const SecretStoreRef &) const = default;
};

using SecretCallback = std::function<void(Result<QString>)>;
using StatusCallback = std::function<void(Status)>;

class SecretStore
{
public:
    virtual ~SecretStore() = default;
    virtual SecretStoreRef ref() const = 0;
    QString spec() const { return ref().format(); }
    virtual QString describe() const = 0; // for humans
    // Error::Code::NotFound when there is no such secret.
    virtual Result<QString> read(const QString &name) = 0;
    virtual Status write(const QString &name, const QString &secret) = 0;
    // Removing a secret that does not exist is not an error.
    virtual Status remove(const QString &name) = 0;

    // `done` runs later (never inside the call) on `context`'s thread, and not at all when `context` is
    // destroyed first. The default runs the blocking call and posts its result; the keychain overrides.
    virtual void readAsync(const QString &name, QObject *context, SecretCallback done);
    virtual void writeAsync(const QString &name, const QString &secret, QObject *context,
                            StatusCallback done);
    virtual void removeAsync(const QString &name, QObject *context, StatusCallback done);
};

class SecretStores
{
public:
    // The store a ref names. Vault stores ask passphraseProvider() for their passphrase once per process.
    static Result<std::shared_ptr<SecretStore>> open(const SecretStoreRef &ref);
    static Result<std::shared_ptr<SecretStore>> forSpec(const QString &spec);
    // The process-wide session (memory) store.
    static std::shared_ptr<SecretStore> session();

    // Where vault passphrases come from. Default: $ORGWARD_VAULT_PASSPHRASE, else an error that says so.
    // The CLI installs a stdin reader, the GUI a password dialog (asking twice for a new vault).
    using PassphraseProvider = std::function<Result<QString>(const QString &vaultPath, bool creating)>;
    static void setPassphraseProvider(PassphraseProvider provider);
    static Result<QString> passphrase(const QString &vaultPath, bool creating);
    // Forget cached stores (vault keys in memory); tests.
    static void resetForTesting();
};

// Overwrites a buffer that held key material or a passphrase (OPENSSL_cleanse: not optimised away), then
// empties it. Copies made earlier (implicitly shared or not) are not reached: wipe the last owner.
void wipeSecret(QByteArray &bytes);
void wipeSecret(QString &text);

// The message shown when no keychain (Secret Service) is reachable.
QString noKeychainAdvice();

} // namespace orgward
