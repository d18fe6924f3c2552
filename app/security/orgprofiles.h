#pragma once
// Organization profiles: what Orgward needs to talk to one OpenAI organization.
//
// Where things live (and why):
// - Profile METADATA (display name, org id, API base, workload, tags) is per-user configuration, not synced
//   data: it lives in a small INI file (<config dir>/orgward/profiles.ini, or
//   $ORGWARD_CONFIG_DIR/profiles.ini). Keeping it out of the database means one profile serves every database
//   (SQLite file or PostgreSQL) and an auditor's read-only database copy never contains connection details.
// - The admin key is NEVER in that file, the database, logs or arguments: it lives in a SecretStore under
//   service "orgward", key "org/<name>/admin-key". The profile only records which store holds it.
#include "core/result.h"
#include "secretstore.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace orgward {

struct ApiOptions;

struct OrgProfile
{
    QString name;        // profile name; also the org_key rows carry in the database
    QString displayName; // for humans; defaults to name
    QString orgId;       // "org-…" (OpenAI-Organization header); may be empty
    QString apiBase = QStringLiteral("https://api.openai.com/v1");
    QString workload = QStringLiteral("default"); // default, finance-prod, finance-staging, or free-form
    QStringList requestTags;                      // seed 000: OPENAI_REQUEST_TAGS (+ _FINANCE_PROD/_STAGING)
    QString quotaTag;                             // OPENAI_REQUEST_QUOTA_TAG_FINANCE_*
    QString userAgentTag;                         // OPENAI_USER_AGENT_TAG(_FINANCE)
    // Which SecretStore holds the admin key: the keychain, a vault file or memory (session only). Stored
    // in the profiles file as "keychain", "vault:/abs/file.vault" or "memory".
    SecretStoreRef secretStore;

    // The User-Agent to send: "orgward/<version>" plus the tag, when set.
    QString userAgent() const;
};

// What every Admin API call for this profile sends: its API base, key, User-Agent tag and organization id
// (OpenAI-Organization). The org check and the sync build their ApiClient from it.
ApiOptions apiOptionsFor(const OrgProfile &profile, const QString &adminKey);

class OrgProfiles
{
public:
    static Result<QList<OrgProfile>> list();
    // How get() treats a stored API base the URL policy refuses (a hand-edited or old profiles file).
    enum class BaseCheck
    {
        Refuse,   // an error naming the profile, the URL and how to fix it: for anything that sends the key
        ForRepair // the profile as stored: to edit or remove it (saving checks again)
    };
    static Result<OrgProfile> get(const QString &name, BaseCheck check = BaseCheck::Refuse);
    static bool exists(const QString &name);
    // Creates or replaces the metadata (never the key). Refuses an API base the URL policy refuses.
    static Status save(const OrgProfile &profile);
    // Removes the metadata and the admin key from its store.
    static Status remove(const QString &name);
    // Validates a profile name: 1-64 chars of [A-Za-z0-9._-].
    static Status validateName(const QString &name);

    // The INI file holding the metadata.
    static QString settingsPath();
    // Tests: point the profiles file somewhere else (empty restores the default).
    static void setSettingsPathForTesting(const QString &path);
};

// The secret-store key of an organization's admin key: "org/<name>/admin-key".
QString adminKeySecretName(const QString &org);

// The admin key of profile `org`, read from the store its profile names (keychain, vault or session
// memory). The key is registered with the Sanitizer before it is returned. Used by `orgward sync --org`.
Result<QString> readAdminKey(const QString &org);
inline Result<QString> adminKeyForOrg(const QString &org)
{
    return readAdminKey(org);
}
// Stores the key in the profile's store (and registers it with the Sanitizer).
Status writeAdminKey(const OrgProfile &profile, const QString &key);

} // namespace orgward

#include <QProcessEnvironment>

namespace orgward {

// `orgward org import-env`: profiles from the seed-000 variables.
//   OPENAI_ORG_ID_FINANCE_PROD / _STAGING  → profiles "finance-prod" / "finance-staging" (those workloads)
//   OPENAI_ORG_ID                          → profile "default"
//   OPENAI_ADMIN_KEY (or OPENAI_ADMIN_KEY_FINANCE_PROD/_STAGING for that profile) → the admin key
//   OPENAI_REQUEST_TAGS (base, inherited) + OPENAI_REQUEST_TAGS_FINANCE_PROD/_STAGING → request tags
//   OPENAI_REQUEST_QUOTA_TAG_FINANCE_PROD/_STAGING → quota tag
//   OPENAI_USER_AGENT_TAG_FINANCE (finance profiles), OPENAI_USER_AGENT_TAG (default, and finance fallback)
// The "default" profile's workload, as the seed infers it: OPENAI_FINANCE_WORKLOAD when set; otherwise,
// when finance variables exist but no separate finance org id (the finance project lives in this org),
// NODE_ENV=production → finance-prod, anything else → finance-staging; otherwise "default".
// With only OPENAI_ADMIN_KEY set, one "default" profile is created.
struct EnvImport
{
    struct Item
    {
        OrgProfile profile;
        QString adminKey; // empty: none found for this profile
    };
    QList<Item> items;
    QStringList notes; // what was inferred, for the user
};
EnvImport profilesFromEnvironment(const QProcessEnvironment &env);
// "finance-prod", "prod", "production" → "finance-prod"; likewise staging; others lower-cased as given.
QString normalizeWorkload(const QString &w);

} // namespace orgward
