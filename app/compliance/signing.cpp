#include "signing.h"

#include "security/secretstore.h"

#include <QCryptographicHash>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace orgward {

namespace {

constexpr int kOpenSslErrorTextBytes = 256;

// The oldest queued OpenSSL error in words (the queue is cleared: the next failure starts clean).
QString openSslReason()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) return QStringLiteral("no detail from OpenSSL");
    char text[kOpenSslErrorTextBytes] = {};
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

Error cryptoError(const QString &what)
{
    return err(Error::Code::Security, QStringLiteral("%1: %2").arg(what, openSslReason()));
}

std::shared_ptr<evp_pkey_st> ownKey(EVP_PKEY *key)
{
    return std::shared_ptr<evp_pkey_st>(key, EVP_PKEY_free);
}

using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

// Refuses any passphrase prompt: our PEMs are never encrypted, and a CLI must not block on a terminal.
extern "C" int noPassphrase(char *, int, int, void *)
{
    return -1;
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, qsizetype(size)) : QByteArray();
}

bool isEd25519(const EVP_PKEY *key)
{
    return key && EVP_PKEY_get_id(key) == EVP_PKEY_ED25519;
}

} // namespace

QString evidenceSigningKeySecretName()
{
    return QStringLiteral("evidence/signing-key");
}

QString ed25519Fingerprint(const QByteArray &rawPublicKey)
{
    return QStringLiteral("SHA256:") +
           QString::fromLatin1(QCryptographicHash::hash(rawPublicKey, QCryptographicHash::Sha256).toHex());
}

// Ed25519PublicKey ---------------------------------------------------------------------------------------

Result<Ed25519PublicKey> Ed25519PublicKey::fromPem(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), BIO_free);
    if (!bio) return cryptoError(QStringLiteral("reading a public key"));
    EVP_PKEY *key = PEM_read_bio_PUBKEY(bio.get(), nullptr, noPassphrase, nullptr);
    if (!key)
        return err(Error::Code::Parse,
                   QStringLiteral("not a PEM public key (expected \"-----BEGIN PUBLIC KEY-----\", as "
                                  "'orgward evidence --export-public-key' writes): %1")
                       .arg(openSslReason()));
    auto owned = ownKey(key);
    if (!isEd25519(key))
        return err(Error::Code::Parse,
                   QStringLiteral("the public key is not an Ed25519 key (evidence bundles are signed with "
                                  "Ed25519)"));
    return Ed25519PublicKey(std::move(owned));
}

QByteArray Ed25519PublicKey::pem() const
{
    BioPtr bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), m_key.get()) != 1) return {};
    return bioBytes(bio.get());
}

QByteArray Ed25519PublicKey::raw() const
{
    QByteArray out(kEd25519PublicKeyBytes, Qt::Uninitialized);
    size_t len = size_t(out.size());
    if (EVP_PKEY_get_raw_public_key(m_key.get(), reinterpret_cast<unsigned char *>(out.data()), &len) != 1 ||
        len != size_t(kEd25519PublicKeyBytes))
        return {};
    return out;
}

QString Ed25519PublicKey::fingerprint() const
{
    return ed25519Fingerprint(raw());
}

bool Ed25519PublicKey::verify(const QByteArray &message, const QByteArray &signature) const
{
    if (signature.size() != kEd25519SignatureBytes) return false;
    MdCtxPtr ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, m_key.get()) != 1) {
        ERR_clear_error();
        return false;
    }
    const int rc = EVP_DigestVerify(
        ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()), size_t(signature.size()),
        reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()));
    ERR_clear_error(); // a bad signature queues an error; it is an answer here, not a failure
    return rc == 1;
}

// Ed25519SigningKey --------------------------------------------------------------------------------------

Result<Ed25519SigningKey> Ed25519SigningKey::generate()
{
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    if (!key) return cryptoError(QStringLiteral("creating an Ed25519 key pair"));
    return Ed25519SigningKey(ownKey(key));
}

