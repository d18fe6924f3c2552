#pragma once
#include "compliance/journal.h"
#include "models/asyncwrite.h"
#include "security/roles.h"
#include "store/database.h"
#include "sync/syncengine.h"

#include <QMainWindow>
#include <memory>

class QComboBox;
class QListWidget;
class QSystemTrayIcon;
class QStackedWidget;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;
class QAction;

namespace orgward {
class ConsolePane;
class DashboardPane;
class MembersPane;
class KeysPane;
class CertificatesPane;
class SyncRunner;
class ConnectDialog;

// The console: an organization switcher, a sidebar of panes over one store, menus and a status bar
// that follows the sync worker. Panes learn the org lazily (when first shown after a change).
// File → Connect… switches the store in place: the sync is stopped (its thread joined), the panes and
// their models are rebuilt over the new connection.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Pane
    {
        Dashboard,
        Members,
        Groups, // groups and roles
        Projects,
        Keys,
        Certificates,
        Usage,
        Costs,
        Budgets, // budgets on billed spend, thresholds crossed (issue #15)
        Audit,
        Changes, // what changed between two instants (row history)
        Reports, // compliance reports, evidence bundles, the journal (issue #14)
        Sync,
        PaneCount
    };
    MainWindow(std::unique_ptr<Database> db, const QString &initialOrg, QWidget *parent = nullptr);
    ~MainWindow() override;

    Database &database() { return *m_db; }
    QString currentOrg() const;
    qint64 orgNow() const { return m_now; }
    void showPane(int index);
    ConsolePane *pane(int index) const { return m_panes.value(index); }
    void openTile(int tile); // what a dashboard tile click does
    // Shows table's row rowKey (a row-history key) in its pane as of at (0: the present), for the Changes
    // pane's double-click; false (and a status line) when no pane shows that table.
    bool openHistoryRow(const QString &table, const QString &rowKey, qint64 at);
    bool isSyncing() const { return m_syncing; }
    QString statusText() const;
    // The connected user's role (detected at start-up) and what the console shows for it.
    ConsoleRole role() const { return m_role; }
    bool allows(Capability c) const;
    bool isPaneAvailable(int index) const { return !m_hiddenPanes.contains(index); }
    QAction *action(const QString &objectName) const; // menu actions by object name ("syncNow", …)
    SyncRunner *syncRunner() const { return m_sync; } // owns the sync thread
    // Replaces the store: stops a running sync (joins its thread), tears down panes and models, rebuilds
    // them over db and shows its first (or preferred) organization.
    void switchDatabase(std::unique_ptr<Database> db, const QString &preferredOrg = {});
    // A warning that stays in the status bar and the Connect dialog (e.g. a password in --db).
    void setConnectionWarning(const QString &text);
    QString connectionWarning() const { return m_connectionWarning; }
    ConnectDialog *connectDialog() const { return m_connectDialog; } // null until File → Connect…

public slots:
    void startSync(); // F5 / Sync menu: runs the sync worker for the current org on its own thread
    void cancelSync();
    void onSyncProgress(int done, int total, const QString &what);
    void onSyncFinished(bool ok, const QString &message); // refreshes every pane, keeping selections
    void refreshAll();     // the visible pane now (keeping selection); the others when next shown
    void onStoreChanged(); // a sync committed: coalesces bursts of commits into one refreshAll()
    void openSettings();
    void openConnectDialog(); // File → Connect… (non-modal)
    // Thresholds crossed for the first time: the status bar and, where there is one, the system tray.
    void notifyCrossings(const QStringList &lines);

private:
    void buildPanes(std::unique_ptr<Database> db); // role, title, sidebar and panes over db
    void tearDownPanes();                          // panes and models first: they use m_db
    void onConnectChosen(const DatabaseUrl &url);
    void onSyncProgressed(const SyncProgress &p);
    void startSyncWithKey(const QString &org, ApiOptions api, const QString &key); // startSync, key read
    void onEndpointFinished();
    void loadOrganizations(const QString &preferred);
    void onOrgChanged();
    void onPaneShown(int index);
    void buildMenus();
    void exportTable();
    void exportChart(const QString &suffix);
    // Every export lands in the journal (issue #14): queued, one write at a time, off the GUI thread.
    void journalExport(const QString &path, const QString &what, qint64 rows);
    void nextExportRecord();
    void onExportRecorded(const Result<JournalEntry> &entry);
    struct PendingExport
    {
        QString path, what;
        qint64 rows = 0;
    };
    QList<PendingExport> m_exportQueue;
    std::unique_ptr<AsyncWrite<JournalEntry>> m_exportJournal;
    void applyRole(); // hides panes, columns and tabs the role cannot read; disables what it cannot do

    std::unique_ptr<Database> m_db;
    QComboBox *m_orgBox = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QList<ConsolePane *> m_panes;
    QList<bool> m_stale;
    qint64 m_now = 0;
    bool m_syncing = false;
    QTimer *m_refreshTimer = nullptr;
    SyncRunner *m_sync = nullptr;
    int m_endpointsDone = 0; // of this sync
    ConnectDialog *m_connectDialog = nullptr;
    QSystemTrayIcon *m_tray = nullptr; // created at the first alert where a tray exists
    QString m_connectionWarning;
    QString m_syncOrg;
    ConsoleRole m_role = ConsoleRole::Owner;
    QList<int> m_hiddenPanes;
    QList<QAction *> m_paneActions;
    QLabel *m_roleLabel = nullptr;
};

} // namespace orgward
