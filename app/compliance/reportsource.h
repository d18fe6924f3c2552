#pragma once
// What report builders read, and nothing else: the org's entities as of one instant (row history, the same
// reader as `status --as-of`), and the time-ranged facts that have no versions (audit events, certificate
// events, costs, usage). Each entity is read once and cached for the builders of one report or bundle.
#include "compliance/report.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace orgward {

class ReportSource
{
public:
    ReportSource(Database &db, QString orgKey, qint64 asOf, ReportProgress progress = {});

    Database &db() { return m_db; }
    const QString &orgKey() const { return m_orgKey; }
    qint64 asOf() const { return m_asOf; }

    // The rows of a history entity ("members", "projects", "keys", … historyEntities()) valid at asOf.
    // Timestamps are Unix seconds, booleans booleans, JSON columns JSON (as statesAsOf gives them).
    Result<QList<QJsonObject>> entity(const QString &name);

    // openai_audit_logs with from <= effective_at < to, oldest first; each object has the table's columns
    // (effective_at in Unix seconds, payload parsed). types: only events of these types (empty: all).
    Result<QList<QJsonObject>> auditEvents(qint64 from, qint64 to, const QStringList &types = {});
    // The newest audit event per actor id before `to` (last activity): actor_id → Unix seconds.
    Result<QHash<QString, qint64>> lastAuditActivity(qint64 to);
    // Row keys of an entity ("members") with a removal observed in (from, to]: row history's "removed"
    // versions. Cheap (no row data): a builder reads the earlier state only when there is one.
    Result<QSet<QString>> removedBetween(const QString &entity, qint64 from, qint64 to);
    // openai_certificate_events with occurred_at < to, oldest first.
    Result<QList<QJsonObject>> certificateEvents(qint64 from, qint64 to);
    // Billed cost per project in [from, to): project_id → (currency → amount as exact decimal text).
    Result<QHash<QString, QHash<QString, QString>>> costByProject(qint64 from, qint64 to);
    // Usage per project and model in [from, to) from the completions usage by project_id,model:
    // rows {project_id, model, input_tokens, output_tokens, num_model_requests}.
    Result<QList<QJsonObject>> usageByProjectModel(qint64 from, qint64 to);
    // The actor object of each audit event in [from, to) as the API sent it (the stored columns flatten it:
    // the session's ip_address_details and the API key's owner type live only here): event id → actor.
    Result<QHash<QString, QJsonObject>> auditActors(qint64 from, qint64 to);
    // Where actors acted from before `to`: the distinct {actor_id, actor_ip, actor_country} of the audit log,
    // actor_country being the session's ip_address_details.country (null when the event has none). What "a
    // new IP address or country" is measured against, without reading every earlier event.
    Result<QList<QJsonObject>> auditOriginsBefore(qint64 to);

    // False when the caller's progress callback asked to stop.
    bool step(const QString &what);

private:
    Database &m_db;
    QString m_orgKey;
    qint64 m_asOf;
    ReportProgress m_progress;
    QHash<QString, QList<QJsonObject>> m_cache;
};

} // namespace orgward
