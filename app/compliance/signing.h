#pragma once
// Ed25519 signatures for evidence manifests (issue #14), through OpenSSL 3 (EVP_PKEY_ED25519, one-shot
// EVP_DigestSign with no digest: Ed25519 hashes internally).
//
// The signing key pair is created on first use and kept only in a SecretStore (the OS keychain in
// production) under evidenceSigningKeySecretName(), as PKCS#8 PEM text; never in a file or the database.
// The public key leaves as a SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----").
//
// Fingerprint: "SHA256:" followed by the lowercase hex SHA-256 of the raw 32-byte public key (RFC 8032
// encoding, the last 32 bytes of the key's DER SubjectPublicKeyInfo). With OpenSSL alone:
//   openssl pkey -pubin -in key.pem -outform DER | tail -c 32 | sha256sum
#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <memory>

struct evp_pkey_st;

namespace orgward {

class SecretStore;

inline constexpr qsizetype kEd25519PublicKeyBytes = 32;
inline constexpr qsizetype kEd25519SignatureBytes = 64;

// The secret name of the evidence signing key (one per user, shared by every organization).
QString evidenceSigningKeySecretName();
// "SHA256:<64 hex>" of a raw 32-byte Ed25519 public key.
QString ed25519Fingerprint(const QByteArray &rawPublicKey);

class Ed25519PublicKey
{
public:
    // A SubjectPublicKeyInfo PEM; anything but an Ed25519 key is refused with a message saying so.
    static Result<Ed25519PublicKey> fromPem(const QByteArray &pem);
    QByteArray pem() const;
    QByteArray raw() const; // 32 bytes
    QString fingerprint() const;
    // True only when `signature` is a valid Ed25519 signature of exactly these bytes.
    bool verify(const QByteArray &message, const QByteArray &signature) const;

private:
    explicit Ed25519PublicKey(std::shared_ptr<evp_pkey_st> key) : m_key(std::move(key)) {}
    friend class Ed25519SigningKey;
    std::shared_ptr<evp_pkey_st> m_key;
};

class Ed25519SigningKey
{
public:
    static Result<Ed25519SigningKey> generate();
    // An unencrypted PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"); never prompts for a passphrase.
    static Result<Ed25519SigningKey> fromPem(const QByteArray &pkcs8Pem);
    // The private key as PKCS#8 PEM: secret, wipe it (wipeSecret) once stored.
    Result<QByteArray> privatePem() const;
    Ed25519PublicKey publicKey() const;
    Result<QByteArray> sign(const QByteArray &message) const; // 64 bytes

private:
    explicit Ed25519SigningKey(std::shared_ptr<evp_pkey_st> key) : m_key(std::move(key)) {}
    std::shared_ptr<evp_pkey_st> m_key;
};

// The evidence signing key from `store`, created and stored there when it holds none.
Result<Ed25519SigningKey> evidenceSigningKey(SecretStore &store);
// The public half of the stored key; Error::Code::NotFound when the store holds no signing key (never
// creates one: verification has nothing to sign).
Result<Ed25519PublicKey> evidencePublicKey(SecretStore &store);

} // namespace orgward