Result<Ed25519SigningKey> Ed25519SigningKey::fromPem(const QByteArray &pkcs8Pem)
{
    BioPtr bio(BIO_new_mem_buf(pkcs8Pem.constData(), int(pkcs8Pem.size())), BIO_free);
    if (!bio) return cryptoError(QStringLiteral("reading the signing key"));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr);
    if (!key)
        return err(Error::Code::Security,
                   QStringLiteral("the stored evidence signing key is not a readable PKCS#8 PEM key (%1); "
                                  "bundles signed with it can still be verified with its exported public "
                                  "key")
                       .arg(openSslReason()));
    auto owned = ownKey(key);
    if (!isEd25519(key))
        return err(Error::Code::Security, QStringLiteral("the stored evidence signing key is not Ed25519"));
    return Ed25519SigningKey(std::move(owned));
}

Result<QByteArray> Ed25519SigningKey::privatePem() const
{
    // Secure-heap memory BIO: the PEM text never sits in ordinary freed heap pages.
    BioPtr bio(BIO_new(BIO_s_secmem()), BIO_free);
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return cryptoError(QStringLiteral("encoding the signing key"));
    return bioBytes(bio.get());
}

Ed25519PublicKey Ed25519SigningKey::publicKey() const
{
    // A key object holding the public half alone, so a PublicKey never carries the private key around.
    unsigned char raw[kEd25519PublicKeyBytes];
    size_t len = sizeof raw;
    if (EVP_PKEY_get_raw_public_key(m_key.get(), raw, &len) == 1 && len == sizeof raw)
        if (EVP_PKEY *pub = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, raw, len))
            return Ed25519PublicKey(ownKey(pub));
    ERR_clear_error();
    return Ed25519PublicKey(m_key); // out of memory: the private object answers public questions too
}

Result<QByteArray> Ed25519SigningKey::sign(const QByteArray &message) const
{
    MdCtxPtr ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, m_key.get()) != 1)
        return cryptoError(QStringLiteral("starting an Ed25519 signature"));
    QByteArray sig(kEd25519SignatureBytes, Qt::Uninitialized);
    size_t len = size_t(sig.size());
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len,
                       reinterpret_cast<const unsigned char *>(message.constData()),
                       size_t(message.size())) != 1 ||
        len != size_t(kEd25519SignatureBytes))
        return cryptoError(QStringLiteral("signing with Ed25519"));
    return sig;
}

// The stored key ----------------------------------------------------------------------------------------

namespace {

Result<Ed25519SigningKey> keyFromSecret(QString secret)
{
    QByteArray pem = secret.toLatin1();
    wipeSecret(secret);
    auto key = Ed25519SigningKey::fromPem(pem);
    wipeSecret(pem);
    return key;
}

Result<Ed25519SigningKey> createStoredKey(SecretStore &store)
{
    auto key = Ed25519SigningKey::generate();
    if (!key) return key.error();
    auto pem = key->privatePem();
    if (!pem) return pem.error();
    QString text = QString::fromLatin1(*pem);
    wipeSecret(*pem);
    const Status stored = store.write(evidenceSigningKeySecretName(), text);
    wipeSecret(text);
    if (!stored)
        return err(stored.error().code,
                   QStringLiteral("could not keep the new evidence signing key in %1: %2")
                       .arg(store.describe(), stored.errorMessage()));
    // Read back what the store holds: when two processes create a key at once, the last write wins and
    // both sign with that one.
    auto back = store.read(evidenceSigningKeySecretName());
    if (!back) return back.error();
    return keyFromSecret(*back);
}

} // namespace

Result<Ed25519SigningKey> evidenceSigningKey(SecretStore &store)
{
    auto secret = store.read(evidenceSigningKeySecretName());
    if (secret) return keyFromSecret(*secret);
    if (secret.error().code != Error::Code::NotFound) return secret.error();
    return createStoredKey(store);
}

Result<Ed25519PublicKey> evidencePublicKey(SecretStore &store)
{
    auto secret = store.read(evidenceSigningKeySecretName());
    if (!secret) {
        if (secret.error().code == Error::Code::NotFound)
            return err(Error::Code::NotFound,
                       QStringLiteral("%1 holds no evidence signing key (it is created by the first "
                                      "'orgward evidence'): give the signer's public key with --public-key "
                                      "FILE")
                           .arg(store.describe()));
        return secret.error();
    }
    auto key = keyFromSecret(*secret);
    if (!key) return key.error();
    return key->publicKey();
}

} // namespace orgward
