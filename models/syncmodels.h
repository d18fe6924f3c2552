#pragma once
#include "sqltablemodel.h"

namespace orgward {

// Sync and import runs, newest first; counts, errors and cursors are read per run.
class SyncRunsModel : public SqlTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Started,
        Finished,
        Source,
        Status,
        Requests,
        Retries,
        Message,
        ColumnCount
    };
    explicit SyncRunsModel(Database &db, QObject *parent = nullptr);
    QString runDetails(const QString &runId); // per-endpoint counts, errors and cursors, pretty-printed

private:
    Database &m_db;
};

// Cursor positions per endpoint.
class CursorsModel : public SqlTableModel
{
    Q_OBJECT
public:
    explicit CursorsModel(Database &db, QObject *parent = nullptr);
};

} // namespace orgward
