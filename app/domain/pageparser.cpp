#include "pageparser.h"

#include "core/decimal.h"
#include "rawjson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <cmath>

namespace orgward {

namespace {

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        return QStringLiteral("missing");
    }
    return {};
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
QString compactValue(const QJsonValue &v)
{
    if (v.isObject()) return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray()) return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

// Reads typed fields from one JSON object, remembering the first error with its JSON path.
class Fields
{
public:
    Fields(const QJsonObject &o, QString path, QString *error)
        : m_o(o), m_path(std::move(path)), m_error(error)
    {
    }
    // An array element's fields: "<path>[<index>]" is only formatted when an error needs it (hot loop).
    Fields(const QJsonObject &o, const QString &arrayPath, qsizetype index, QString *error)
        : m_o(o), m_path(arrayPath), m_index(index), m_error(error)
    {
    }
    QString path() const { return m_index < 0 ? m_path : QStringLiteral("%1[%2]").arg(m_path).arg(m_index); }

    bool failed() const { return !m_error->isEmpty(); }
    const QJsonObject &object() const { return m_o; }

    QVariant text(const char *key, bool required = false)
    {
        const QJsonValue v = get(key, required);
        if (v.isString()) return v.toString();
        if (!isNullish(v)) fail(key, QStringLiteral("a string"), v);
        return {};
    }
    QVariant integer(const char *key, bool required = false)
    {
        const QJsonValue v = get(key, required);
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15) return qint64(d);
            fail(key, QStringLiteral("a whole number"), v);
        } else if (!isNullish(v)) {
            fail(key, QStringLiteral("an integer"), v);
        }
        return {};
    }
    QVariant timestamp(const char *key, bool required = false)
    {
        const QJsonValue v = get(key, required);
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (std::isfinite(d) && d == std::floor(d) && d >= 0 && d < 1.0e11) return qint64(d);
            fail(key, QStringLiteral("Unix seconds (a whole number)"), v);
        } else if (!isNullish(v)) {
            fail(key, QStringLiteral("Unix seconds (an integer)"), v);
        }
        return {};
    }
    QVariant boolean(const char *key, bool required = false)
    {
        const QJsonValue v = get(key, required);
        if (v.isBool()) return v.toBool();
        if (!isNullish(v)) fail(key, QStringLiteral("a boolean"), v);
        return {};
    }
    QVariant json(const char *key)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (isNullish(v)) return {};
        return compactValue(v);
    }
    QVariant decimal(const char *key, bool required = false)
    {
        const QJsonValue v = get(key, required);
        // A JSON number: its shortest round-trip form is the literal the server sent (see
        // Decimal::fromDouble), parsed with the same range check as a string (1e300 is refused, not stored as
        // 0).
        if (v.isDouble()) {
            const QString literal = QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
            if (const auto d = Decimal::parse(literal)) return d->toString();
            fail(key, QStringLiteral("a decimal number (|x| < 1e20)"), v);
            return {};
        }
        if (v.isString()) {
            if (const auto d = Decimal::parse(v.toString())) return d->toString();
            fail(key, QStringLiteral("a decimal number"), v);
        } else if (!isNullish(v)) {
            fail(key, QStringLiteral("a number or a numeric string"), v);
        }
        return {};
    }
    // A property the spec lists as required that may be null (or that no column reads): only its
    // absence is an error. Required and non-nullable ones pass required=true to their typed reader.
    void require(std::initializer_list<const char *> keys)
    {
        for (const char *key : keys)
            if (!failed() && !m_o.contains(QLatin1String(key)))
                *m_error = QStringLiteral("%1.%2: required field is missing").arg(path(), QLatin1String(key));
    }
    bool has(const char *key) const { return m_o.contains(QLatin1String(key)); }
    // A nested object; a missing or null one reads as empty. Any other type is an error.
    Fields sub(const char *key)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (!v.isObject() && !isNullish(v)) fail(key, QStringLiteral("an object"), v);
        return Fields(v.toObject(), path() + u'.' + QLatin1String(key), m_error);
    }
    void fail(const char *key, const QString &expected, const QJsonValue &got)
    {
        if (failed()) return;
        *m_error = QStringLiteral("%1.%2: expected %3, got %4")
                       .arg(path(), QLatin1String(key), expected, typeName(got));
    }

private:
    static bool isNullish(const QJsonValue &v) { return v.isNull() || v.isUndefined(); }
    QJsonValue get(const char *key, bool required)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (required && isNullish(v) && !failed())
            *m_error = QStringLiteral("%1.%2: required field is %3")
                           .arg(path(), QLatin1String(key),
                                v.isNull() ? QStringLiteral("null") : QStringLiteral("missing"));
        return v;
    }

    QJsonObject m_o;
    QString m_path;
    qsizetype m_index = -1;
    QString *m_error;
};

