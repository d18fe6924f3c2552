#pragma once
#include "consolepane.h"

class QGridLayout;
class QPushButton;
class QLabel;

namespace orgward {
class Database;

// Tiles summarizing the organization as of its "now"; each tile opens the filtered pane behind it.
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
    QString tileText(Tile t) const;
    QPushButton *tileButton(Tile t) const { return m_tiles.value(t); }

signals:
    void tileActivated(orgward::DashboardPane::Tile tile);

private:
    Database &m_db;
    QString m_org;
    QList<QPushButton *> m_tiles;
    QList<QLabel *> m_tileLabels; // rich text inside each tile: the figure large, the detail small
    QLabel *m_asOf;
};

} // namespace orgward
