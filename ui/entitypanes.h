#pragma once
// The table panes: members (and invites), projects, keys, certificates, audit log and sync runs.
// Every query lives in models/ (and finance/); these panes only choose filters, bind the selected row and
// show what arrives from the table worker.
#include "compliance/auditreach.h"
#include "consolepane.h"
#include "finance/governance.h"
#include "finance/usagequery.h"
#include "models/asyncread.h"
#include "models/certificatesmodel.h"
#include "models/sqltablemodel.h"

class QTabWidget;
class QPlainTextEdit;
class QComboBox;
class QLabel;

namespace orgward {
class Database;
class DetailTableModel;
class DetailTables;
class MembersModel;
class InvitesModel;
class ProjectsModel;
class KeysModel;
class AuditLogModel;
class SyncRunsModel;
class CursorsModel;
class Sparkline;
class ExpiryTimeline;
class AsOfController;

class MembersPane : public ConsolePane
{
    Q_OBJECT
public:
    enum Preset
    {
        All,
        NoProject,
        Removed
    };
    enum DetailTab
    {
        ProjectsAndRoles,
        Access, // why the member has access: every grant (org role, roles, groups, projects)
        KeysOwned,
        AuditEvents,
        DetailTabCount
    };
    MembersPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Members"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override;
    void applyRole(ConsoleRole role) override;
    TablePane *activeTable() override;
    TablePane *members() const { return m_members; }
    // The selected member's detail tables (DetailTab order) as shown: projects and roles, access, keys owned,
    // audit events; as of the pane's instant while it is past.
    SqlTableModel *detailModel(int i) const;
    bool isDetailTabVisible(DetailTab tab) const;
    void showInvites(bool pendingOnly);
    void showMembers();
    AsOfController *asOf() const { return m_asOf; }
    QStringList historyTables() const override;
    bool showHistoryRow(const QString &table, const QString &rowKey, qint64 at) override;

private:
    void showDetail(const QString &userId);
    AsOfController *m_asOf;
    QTabWidget *m_tabs, *m_detailTabs;
    TablePane *m_members, *m_invites;
    InvitesModel *m_invitesModel;
    DetailTables *m_details;
    int m_pendingPreset = 0;
};

class ProjectsPane : public ConsolePane
{
    Q_OBJECT
public:
    enum DetailTab
    {
        Members,
        ServiceAccounts,
        Keys,
        RateLimits,
        Certificates,
        Groups,      // groups with access to the project
        Controls,    // model and hosted tool permissions, data retention, spend limit
        SpendAlerts, // the project's spend alerts
        DetailTabCount
    };
    // The lines of the Controls tab.
    enum Control
    {
        ModelPermissions,
        HostedTools,
        DataRetention,
        SpendLimitControl,
        ControlCount
    };
    ProjectsPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Projects"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override;
    void applyRole(ConsoleRole role) override;
    TablePane *activeTable() override { return m_table; }
    bool isBusy() const override;
    bool isDetailTabVisible(DetailTab tab) const;
    // The table a detail tab shows (nullptr for Controls, which is not a table): as of the pane's instant
    // while it is past.
    SqlTableModel *detailModel(DetailTab tab) const;
    // What the Controls tab shows for the selected project ("…" while it is read), as of the pane's instant.
    QString controlText(Control c) const;
    // The selected project's requests per day, as the sparkline shows them (empty: none selected): the 30
    // days up to now, or up to the pane's past instant.
    const QList<double> &sparklineValues() const { return m_sparkValues; }
    AsOfController *asOf() const { return m_asOf; }
    QStringList historyTables() const override;
    bool showHistoryRow(const QString &table, const QString &rowKey, qint64 at) override;

private:
    void showDetail(const QString &projectId);
    void showSparkline(const QString &projectId, const Result<UsageSeries> &series);
    void showControls(const Result<GovernanceControls> &controls);
    AsOfController *m_asOf;
    ProjectsModel *m_model;
    TablePane *m_table;
    QTabWidget *m_detailTabs;
    DetailTables *m_details;
    QHash<int, int> m_detailOfTab; // tab → its table in m_details
    QList<QLabel *> m_controls;    // Control order
    Sparkline *m_spark;
    QList<double> m_sparkValues;
    AsyncRead<GroupBySet> m_costSet;    // which costs set the cost column sums (read when the org changes)
    AsyncRead<UsageSeries> m_sparkRead; // the selected project's requests per day
    AsyncRead<GovernanceControls> m_controlsRead; // the selected project's controls
    QString m_org;
    QString m_sparkProject; // the project the sparkline read is for
    qint64 m_sparkAt = 0;   // the past instant the sparkline ends on (0: now)
    qint64 m_now = 0;
};

class KeysPane : public ConsolePane
{
    Q_OBJECT
public:
    enum Preset
    {
        All,
        Unused90,
        OlderThanYear,
        OwnedByRemoved
    };
    KeysPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Service accounts and keys"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override;
    TablePane *activeTable() override;
    TablePane *keys() const { return m_keys; }
    TablePane *serviceAccounts() const { return m_accounts; }
    void applyRole(ConsoleRole role) override;
    AsOfController *asOf() const { return m_asOf; }
    QStringList historyTables() const override;
    bool showHistoryRow(const QString &table, const QString &rowKey, qint64 at) override;

private:
    AsOfController *m_asOf;
    QTabWidget *m_tabs;
    KeysModel *m_model;
    TablePane *m_keys, *m_accounts;
};

class CertificatesPane : public ConsolePane
{
    Q_OBJECT
public:
    enum Preset
    {
        All,
        Expiring14
    };
    CertificatesPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Certificates"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override;
    void applyRole(ConsoleRole role) override;
    TablePane *activeTable() override { return m_table; }
    QWidget *chartWidget() override;
    bool isBusy() const override;
    AsOfController *asOf() const { return m_asOf; }
    QStringList historyTables() const override;
    bool showHistoryRow(const QString &table, const QString &rowKey, qint64 at) override;

private:
    AsOfController *m_asOf;
    CertificatesModel *m_model;
    TablePane *m_table;
    DetailTables *m_events;
    QWidget *m_eventsView;
    ExpiryTimeline *m_timeline;
    AsyncRead<QList<CertificateSpan>> m_timelineRead;
    qint64 m_now = 0;
};

class AuditPane : public ConsolePane
{
    Q_OBJECT
public:
    AuditPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Audit log"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override;
    TablePane *activeTable() override { return m_table; }
    bool isBusy() const override;
    QComboBox *typeFilter() const { return m_type; }
    QLabel *reachLabel() const { return m_reach; } // how far back the local copy and the API reach

private:
    void applyFilters();
    void showEventTypes(const Result<QStringList> &types);
    void readReach();
    void showReach(const Result<AuditReach> &reach);
    AuditLogModel *m_model;
    TablePane *m_table;
    QComboBox *m_type, *m_range;
    QPlainTextEdit *m_payload;
    QLabel *m_reach;
    AsyncRead<QStringList> m_typesRead;
    AsyncRead<AuditReach> m_reachRead;
    QString m_org;
    qint64 m_now = 0;
};

class SyncPane : public ConsolePane
{
    Q_OBJECT
public:
    SyncPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Sync"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override;
    void applyRole(ConsoleRole role) override;
    TablePane *activeTable() override { return m_runs; }

private:
    Database &m_db;
    SyncRunsModel *m_model;
    CursorsModel *m_cursors;
    TablePane *m_runs;
    QWidget *m_cursorBox;
    QPlainTextEdit *m_details;
};

} // namespace orgward
