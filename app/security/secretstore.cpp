#include "secretstore.h"

#include "keychainstore.h"
#include "memorystore.h"
#include "vault.h"

#include <QDir>
#include <QHash>
#include <QMutex>

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

Result<std::shared_ptr<SecretStore>> SecretStores::forSpec(const QString &spec)
{
    if (spec.isEmpty() || spec == u"keychain")
        return std::shared_ptr<SecretStore>(std::make_shared<KeychainStore>());
    if (spec == u"memory") return session();
    if (spec.startsWith(QLatin1String("vault:"))) {
        const QString path = QDir::cleanPath(QDir(QDir::currentPath()).absoluteFilePath(spec.mid(6)));
        {
            QMutexLocker lock(&g_lock);
            if (auto s = g_vaults.value(path)) return s;
        }
        const bool creating = !QFile::exists(path);
        auto pw = passphrase(path, creating);
        if (!pw) return pw.error();
        auto store = std::make_shared<VaultStore>(path, *pw);
        if (auto s = store->unlock(); !s) return s.error();
        QMutexLocker lock(&g_lock);
        g_vaults.insert(path, store);
        return std::shared_ptr<SecretStore>(store);
    }
    return err(Error::Code::Usage,
               QStringLiteral("unknown secret store '%1' (keychain, memory or vault:FILE)").arg(spec));
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
