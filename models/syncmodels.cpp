#include "syncmodels.h"

#include <QJsonDocument>

namespace orgward {

SyncRunsModel::SyncRunsModel(Database &db, QObject *parent) : SqlTableModel(db, parent), m_db(db)
{
    setQuery(
        {
            {tr("Started"), QStringLiteral("r.started_at"), ColType::Timestamp},
            {tr("Finished"), QStringLiteral("r.finished_at"), ColType::Timestamp},
            {tr("Source"), QStringLiteral("r.source")},
            {tr("Status"), QStringLiteral("r.status")},
            {tr("Requests"), QStringLiteral("r.requests"), ColType::Int},
            {tr("Retries"), QStringLiteral("r.retries"), ColType::Int},
            {tr("Message"), QStringLiteral("r.message")},
        },
        QStringLiteral("FROM openai_admin_sync_runs r"), QStringLiteral("r.org_key = ?"),
        QStringLiteral("r.id"));
    sort(Started, Qt::DescendingOrder);
}

QString SyncRunsModel::runDetails(const QString &runId)
{
    auto q = m_db.exec(QStringLiteral("SELECT CAST(counts AS TEXT), CAST(errors AS TEXT), CAST(cursors AS "
                                      "TEXT) FROM openai_admin_sync_runs "
                                      "WHERE org_key = ? AND id = ?"),
                       {orgKey(), runId});
    if (!q || !q->next()) return {};
    auto pretty = [](const QVariant &v) {
        if (v.isNull()) return tr("(none)");
        const QJsonDocument d = QJsonDocument::fromJson(v.toString().toUtf8());
        return d.isNull() ? v.toString() : QString::fromUtf8(d.toJson(QJsonDocument::Indented));
    };
    return tr("Counts per endpoint:\n%1\nErrors:\n%2\nCursors:\n%3")
        .arg(pretty(q->value(0)), pretty(q->value(1)), pretty(q->value(2)));
}

CursorsModel::CursorsModel(Database &db, QObject *parent) : SqlTableModel(db, parent)
{
    setQuery(
        {
            {tr("Endpoint"), QStringLiteral("c.endpoint")},
            {tr("Next page"), QStringLiteral("c.next_page")},
            {tr("Last synced"), QStringLiteral("c.last_synced_at"), ColType::Timestamp},
            {tr("Window start"), QStringLiteral("c.window_start"), ColType::Timestamp},
            {tr("Window end"), QStringLiteral("c.window_end"), ColType::Timestamp},
            {tr("Errors"), QStringLiteral("c.error_count"), ColType::Int},
            {tr("Last error"), QStringLiteral("c.last_error")},
        },
        QStringLiteral("FROM openai_admin_cursors c"), QStringLiteral("c.org_key = ?"),
        QStringLiteral("c.endpoint"));
}

} // namespace orgward
