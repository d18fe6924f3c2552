#pragma once
#include "sqltablemodel.h"

namespace orgward {

// Organization certificates: org activation, how many projects activate it, validity window, days to
// expiry (as of the org's now) and event count. Expired or deleted certificates are muted.
class CertificatesModel : public SqlTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Id,
        Active,
        Projects,
        ValidFrom,
        Expires,
        DaysToExpiry,
        Events,
        ColumnCount
    };
    explicit CertificatesModel(Database &db, QObject *parent = nullptr);
    void setNow(qint64 now);

private:
    Database &m_db;
};

} // namespace orgward
