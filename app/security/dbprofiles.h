#pragma once
// PostgreSQL connection profiles (besides the default SQLite file). Metadata lives next to the org profiles
// (profiles.ini, group "db"); the password lives in a SecretStore under "db/<name>/password".
// `--db profile:NAME` (CLI) and the console's connection menu resolve a profile to a DatabaseUrl.
#include "store/databaseurl.h"

#include <QList>

namespace orgward {

struct DbProfile
{
    QString name;
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString database = QStringLiteral("orgward");
    QString user;
    QString sslmode;     // disable … verify-full; empty: verify-full for a remote host (DatabaseUrl)
    QString sslrootcert; // CA file, required for verify-ca / verify-full
    QString secretStore = QStringLiteral("keychain"); // where the password lives; "none" for no password
    QString connectTimeout;                           // seconds, optional

    Status validate() const;
    // Without the password.
    DatabaseUrl urlWithoutPassword() const;
};

class DbProfiles
{
public:
    static Result<QList<DbProfile>> list();
    static Result<DbProfile> get(const QString &name);
    static Status save(const DbProfile &p);
    static Status remove(const QString &name); // also removes the password
    // The profile's URL with its password read from its store (registered with the Sanitizer).
    static Result<DatabaseUrl> resolve(const QString &name);
};

QString dbPasswordSecretName(const QString &profile);

} // namespace orgward
