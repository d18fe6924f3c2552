#pragma once
// Secrets kept only in this process's memory: for tests and "session-only" use when no keychain exists.
#include "secretstore.h"

#include <QHash>
#include <QMutex>

namespace orgward {

class MemoryStore final : public SecretStore
{
public:
    SecretStoreRef ref() const override { return SecretStoreRef::memory(); }
    QString describe() const override;
    Result<QString> read(const QString &name) override;
    Status write(const QString &name, const QString &secret) override;
    Status remove(const QString &name) override;

private:
    mutable QMutex m_lock;
    QHash<QString, QString> m_secrets;
};

} // namespace orgward
