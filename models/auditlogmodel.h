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
    // Pretty-printed JSON payload of one event (empty when unknown).
    QString payloadJson(const QString &id);
    QStringList eventTypes();

private:
    Database &m_db;
};

} // namespace orgward
