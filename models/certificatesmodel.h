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
    enum class Filter
    {
        All,
        Expiring14Days
    };
    explicit CertificatesModel(Database &db, QObject *parent = nullptr);
    void setNow(qint64 now);
    // A condition for setExtraCondition(), as of the last setNow().
    SqlCondition filterCondition(Filter f) const;

private:
    Database &m_db;
    qint64 m_now = 0;
};

// One certificate's validity window, for the expiry timeline.
struct CertificateSpan
{
    QString name;
    qint64 validFrom = 0;
    qint64 expires = 0;
};
// The org's live certificates that expire first (at most limit).
Result<QList<CertificateSpan>> certificateTimeline(Database &db, const QString &orgKey, int limit);

} // namespace orgward
