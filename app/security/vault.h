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
// indistinguishable by design: "wrong passphrase or corrupted vault".
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
    Kind kind = Scrypt;
    quint64 n = 1u << 15; // scrypt N, or PBKDF2 iterations
    quint32 r = 8, p = 1;

    static VaultKdf fastForTesting() { return {Scrypt, 1u << 10, 8, 1}; }
};

class Vault
{
public:
    // Encrypt/decrypt a whole vault (the secrets map) with a passphrase.
    static Result<QByteArray> seal(const QMap<QString, QString> &secrets, const QString &passphrase,
                                   const VaultKdf &kdf = {});
    static Result<QMap<QString, QString>> open(const QByteArray &file, const QString &passphrase);
};

// A SecretStore over a vault file. The passphrase is checked on first use; every write re-encrypts the
// whole file with a fresh nonce and replaces it atomically (QSaveFile, mode 0600).
class VaultStore final : public SecretStore
{
public:
    VaultStore(QString path, QString passphrase, VaultKdf kdf = {});
    QString spec() const override { return QStringLiteral("vault:") + m_path; }
    QString describe() const override;
    Result<QString> read(const QString &name) override;
    Status write(const QString &name, const QString &secret) override;
    Status remove(const QString &name) override;
    // Loads (or, if the file is missing, prepares an empty vault); checks the passphrase.
    Status unlock();

private:
    Status save();
    QString m_path;
    QString m_passphrase;
    VaultKdf m_kdf;
    bool m_loaded = false;
    QMap<QString, QString> m_secrets;
};

} // namespace orgward
