#include "history.h"

#include "core/instant.h"

#include "domain/tables.h"
#include "store/database.h"
#include "store/migration_v12_history.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace orgward {

namespace {

QJsonObject parseData(const QVariant &v)
{
    // SQLite hands the JSON text back, PostgreSQL jsonb as text through QPSQL: both parse the same.
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

// Booleans arrive as 0/1 from SQLite and true/false from PostgreSQL; JSON columns as text from SQLite and
// as JSON from PostgreSQL. One form for comparing and printing: the TableSpec's types.
const TableSpec *specOf(const QString &table)
{
    for (const TableSpec *t : allSyncedTables())
        if (t->table == table) return t;
    return nullptr;
}

QJsonObject normalise(const TableSpec *spec, QJsonObject o)
{
    if (!spec) return o;
    for (const ColumnSpec &c : spec->columns) {
        const QJsonValue v = o.value(c.name);
        if (c.type == ColType::Bool && v.isDouble()) o.insert(c.name, v.toInt() != 0);
        // Instants as ISO 8601 UTC: what a reader of a diff or an export recognises.
        if (c.type == ColType::Timestamp && v.isDouble())
            o.insert(c.name, formatInstant(qint64(v.toDouble())));
        if (c.type == ColType::Json && v.isString()) {
            const QJsonDocument doc = QJsonDocument::fromJson(v.toString().toUtf8());
            if (doc.isArray()) o.insert(c.name, doc.array());
            if (doc.isObject()) o.insert(c.name, doc.object());
        }
    }
    return o;
}

QString displayName(const QJsonObject &d, const QString &rowKey)
{
    for (const char *k : {"name", "email", "group_name", "model", "tool", "type"})
        if (const QString s = d.value(QLatin1String(k)).toString(); !s.isEmpty()) return s;
    // The org's own objects have an empty project part: "/alert_1" reads as "alert_1".
    return rowKey.startsWith(u'/') ? rowKey.mid(1) : rowKey;
}

// Whose row a child row is (a user's role, a group's member, a project's member or setting): "Reader"
// alone names no one. Read from the current tables (names rarely change; ids never do).
QString ownerName(Database &db, const QString &orgKey, const HistoryEntity &e, const QJsonObject &d)
{
    struct Parent
    {
        const char *column, *table, *nameColumn;
    };
    static const QList<Parent> parents{{"user_id", "openai_users", "name"},
                                       {"group_id", "openai_groups", "name"},
                                       {"project_id", "openai_projects", "name"}};
    QStringList names;
    for (const Parent &p : parents) {
        const QString id = d.value(QLatin1String(p.column)).toString();
        if (id.isEmpty() || e.table == QLatin1String(p.table)) continue;
        if (e.table == u"openai_group_users" && QLatin1String(p.column) == u"user_id")
            continue; // the row is the user
        if (e.table == u"openai_project_members" && QLatin1String(p.column) == u"user_id") continue;
        auto n = db.scalar(QStringLiteral("SELECT %1 FROM %2 WHERE org_key = ? AND id = ?")
                               .arg(QLatin1String(p.nameColumn), QLatin1String(p.table)),
                           {orgKey, id});
        names << (n && !n->toString().isEmpty() ? n->toString() : id);
    }
    return names.join(QStringLiteral(", "));
}

// The API's own time for an addition: when the object says it was created or added.
qint64 apiCreated(const QJsonObject &d)
{
    for (const char *k : {"created_at", "added_at", "created"}) {
        const QDateTime t = QDateTime::fromString(d.value(QLatin1String(k)).toString(), Qt::ISODate);
        if (t.isValid()) return t.toSecsSinceEpoch();
    }
    return 0;
}

// A change the object dates itself: a time field that went from null to a value (archived_at, accepted_at).
qint64 stampedChange(const QList<std::tuple<QString, QJsonValue, QJsonValue>> &fields)
{
    for (const auto &[name, old, now] : fields) {
        if (!name.endsWith(u"_at") || !old.isNull()) continue;
        if (const QDateTime t = QDateTime::fromString(now.toString(), Qt::ISODate); t.isValid())
            return t.toSecsSinceEpoch();
    }
    return 0;
}

QString beforeFirst(const QString &orgKey, qint64 at, qint64 first)
{
    auto fmt = [](qint64 s) {
        return QDateTime::fromSecsSinceEpoch(s, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    };
    if (first == 0)
        return QStringLiteral("Orgward has no record of organization '%1' (it was never synced or imported)")
            .arg(orgKey);
    return QStringLiteral("Orgward has no record of organization '%1' before %2 (its first sync or import); "
                          "%3 is earlier")
        .arg(orgKey, fmt(first), fmt(at));
}

Result<QHash<QString, EntityState>> stateMap(Database &db, const QString &orgKey, const HistoryEntity &e,
                                             qint64 at, bool keepRemoved)
{
    auto q = db.exec(
        QStringLiteral("SELECT row_key, data, valid_from, change FROM orgward_history WHERE org_key "
                       "= ? AND entity = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)"),
        {orgKey, e.table, db.bindTimestamp(at), db.bindTimestamp(at)});
    if (!q) return q.error();
    QHash<QString, EntityState> out;
    const TableSpec *spec = specOf(e.table); // once, not per row
    while (q->next()) {
        if (!keepRemoved && q->value(3).toString() == u"removed") continue;
        EntityState s;
        s.rowKey = q->value(0).toString();
        s.data = normalise(spec, parseData(q->value(1)));
        s.observedAt = Database::timestampSecs(q->value(2));
        if (keepRemoved && q->value(3).toString() == u"removed")
            s.data.insert(QStringLiteral("__removed"), true);
        out.insert(s.rowKey, s);
    }
    return out;
}

// The fields whose value differs between two states of a row, noise and markers left out (and the
// soft-delete column: a reappeared row's is the removal, which its change kind already says).
QList<std::tuple<QString, QJsonValue, QJsonValue>>
changedFields(const QJsonObject &before, const QJsonObject &after, const QStringList &noise)
{
    QList<std::tuple<QString, QJsonValue, QJsonValue>> out;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        if (noise.contains(it.key()) || it.key().startsWith(u"__") || it.key() == u"deleted_at" ||
            it.key() == u"removed_at")
            continue;
        const QJsonValue old = before.value(it.key());
        if (old != it.value()) out << std::make_tuple(it.key(), old, it.value());
    }
    return out;
}

struct RunSpan
{
    QString id;
    qint64 started = 0, finished = 0; // finished 0: still running (or killed)
};

// The org's sync runs and imports, oldest first: a version's valid_from falls inside the run that wrote it.
Result<QList<RunSpan>> runsOf(Database &db, const QString &orgKey)
{
    auto q = db.exec(QStringLiteral("SELECT id, started_at, finished_at FROM openai_admin_sync_runs WHERE "
                                    "org_key = ? AND dry_run = ? ORDER BY started_at, id"),
                     {orgKey, db.bindBool(false)});
    if (!q) return q.error();
    QList<RunSpan> out;
    while (q->next())
        out << RunSpan{q->value(0).toString(), Database::timestampSecs(q->value(1)),
                       q->value(2).isNull() ? 0 : Database::timestampSecs(q->value(2))};
    return out;
}

// The newest run whose span holds `at` (a killed run has no end: it holds everything after its start).
QString runAt(const QList<RunSpan> &runs, qint64 at)
{
    for (auto it = runs.crbegin(); it != runs.crend(); ++it)
        if (it->started <= at && (it->finished == 0 || at <= it->finished)) return it->id;
    return {};
}

bool isRemoved(const EntityState &s)
{
    return s.data.value(QLatin1String("__removed")).toBool();
}

// Audit events between the two instants naming the object's id (its payload or the event as received).
Result<QList<QPair<QString, qint64>>> evidenceFor(Database &db, const QString &orgKey,
                                                  const QString &objectId, qint64 from, qint64 to)
{
    if (objectId.isEmpty()) return QList<QPair<QString, qint64>>{};
    auto q =
        db.exec(QStringLiteral("SELECT id, effective_at FROM openai_audit_logs WHERE org_key = ? AND "
                               "effective_at > ? AND effective_at <= ? AND (CAST(payload AS TEXT) LIKE ? "
                               "OR CAST(raw AS TEXT) LIKE ?) ORDER BY effective_at, id"),
                {orgKey, db.bindTimestamp(from), db.bindTimestamp(to), QString(u"%\"" + objectId + u"\"%"),
                 QString(u"%\"" + objectId + u"\"%")});
    if (!q) return q.error();
    QList<QPair<QString, qint64>> out;
    while (q->next())
        out << qMakePair(q->value(0).toString(), Database::timestampSecs(q->value(1)));
    return out;
}

} // namespace

const QList<HistoryEntity> &historyEntities()
{
    static const QList<HistoryEntity> all{
        {QStringLiteral("members"), QStringLiteral("openai_users"), QStringLiteral("Members")},
        {QStringLiteral("invites"), QStringLiteral("openai_invites"), QStringLiteral("Invites")},
        {QStringLiteral("projects"), QStringLiteral("openai_projects"), QStringLiteral("Projects")},
        {QStringLiteral("project_members"), QStringLiteral("openai_project_members"),
         QStringLiteral("Project members")},
        {QStringLiteral("service_accounts"), QStringLiteral("openai_service_accounts"),
         QStringLiteral("Service accounts")},
        {QStringLiteral("keys"), QStringLiteral("openai_project_api_keys"),
         QStringLiteral("Project API keys")},
        {QStringLiteral("admin_keys"), QStringLiteral("openai_admin_api_keys"),
         QStringLiteral("Admin API keys")},
        {QStringLiteral("rate_limits"), QStringLiteral("openai_project_rate_limits"),
         QStringLiteral("Rate limits")},
        {QStringLiteral("certificates"), QStringLiteral("openai_certificates"),
         QStringLiteral("Certificates")},
        {QStringLiteral("project_certificates"), QStringLiteral("openai_project_certificates"),
         QStringLiteral("Project certificates")},
        {QStringLiteral("groups"), QStringLiteral("openai_groups"), QStringLiteral("Groups")},
        {QStringLiteral("group_members"), QStringLiteral("openai_group_users"),
         QStringLiteral("Group members")},
        {QStringLiteral("group_roles"), QStringLiteral("openai_group_roles"), QStringLiteral("Group roles")},
        {QStringLiteral("roles"), QStringLiteral("openai_roles"), QStringLiteral("Roles")},
        {QStringLiteral("user_roles"), QStringLiteral("openai_user_roles"), QStringLiteral("User roles")},
        {QStringLiteral("project_groups"), QStringLiteral("openai_project_groups"),
         QStringLiteral("Project groups")},
        {QStringLiteral("model_permissions"), QStringLiteral("openai_project_model_permissions"),
         QStringLiteral("Model permissions")},
        {QStringLiteral("tool_permissions"), QStringLiteral("openai_project_hosted_tool_permissions"),
         QStringLiteral("Hosted tool permissions")},
        {QStringLiteral("data_retention"), QStringLiteral("openai_data_retention"),
         QStringLiteral("Data retention")},
        {QStringLiteral("spend_alerts"), QStringLiteral("openai_spend_alerts"),
         QStringLiteral("Spend alerts")},
        {QStringLiteral("spend_limits"), QStringLiteral("openai_spend_limits"),
         QStringLiteral("Spend limits")},
    };
    return all;
}

std::optional<HistoryEntity> historyEntity(const QString &nameOrTable)
{
    for (const HistoryEntity &e : historyEntities())
        if (e.name == nameOrTable || e.table == nameOrTable) return e;
    return std::nullopt;
}

Result<ObservedSpan> observedSpan(Database &db, const QString &orgKey)
{
    auto q = db.exec(
        QStringLiteral("SELECT MIN(valid_from), MAX(valid_from) FROM orgward_history WHERE org_key = ?"),
        {orgKey});
    if (!q) return q.error();
    ObservedSpan s;
    if (q->next()) {
        s.first = Database::timestampSecs(q->value(0));
        s.last = Database::timestampSecs(q->value(1));
    }
    return s;
}

Result<QList<EntityState>> statesAsOf(Database &db, const QString &orgKey, const HistoryEntity &entity,
                                      qint64 at)
{
    auto span = observedSpan(db, orgKey);
    if (!span) return span.error();
    if (span->first == 0 || at < span->first)
        return err(Error::Code::NotFound, beforeFirst(orgKey, at, span->first));
    auto map = stateMap(db, orgKey, entity, at, false);
    if (!map) return map.error();
    QList<EntityState> out = map->values();
    std::sort(out.begin(), out.end(),
              [](const EntityState &a, const EntityState &b) { return a.rowKey < b.rowKey; });
    return out;
}

Result<AsOfBasis> asOfBasis(Database &db, const QString &orgKey, qint64 at)
{
    AsOfBasis b;
    auto last =
        db.exec(QStringLiteral("SELECT started_at, source FROM openai_admin_sync_runs WHERE org_key = ? "
                               "AND dry_run = ? AND started_at <= ? ORDER BY started_at DESC LIMIT 1"),
                {orgKey, db.bindBool(false), db.bindTimestamp(at)});
    if (!last) return last.error();
    if (last->next()) {
        b.observedAt = Database::timestampSecs(last->value(0));
        b.source = last->value(1).toString();
    }
    auto next =
        db.exec(QStringLiteral("SELECT MIN(started_at) FROM openai_admin_sync_runs WHERE org_key = ? AND "
                               "dry_run = ? AND started_at > ?"),
                {orgKey, db.bindBool(false), db.bindTimestamp(at)});
    if (!next) return next.error();
    if (next->next() && !next->value(0).isNull()) b.nextObservedAt = Database::timestampSecs(next->value(0));
    return b;
}

QString describeAsOfBasis(const AsOfBasis &b)
{
    auto fmt = [](qint64 s) {
        return QDateTime::fromSecsSinceEpoch(s, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    };
    if (b.observedAt == 0) return QStringLiteral("Orgward had not observed the organization by then.");
    const QString what = b.source == u"import" ? QStringLiteral("import") : QStringLiteral("sync");
    QString s = QStringLiteral("As the %1 of %2 observed it").arg(what, fmt(b.observedAt));
    if (b.nextObservedAt > 0)
        s += QStringLiteral(
                 "; a change made before the next observation (%1) shows from then, and `diff` dates "
                 "it by its audit event")
                 .arg(fmt(b.nextObservedAt));
    return s + u'.';
}

Result<QList<QPair<HistoryEntity, qint64>>> countsAsOf(Database &db, const QString &orgKey, qint64 at)
{
    auto span = observedSpan(db, orgKey);
    if (!span) return span.error();
    if (span->first == 0 || at < span->first)
        return err(Error::Code::NotFound, beforeFirst(orgKey, at, span->first));
    QList<QPair<HistoryEntity, qint64>> out;
    for (const HistoryEntity &e : historyEntities()) {
        auto n = db.scalar(
            QStringLiteral("SELECT COUNT(*) FROM orgward_history WHERE org_key = ? AND entity = ? AND "
                           "valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) AND change <> "
                           "'removed'"),
            {orgKey, e.table, db.bindTimestamp(at), db.bindTimestamp(at)});
        if (!n) return n.error();
        out << qMakePair(e, n->toLongLong());
    }
    return out;
}

QString changeText(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Added:
        return QStringLiteral("added");
    case ChangeKind::Removed:
        return QStringLiteral("removed");
    case ChangeKind::Changed:
        return QStringLiteral("changed");
    case ChangeKind::Reappeared:
        return QStringLiteral("reappeared");
    }
    return {};
}

Result<QList<EntityChange>> diffBetween(Database &db, const QString &orgKey, qint64 from, qint64 to,
                                        const QList<HistoryEntity> &entities)
{
    if (from >= to)
        return err(Error::Code::Usage, QStringLiteral("the first instant must be earlier than the second"));
    auto span = observedSpan(db, orgKey);
    if (!span) return span.error();
    if (span->first == 0) return err(Error::Code::NotFound, beforeFirst(orgKey, from, 0));
    auto runs = runsOf(db, orgKey);
    if (!runs) return runs.error();
    QList<EntityChange> out;
    for (const HistoryEntity &e : entities.isEmpty() ? historyEntities() : entities) {
        // Before the first observation the org is unknown, not empty: "from" then reads as the first state
        // Orgward has, so nothing is reported as added merely because it was first seen.
        auto before = stateMap(db, orgKey, e, std::max(from, span->first), true);
        if (!before) return before.error();
        auto after = stateMap(db, orgKey, e, to, true);
        if (!after) return after.error();
        const QStringList noise = historyNoiseColumns(e.table);
        QSet<QString> keys;
        for (auto it = before->cbegin(); it != before->cend(); ++it)
            keys.insert(it.key());
        for (auto it = after->cbegin(); it != after->cend(); ++it)
            keys.insert(it.key());
        QStringList sorted(keys.cbegin(), keys.cend());
        sorted.sort();
        for (const QString &key : std::as_const(sorted)) {
            const auto b = before->constFind(key), a = after->constFind(key);
            const bool was = b != before->cend() && !isRemoved(*b), is = a != after->cend() && !isRemoved(*a);
            if (!was && !is) continue;
            EntityChange c;
            c.entity = e;
            c.id = key;
            const QJsonObject &shown = is ? a->data : b->data;
            c.name = displayName(shown, key);
            if (auto owner = ownerName(db, orgKey, e, shown); !owner.isEmpty())
                c.name += QStringLiteral(" — ") + owner;
            if (!was) {
                // A removed version still valid at `from`: the row is back, not new.
                c.change = b != before->cend() ? ChangeKind::Reappeared : ChangeKind::Added;
                if (c.change == ChangeKind::Reappeared) c.fields = changedFields(b->data, a->data, noise);
            } else if (!is) {
                c.change = ChangeKind::Removed;
            } else {
                c.change = ChangeKind::Changed;
                c.fields = changedFields(b->data, a->data, noise);
                if (c.fields.isEmpty()) continue; // only noise moved
            }
            c.observedAt = a != after->cend() ? a->observedAt : 0;
            c.observedBy = runAt(*runs, c.observedAt);
            const QString objectId = key.section(u'/', -1);
            auto ev = evidenceFor(db, orgKey, objectId, from, to);
            if (!ev) return ev.error();
            for (const auto &[id, at] : std::as_const(*ev))
                c.evidence << id;
            if (!ev->isEmpty())
                c.happenedAt = ev->constFirst().second;
            else if (c.change == ChangeKind::Added || c.change == ChangeKind::Reappeared)
                c.happenedAt = apiCreated(a->data);
            else if (c.change == ChangeKind::Changed)
                c.happenedAt = stampedChange(c.fields);
            if (c.happenedAt > 0)
                c.happenedFrom = ev->isEmpty() ? QStringLiteral("object") : QStringLiteral("audit_log");
            out << c;
        }
    }
    return out;
}

} // namespace orgward
