#include "databaseurl.h"

#include <QDir>
#include <QHostAddress>
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
                                      "postgresql://user@host:port/dbname?sslmode=verify-full"));
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
        for (const auto &[k, v] : q.queryItems(QUrl::FullyDecoded)) {
            if (!supportedOptions().contains(k))
                return err(Error::Code::Usage,
                           QStringLiteral("PostgreSQL URL option '%1' is not supported (use %2)")
                               .arg(k, supportedOptions().join(QStringLiteral(", "))));
            // Two values for one option: whichever wins, one of them was not meant.
            if (u.options.contains(k))
                return err(Error::Code::Usage,
                           QStringLiteral("PostgreSQL URL option '%1' is given twice; give it once").arg(k));
            u.options.insert(k, v);
        }
        const QString mode = u.options.value(QStringLiteral("sslmode"), QStringLiteral("prefer"));
        if (!sslModes().contains(mode))
            return err(Error::Code::Usage, QStringLiteral("sslmode '%1' is not one of %2")
                                               .arg(mode, sslModes().join(QStringLiteral(", "))));
        if (auto o = u.connectOptions(); !o) return o.error();
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
    // Decoded in, fully encoded out: a password with ' ', '/', '%' or '@' must render to a URL that parses
    // back to the same password (found by fuzz_databaseurl: "p ss/w" came out as "p ss%2Fw", unparsable).
    url.setUserName(user, QUrl::DecodedMode);
    if (!password.isEmpty()) url.setPassword(password, QUrl::DecodedMode);
    url.setPath(u'/' + database, QUrl::DecodedMode);
    QUrlQuery q;
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        q.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(it.key())),
                       QString::fromLatin1(QUrl::toPercentEncoding(it.value())));
    url.setQuery(q);
    return url.toString(QUrl::FullyEncoded);
}

const QStringList &DatabaseUrl::supportedOptions()
{
    static const QStringList names{QStringLiteral("sslmode"),         QStringLiteral("sslrootcert"),
                                   QStringLiteral("sslcert"),         QStringLiteral("sslkey"),
                                   QStringLiteral("connect_timeout"), QStringLiteral("application_name")};
    return names;
}

const QStringList &DatabaseUrl::sslModes()
{
    static const QStringList modes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                   QStringLiteral("prefer"),    QStringLiteral("require"),
                                   QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

bool DatabaseUrl::isLocalHost(const QString &host)
{
    if (host.isEmpty() || host.startsWith(u'/')) return true; // libpq: a Unix socket
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString DatabaseUrl::effectiveSslMode() const
{
    const QString given = options.value(QStringLiteral("sslmode"));
    if (!given.isEmpty() || isLocalHost(host)) return given;
    return QStringLiteral("verify-full");
}

namespace {
// libpq conninfo: a value in single quotes, with backslash and single quote escaped by a backslash.
QString conninfoQuoted(const QString &value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'\'';
    for (const QChar ch : value) {
        if (ch == u'\\' || ch == u'\'') out += u'\\';
        out += ch;
    }
    out += u'\'';
    return out;
}
} // namespace

Result<QString> DatabaseUrl::connectOptions() const
{
    QMap<QString, QString> o = options;
    const QString mode = effectiveSslMode();
    if (!mode.isEmpty()) o.insert(QStringLiteral("sslmode"), mode);
    if (!o.contains(QStringLiteral("connect_timeout")))
        o.insert(QStringLiteral("connect_timeout"), QStringLiteral("10"));
    if (!o.contains(QStringLiteral("application_name")))
        o.insert(QStringLiteral("application_name"), QStringLiteral("orgward"));
    QStringList parts;
    for (auto it = o.cbegin(); it != o.cend(); ++it) {
        if (!supportedOptions().contains(it.key()))
            return err(Error::Code::Usage,
                       QStringLiteral("PostgreSQL option '%1' for %2 is not supported (use %3)")
                           .arg(it.key(), display(), supportedOptions().join(QStringLiteral(", "))));
        if (it.key() == u"sslmode" && !sslModes().contains(it.value()))
            return err(Error::Code::Usage,
                       QStringLiteral("sslmode '%1' for %2 is not one of %3")
                           .arg(it.value(), display(), sslModes().join(QStringLiteral(", "))));
        for (const QChar ch : it.value())
            if (ch == u';' || ch.category() == QChar::Other_Control)
                return err(Error::Code::Usage,
                           QStringLiteral("PostgreSQL option %1 for %2 holds a ';' or a control character, "
                                          "which cannot be passed to the server safely; rename the file "
                                          "or change the value")
                               .arg(it.key(), display()));
        parts << it.key() + u'=' + conninfoQuoted(it.value());
    }
    return parts.join(u';');
}

} // namespace orgward
