#include "auditfacts.h"

namespace orgward::auditfacts {

const QStringList &privilegedTypes()
{
    static const QStringList types{
        // Keys and non-human identities.
        QStringLiteral("api_key.created"), QStringLiteral("api_key.deleted"),
        QStringLiteral("service_account.created"), QStringLiteral("service_account.deleted"),
        QStringLiteral("tenant.admin_api_key.created"), QStringLiteral("tenant.admin_api_key.deleted"),
        // Projects taken out of service.
        QStringLiteral("project.archived"), QStringLiteral("project.deleted"),
        // Certificates (mutual TLS trust).
        QStringLiteral("certificate.created"), QStringLiteral("certificate.updated"),
        QStringLiteral("certificate.deleted"), QStringLiteral("certificates.activated"),
        QStringLiteral("certificates.deactivated"),
        // Roles and their assignments.
        QStringLiteral("role.created"), QStringLiteral("role.updated"), QStringLiteral("role.deleted"),
        QStringLiteral("role.assignment.created"), QStringLiteral("role.assignment.deleted"),
        QStringLiteral("role.bound_to_resource"), QStringLiteral("role.unbound_from_resource"),
        // Network and identity-provider controls.
        QStringLiteral("ip_allowlist.created"), QStringLiteral("ip_allowlist.updated"),
        QStringLiteral("ip_allowlist.deleted"), QStringLiteral("ip_allowlist.config.activated"),
        QStringLiteral("ip_allowlist.config.deactivated"), QStringLiteral("scim.enabled"),
        QStringLiteral("scim.disabled")};
    return types;
}

const QStringList &privilegedWithRoleTypes()
{
    static const QStringList types{QStringLiteral("user.added"), QStringLiteral("user.updated"),
                                   QStringLiteral("invite.sent"), QStringLiteral("service_account.updated")};
    return types;
}

QString grantedRole(const QJsonObject &event)
{
    const QJsonObject payload = event.value(QLatin1String("payload")).toObject();
    for (const char *part : {"data", "changes_requested"}) {
        const QString role =
            payload.value(QLatin1String(part)).toObject().value(QLatin1String("role")).toString();
        if (!role.isEmpty()) return role;
    }
    return {};
}

bool isPrivileged(const QJsonObject &event)
{
    const QString type = event.value(QLatin1String("type")).toString();
    return privilegedTypes().contains(type) ||
           (privilegedWithRoleTypes().contains(type) && !grantedRole(event).isEmpty());
}

QString actorKind(const QJsonObject &event, const QJsonObject &actor)
{
    const QString type = event.value(QLatin1String("actor_type")).toString();
    if (type == u"session") return QStringLiteral("user");
    if (type != u"api_key") return type;
    // The stored columns keep the key's id and its owner's email; whose key it is lives in the actor only.
    const QString owner =
        actor.value(QLatin1String("api_key")).toObject().value(QLatin1String("type")).toString();
    if (owner == u"user") return QStringLiteral("user's API key");
    if (owner == u"service_account") return QStringLiteral("service account's API key");
    return QStringLiteral("API key");
}

QString countryOf(const QJsonObject &actor)
{
    return actor.value(QLatin1String("session"))
        .toObject()
        .value(QLatin1String("ip_address_details"))
        .toObject()
        .value(QLatin1String("country"))
        .toString();
}

} // namespace orgward::auditfacts