class RowBuilder
{
public:
    explicit RowBuilder(const TableSpec &spec) : m_spec(spec) { m_row.values.resize(spec.columns.size()); }
    void set(const QString &column, const QVariant &v)
    {
        const int i = m_spec.indexOf(column);
        Q_ASSERT_X(i >= 0, "RowBuilder::set", qPrintable(column));
        m_row.values[i] = v;
    }
    void set(const char *column, const QVariant &v) { set(QString::fromLatin1(column), v); }
    void setAt(int index, const QVariant &v) { m_row.values[index] = v; } // index from TableSpec::indexOf
    // raw: the object's bytes as received (rawjson), or null to re-serialise the parsed object.
    Row take(const QJsonObject &object, QByteArray raw = {})
    {
        if (m_spec.keepsRaw) m_row.raw = raw.isNull() ? compact(object) : std::move(raw);
        return std::move(m_row);
    }

private:
    const TableSpec &m_spec;
    Row m_row;
};

// Each parser enforces the required list of its schema in openai-openapi.yaml (tests/conformance checks
// every one against the spec): a required property must be there. Null is refused only where it always
// was (ids, a user's added_at, ...); elsewhere it reads as NULL as before (the bundled org has unnamed keys).
void parseUser(Fields &f, RowBuilder &r)
{
    f.require({"object"});
    r.set("id", f.text("id", true));
    r.set("name", f.text("name"));
    r.set("email", f.text("email"));
    r.set("role", f.text("role"));
    r.set("added_at", f.timestamp("added_at", true));
    r.set("created", f.timestamp("created"));
    r.set("is_default", f.boolean("is_default"));
    r.set("is_service_account", f.boolean("is_service_account"));
    r.set("is_scim_managed", f.boolean("is_scim_managed"));
    r.set("api_key_last_used_at", f.timestamp("api_key_last_used_at"));
    r.set("technical_level", f.text("technical_level"));
    r.set("developer_persona", f.text("developer_persona"));
}

void parseInvite(Fields &f, RowBuilder &r)
{
    f.require({"object", "role", "status", "created_at"});
    r.set("id", f.text("id", true));
    r.set("email", f.text("email", true));
    r.set("role", f.text("role"));
    r.set("status", f.text("status"));
    r.set("created_at", f.timestamp("created_at"));
    r.set("expires_at", f.timestamp("expires_at"));
    r.set("accepted_at", f.timestamp("accepted_at"));
    const QJsonValue projects = f.object().value(QLatin1String("projects"));
    if (!projects.isArray() && !projects.isNull() && !projects.isUndefined())
        f.fail("projects", QStringLiteral("an array"), projects);
    // The schema lists projects as required but the spec's own list example omits it: default to [].
    r.set("projects", projects.isArray() ? compactValue(projects) : QStringLiteral("[]"));
}

void parseProject(Fields &f, RowBuilder &r)
{
    f.require({"object"});
    r.set("id", f.text("id", true));
    r.set("name", f.text("name"));
    r.set("status", f.text("status"));
    r.set("created_at", f.timestamp("created_at", true));
    r.set("archived_at", f.timestamp("archived_at"));
    r.set("external_key_id", f.text("external_key_id"));
    r.set("residency", f.text("residency"));
    r.set("billing_reference_type", f.text("billing_reference_type"));
    r.set("billing_reference_id", f.text("billing_reference_id"));
}

void parseProjectUser(Fields &f, RowBuilder &r)
{
    f.require({"object", "role", "added_at"});
    r.set("user_id", f.text("id", true));
    r.set("name", f.text("name"));
    r.set("email", f.text("email"));
    r.set("role", f.text("role"));
    r.set("added_at", f.timestamp("added_at"));
}

void parseServiceAccount(Fields &f, RowBuilder &r)
{
    f.require({"object", "name", "role", "created_at"});
    r.set("id", f.text("id", true));
    r.set("name", f.text("name"));
    r.set("role", f.text("role"));
    r.set("created_at", f.timestamp("created_at"));
}

// The key under which a discriminated object keeps its details: its type, or when the type is absent the
// one branch that is there (an owner or actor is not lost because "type" was left out).
QByteArray branchKey(Fields &f, const QVariant &type, std::initializer_list<const char *> branches)
{
    if (!type.isNull()) return type.toString().toUtf8();
    if (f.has("type")) return {}; // null type: no branch
    QByteArray found;
    for (const char *b : branches)
        if (f.object().value(QLatin1String(b)).isObject()) {
            if (!found.isEmpty()) return {}; // ambiguous
            found = b;
        }
    return found;
}

