#pragma once
#include "database.h"

namespace orgward {

struct TableCount
{
    QString table;
    qint64 total = 0;
    qint64 active = 0; // not soft-deleted
};

// Row counts per synced table for one organization, in a fixed order.
Result<QList<TableCount>> tableCounts(Database &db, const QString &orgKey);

} // namespace orgward
