#include "secretstore.h"

#include "keychainstore.h"
#include "memorystore.h"
#include "vault.h"

#include <QDir>
#include <QHash>
#include <QMetaObject>
#include <QMutex>
#include <QObject>

namespace orgward {

namespace {
QMutex g_lock;
SecretStores::PassphraseProvider g_provider;
QHash<QString, std::shared_ptr<SecretStore>> g_vaults; // unlocked vaults, by absolute path

Result<QString> envPassphrase(const QString &path, bool)
{
    const QString pw = qEnvironmentVariable("ORGWARD_VAULT_PASSPHRASE");
    if (pw.isEmpty())
        return err(Error::Code::Security,
                   QStringLiteral("the vault %1 needs its passphrase: enter it when asked, or set "
                                  "ORGWARD_VAULT_PASSPHRASE for unattended use")
                       .arg(path));
    return pw;
}
} // namespace

QString noKeychainAdvice()
{
    return QStringLiteral(
        "No keychain (Secret Service) is available on this machine, so Orgward will not store the key "
        "there, and it never falls back to a plaintext file. Choose one: keep the key for this "
        "session only (--session-only; in the console: \"Session only\"), or store it in an "
        "encrypted vault file protected by a passphrase (--vault FILE).");
}

std::shared_ptr<SecretStore> SecretStores::session()
{
    static const std::shared_ptr<SecretStore> s = std::make_shared<MemoryStore>();
    return s;
}

namespace {
const QString kKeychainSpec = QStringLiteral("keychain");
const QString kMemorySpec = QStringLiteral("memory");
const QString kVaultPrefix = QStringLiteral("vault:");

Error unknownStore(const QString &spec)
{
    return err(Error::Code::Usage,
               QStringLiteral("unknown secret store '%1' (keychain, memory or vault:FILE)").arg(spec));
}

Result<std::shared_ptr<SecretStore>> openVault(const QString &path)
{
    {
        QMutexLocker lock(&g_lock);
        if (auto s = g_vaults.value(path)) return s;
    }
    const bool creating = !QFile::exists(path);
    auto pw = SecretStores::passphrase(path, creating);
    if (!pw) return pw.error();
    auto store = std::make_shared<VaultStore>(path, *pw);
    wipeSecret(*pw);
    if (auto s = store->unlock(); !s) return s.error();
    QMutexLocker lock(&g_lock);
    g_vaults.insert(path, store);
    return std::shared_ptr<SecretStore>(store);
}

// Hands an already computed result to `done` through `context`'s event queue (never re-entrantly).
template <typename T> void post(QObject *context, std::function<void(T)> done, T result)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), r = std::move(result)]() mutable { done(std::move(r)); },
        Qt::QueuedConnection);
}
} // namespace

Result<SecretStoreRef> SecretStoreRef::parse(const QString &spec)
{
    if (spec.isEmpty() || spec == kKeychainSpec) return keychain();
    if (spec == kMemorySpec) return memory();
    if (spec.startsWith(kVaultPrefix) && spec.size() > kVaultPrefix.size())
        return vault(
            QDir::cleanPath(QDir(QDir::currentPath()).absoluteFilePath(spec.mid(kVaultPrefix.size()))));
    return unknownStore(spec);
}

SecretStoreRef SecretStoreRef::fromStored(const QString &spec)
{
    auto r = parse(spec);
    if (r) return *r;
    SecretStoreRef bad;
    bad.unreadable = spec;
    return bad;
}

QString SecretStoreRef::format() const
{
    if (!unreadable.isEmpty()) return unreadable;
    switch (kind) {
    case SecretStoreKind::Keychain:
        return kKeychainSpec;
    case SecretStoreKind::Memory:
        return kMemorySpec;
    case SecretStoreKind::Vault:
        return kVaultPrefix + vaultPath;
    }
    return kKeychainSpec;
}

void SecretStore::readAsync(const QString &name, QObject *context, SecretCallback done)
{
    post<Result<QString>>(context, std::move(done), read(name));
}

void SecretStore::writeAsync(const QString &name, const QString &secret, QObject *context,
                             StatusCallback done)
{
    post<Status>(context, std::move(done), write(name, secret));
}

void SecretStore::removeAsync(const QString &name, QObject *context, StatusCallback done)
{
    post<Status>(context, std::move(done), remove(name));
}

Result<std::shared_ptr<SecretStore>> SecretStores::open(const SecretStoreRef &ref)
{
    if (!ref.unreadable.isEmpty()) return unknownStore(ref.unreadable);
    switch (ref.kind) {
    case SecretStoreKind::Keychain:
        return std::shared_ptr<SecretStore>(std::make_shared<KeychainStore>());
    case SecretStoreKind::Memory:
        return session();
    case SecretStoreKind::Vault:
        if (ref.vaultPath.isEmpty()) return unknownStore(ref.format());
        return openVault(QDir::cleanPath(QDir(QDir::currentPath()).absoluteFilePath(ref.vaultPath)));
    }
    return unknownStore(ref.format());
}

Result<std::shared_ptr<SecretStore>> SecretStores::forSpec(const QString &spec)
{
    auto ref = SecretStoreRef::parse(spec);
    if (!ref) return ref.error();
    return open(*ref);
}

void SecretStores::setPassphraseProvider(PassphraseProvider provider)
{
    QMutexLocker lock(&g_lock);
    g_provider = std::move(provider);
}

Result<QString> SecretStores::passphrase(const QString &vaultPath, bool creating)
{
    PassphraseProvider p;
    {
        QMutexLocker lock(&g_lock);
        p = g_provider;
    }
    // The environment wins so that tests and unattended runs never block on a prompt.
    if (!qEnvironmentVariableIsEmpty("ORGWARD_VAULT_PASSPHRASE") || !p)
        return envPassphrase(vaultPath, creating);
    return p(vaultPath, creating);
}

void SecretStores::resetForTesting()
{
    QMutexLocker lock(&g_lock);
    g_vaults.clear();
    g_provider = nullptr;
}

} // namespace orgward
