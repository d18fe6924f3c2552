#pragma once
// Database locations: sqlite:///abs/path.db or postgresql://user[:password]@host:port/db?sslmode=…
#include "core/result.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace orgward {

struct DatabaseUrl
{
    enum class Engine
    {
        Sqlite,
        Postgres
    };
    Engine engine = Engine::Sqlite;
    QString path; // sqlite
    QString host, database, user, password;
    int port = 5432;
    QMap<QString, QString> options; // sslmode, sslrootcert, connect_timeout, … (supportedOptions())

    static Result<DatabaseUrl> parse(const QString &url);
    static DatabaseUrl sqlite(const QString &path);
    // The user's default database: <data dir>/orgward.db
    static QString defaultSqlitePath();
    // For logs and the title bar: never contains the password.
    QString display() const;
    QString toString() const; // with password, for handing to child processes only
    bool isPostgres() const { return engine == Engine::Postgres; }

    // The libpq keywords a URL or a connection profile may set; anything else is refused.
    static const QStringList &supportedOptions();
    static const QStringList &sslModes(); // disable … verify-full
    // localhost, 127.0.0.0/8, ::1 or a Unix-socket folder: traffic that never leaves the machine.
    static bool isLocalHost(const QString &host);
    // The sslmode a connection uses: the URL's, else verify-full for a remote host. A local host keeps
    // libpq's own default (empty here): there is no network to protect and no certificate to check.
    QString effectiveSslMode() const;
    // The libpq options for QPSQL's connect options (QSqlDatabase::setConnectOptions): every value
    // quoted by libpq's conninfo rules, so no value can add a keyword of its own
    // (sslrootcert=/ca.pem%20sslmode%3Ddisable stays one sslrootcert). QPSQL turns every ';' into a
    // space before libpq sees the text, so a value holding ';' (or a control character) is refused.
    Result<QString> connectOptions() const;
};

} // namespace orgward
