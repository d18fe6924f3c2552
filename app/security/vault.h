#pragma once
// An explicit, opt-in encrypted secrets file for machines without a keychain.
//
// Format (all integers big-endian):
//   "ORGWARDVAULT1"                        13 bytes magic
//   u8  kdf                                1 = scrypt, 2 = PBKDF2-HMAC-SHA256
//   u64 N / iterations, u32 r, u32 p       KDF parameters (r, p zero for PBKDF2)
//   u8  salt length, salt                  16 bytes
//   u8  nonce length, nonce                12 bytes, fresh on every write
//   ciphertext                             AES-256-GCM of a JSON object {name: secret}
//   tag                                    16 bytes
// The whole header (magic … nonce) is GCM additional authenticated data, so changing a KDF parameter,
// the salt or the nonce is detected like a changed ciphertext byte. A wrong passphrase and tampering are
// indistinguishable by design: "wrong passphrase or corrupted vault". The tag can only be checked after
// the key is derived, so the KDF parameters are capped first (VaultKdf::kMax*): a tampered header cannot
// make Orgward allocate gigabytes or spin for minutes.
#include "secretstore.h"

#include <QByteArray>
#include <QMap>

namespace orgward {

struct VaultKdf
{
    enum Kind : quint8
    {
        Scrypt = 1,
        Pbkdf2 = 2
    };
    // New vaults: scrypt N = 2^17, r = 8 (128 MiB, a few hundred ms). Older vaults with a smaller N still
    // open and are re-sealed with these parameters on their next write.
    static constexpr quint64 kDefaultScryptN = 1u << 17;
    // What a header may demand. scrypt needs 128·r·N bytes: at most 256 MiB (N = 2^18 at r = 8).
    static constexpr quint64 kMaxScryptMemory = 256ull << 20;
    static constexpr quint32 kMaxScryptR = 16;
    static constexpr quint32 kMaxScryptP = 4;
    static constexpr quint64 kMinPbkdf2Iterations = 1000;
    static constexpr quint64 kMaxPbkdf2Iterations = 2'000'000;

    Kind kind = Scrypt;
    quint64 n = kDefaultScryptN; // scrypt N, or PBKDF2 iterations
    quint32 r = 8, p = 1;

    static VaultKdf fastForTesting() { return {Scrypt, 1u << 10, 8, 1}; }
    // Reads the KDF parameters of a sealed vault (no passphrase needed); tests and diagnostics.
    static Result<VaultKdf> ofFile(const QByteArray &file);
};

class Vault
{
public:
    // A new vault's passphrase must have at least this many characters (existing vaults keep theirs).
    static constexpr int kMinPassphraseLength = 12;

    // Encrypt/decrypt a whole vault (the secrets map) with a passphrase. `path` only names the file in
    // error messages.
    static Result<QByteArray> seal(const QMap<QString, QString> &secrets, const QString &passphrase,
                                   const VaultKdf &kdf = {});
    static Result<QMap<QString, QString>> open(const QByteArray &file, const QString &passphrase,
                                               const QString &path = QString());
    // Refuses a passphrase too short for a new vault.
    static Status checkNewPassphrase(const QString &passphrase, const QString &path);
};

// A SecretStore over a vault file. The passphrase is checked on first use. Every write takes a lock file
// beside the vault (<vault>.lock), re-reads the file if another process changed it since, applies the one
// change, re-encrypts the whole file with a fresh nonce and replaces it atomically (QSaveFile, mode 0600):
// two processes writing at once never drop each other's entries.
class VaultStore final : public SecretStore
{
public:
    VaultStore(QString path, QString passphrase, VaultKdf kdf = {});
    ~VaultStore() override;
    SecretStoreRef ref() const override { return SecretStoreRef::vault(m_path); }
    QString describe() const override;
    Result<QString> read(const QString &name) override;
    Status write(const QString &name, const QString &secret) override;
    Status remove(const QString &name) override;
    // Loads (or, if the file is missing, prepares an empty vault); checks the passphrase.
    Status unlock();

private:
    // Under the lock: reload if the file changed, apply `change` to the entries, save if it changed them.
    Status update(const std::function<bool(QMap<QString, QString> &)> &change);
    Status reloadIfChanged();
    Status save();
    QString m_path;
    QString m_passphrase;
    VaultKdf m_kdf;
    bool m_loaded = false;
    QByteArray m_fileBytes; // the file as last read or written: a write re-reads only when it differs
    QMap<QString, QString> m_secrets;
};

} // namespace orgward
