#include "vault.h"

#include "core/logging.h"
#include "core/sanitizer.h"

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <openssl/crypto.h>
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

// How long a write waits for another process's write to finish before giving up.
constexpr int kLockWaitMs = 30'000;
// A lock file older than this whose owner is gone is taken over (QLockFile checks the owner's PID).
constexpr int kStaleLockMs = 60'000;
constexpr quint64 kScryptBytesPerNr = 128; // scrypt's V array holds 128·r bytes per step of N

Error corrupted(const QString &path = QString())
{
    const QString what = QStringLiteral("wrong passphrase or corrupted vault");
    return err(Error::Code::Security, path.isEmpty() ? what : QStringLiteral("%1: %2").arg(path, what));
}

Error unsafeKdf(const VaultKdf &k, const QString &path)
{
    const QString file =
        path.isEmpty() ? QStringLiteral("the vault file") : QStringLiteral("the vault file %1").arg(path);
    const QString params =
        k.kind == VaultKdf::Pbkdf2
            ? QStringLiteral("PBKDF2 iterations=%1").arg(k.n)
            : QStringLiteral("kdf=%1, N=%2, r=%3, p=%4").arg(int(k.kind)).arg(k.n).arg(k.r).arg(k.p);
    return err(Error::Code::Security,
               QStringLiteral("%1 has an unsafe key-derivation header (%2); it may have been tampered with. "
                              "Nothing was derived or changed; restore the file from a backup.")
                   .arg(file, params));
}

// Refuse parameters beyond the caps before spending memory or time on them: a tampered header is detected
// by GCM, but only after the key is derived.
Status checkKdf(const VaultKdf &k, const QString &path)
{
    if (k.kind == VaultKdf::Scrypt) {
        const bool powerOfTwo = k.n >= 2 && (k.n & (k.n - 1)) == 0;
        const bool rp = k.r >= 1 && k.r <= VaultKdf::kMaxScryptR && k.p >= 1 && k.p <= VaultKdf::kMaxScryptP;
        // Checked as a division so that a huge N cannot overflow the product.
        const bool memory = rp && k.n <= VaultKdf::kMaxScryptMemory / (kScryptBytesPerNr * k.r);
        if (!powerOfTwo || !rp || !memory) return unsafeKdf(k, path);
    } else if (k.kind == VaultKdf::Pbkdf2) {
        if (k.n < VaultKdf::kMinPbkdf2Iterations || k.n > VaultKdf::kMaxPbkdf2Iterations)
            return unsafeKdf(k, path);
    } else {
        return unsafeKdf(k, path);
    }
    return {};
}

Result<QByteArray> deriveKey(const QString &passphrase, const QByteArray &salt, const VaultKdf &k,
                             const QString &path = QString())
{
    if (auto s = checkKdf(k, path); !s) return s.error();
    QByteArray pw = passphrase.toUtf8();
    QByteArray key(kKeyLen, Qt::Uninitialized);
    int ok = 0;
    if (k.kind == VaultKdf::Scrypt) {
        // V (128·r·N) plus B (128·r·p) plus slack: exactly what the caps above allow, no more.
        const quint64 maxmem = kScryptBytesPerNr * k.r * (k.n + k.p) + (1u << 20);
        ok = EVP_PBE_scrypt(pw.constData(), size_t(pw.size()),
                            reinterpret_cast<const unsigned char *>(salt.constData()), size_t(salt.size()),
                            k.n, k.r, k.p, maxmem, reinterpret_cast<unsigned char *>(key.data()),
                            size_t(key.size()));
    } else {
        ok = PKCS5_PBKDF2_HMAC(pw.constData(), int(pw.size()),
                               reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
                               int(k.n), EVP_sha256(), int(key.size()),
                               reinterpret_cast<unsigned char *>(key.data()));
    }
    wipeSecret(pw);
    if (ok != 1) {
        wipeSecret(key);
        return err(Error::Code::Security, QStringLiteral("cannot derive the vault key (OpenSSL KDF failed)"));
    }
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

struct Parsed
{
    VaultKdf kdf;
    QByteArray salt, nonce;
    qsizetype headerLen = 0;
};

Result<Parsed> parseHeader(const QByteArray &file, const QString &path)
{
    QDataStream s(file);
    s.setByteOrder(QDataStream::BigEndian);
    QByteArray magic(kMagic.size(), Qt::Uninitialized);
    if (s.readRawData(magic.data(), int(magic.size())) != magic.size() || magic != kMagic) {
        const QString what = QStringLiteral("not an Orgward vault file (bad magic)");
        return err(Error::Code::Security, path.isEmpty() ? what : QStringLiteral("%1: %2").arg(path, what));
    }
    quint8 kind = 0, saltLen = 0, nonceLen = 0;
    Parsed h;
    s >> kind >> h.kdf.n >> h.kdf.r >> h.kdf.p >> saltLen;
    h.kdf.kind = VaultKdf::Kind(kind);
    if (s.status() != QDataStream::Ok || saltLen != kSaltLen) return corrupted(path);
    h.salt.resize(saltLen);
    if (s.readRawData(h.salt.data(), saltLen) != saltLen) return corrupted(path);
    s >> nonceLen;
    if (s.status() != QDataStream::Ok || nonceLen != kNonceLen) return corrupted(path);
    h.nonce.resize(nonceLen);
    if (s.readRawData(h.nonce.data(), nonceLen) != nonceLen) return corrupted(path);
    h.headerLen = s.device()->pos();
    if (file.size() < h.headerLen + kTagLen) return corrupted(path);
    return h;
}

} // namespace

