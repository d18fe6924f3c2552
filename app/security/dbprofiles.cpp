#include "dbprofiles.h"

#include "core/sanitizer.h"
#include "orgprofiles.h"
#include "secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace orgward {

namespace {
const QString kGroup = QStringLiteral("db");

DbProfile readProfile(QSettings &s, const QString &name)
{
    DbProfile p;
    s.beginGroup(kGroup + u'/' + name);
    p.name = name;
    p.host = s.value(QStringLiteral("host"), p.host).toString();
    p.port = s.value(QStringLiteral("port"), p.port).toInt();
    p.database = s.value(QStringLiteral("database"), p.database).toString();
    p.user = s.value(QStringLiteral("user")).toString();
    p.sslmode = s.value(QStringLiteral("sslmode"), p.sslmode).toString();
    p.sslrootcert = s.value(QStringLiteral("sslrootcert")).toString();
    p.secretStore = s.value(QStringLiteral("secret_store"), p.secretStore).toString();
    p.connectTimeout = s.value(QStringLiteral("connect_timeout")).toString();
    s.endGroup();
    return p;
}
} // namespace

QString dbPasswordSecretName(const QString &profile)
{
    return QStringLiteral("db/%1/password").arg(profile);
}

Status DbProfile::validate() const
{
    if (auto v = OrgProfiles::validateName(name); !v) return v;
    if (host.isEmpty())
        return err(Error::Code::Usage, QStringLiteral("connection '%1' needs a host").arg(name));
    if (port <= 0 || port > 65535)
        return err(Error::Code::Usage, QStringLiteral("port %1 is not valid").arg(port));
    if (database.isEmpty() || user.isEmpty())
        return err(Error::Code::Usage,
                   QStringLiteral("connection '%1' needs a database and a user").arg(name));
    if (!sslmode.isEmpty() && !DatabaseUrl::sslModes().contains(sslmode))
        return err(Error::Code::Usage, QStringLiteral("sslmode '%1' is not one of %2")
                                           .arg(sslmode, DatabaseUrl::sslModes().join(QStringLiteral(", "))));
    if ((sslmode == u"verify-ca" || sslmode == u"verify-full") && sslrootcert.isEmpty())
        return err(Error::Code::Usage,
                   QStringLiteral(
                       "sslmode %1 needs the CA file that signed the server certificate (--sslrootcert FILE)")
                       .arg(sslmode));
    if (!sslrootcert.isEmpty() && !QFileInfo::exists(sslrootcert))
        return err(Error::Code::Usage, QStringLiteral("the CA file %1 does not exist").arg(sslrootcert));
    // Every value must reach libpq as one value (no ';', no control characters): refused here, at `db add`.
    if (auto o = urlWithoutPassword().connectOptions(); !o) return o.error();
    return {};
}

DatabaseUrl DbProfile::urlWithoutPassword() const
{
    DatabaseUrl u;
    u.engine = DatabaseUrl::Engine::Postgres;
    u.host = host;
    u.port = port;
    u.database = database;
    u.user = user;
    if (!sslmode.isEmpty()) u.options.insert(QStringLiteral("sslmode"), sslmode);
    if (!sslrootcert.isEmpty())
        u.options.insert(QStringLiteral("sslrootcert"), QFileInfo(sslrootcert).absoluteFilePath());
    if (!connectTimeout.isEmpty()) u.options.insert(QStringLiteral("connect_timeout"), connectTimeout);
    return u;
}

Result<QList<DbProfile>> DbProfiles::list()
{
    QSettings s(OrgProfiles::settingsPath(), QSettings::IniFormat);
    s.beginGroup(kGroup);
    QStringList names = s.childGroups();
    s.endGroup();
    names.sort();
    QList<DbProfile> out;
    for (const QString &n : std::as_const(names))
        out << readProfile(s, n);
    return out;
}

Result<DbProfile> DbProfiles::get(const QString &name)
{
    if (auto v = OrgProfiles::validateName(name); !v) return v.error();
    QSettings s(OrgProfiles::settingsPath(), QSettings::IniFormat);
    s.beginGroup(kGroup);
    const bool found = s.childGroups().contains(name);
    s.endGroup();
    if (!found)
        return err(Error::Code::NotFound,
                   QStringLiteral("no database connection '%1' (see 'orgward db list')").arg(name));
    return readProfile(s, name);
}

Status DbProfiles::save(const DbProfile &p)
{
    if (auto v = p.validate(); !v) return v;
    const QFileInfo fi(OrgProfiles::settingsPath());
    if (!QDir().mkpath(fi.absolutePath()))
        return err(Error::Code::Io, QStringLiteral("cannot create %1").arg(fi.absolutePath()));
    QSettings s(OrgProfiles::settingsPath(), QSettings::IniFormat);
    s.remove(kGroup + u'/' + p.name);
    s.beginGroup(kGroup + u'/' + p.name);
    s.setValue(QStringLiteral("host"), p.host);
    s.setValue(QStringLiteral("port"), p.port);
    s.setValue(QStringLiteral("database"), p.database);
    s.setValue(QStringLiteral("user"), p.user);
    s.setValue(QStringLiteral("sslmode"), p.sslmode);
    s.setValue(QStringLiteral("sslrootcert"),
               p.sslrootcert.isEmpty() ? QString() : QFileInfo(p.sslrootcert).absoluteFilePath());
    s.setValue(QStringLiteral("secret_store"), p.secretStore);
    s.setValue(QStringLiteral("connect_timeout"), p.connectTimeout);
    s.endGroup();
    s.sync();
    QFile::setPermissions(s.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (s.status() != QSettings::NoError)
        return err(Error::Code::Io, QStringLiteral("cannot write %1").arg(s.fileName()));
    return {};
}

Status DbProfiles::remove(const QString &name)
{
    auto p = get(name);
    if (!p) return p.error();
    if (p->secretStore != u"none") {
        auto store = SecretStores::forSpec(p->secretStore);
        if (!store) return store.error();
        if (auto r = (*store)->remove(dbPasswordSecretName(name)); !r) return r;
    }
    QSettings s(OrgProfiles::settingsPath(), QSettings::IniFormat);
    s.remove(kGroup + u'/' + name);
    s.sync();
    return {};
}

Result<DatabaseUrl> DbProfiles::resolve(const QString &name)
{
    auto p = get(name);
    if (!p) return p.error();
    DatabaseUrl u = p->urlWithoutPassword();
    if (p->secretStore == u"none") return u;
    auto store = SecretStores::forSpec(p->secretStore);
    if (!store) return store.error();
    auto pw = (*store)->read(dbPasswordSecretName(name));
    if (!pw) {
        if (pw.error().code == Error::Code::NotFound)
            return err(Error::Code::Auth,
                       QStringLiteral("no password stored for connection '%1' in %2; set it with "
                                      "'orgward db set-password %1'")
                           .arg(name, (*store)->describe()));
        return pw.error();
    }
    Sanitizer::addSecret(*pw);
    u.password = *pw;
    return u;
}

} // namespace orgward
