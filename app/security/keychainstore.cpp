#include "keychainstore.h"

#include "core/logging.h"
#include "core/sanitizer.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QUuid>
#include <qt6keychain/keychain.h>

namespace orgward {

namespace {

// QtKeychain jobs finish asynchronously; the CLI and the stores' callers want a plain call. A local event
// loop waits for `finished` (the keychain answers over D-Bus within milliseconds, or fails fast).
void runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false); // never the plaintext QSettings fallback
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

bool isNoBackend(QKeychain::Error e)
{
    return e == QKeychain::NoBackendAvailable || e == QKeychain::NotImplemented ||
           e == QKeychain::OtherError || e == QKeychain::AccessDenied;
}

Error keychainError(const QKeychain::Job &job, const QString &what)
{
    const QString detail = Sanitizer::mask(job.errorString());
    if (isNoBackend(job.error()))
        return err(
            Error::Code::Security,
            QStringLiteral("cannot %1: no usable keychain (%2). %3").arg(what, detail, noKeychainAdvice()));
    if (job.error() == QKeychain::AccessDeniedByUser)
        return err(Error::Code::Security,
                   QStringLiteral("cannot %1: access to the keychain was denied").arg(what));
    return err(Error::Code::Security, QStringLiteral("cannot %1: %2").arg(what, detail));
}

} // namespace

KeychainStore::KeychainStore(QString service) : m_service(std::move(service)) {}

QString KeychainStore::describe() const
{
    return QStringLiteral("the desktop keychain (Secret Service, service \"%1\")").arg(m_service);
}

Result<QString> KeychainStore::read(const QString &name)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(name);
    runJob(job);
    if (job.error() == QKeychain::EntryNotFound)
        return err(Error::Code::NotFound, QStringLiteral("the keychain has no entry '%1'").arg(name));
    if (job.error() != QKeychain::NoError)
        return keychainError(job, QStringLiteral("read '%1' from the keychain").arg(name));
    const QString secret = job.textData();
    Sanitizer::addSecret(secret);
    return secret;
}

Status KeychainStore::write(const QString &name, const QString &secret)
{
    Sanitizer::addSecret(secret);
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(name);
    job.setTextData(secret);
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return keychainError(job, QStringLiteral("store '%1' in the keychain").arg(name));
    qCInfo(lcSecurity) << "stored" << name << "in the keychain";
    return {};
}

Status KeychainStore::remove(const QString &name)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(name);
    runJob(job);
    if (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound) return {};
    return keychainError(job, QStringLiteral("remove '%1' from the keychain").arg(name));
}

Status KeychainStore::probe()
{
    const QString name = QStringLiteral("probe/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString value = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto w = write(name, value); !w) return w;
    auto r = read(name);
    (void)remove(name);
    if (!r) return r.error();
    if (*r != value)
        return err(Error::Code::Security,
                   QStringLiteral("the keychain returned a different value than was stored. %1")
                       .arg(noKeychainAdvice()));
    return {};
}

} // namespace orgward
