#pragma once
#include "sqltablemodel.h"

namespace orgward {

// OpenAI audit events, newest first: time, type, actor, project, IP. The payload is read per row.
class AuditLogModel : public SqlTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Type,
        Actor,
        ActorType,
        Project,
        Ip,
        ColumnCount
    };
    explicit AuditLogModel(Database &db, QObject *parent = nullptr);
    // Only events of this type (empty: every type) at or after since (0: any time); reloads.
    void setFilter(const QString &type, qint64 since);
    // Pretty-printed JSON payload of one event (empty when unknown).
    QString payloadJson(const QString &id);
    QStringList eventTypes();
    // The same, on any connection (the pane reads it on the table worker).
    static Result<QStringList> eventTypes(Database &db, const QString &orgKey);

private:
    Database &m_db;
};

} // namespace orgward
