#include "databaseurl.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace orgward {

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString t = text.trimmed();
    if (t.startsWith(QLatin1String("sqlite://"))) {
        QString path = t.mid(int(qstrlen("sqlite://")));
        if (!path.startsWith(u'/'))
            return err(Error::Code::Usage,
                       QStringLiteral("database URL '%1': a SQLite URL needs an absolute path, "
                                      "e.g. sqlite:///home/me/orgward.db")
                           .arg(t));
        return sqlite(QDir::cleanPath(path));
    }
    if (t.startsWith(QLatin1String("postgresql://")) || t.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(t, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return err(Error::Code::Usage,
                       QStringLiteral("database URL is not a valid PostgreSQL URL; expected "
                                      "postgresql://user@host:port/dbname?sslmode=prefer"));
        DatabaseUrl u;
        u.engine = Engine::Postgres;
        u.host = url.host();
        u.port = url.port(5432);
        u.user = url.userName(QUrl::FullyDecoded);
        u.password = url.password(QUrl::FullyDecoded);
        u.database = url.path().mid(1);
        if (u.database.isEmpty())
            return err(Error::Code::Usage,
                       QStringLiteral("PostgreSQL URL %1 names no database (…/dbname)").arg(u.display()));
        const QUrlQuery q(url);
        static const QStringList allowed{
            QStringLiteral("sslmode"), QStringLiteral("sslrootcert"),     QStringLiteral("sslcert"),
            QStringLiteral("sslkey"),  QStringLiteral("connect_timeout"), QStringLiteral("application_name")};
        for (const auto &[k, v] : q.queryItems(QUrl::FullyDecoded)) {
            if (!allowed.contains(k))
                return err(Error::Code::Usage,
                           QStringLiteral("PostgreSQL URL option '%1' is not supported (use %2)")
                               .arg(k, allowed.join(QStringLiteral(", "))));
            u.options.insert(k, v);
        }
        const QString mode = u.options.value(QStringLiteral("sslmode"), QStringLiteral("prefer"));
        static const QStringList modes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                       QStringLiteral("prefer"),    QStringLiteral("require"),
                                       QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
        if (!modes.contains(mode))
            return err(
                Error::Code::Usage,
                QStringLiteral("sslmode '%1' is not one of %2").arg(mode, modes.join(QStringLiteral(", "))));
        return u;
    }
    return err(Error::Code::Usage,
               QStringLiteral("database URL '%1' is neither sqlite:///path nor postgresql://…").arg(t));
}

DatabaseUrl DatabaseUrl::sqlite(const QString &path)
{
    DatabaseUrl u;
    u.engine = Engine::Sqlite;
    u.path = path;
    return u;
}

QString DatabaseUrl::defaultSqlitePath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    if (dir.isEmpty()) dir = QDir::homePath() + QStringLiteral("/.local/share/orgward");
    return dir + QStringLiteral("/orgward.db");
}

QString DatabaseUrl::display() const
{
    if (!isPostgres()) return QStringLiteral("sqlite://") + path;
    QString s = QStringLiteral("postgresql://");
    if (!user.isEmpty()) s += user + u'@';
    s += host + u':' + QString::number(port) + u'/' + database;
    if (options.contains(QStringLiteral("sslmode")))
        s += QStringLiteral("?sslmode=") + options.value(QStringLiteral("sslmode"));
    return s;
}

QString DatabaseUrl::toString() const
{
    if (!isPostgres()) return display();
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    if (!password.isEmpty()) url.setPassword(password);
    url.setPath(u'/' + database);
    QUrlQuery q;
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        q.addQueryItem(it.key(), it.value());
    url.setQuery(q);
    return url.toString();
}

} // namespace orgward
