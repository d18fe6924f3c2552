#include "sqlitefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace orgward::sqlitefile {

namespace {

constexpr QFileDevice::Permissions kPrivateFolder =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions kPrivateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kShared =
    QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;

QString folderAdvice(const QString &folder)
{
    return QStringLiteral("Make the folder %1 writable for this user (SQLite keeps its -wal and -shm files "
                          "next to the database), or choose another place with --db sqlite:///path.")
        .arg(folder);
}

// Each missing folder on the way is made 0700: mkdir's mode is narrowed by the umask, never widened, and
// setPermissions then makes it exactly 0700. Folders that exist already are not touched.
Status makePrivateFolders(const QString &folder)
{
    const QFileInfo fi(folder);
    if (fi.isDir()) return {};
    if (fi.exists())
        return err(
            Error::Code::Io,
            QStringLiteral("cannot use %1 as the database folder: it is a file, not a folder").arg(folder));
    const QString parent = fi.absolutePath();
    if (parent != folder)
        if (auto r = makePrivateFolders(parent); !r) return r;
    if (!QDir().mkdir(folder, kPrivateFolder) && !QFileInfo(folder).isDir())
        return err(Error::Code::Io, QStringLiteral("cannot create the folder %1 for the database. %2")
                                        .arg(folder, folderAdvice(parent)));
    QFile::setPermissions(folder, kPrivateFolder);
    return {};
}

// Qt's permission flags as the octal mode ls and chmod show (0644).
QString unixMode(QFileDevice::Permissions p)
{
    const uint bits = uint(p.toInt());
    const uint mode = ((bits >> 12) & 7U) << 6 | ((bits >> 4) & 7U) << 3 | (bits & 7U);
    return QStringLiteral("0%1").arg(mode, 3, 8, QLatin1Char('0'));
}

} // namespace

Result<bool> createPrivate(const QString &path)
{
    const QFileInfo fi(path);
    if (fi.exists()) return false;
    if (auto r = makePrivateFolders(fi.absolutePath()); !r) return r.error();
    // O_CREAT|O_EXCL with mode 0600 before SQLite sees the path: the file is never wider than 0600, not even
    // for a moment (the umask can only narrow it), and an existing file is never truncated.
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, kPrivateFile)) {
        if (QFileInfo::exists(path)) return false; // another process created it just now
        return err(Error::Code::Io, QStringLiteral("cannot create the database file %1 (%2). %3")
                                        .arg(path, f.errorString(), folderAdvice(fi.absolutePath())));
    }
    f.close();
    if (!f.setPermissions(kPrivateFile))
        return err(Error::Code::Io,
                   QStringLiteral("cannot make %1 private to its owner (chmod 600)").arg(path));
    return true;
}

QStringList exposureWarnings(const QString &path)
{
    QStringList out;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QFileInfo fi(path + suffix);
        if (!fi.exists() || !(fi.permissions() & kShared)) continue;
        out << QStringLiteral(
                   "%1 can be read by other users of this computer (mode %2); it holds e-mail and IP "
                   "addresses and audit events. Unless it is shared on purpose, run: chmod 600 %1")
                   .arg(fi.absoluteFilePath(), unixMode(fi.permissions()));
    }
    return out;
}

QString explainFailure(const QString &path, const QString &sqliteText)
{
    const QString t = sqliteText.toLower();
    const QString folder = QFileInfo(path).absolutePath();
    if (t.contains(QLatin1String("database or disk is full")))
        return QStringLiteral("the disk holding %1 is full (or the database reached its size limit). The "
                              "transaction was rolled back; everything stored before it is intact. Free "
                              "disk space and run the operation again.")
            .arg(path);
    if (t.contains(QLatin1String("file is not a database")) || t.contains(QLatin1String("malformed")))
        return QStringLiteral(
                   "%1 is not an Orgward database or is damaged; nothing was written to it. Restore "
                   "it from a backup, or point --db at another file (a sync rebuilds a new one).")
            .arg(path);
    // SQLite says "readonly" for a connection opened read-only on purpose (auditor mode) too: blame the
    // file system only when this user really cannot write there.
    const QFileInfo file(path);
    const bool cannotWrite = !QFileInfo(folder).isWritable() || (file.exists() && !file.isWritable());
    if (cannotWrite && (t.contains(QLatin1String("readonly database")) ||
                        t.contains(QLatin1String("unable to open database file"))))
        return QStringLiteral("%1 cannot be written: the file or its folder is read-only for this user; "
                              "nothing was changed. %2")
            .arg(path, folderAdvice(folder));
    return {};
}

} // namespace orgward::sqlitefile
