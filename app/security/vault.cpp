#include "vault.h"

#include "core/logging.h"
#include "core/sanitizer.h"

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace orgward {

namespace {

const QByteArray kMagic = QByteArrayLiteral("ORGWARDVAULT1");
constexpr int kSaltLen = 16;
constexpr int kNonceLen = 12;
constexpr int kTagLen = 16;
constexpr int kKeyLen = 32;

Error corrupted()
{
    return err(Error::Code::Security, QStringLiteral("wrong passphrase or corrupted vault"));
}

// Refuse absurd parameters before spending memory or time on them (a tampered header is detected by GCM,
// but only after the key is derived).
Status checkKdf(const VaultKdf &k)
{
    if (k.kind == VaultKdf::Scrypt) {
        if (k.n < 2 || k.n > (1ull << 20) || (k.n & (k.n - 1)) != 0 || k.r == 0 || k.r > 32 || k.p == 0 ||
            k.p > 16)
            return corrupted();
    } else if (k.kind == VaultKdf::Pbkdf2) {
        if (k.n < 1000 || k.n > 10'000'000) return corrupted();
    } else {
        return corrupted();
    }
    return {};
}

Result<QByteArray> deriveKey(const QString &passphrase, const QByteArray &salt, const VaultKdf &k)
{
    if (auto s = checkKdf(k); !s) return s.error();
    const QByteArray pw = passphrase.toUtf8();
    QByteArray key(kKeyLen, Qt::Uninitialized);
    int ok = 0;
    if (k.kind == VaultKdf::Scrypt) {
        const quint64 maxmem = 128ull * k.n * k.r * k.p + (1u << 20) + 128ull * k.r * k.p * 2;
        ok = EVP_PBE_scrypt(pw.constData(), size_t(pw.size()),
                            reinterpret_cast<const unsigned char *>(salt.constData()), size_t(salt.size()),
                            k.n, k.r, k.p, maxmem * 2, reinterpret_cast<unsigned char *>(key.data()),
                            size_t(key.size()));
    } else {
        ok = PKCS5_PBKDF2_HMAC(pw.constData(), int(pw.size()),
                               reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
                               int(k.n), EVP_sha256(), int(key.size()),
                               reinterpret_cast<unsigned char *>(key.data()));
    }
    if (ok != 1)
        return err(Error::Code::Security, QStringLiteral("cannot derive the vault key (OpenSSL KDF failed)"));
    return key;
}

QByteArray header(const VaultKdf &k, const QByteArray &salt, const QByteArray &nonce)
{
    QByteArray h;
    QDataStream s(&h, QIODevice::WriteOnly);
    s.setByteOrder(QDataStream::BigEndian);
    s.writeRawData(kMagic.constData(), int(kMagic.size()));
    s << quint8(k.kind) << quint64(k.n) << quint32(k.r) << quint32(k.p);
    s << quint8(salt.size());
    s.writeRawData(salt.constData(), int(salt.size()));
    s << quint8(nonce.size());
    s.writeRawData(nonce.constData(), int(nonce.size()));
    return h;
}

struct CtxFree
{
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CtxFree>;

const unsigned char *u(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}

} // namespace

Result<QByteArray> Vault::seal(const QMap<QString, QString> &secrets, const QString &passphrase,
                               const VaultKdf &kdf)
{
    if (passphrase.isEmpty())
        return err(Error::Code::Security, QStringLiteral("the vault passphrase must not be empty"));
    QByteArray salt(kSaltLen, Qt::Uninitialized), nonce(kNonceLen, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), kSaltLen) != 1 ||
        RAND_bytes(reinterpret_cast<unsigned char *>(nonce.data()), kNonceLen) != 1)
        return err(Error::Code::Security, QStringLiteral("no secure random numbers available"));
    auto key = deriveKey(passphrase, salt, kdf);
    if (!key) return key.error();
    const QByteArray aad = header(kdf, salt, nonce);
    QJsonObject o;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        o.insert(it.key(), it.value());
    QByteArray plain = QJsonDocument(o).toJson(QJsonDocument::Compact);

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    QByteArray cipher(plain.size() + 16, Qt::Uninitialized);
    QByteArray tag(kTagLen, Qt::Uninitialized);
    int len = 0, total = 0;
    bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceLen, nullptr) == 1 &&
              EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, u(*key), u(nonce)) == 1 &&
              EVP_EncryptUpdate(ctx.get(), nullptr, &len, u(aad), int(aad.size())) == 1 &&
              EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()), &len, u(plain),
                                int(plain.size())) == 1;
    total = len;
    ok = ok &&
         EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()) + total, &len) == 1;
    total += len;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagLen, tag.data()) == 1;
    plain.fill('\0');
    key->fill('\0');
    if (!ok) return err(Error::Code::Security, QStringLiteral("vault encryption failed (OpenSSL)"));
    cipher.truncate(total);
    return QByteArray(aad + cipher + tag);
}

