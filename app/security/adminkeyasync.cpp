#include "adminkeyasync.h"

#include "core/sanitizer.h"

#include <QMetaObject>
#include <QObject>

namespace orgward {

namespace {
template <typename T> void post(QObject *context, std::function<void(T)> done, T result)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), r = std::move(result)]() mutable { done(std::move(r)); },
        Qt::QueuedConnection);
}

Error noStoredKey(const QString &org, const SecretStore &store)
{
    return err(Error::Code::Auth,
               QStringLiteral("no admin key is stored for organization '%1' in %2. Store one in Settings → "
                              "Organizations, or with 'orgward org add %1' (the key is read from standard "
                              "input).")
                   .arg(org, store.describe()));
}
} // namespace

void readAdminKeyAsync(const OrgProfile &profile, QObject *context, SecretCallback done)
{
    // Only the keychain waits on another process; the other stores (and the session store's fallback to
    // $OPENAI_ADMIN_KEY) are the blocking call, answered through the queue.
    if (profile.secretStore.kind != SecretStoreKind::Keychain || !profile.secretStore.unreadable.isEmpty())
        return post<Result<QString>>(context, std::move(done), readAdminKey(profile.name));
    auto store = SecretStores::open(profile.secretStore);
    if (!store) return post<Result<QString>>(context, std::move(done), store.error());
    const QString org = profile.name;
    std::shared_ptr<SecretStore> s = *store;
    s->readAsync(adminKeySecretName(org), context, [s, org, done = std::move(done)](Result<QString> key) {
        if (!key && key.error().code == Error::Code::NotFound) return done(noStoredKey(org, *s));
        if (key) Sanitizer::addSecret(*key);
        done(std::move(key));
    });
}

void writeAdminKeyAsync(const OrgProfile &profile, const QString &key, QObject *context, StatusCallback done)
{
    const QString k = key.trimmed();
    if (!k.isEmpty()) Sanitizer::addSecret(k);
    if (k.isEmpty())
        return post<Status>(context, std::move(done),
                            err(Error::Code::Usage, QStringLiteral("the admin key is empty")));
    if (!k.startsWith(QLatin1String("sk-")))
        return post<Status>(
            context, std::move(done),
            err(Error::Code::Usage, QStringLiteral("that does not look like an OpenAI key (it "
                                                   "should start with sk-admin-)")));
    auto store = SecretStores::open(profile.secretStore);
    if (!store) return post<Status>(context, std::move(done), store.error());
    std::shared_ptr<SecretStore> s = *store; // kept alive until the job answers
    s->writeAsync(adminKeySecretName(profile.name), k, context,
                  [s, done = std::move(done)](Status st) { done(std::move(st)); });
}

void removeAdminKeyAsync(const SecretStoreRef &ref, const QString &org, QObject *context, StatusCallback done)
{
    auto store = SecretStores::open(ref);
    if (!store) return post<Status>(context, std::move(done), store.error());
    std::shared_ptr<SecretStore> s = *store;
    s->removeAsync(adminKeySecretName(org), context,
                   [s, done = std::move(done)](Status st) { done(std::move(st)); });
}

} // namespace orgward
