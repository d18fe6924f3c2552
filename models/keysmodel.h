#pragma once
#include "sqltablemodel.h"

namespace orgward {

// Every project API key with its owner (user or service account), project, redacted value, created,
// last used and age in days as of the org's now. Keys of removed members are muted.
class KeysModel : public SqlTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Owner,
        OwnerType,
        Project,
        Redacted,
        Created,
        LastUsed,
        AgeDays,
        OwnerState,
        ColumnCount
    };
    enum class Filter
    {
        All,
        Unused90Days,
        OlderThanYear,
        OwnedByRemoved
    };
    explicit KeysModel(Database &db, QObject *parent = nullptr);
    void setNow(qint64 now); // rebuilds the age column; reload() after
    qint64 now() const { return m_now; }
    // A condition for setExtraCondition(), as of now().
    SqlCondition filterCondition(Filter f) const;

private:
    Database &m_db;
    qint64 m_now = 0;
};

} // namespace orgward