void parseProjectApiKey(Fields &f, RowBuilder &r)
{
    r.set("id", f.text("id", true));
    r.set("name", f.text("name"));
    r.set("redacted_value", f.text("redacted_value"));
    r.set("created_at", f.timestamp("created_at"));
    r.set("last_used_at", f.timestamp("last_used_at"));
    // Required by the schema but newer than the rest: keys listed without it keep a NULL
    // (tests/conformance/specmodel.py TOLERATED_MISSING).
    r.set("owner_project_access", f.text("owner_project_access"));
    Fields owner = f.sub("owner");
    const QVariant type = owner.text("type");
    r.set("owner_type", type);
    // The owner's details sit under a key named after its type ("user" or "service_account").
    const QByteArray typeKey = branchKey(owner, type, {"user", "service_account"});
    if (!typeKey.isEmpty() && owner.object().value(QLatin1String(typeKey)).isObject()) {
        Fields who = owner.sub(typeKey.constData());
        if (typeKey == "user") who.require({"id", "email", "name", "created_at", "role"});
        if (typeKey == "service_account") who.require({"id", "name", "created_at", "role"});
        r.set("owner_id", who.text("id"));
        r.set("owner_name", who.text("name"));
        r.set("owner_email", who.text("email"));
        r.set("owner_role", who.text("role"));
    }
    // After the typed reads: a value of the wrong type is the more useful error.
    f.require({"object", "name", "redacted_value", "created_at", "last_used_at", "owner"});
}

void parseRateLimit(Fields &f, RowBuilder &r)
{
    f.require({"object"});
    r.set("id", f.text("id", true));
    r.set("model", f.text("model", true));
    f.require({"max_requests_per_1_minute", "max_tokens_per_1_minute"});
    for (const char *k :
         {"max_requests_per_1_minute", "max_tokens_per_1_minute", "max_images_per_1_minute",
          "max_audio_megabytes_per_1_minute", "max_requests_per_1_day", "batch_1_day_max_input_tokens"})
        r.set(k, f.integer(k));
}

void parseCertificate(Fields &f, RowBuilder &r, const char *idColumn)
{
    // "active" is required by the list schemas but missing on some responses: NULL (TOLERATED_MISSING).
    f.require({"object", "name", "certificate_details", "created_at"});
    r.set(idColumn, f.text("id", true));
    r.set("name", f.text("name"));
    r.set("active", f.boolean("active"));
    r.set("created_at", f.timestamp("created_at"));
    Fields d = f.sub("certificate_details");
    r.set("valid_at", d.timestamp("valid_at"));
    r.set("expires_at", d.timestamp("expires_at"));
}

void parseAdminKey(Fields &f, RowBuilder &r)
{
    f.require({"object", "redacted_value", "created_at", "expires_at", "owner"});
    r.set("id", f.text("id", true));
    r.set("name", f.text("name"));
    r.set("redacted_value", f.text("redacted_value"));
    r.set("created_at", f.timestamp("created_at"));
    r.set("expires_at", f.timestamp("expires_at"));
    r.set("last_used_at", f.timestamp("last_used_at"));
    Fields owner = f.sub("owner");
    r.set("owner_type", owner.text("type"));
    r.set("owner_id", owner.text("id"));
    r.set("owner_name", owner.text("name"));
    r.set("owner_role", owner.text("role"));
}

