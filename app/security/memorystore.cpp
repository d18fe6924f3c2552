#include "memorystore.h"

#include "core/sanitizer.h"

namespace orgward {

QString MemoryStore::describe() const
{
    return QStringLiteral("session memory (forgotten when Orgward exits)");
}

Result<QString> MemoryStore::read(const QString &name)
{
    QMutexLocker lock(&m_lock);
    const auto it = m_secrets.constFind(name);
    if (it == m_secrets.cend())
        return err(Error::Code::NotFound, QStringLiteral("no secret '%1' in session memory").arg(name));
    return *it;
}

Status MemoryStore::write(const QString &name, const QString &secret)
{
    Sanitizer::addSecret(secret);
    QMutexLocker lock(&m_lock);
    m_secrets.insert(name, secret);
    return {};
}

Status MemoryStore::remove(const QString &name)
{
    QMutexLocker lock(&m_lock);
    m_secrets.remove(name);
    return {};
}

} // namespace orgward