void wipeSecret(QByteArray &bytes)
{
    if (!bytes.isEmpty()) OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

void wipeSecret(QString &text)
{
    // data() detaches a shared copy first: only this string's buffer is ours to wipe.
    if (!text.isEmpty()) OPENSSL_cleanse(text.data(), size_t(text.size()) * sizeof(QChar));
    text.clear();
}

Result<VaultKdf> VaultKdf::ofFile(const QByteArray &file)
{
    auto h = parseHeader(file, QString());
    if (!h) return h.error();
    return h->kdf;
}

Status Vault::checkNewPassphrase(const QString &passphrase, const QString &path)
{
    if (passphrase.size() >= kMinPassphraseLength) return {};
    return err(Error::Code::Usage,
               QStringLiteral("the passphrase for the new vault %1 is too short (%2 characters): use at "
                              "least %3, for example four unrelated words")
                   .arg(path)
                   .arg(passphrase.size())
                   .arg(kMinPassphraseLength));
}

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
    wipeSecret(plain);
    wipeSecret(*key);
    if (!ok) return err(Error::Code::Security, QStringLiteral("vault encryption failed (OpenSSL)"));
    cipher.truncate(total);
    return QByteArray(aad + cipher + tag);
}

Result<QMap<QString, QString>> Vault::open(const QByteArray &file, const QString &passphrase,
                                           const QString &path)
{
    auto h = parseHeader(file, path);
    if (!h) return h.error();
    auto key = deriveKey(passphrase, h->salt, h->kdf, path);
    if (!key) return key.error();
    const QByteArray aad = file.left(h->headerLen);
    const QByteArray cipher = file.mid(h->headerLen, file.size() - h->headerLen - kTagLen);
    QByteArray tag = file.right(kTagLen);

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    QByteArray plain(cipher.size() + 16, Qt::Uninitialized);
    int len = 0, total = 0;
    bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceLen, nullptr) == 1 &&
              EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, u(*key), u(h->nonce)) == 1 &&
              EVP_DecryptUpdate(ctx.get(), nullptr, &len, u(aad), int(aad.size())) == 1 &&
              EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &len, u(cipher),
                                int(cipher.size())) == 1;
    total = len;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagLen, tag.data()) == 1;
    // The tag check: a wrong key, a changed header byte, ciphertext byte or tag byte all fail here.
    ok = ok &&
         EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + total, &len) == 1;
    wipeSecret(*key);
    if (!ok) {
        wipeSecret(plain);
        return corrupted(path);
    }
    total += len;
    plain.truncate(total);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(plain, &pe);
    wipeSecret(plain);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) return corrupted(path);
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

VaultStore::~VaultStore()
{
    wipeSecret(m_passphrase);
}

QString VaultStore::describe() const
{
    return QStringLiteral("the encrypted vault file %1").arg(m_path);
}

Status VaultStore::unlock()
{
    if (m_loaded) return {};
    if (!QFile::exists(m_path)) {
        // A new vault: its passphrase must be long enough (an existing vault keeps the one it has).
        if (auto s = Vault::checkNewPassphrase(m_passphrase, m_path); !s) return s;
        m_secrets.clear();
        m_fileBytes.clear();
        m_loaded = true;
        return {};
    }
    m_loaded = false;
    m_fileBytes.clear();
    if (auto s = reloadIfChanged(); !s) return s;
    m_loaded = true;
    return {};
}

Status VaultStore::reloadIfChanged()
{
    QFile f(m_path);
    if (!f.exists()) {
        if (m_fileBytes.isEmpty()) return {};
        // Deleted behind our back: start from what we know rather than dropping it.
        m_fileBytes.clear();
        return {};
    }
    if (!f.open(QIODevice::ReadOnly))
        return err(Error::Code::Io,
                   QStringLiteral("cannot read the vault %1: %2").arg(m_path, f.errorString()));
    const QByteArray bytes = f.readAll();
    if (bytes == m_fileBytes) return {};
    auto opened = Vault::open(bytes, m_passphrase, m_path);
    if (!opened) return opened.error();
    m_secrets = *opened;
    m_fileBytes = bytes;
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
    return update([&](QMap<QString, QString> &m) {
        m.insert(name, secret);
        return true;
    });
}

Status VaultStore::remove(const QString &name)
{
    return update([&](QMap<QString, QString> &m) { return m.remove(name) > 0; });
}

Status VaultStore::update(const std::function<bool(QMap<QString, QString> &)> &change)
{
    if (auto s = unlock(); !s) return s;
    const QFileInfo fi(m_path);
    if (!QDir().mkpath(fi.absolutePath()))
        return err(Error::Code::Io, QStringLiteral("cannot create the folder of %1").arg(m_path));
    QLockFile lock(m_path + QStringLiteral(".lock"));
    lock.setStaleLockTime(kStaleLockMs);
    if (!lock.tryLock(kLockWaitMs))
        return err(Error::Code::Conflict,
                   QStringLiteral("the vault %1 is being written by another process (lock file %1.lock); "
                                  "try again, or remove the lock file if no Orgward is running")
                       .arg(m_path));
    // Another process may have added or removed entries since we read the file: start from its state.
    if (auto s = reloadIfChanged(); !s) return s;
    if (!change(m_secrets)) return {};
    auto saved = save();
    if (!saved) m_fileBytes.clear(); // the next access re-reads the file instead of trusting memory
    return saved;
}

Status VaultStore::save()
{
    auto sealed = Vault::seal(m_secrets, m_passphrase, m_kdf);
    if (!sealed) return sealed.error();
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return err(Error::Code::Io,
                   QStringLiteral("cannot write the vault %1: %2").arg(m_path, f.errorString()));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(*sealed);
    if (!f.commit())
        return err(Error::Code::Io,
                   QStringLiteral("cannot write the vault %1: %2").arg(m_path, f.errorString()));
    m_fileBytes = *sealed;
    return {};
}

} // namespace orgward