void parseAuditLog(Fields &f, RowBuilder &r, QList<Row> &certEvents)
{
    const QVariant id = f.text("id", true);
    const QVariant type = f.text("type", true);
    const QVariant at = f.timestamp("effective_at", true);
    r.set("id", id);
    r.set("type", type);
    r.set("effective_at", at);
    Fields project = f.sub("project");
    r.set("project_id", project.text("id"));
    r.set("project_name", project.text("name"));
    Fields actor = f.sub("actor");
    const QVariant actorType = actor.text("type");
    r.set("actor_type", actorType);
    const QByteArray actorKey = branchKey(actor, actorType, {"session", "api_key"});
    if (actorKey == "session") {
        Fields session = actor.sub("session");
        Fields user = session.sub("user");
        r.set("actor_id", user.text("id"));
        r.set("actor_email", user.text("email"));
        r.set("actor_ip", session.text("ip_address"));
    } else if (actorKey == "api_key") {
        // The key's id, or when the event leaves it out the key's owner (user or service account): the
        // actor is who acted, and AuditLogActorApiKey requires none of its properties.
        Fields key = actor.sub("api_key");
        QVariant actorId = key.text("id");
        const QByteArray ownerKey = branchKey(key, key.text("type"), {"user", "service_account"});
        if (!ownerKey.isEmpty()) {
            Fields owner = key.sub(ownerKey.constData());
            r.set("actor_email", owner.text("email"));
            if (actorId.isNull()) actorId = owner.text("id");
        }
        r.set("actor_id", actorId);
    }
    // The payload sits under a key named after the event type; unknown types keep theirs too.
    const QString typeStr = type.toString();
    const QJsonValue payload = f.object().value(typeStr);
    r.set("payload", payload.isObject() || payload.isArray() ? compactValue(payload) : QVariant());
    if (f.failed() || !typeStr.startsWith(QLatin1String("certificate"))) return;
    // certificate.created/updated/deleted carry {id,name}; certificates.(de)activated a list.
    const TableSpec &ev = certificateEventsSpec();
    const QJsonObject p = payload.toObject();
    QList<QJsonObject> certs;
    if (p.contains(QLatin1String("certificates")))
        for (const QJsonValue &c : p.value(QLatin1String("certificates")).toArray())
            certs << c.toObject();
    else if (p.contains(QLatin1String("id")))
        certs << p;
    for (const QJsonObject &c : std::as_const(certs)) {
        const QString certId = c.value(QLatin1String("id")).toString();
        if (certId.isEmpty()) continue;
        RowBuilder e(ev);
        e.set("id", QString(id.toString() + u'/' + certId));
        e.set("certificate_id", certId);
        e.set("action", typeStr);
        e.set("occurred_at", at);
        e.set("metadata", QString::fromUtf8(compact(c)));
        Row row = e.take(QJsonObject());
        row.values[ev.indexOf(QStringLiteral("actor_id"))] = QVariant(); // filled by caller
        certEvents << std::move(row);
    }
}

// group_type (required by GroupResponse and ProjectGroup) and assignment_sources (AssignedRoleDetails) are
// newer than the spec's own list examples, which leave them out: tolerated as NULL.
void parseGroup(Fields &f, RowBuilder &r)
{
    r.set("id", f.text("id", true));
    r.set("name", f.text("name", true));
    r.set("created_at", f.timestamp("created_at", true));
    r.set("is_scim_managed", f.boolean("is_scim_managed", true));
    r.set("group_type", f.text("group_type"));
}

void parseGroupUser(Fields &f, RowBuilder &r)
{
    f.require({"email"}); // required, may be null
    r.set("user_id", f.text("id", true));
    r.set("name", f.text("name", true));
    r.set("email", f.text("email"));
}

// A JSON array of strings (permissions, model ids, recipients), stored as compact JSON text.
QVariant stringArray(Fields &f, const char *key, bool required)
{
    const QJsonValue v = f.object().value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        if (required) f.require({key});
        if (required && v.isNull()) f.fail(key, QStringLiteral("an array of strings"), v);
        return {};
    }
    if (!v.isArray()) {
        f.fail(key, QStringLiteral("an array of strings"), v);
        return {};
    }
    for (const QJsonValue &e : v.toArray())
        if (!e.isString()) {
            f.fail(key, QStringLiteral("an array of strings"), e);
            return {};
        }
    return compactValue(v);
}

// AssignedRoleDetails (a group's or a user's role assignment).
void parseAssignedRole(Fields &f, RowBuilder &r)
{
    r.set("role_id", f.text("id", true));
    r.set("name", f.text("name", true));
    r.set("permissions", stringArray(f, "permissions", true));
    r.set("resource_type", f.text("resource_type", true));
    r.set("predefined_role", f.boolean("predefined_role", true));
    r.set("description", f.text("description"));
    const QJsonValue sources = f.object().value(QLatin1String("assignment_sources"));
    if (!sources.isArray() && !sources.isNull() && !sources.isUndefined())
        f.fail("assignment_sources", QStringLiteral("an array or null"), sources);
    r.set("assignment_sources", sources.isArray() ? compactValue(sources) : QVariant());
    // After the typed reads: a value of the wrong type is the more useful error.
    f.require({"description", "created_at", "updated_at", "created_by", "created_by_user_obj", "metadata"});
}

void parseRole(Fields &f, RowBuilder &r)
{
    f.require({"object", "description"});
    r.set("id", f.text("id", true));
    r.set("name", f.text("name", true));
    r.set("description", f.text("description"));
    r.set("permissions", stringArray(f, "permissions", true));
    r.set("resource_type", f.text("resource_type", true));
    r.set("predefined_role", f.boolean("predefined_role", true));
}

void parseProjectGroup(Fields &f, RowBuilder &r)
{
    f.require({"object", "project_id"});
    r.set("group_id", f.text("group_id", true));
    r.set("group_name", f.text("group_name", true));
    r.set("group_type", f.text("group_type"));
    r.set("created_at", f.timestamp("created_at", true));
}

