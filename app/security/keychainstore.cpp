#include "keychainstore.h"

#include "core/logging.h"
#include "core/sanitizer.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <qt6keychain/keychain.h>

#include <atomic>
#include <optional>

namespace orgward {

namespace {

std::atomic<int> g_timeoutMs{0};
// Set once the keychain has answered in this process: a later failure means it was locked or went away
// mid-session, not that this machine has none.
std::atomic<bool> g_answeredOnce{false};

QString lockedOrGoneAdvice()
{
    return QStringLiteral(
        "the keychain is locked or not running; unlock it (or log in to the desktop session again, or "
        "start the keyring) and retry. Nothing stored was changed: the profile and its key stay where "
        "they are.");
}

bool isNoBackend(QKeychain::Error e)
{
    return e == QKeychain::NoBackendAvailable || e == QKeychain::NotImplemented ||
           e == QKeychain::OtherError || e == QKeychain::AccessDenied;
}

Error keychainError(const QKeychain::Job &job, const QString &what)
{
    const QString detail = Sanitizer::mask(job.errorString());
    if (job.error() == QKeychain::AccessDenied || (isNoBackend(job.error()) && g_answeredOnce.load()))
        return err(Error::Code::Security,
                   QStringLiteral("cannot %1: %2 (%3)").arg(what, lockedOrGoneAdvice(), detail));
    if (isNoBackend(job.error()))
        return err(
            Error::Code::Security,
            QStringLiteral("cannot %1: no usable keychain (%2). %3").arg(what, detail, noKeychainAdvice()));
    if (job.error() == QKeychain::AccessDeniedByUser)
        return err(Error::Code::Security,
                   QStringLiteral("cannot %1: access to the keychain was denied").arg(what));
    return err(Error::Code::Security, QStringLiteral("cannot %1: %2").arg(what, detail));
}

Error timedOut(const QString &what)
{
    return err(Error::Code::Security, QStringLiteral("cannot %1: the keychain did not answer within %2 s; %3")
                                          .arg(what)
                                          .arg(KeychainStore::jobTimeoutMs() / 1000.0)
                                          .arg(lockedOrGoneAdvice()));
}

// Starts `job` and calls `done(interpret(job))` from its finished signal, or `done(timeout error)` after
// jobTimeoutMs(), whichever comes first; never both, never once `context` is gone. The job deletes
// itself when it finishes.
template <typename T>
void startJob(QKeychain::Job *job, const QString &what, QObject *context,
              std::function<T(const QKeychain::Job &)> interpret, std::function<void(T)> done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never the plaintext QSettings fallback
    auto answered = std::make_shared<bool>(false);
    QObject::connect(job, &QKeychain::Job::finished, context, [answered, interpret, done](QKeychain::Job *j) {
        if (std::exchange(*answered, true)) return;
        done(interpret(*j));
    });
    QTimer::singleShot(KeychainStore::jobTimeoutMs(), context, [answered, done, what] {
        if (std::exchange(*answered, true)) return;
        qCWarning(lcSecurity) << "keychain job timed out:" << what;
        done(T(timedOut(what)));
    });
    job->start();
}

// The blocking form: a local event loop until the asynchronous form answers. Headless callers only; on
// the GUI thread this would be a nested event loop, hence the warning.
template <typename T> T waitFor(const std::function<void(QObject *, std::function<void(T)>)> &start)
{
    // The console (QApplication) must not wait here; the CLI's offscreen QGuiApplication (PDF reports) may.
    if (QCoreApplication::instance() && QCoreApplication::instance()->inherits("QApplication") &&
        QThread::currentThread() == QCoreApplication::instance()->thread())
        qCWarning(lcSecurity) << "blocking keychain call on the GUI thread; use the asynchronous form";
    QEventLoop loop;
    std::optional<T> out;
    start(&loop, [&](T r) {
        out.emplace(std::move(r));
        loop.quit();
    });
    if (!out) loop.exec(QEventLoop::ExcludeUserInputEvents);
    return std::move(*out);
}

Result<QString> readOutcome(const QKeychain::Job &job, const QString &name)
{
    if (job.error() == QKeychain::EntryNotFound) {
        g_answeredOnce = true;
        return err(Error::Code::NotFound, QStringLiteral("the keychain has no entry '%1'").arg(name));
    }
    if (job.error() != QKeychain::NoError)
        return keychainError(job, QStringLiteral("read '%1' from the keychain").arg(name));
    g_answeredOnce = true;
    const QString secret = static_cast<const QKeychain::ReadPasswordJob &>(job).textData();
    Sanitizer::addSecret(secret);
    return secret;
}

} // namespace

KeychainStore::KeychainStore(QString service) : m_service(std::move(service)) {}

int KeychainStore::jobTimeoutMs()
{
    const int t = g_timeoutMs.load();
    return t > 0 ? t : kDefaultJobTimeoutMs;
}

void KeychainStore::setJobTimeoutMsForTesting(int ms)
{
    g_timeoutMs = ms;
}

QString KeychainStore::describe() const
{
    return QStringLiteral("the desktop keychain (Secret Service, service \"%1\")").arg(m_service);
}

void KeychainStore::readAsync(const QString &name, QObject *context, SecretCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(name);
    startJob<Result<QString>>(
        job, QStringLiteral("read '%1' from the keychain").arg(name), context,
        [name](const QKeychain::Job &j) { return readOutcome(j, name); }, std::move(done));
}

void KeychainStore::writeAsync(const QString &name, const QString &secret, QObject *context,
                               StatusCallback done)
{
    Sanitizer::addSecret(secret);
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(name);
    job->setTextData(secret);
    const QString what = QStringLiteral("store '%1' in the keychain").arg(name);
    startJob<Status>(
        job, what, context,
        [name, what](const QKeychain::Job &j) -> Status {
            if (j.error() != QKeychain::NoError) return keychainError(j, what);
            g_answeredOnce = true;
            qCInfo(lcSecurity) << "stored" << name << "in the keychain";
            return {};
        },
        std::move(done));
}

void KeychainStore::removeAsync(const QString &name, QObject *context, StatusCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(name);
    const QString what = QStringLiteral("remove '%1' from the keychain").arg(name);
    startJob<Status>(
        job, what, context,
        [what](const QKeychain::Job &j) -> Status {
            if (j.error() == QKeychain::NoError || j.error() == QKeychain::EntryNotFound) {
                g_answeredOnce = true;
                return {};
            }
            return keychainError(j, what);
        },
        std::move(done));
}

Result<QString> KeychainStore::read(const QString &name)
{
    return waitFor<Result<QString>>([&](QObject *ctx, std::function<void(Result<QString>)> done) {
        readAsync(name, ctx, std::move(done));
    });
}

Status KeychainStore::write(const QString &name, const QString &secret)
{
    return waitFor<Status>([&](QObject *ctx, std::function<void(Status)> done) {
        writeAsync(name, secret, ctx, std::move(done));
    });
}

Status KeychainStore::remove(const QString &name)
{
    return waitFor<Status>(
        [&](QObject *ctx, std::function<void(Status)> done) { removeAsync(name, ctx, std::move(done)); });
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
