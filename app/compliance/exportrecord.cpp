#include "exportrecord.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

namespace orgward {

Result<JournalEntry> recordExport(Database &db, const QString &orgKey, const QString &path,
                                  const QString &what, qint64 rows)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return err(Error::Code::Io,
                   QStringLiteral("Cannot read back %1 to record it: %2").arg(path, f.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return err(Error::Code::Io,
                   QStringLiteral("Cannot read back %1 to record it: %2").arg(path, f.errorString()));
    const QJsonObject payload{{QStringLiteral("what"), what},
                              {QStringLiteral("file"), QFileInfo(path).fileName()},
                              {QStringLiteral("sha256"), QString::fromLatin1(hash.result().toHex())},
                              {QStringLiteral("bytes"), f.size()},
                              {QStringLiteral("rows"), rows}};
    return Journal(db).append(JournalKind::Export, orgKey, payload);
}

} // namespace orgward