void parseSpendAlert(Fields &f, RowBuilder &r)
{
    f.require({"object"});
    r.set("id", f.text("id", true));
    r.set("threshold_amount", f.integer("threshold_amount", true));
    r.set("currency", f.text("currency", true));
    r.set("interval", f.text("interval", true));
    f.require({"notification_channel"});
    Fields channel = f.sub("notification_channel");
    r.set("channel_type", channel.text("type", true));
    r.set("recipients", stringArray(channel, "recipients", true));
    r.set("subject_prefix", channel.text("subject_prefix"));
}

// The single-object endpoints: the body is the object itself, one row (scope: its project, "" for the
// org's own). Hosted tool permissions: one boolean column per tool the spec names; a tool it does not name
// yet stays in raw (the drift test reports it when the spec gains one).
Result<ParsedPage> parseSingle(const EndpointRef &ref, const QJsonObject &o, const QByteArray &body)
{
    ParsedPage page;
    QString error;
    const TableSpec &spec = tableSpec(ref.kind);
    Fields f(o, QStringLiteral("$"), &error);
    RowBuilder r(spec);
    r.set("project_id", ref.scopeValues().value(0));
    switch (ref.kind) {
    case EndpointKind::ProjectHostedToolPermissions:
        for (const char *tool :
             {"file_search", "web_search", "image_generation", "mcp", "code_interpreter"}) {
            f.require({tool});
            Fields t = f.sub(tool);
            r.set(tool, t.boolean("enabled", true));
        }
        break;
    case EndpointKind::ProjectModelPermissions:
        f.require({"object"});
        r.set("mode", f.text("mode", true));
        r.set("model_ids", stringArray(f, "model_ids", true));
        break;
    case EndpointKind::DataRetention:
        f.require({"object"});
        r.set("type", f.text("type", true));
        break;
    case EndpointKind::SpendLimit: {
        f.require({"object"});
        r.set("threshold_amount", f.integer("threshold_amount", true));
        r.set("currency", f.text("currency", true));
        r.set("interval", f.text("interval", true));
        f.require({"enforcement"});
        Fields enforcement = f.sub("enforcement");
        r.set("enforcement_status", enforcement.text("status", true));
        break;
    }
    default:
        Q_UNREACHABLE();
    }
    if (!error.isEmpty()) return err(Error::Code::Parse, error);
    rawjson::Span whole;
    page.rows << r.take(o, rawjson::root(body, &whole) ? rawjson::compact(body, whole) : QByteArray());
    page.itemCount = 1;
    return page;
}

QString bucketRowId(const QString &kind, const QString &groupBy, qint64 start, const QStringList &dims)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    h.addData(kind.toUtf8());
    h.addData("\x1f");
    h.addData(groupBy.toUtf8());
    h.addData("\x1f");
    h.addData(QByteArray::number(start));
    for (const QString &d : dims) {
        h.addData("\x1f");
        h.addData(d.isNull() ? QByteArrayLiteral("\x00null") : d.toUtf8());
    }
    // Set, then time, lead the id ("<set tag>-<zero-padded start>-<sha1>") so the (org_key, id) primary key
    // holds each group-by set's rows in time order: a sync chain walks one set forward in time and its page
    // commits append to one run of index pages. With a bare hash each row landed on a random leaf and
    // every page commit rewrote ~1,500 scattered index pages. Migration 6 gave stored rows the same form.
    return bucketSetTag(kind, groupBy) + u'-' + QString::number(start).rightJustified(10, u'0') + u'-' +
           QString::fromLatin1(h.result().toHex());
}

// The metrics each usage result schema lists as required (Usage*Result in openai-openapi.yaml).
QStringList requiredUsageMetrics(const QString &kind)
{
    const QString requests = QStringLiteral("num_model_requests");
    if (kind == u"completions")
        return {QStringLiteral("input_tokens"), QStringLiteral("output_tokens"), requests};
    if (kind == u"embeddings" || kind == u"moderations") return {QStringLiteral("input_tokens"), requests};
    if (kind == u"images") return {QStringLiteral("images"), requests};
    if (kind == u"audio_speeches") return {QStringLiteral("characters"), requests};
    if (kind == u"audio_transcriptions") return {QStringLiteral("seconds"), requests};
    if (kind == u"vector_stores") return {QStringLiteral("usage_bytes")};
    if (kind == u"code_interpreter_sessions") return {QStringLiteral("num_sessions")};
    if (kind == u"file_search_calls") return {QStringLiteral("num_requests")};
    if (kind == u"web_search_calls") return {requests, QStringLiteral("num_requests")};
    return {};
}

