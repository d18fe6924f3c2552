#pragma once
// The admin key of an organization profile, for the GUI thread: every call returns at once and `done`
// runs later on `context`'s thread (not at all once `context` is destroyed). Keychain profiles go through
// the keychain's D-Bus job without any event loop of their own; session-memory and vault profiles answer
// through a queued call (a vault's passphrase is asked when its store is first opened).
// The CLI keeps the blocking readAdminKey()/writeAdminKey() (orgprofiles.h).
#include "orgprofiles.h"

class QObject;

namespace orgward {

void readAdminKeyAsync(const OrgProfile &profile, QObject *context, SecretCallback done);
// Checks the key's form first (not empty, "sk-…"), as writeAdminKey() does.
void writeAdminKeyAsync(const OrgProfile &profile, const QString &key, QObject *context, StatusCallback done);
// Removing a key that is not there is not an error.
void removeAdminKeyAsync(const SecretStoreRef &store, const QString &org, QObject *context,
                         StatusCallback done);

} // namespace orgward
