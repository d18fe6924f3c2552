#pragma once
// The table panes: members (and invites), projects, keys, certificates, audit log and sync runs.
#include "consolepane.h"
#include "models/sqltablemodel.h"

class QTabWidget;
class QPlainTextEdit;
class QComboBox;
class QLabel;

namespace orgward {
class Database;
class MembersModel;
class InvitesModel;
class ProjectsModel;
class KeysModel;
class CertificatesModel;
class AuditLogModel;
class SyncRunsModel;
class CursorsModel;
class Sparkline;
class ExpiryTimeline;

// A read-only detail table bound to one parent id (baseWhere has ? for org then ? for the id).
SqlTableModel *makeDetailModel(Database &db, QObject *parent, QList<SqlColumn> columns, const QString &from,
                               const QString &baseWhere, const QString &idExpr);

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
    MembersPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Members"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override;
    TablePane *activeTable() override;
    TablePane *members() const { return m_members; }
    // The selected member's detail tables: projects and roles, keys owned, audit events.
    SqlTableModel *detailModel(int i) const { return m_detail.value(i); }
    void showInvites(bool pendingOnly);

private:
    void showDetail(const QString &userId);
    Database &m_db;
    QTabWidget *m_tabs;
    TablePane *m_members, *m_invites;
    InvitesModel *m_invitesModel;
    QList<SqlTableModel *> m_detail;
    int m_pendingPreset = 0;
    qint64 m_now = 0;
};

class ProjectsPane : public ConsolePane
{
    Q_OBJECT
public:
    ProjectsPane(Database &db, QWidget *parent = nullptr);
    QString title() const override { return tr("Projects"); }
    void setOrg(const QString &orgKey, qint64 now) override;
    void refresh() override;
    TablePane *activeTable() override { return m_table; }

private:
    void showDetail(const QString &projectId);
    Database &m_db;
    ProjectsModel *m_model;
    TablePane *m_table;
    QList<SqlTableModel *> m_detail;
    Sparkline *m_spark;
    QString m_org;
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

private:
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
    TablePane *activeTable() override { return m_table; }
    QWidget *chartWidget() override;

private:
    Database &m_db;
    CertificatesModel *m_model;
    TablePane *m_table;
    SqlTableModel *m_events;
    ExpiryTimeline *m_timeline;
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

private:
    void applyFilters();
    Database &m_db;
    AuditLogModel *m_model;
    TablePane *m_table;
    QComboBox *m_type, *m_range;
    QPlainTextEdit *m_payload;
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
    TablePane *activeTable() override { return m_runs; }

private:
    SyncRunsModel *m_model;
    CursorsModel *m_cursors;
    TablePane *m_runs;
    QPlainTextEdit *m_details;
};

} // namespace orgward