Result<QMap<QString, QString>> Vault::open(const QByteArray &file, const QString &passphrase)
{
    QDataStream s(file);
    s.setByteOrder(QDataStream::BigEndian);
    QByteArray magic(kMagic.size(), Qt::Uninitialized);
    if (s.readRawData(magic.data(), int(magic.size())) != magic.size() || magic != kMagic)
        return err(Error::Code::Security, QStringLiteral("not an Orgward vault file (bad magic)"));
    quint8 kind = 0, saltLen = 0, nonceLen = 0;
    quint64 n = 0;
    quint32 r = 0, p = 0;
    s >> kind >> n >> r >> p >> saltLen;
    if (s.status() != QDataStream::Ok || saltLen != kSaltLen) return corrupted();
    QByteArray salt(saltLen, Qt::Uninitialized);
    if (s.readRawData(salt.data(), saltLen) != saltLen) return corrupted();
    s >> nonceLen;
    if (s.status() != QDataStream::Ok || nonceLen != kNonceLen) return corrupted();
    QByteArray nonce(nonceLen, Qt::Uninitialized);
    if (s.readRawData(nonce.data(), nonceLen) != nonceLen) return corrupted();
    const qsizetype headerLen = s.device()->pos();
    if (file.size() < headerLen + kTagLen) return corrupted();
    const VaultKdf kdf{VaultKdf::Kind(kind), n, r, p};
    auto key = deriveKey(passphrase, salt, kdf);
    if (!key) return key.error();
    const QByteArray aad = file.left(headerLen);
    const QByteArray cipher = file.mid(headerLen, file.size() - headerLen - kTagLen);
    QByteArray tag = file.right(kTagLen);

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    QByteArray plain(cipher.size() + 16, Qt::Uninitialized);
    int len = 0, total = 0;
    bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceLen, nullptr) == 1 &&
              EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, u(*key), u(nonce)) == 1 &&
              EVP_DecryptUpdate(ctx.get(), nullptr, &len, u(aad), int(aad.size())) == 1 &&
              EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &len, u(cipher),
                                int(cipher.size())) == 1;
    total = len;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagLen, tag.data()) == 1;
    // The tag check: a wrong key, a changed header byte, ciphertext byte or tag byte all fail here.
    ok = ok &&
         EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + total, &len) == 1;
    key->fill('\0');
    if (!ok) {
        plain.fill('\0');
        return corrupted();
    }
    total += len;
    plain.truncate(total);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(plain, &pe);
    plain.fill('\0');
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) return corrupted();
    QMap<QString, QString> out;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        out.insert(it.key(), it.value().toString());
        Sanitizer::addSecret(it.value().toString());
    }
    return out;
}

VaultStore::VaultStore(QString path, QString passphrase, VaultKdf kdf)
    : m_path(std::move(path)), m_passphrase(std::move(passphrase)), m_kdf(kdf)
{
}

QString VaultStore::describe() const
{
    return QStringLiteral("the encrypted vault file %1").arg(m_path);
}

Status VaultStore::unlock()
{
    if (m_loaded) return {};
    QFile f(m_path);
    if (!f.exists()) {
        m_secrets.clear();
        m_loaded = true;
        return {};
    }
    if (!f.open(QIODevice::ReadOnly))
        return err(Error::Code::Io,
                   QStringLiteral("cannot read the vault %1: %2").arg(m_path, f.errorString()));
    auto opened = Vault::open(f.readAll(), m_passphrase);
    if (!opened) return err(opened.error().code, QStringLiteral("%1: %2").arg(m_path, opened.errorMessage()));
    m_secrets = *opened;
    m_loaded = true;
    return {};
}

Result<QString> VaultStore::read(const QString &name)
{
    if (auto s = unlock(); !s) return s.error();
    const auto it = m_secrets.constFind(name);
    if (it == m_secrets.cend())
        return err(Error::Code::NotFound, QStringLiteral("the vault %1 has no entry '%2'").arg(m_path, name));
    return *it;
}

Status VaultStore::write(const QString &name, const QString &secret)
{
    Sanitizer::addSecret(secret);
    if (auto s = unlock(); !s) return s;
    m_secrets.insert(name, secret);
    return save();
}

Status VaultStore::remove(const QString &name)
{
    if (auto s = unlock(); !s) return s;
    if (m_secrets.remove(name) == 0) return {};
    return save();
}

Status VaultStore::save()
{
    auto sealed = Vault::seal(m_secrets, m_passphrase, m_kdf);
    if (!sealed) return sealed.error();
    const QFileInfo fi(m_path);
    if (!QDir().mkpath(fi.absolutePath()))
        return err(Error::Code::Io, QStringLiteral("cannot create the folder of %1").arg(m_path));
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return err(Error::Code::Io,
                   QStringLiteral("cannot write the vault %1: %2").arg(m_path, f.errorString()));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(*sealed);
    if (!f.commit())
        return err(Error::Code::Io,
                   QStringLiteral("cannot write the vault %1: %2").arg(m_path, f.errorString()));
    return {};
}

} // namespace orgward