Result<ParsedPage> parseBucketed(const EndpointRef &ref, const QJsonObject &root, const QByteArray &body,
                                 qint64 now, qint64 grace)
{
    ParsedPage page;
    QString error;
    Fields top(root, QStringLiteral("$"), &error);
    const QVariant obj = top.text("object", true);
    if (!error.isEmpty()) return err(Error::Code::Parse, error);
    if (obj.toString() != u"page")
        return err(Error::Code::Parse,
                   QStringLiteral("$.object: expected \"page\", got \"%1\"").arg(obj.toString()));
    top.require({"data"});
    const QJsonValue data = root.value(QLatin1String("data"));
    if (error.isEmpty() && !data.isArray())
        return err(Error::Code::Parse,
                   QStringLiteral("$.data: expected an array of buckets, got %1").arg(typeName(data)));
    page.hasMore = top.boolean("has_more", true).toBool();
    top.require({"next_page"}); // null on the last page
    page.nextCursor = top.text("next_page").toString();
    if (!error.isEmpty()) return err(Error::Code::Parse, error);

    const bool costs = ref.kind == EndpointKind::Costs;
    const TableSpec &spec = tableSpec(ref.kind);
    const QString kind = costs ? QStringLiteral("costs") : ref.usageKind;
    const QStringList dims = costs ? groupByDimensions(QStringLiteral("costs")) : usageDimensionColumns();
    const QStringList metrics = usageMetricColumns();
    // Per page, not per result: column positions, JSON keys and the id's group_by part.
    auto column = [&spec](const QString &name) {
        const int i = spec.indexOf(name);
        Q_ASSERT_X(i >= 0, "parseBucketed", qPrintable(name));
        return i;
    };
    QList<QByteArray> dimKeys, metricKeys;
    QList<int> dimColumns, metricColumns;
    for (const QString &d : dims) {
        dimKeys << d.toUtf8();
        dimColumns << column(d);
    }
    for (const QString &m : metrics) {
        metricKeys << m.toUtf8();
        metricColumns << (costs ? -1 : column(m));
    }
    const int batchDim = int(dims.indexOf(QStringLiteral("batch")));
    const QStringList requiredNames = costs ? QStringList() : requiredUsageMetrics(ref.usageKind);
    QList<bool> required;
    for (const QString &m : metrics)
        required << requiredNames.contains(m);
    const QString groupByKey = ref.groupByKey();
    const QString idGroup = groupByKey + u'@' + ref.bucketWidth;
    const QJsonArray buckets = data.toArray();
    page.itemCount = int(buckets.size());
    rawjson::Span whole;
    QList<rawjson::Span> bucketSpans, resultSpans;
    const bool bucketsSliced = rawjson::root(body, &whole) &&
                               rawjson::arrayElements(body, whole, "data", &bucketSpans) &&
                               bucketSpans.size() == buckets.size();
    for (qsizetype b = 0; b < buckets.size(); ++b) {
        const QString bpath = QStringLiteral("$.data[%1]").arg(b);
        if (!buckets[b].isObject())
            return err(
                Error::Code::Parse,
                QStringLiteral("%1: expected a bucket object, got %2").arg(bpath, typeName(buckets[b])));
        Fields bucket(buckets[b].toObject(), bpath, &error);
        bucket.require({"object"});
        const qint64 start = bucket.timestamp("start_time", true).toLongLong();
        const qint64 end = bucket.timestamp("end_time", true).toLongLong();
        if (!error.isEmpty()) return err(Error::Code::Parse, error);
        if (end <= start)
            return err(Error::Code::Parse, QStringLiteral("%1: end_time is not after start_time").arg(bpath));
        if (b == 0 || start < page.minTime) page.minTime = start;
        page.maxTime = std::max(page.maxTime, end);
        // The live API and every example say "results"; the 2025 schema said "result".
        QJsonValue results = bucket.object().value(QLatin1String("results"));
        QString rkey = QStringLiteral("results");
        if (results.isUndefined() || results.isNull()) {
            results = bucket.object().value(QLatin1String("result"));
            rkey = QStringLiteral("result");
        }
        if (results.isUndefined())
            return err(Error::Code::Parse,
                       QStringLiteral("%1.results: required field is missing").arg(bpath));
        if (!results.isArray())
            return err(
                Error::Code::Parse,
                QStringLiteral("%1.%2: expected an array, got %3").arg(bpath, rkey, typeName(results)));
        const bool provisional = end > now - grace;
        QHash<QString, int> seen; // identical dimension tuples inside one bucket get an ordinal
        const QJsonArray arr = results.toArray();
        const bool sliced = bucketsSliced &&
                            rawjson::arrayElements(body, bucketSpans[b], rkey.toLatin1(), &resultSpans) &&
                            resultSpans.size() == arr.size();
        const QString rprefix = bpath + u'.' + rkey;
        for (qsizetype i = 0; i < arr.size(); ++i) {
            if (!arr[i].isObject())
                return err(Error::Code::Parse, QStringLiteral("%1[%2]: expected a result object, got %3")
                                                   .arg(rprefix)
                                                   .arg(i)
                                                   .arg(typeName(arr[i])));
            const QJsonObject resObject = arr[i].toObject();
            Fields res(resObject, rprefix, i, &error);
            res.require({"object"});
            RowBuilder row(spec);
            QStringList dimValues;
            dimValues.reserve(dims.size());
            for (qsizetype d = 0; d < dims.size(); ++d) {
                const char *key = dimKeys[d].constData();
                QVariant v = d == batchDim ? res.boolean(key) : res.text(key);
                dimValues << (v.isNull() ? QString() : v.toString());
                row.setAt(dimColumns[d], v);
            }
            row.set("group_by", groupByKey);
            row.set("bucket_width", ref.bucketWidth);
            row.set("bucket_start", start);
            row.set("bucket_end", end);
            row.set("provisional", provisional);
            if (costs) {
                // CostsResult requires only "object": a result without an amount (or without its value)
                // is stored with a NULL amount, which the exact sums skip.
                Fields amount = res.sub("amount");
                row.set("amount", amount.decimal("value"));
                row.set("currency", amount.text("currency"));
                row.set("quantity", res.decimal("quantity"));
                row.set("quantity_unit", res.text("quantity_unit"));
                row.set("organization_id", res.text("organization_id"));
            } else {
                row.set("kind", ref.usageKind);
                // 2025 spec drift: code interpreter sessions were once named "sessions".
                const bool legacySessions = ref.usageKind == u"code_interpreter_sessions" &&
                                            res.has("sessions") && !res.has("num_sessions");
                for (qsizetype m = 0; m < metrics.size(); ++m) {
                    const char *key = metricKeys[m].constData();
                    if (required[m] && !legacySessions) res.require({key});
                    row.setAt(metricColumns[m], res.integer(key));
                }
                if (legacySessions) row.set("num_sessions", res.integer("sessions"));
            }
            if (!error.isEmpty()) return err(Error::Code::Parse, error);
            QString id = bucketRowId(kind, idGroup, start, dimValues);
            const int n = seen.value(id, 0);
            seen.insert(id, n + 1);
            if (n > 0) id += u'#' + QString::number(n);
            row.set("id", id);
            page.rows << row.take(resObject, sliced ? rawjson::compact(body, resultSpans[i]) : QByteArray());
        }
    }
    return page;
}

