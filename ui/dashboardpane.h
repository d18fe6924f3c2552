#pragma once
#include "consolepane.h"
#include "finance/dashboard.h"
#include "models/asyncread.h"

class QGridLayout;
class QPushButton;
class QLabel;

namespace orgward {
class Database;

// Tiles summarizing the organization as of its "now"; each tile opens the filtered pane behind it. The
// figures are computed on the table worker (loadDashboard): the tiles show "…" until they arrive.
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
    DashboardPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Dashboard"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override;
    void applyRole(ConsoleRole role) override;
    bool isBusy() const override { return m_read.busy(); }
    QString tileText(Tile t) const;
    QPushButton *tileButton(Tile t) const { return m_tiles.value(t); }

signals:
    void tileActivated(orgward::DashboardPane::Tile tile);

private:
    void showAll(const QString &headline);
    void present(const Result<DashboardSummary> &summary); // the answer to refresh(), on the GUI thread
    void setTile(Tile t, const QString &headline, const QString &detail);
    QString m_org;
    QList<QPushButton *> m_tiles;
    QList<QLabel *> m_tileLabels; // rich text inside each tile: the figure large, the detail small
    QLabel *m_asOf;
    AsyncRead<DashboardSummary> m_read;
};

} // namespace orgward
