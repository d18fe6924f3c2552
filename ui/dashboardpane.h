#pragma once
#include "consolepane.h"
#include "finance/dashboard.h"
#include "finance/governance.h"
#include "models/asyncread.h"

class QGridLayout;
class QPushButton;
class QLabel;

namespace orgward {
class Database;

// Tiles summarizing the organization as of its "now"; each tile opens the filtered pane behind it. The
// figures are computed on the table worker (loadDashboard): the tiles show "…" until they arrive. Below them,
// the organization's data retention, hard spend limit and spend alerts (loadGovernanceControls, also on the
// worker).
class DashboardPane : public ConsolePane
{
    Q_OBJECT
public:
    enum Tile
    {
        Spend,
        TopProjects,
        UnusedKeys,
        ExpiringCertificates,
        PendingInvites,
        MembersWithoutProject,
        LastSync,
        TileCount
    };
    // The organization's own spend controls and data retention, below the tiles.
    enum Control
    {
        DataRetention,
        SpendLimit,
        SpendAlerts,
        ControlCount
    };
    DashboardPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Dashboard"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override;
    void applyRole(ConsoleRole role) override;
    bool isBusy() const override { return m_read.busy() || m_controlsRead.busy(); }
    QString tileText(Tile t) const;
    QString controlText(Control c) const;
    QPushButton *tileButton(Tile t) const { return m_tiles.value(t); }

signals:
    void tileActivated(orgward::DashboardPane::Tile tile);

private:
    void showAll(const QString &headline);
    void present(const Result<DashboardSummary> &summary); // the answer to refresh(), on the GUI thread
    void setTile(Tile t, const QString &headline, const QString &detail);
    void presentControls(const Result<GovernanceControls> &controls);
    void showControls(const QString &text);
    QString m_org;
    QList<QPushButton *> m_tiles;
    QList<QLabel *> m_tileLabels; // rich text inside each tile: the figure large, the detail small
    QLabel *m_asOf;
    QList<QLabel *> m_controls; // Control order
    AsyncRead<DashboardSummary> m_read;
    AsyncRead<GovernanceControls> m_controlsRead;
};

} // namespace orgward
