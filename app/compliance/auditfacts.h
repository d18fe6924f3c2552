#pragma once
// What an audit-log event says beyond its columns (issue #14, the admin-activity report): whether it is a
// privileged change, the role it grants, who acted in a reader's words, and the country of a console session.
// Events are ReportSource::auditEvents() objects; actors the ReportSource::auditActors() objects.
#include <QJsonObject>
#include <QStringList>

namespace orgward::auditfacts {

// Event types that change who may do what, or what the organization trusts: privileged whatever they carry.
const QStringList &privilegedTypes();
// Event types that are privileged when they grant or change a role (an invite or a member change that leaves
// roles alone is routine).
const QStringList &privilegedWithRoleTypes();

// The role the event grants or changes to (its payload's data.role or changes_requested.role); empty: none.
QString grantedRole(const QJsonObject &event);
bool isPrivileged(const QJsonObject &event);

// "user" (a console session), "user's API key", "service account's API key" or "API key".
QString actorKind(const QJsonObject &event, const QJsonObject &actor);
// The session's ip_address_details.country; empty when the event has none (API keys' events never do).
QString countryOf(const QJsonObject &actor);

} // namespace orgward::auditfacts