Result<ParsedPage> parseList(const EndpointRef &ref, const QJsonObject &root, const QByteArray &body)
{
    ParsedPage page;
    QString error;
    Fields top(root, QStringLiteral("$"), &error);
    const QVariant obj = top.text("object", true);
    if (!error.isEmpty()) return err(Error::Code::Parse, error);
    if (obj.toString() != u"list")
        return err(Error::Code::Parse,
                   QStringLiteral("$.object: expected \"list\", got \"%1\"").arg(obj.toString()));
    top.require({"data"});
    const QJsonValue data = root.value(QLatin1String("data"));
    if (error.isEmpty() && !data.isArray())
        return err(Error::Code::Parse,
                   QStringLiteral("$.data: expected an array, got %1").arg(typeName(data)));
    page.hasMore = top.boolean("has_more", true).toBool();
    // ListCertificatesResponse and the spend alert lists list first_id and last_id as required (both may
    // be null); the RBAC lists carry their cursor in "next" instead.
    if (ref.kind == EndpointKind::Certificates || ref.kind == EndpointKind::ProjectCertificates ||
        ref.kind == EndpointKind::SpendAlerts)
        top.require({"first_id", "last_id"});
    if (ref.pagesByNext()) top.require({"next"});
    const QString next = ref.pagesByNext() ? top.text("next").toString() : QString();
    if (!error.isEmpty()) return err(Error::Code::Parse, error);

    const TableSpec &spec = tableSpec(ref.kind);
    const QJsonArray items = data.toArray();
    page.itemCount = int(items.size());
    rawjson::Span whole;
    QList<rawjson::Span> itemSpans;
    const bool sliced = rawjson::root(body, &whole) &&
                        rawjson::arrayElements(body, whole, "data", &itemSpans) &&
                        itemSpans.size() == items.size();
    QSet<QString> ids;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = QStringLiteral("$.data[%1]").arg(i);
        if (!items[i].isObject())
            return err(Error::Code::Parse,
                       QStringLiteral("%1: expected an object, got %2").arg(path, typeName(items[i])));
        const QJsonObject o = items[i].toObject();
        Fields f(o, path, &error);
        RowBuilder r(spec);
        const QStringList scope = ref.scopeValues();
        for (qsizetype c = 0; c < spec.scopeColumns.size(); ++c)
            r.set(spec.scopeColumns[c], scope.value(c));
        QList<Row> certEvents;
        switch (ref.kind) {
        case EndpointKind::Users:
            parseUser(f, r);
            break;
        case EndpointKind::Invites:
            parseInvite(f, r);
            break;
        case EndpointKind::Projects:
            parseProject(f, r);
            break;
        case EndpointKind::ProjectUsers:
            parseProjectUser(f, r);
            break;
        case EndpointKind::ServiceAccounts:
            parseServiceAccount(f, r);
            break;
        case EndpointKind::ProjectApiKeys:
            parseProjectApiKey(f, r);
            break;
        case EndpointKind::RateLimits:
            parseRateLimit(f, r);
            break;
        case EndpointKind::Certificates:
            parseCertificate(f, r, "id");
            break;
        case EndpointKind::ProjectCertificates:
            parseCertificate(f, r, "certificate_id");
            break;
        case EndpointKind::AdminApiKeys:
            parseAdminKey(f, r);
            break;
        case EndpointKind::AuditLogs:
            parseAuditLog(f, r, certEvents);
            break;
        case EndpointKind::Groups:
            parseGroup(f, r);
            break;
        case EndpointKind::GroupUsers:
            parseGroupUser(f, r);
            break;
        case EndpointKind::GroupRoles:
        case EndpointKind::UserRoles:
            parseAssignedRole(f, r);
            break;
        case EndpointKind::Roles:
            parseRole(f, r);
            break;
        case EndpointKind::ProjectGroups:
            parseProjectGroup(f, r);
            break;
        case EndpointKind::SpendAlerts:
            parseSpendAlert(f, r);
            break;
        case EndpointKind::Usage:
        case EndpointKind::Costs:
        case EndpointKind::ProjectModelPermissions:
        case EndpointKind::ProjectHostedToolPermissions:
        case EndpointKind::DataRetention:
        case EndpointKind::SpendLimit:
            Q_UNREACHABLE();
        }
        if (!error.isEmpty()) return err(Error::Code::Parse, error);
        Row row = r.take(o, sliced ? rawjson::compact(body, itemSpans[i]) : QByteArray());
        const QString id = row.values[spec.indexOf(spec.idColumn)].toString();
        if (ids.contains(id))
            return err(Error::Code::Parse,
                       QStringLiteral("%1.id: \"%2\" appears twice on one page").arg(path, id));
        ids.insert(id);
        if (ref.kind == EndpointKind::AuditLogs) {
            const qint64 at = row.values[spec.indexOf(QStringLiteral("effective_at"))].toLongLong();
            if (i == 0 || at < page.minTime) page.minTime = at;
            page.maxTime = std::max(page.maxTime, at);
            const QVariant actor = row.values[spec.indexOf(QStringLiteral("actor_id"))];
            for (Row &e : certEvents) {
                e.values[certificateEventsSpec().indexOf(QStringLiteral("actor_id"))] = actor;
                page.certificateEvents << std::move(e);
            }
        }
        page.nextCursor = id;
        page.rows << std::move(row);
    }
    // Cursor = the id of the last element of data (never first_id/last_id, which examples get wrong).
    if (ref.kind == EndpointKind::ProjectUsers && !page.rows.isEmpty())
        page.nextCursor = page.rows.last().values[spec.indexOf(QStringLiteral("user_id"))].toString();
    // The RBAC lists name their cursor; the last element's id stands in when "next" is null mid-list.
    if (ref.pagesByNext() && !next.isEmpty()) page.nextCursor = next;
    return page;
}

} // namespace

Result<ParsedPage> parsePage(const EndpointRef &ref, const QByteArray &body, qint64 nowSecs, qint64 grace)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return err(Error::Code::Parse,
                   QStringLiteral("not valid JSON at byte %1: %2").arg(pe.offset).arg(pe.errorString()));
    if (!doc.isObject())
        return err(Error::Code::Parse, QStringLiteral("$: expected a JSON object at the top level"));
    const QJsonObject root = doc.object();
    if (ref.isBucketed()) return parseBucketed(ref, root, body, nowSecs, grace);
    return ref.isSingleObject() ? parseSingle(ref, root, body) : parseList(ref, root, body);
}

// Outside the anonymous namespace: migration 6 gives stored rows the same tag.
QString bucketSetTag(const QString &kind, const QString &groupSet)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    h.addData(kind.toUtf8());
    h.addData("\x1f");
    h.addData(groupSet.toUtf8());
    return QString::fromLatin1(h.result().toHex().left(8));
}

} // namespace orgward
