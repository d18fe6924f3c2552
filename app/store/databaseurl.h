#pragma once
// Database locations: sqlite:///abs/path.db or postgresql://user[:password]@host:port/db?sslmode=…
#include "core/result.h"

#include <QMap>
#include <QString>

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
    QMap<QString, QString> options; // sslmode, sslrootcert, connect_timeout, …

    static Result<DatabaseUrl> parse(const QString &url);
    static DatabaseUrl sqlite(const QString &path);
    // The user's default database: <data dir>/orgward.db
    static QString defaultSqlitePath();
    // For logs and the title bar: never contains the password.
    QString display() const;
    QString toString() const; // with password, for handing to child processes only
    bool isPostgres() const { return engine == Engine::Postgres; }
};

} // namespace orgward
