#include "mainwindow.h"

#include <QAbstractItemModel>

#include "accesspanes.h"
#include "budgetspane.h"
#include "changespane.h"
#include "chartpanes.h"
#include "compliance/exportrecord.h"
#include "connectdialog.h"
#include "core/sanitizer.h"
#include "dashboardpane.h"
#include "entitypanes.h"
#include "finance/asof.h"
#include "models/certificatesmodel.h"
#include "models/membersmodel.h"
#include "models/projectsmodel.h"
#include "models/sqltablemodel.h"
#include "reportspane.h"
#include "security/adminkeyasync.h"
#include "security/orgprofiles.h"
#include "security/tablesource.h"
#include "settings/orgprofilesdialog.h"
#include "store/syncstate.h"
#include "sync/syncrunner.h"
#include "tablepane.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>

namespace orgward {

MainWindow::MainWindow(std::unique_ptr<Database> db, const QString &initialOrg, QWidget *parent)
    : QMainWindow(parent)
{
    auto *toolbar = addToolBar(tr("Organization"));
    toolbar->setObjectName(QStringLiteral("orgToolbar"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr("Organization: "), this));
    m_orgBox = new QComboBox(this);
    m_orgBox->setAccessibleName(tr("Organization"));
    m_orgBox->setMinimumContentsLength(24);
    toolbar->addWidget(m_orgBox);
    connect(m_orgBox, &QComboBox::currentIndexChanged, this, &MainWindow::onOrgChanged);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusText"));
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Sync progress"));
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setAccessibleName(tr("Cancel sync"));
    m_cancel->setObjectName(QStringLiteral("syncCancel"));
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, &MainWindow::cancelSync);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(400);
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refreshAll);
    m_roleLabel = new QLabel(this);
    m_roleLabel->setObjectName(QStringLiteral("roleLabel"));
    m_roleLabel->setAccessibleName(tr("Console role"));
    statusBar()->addPermanentWidget(m_roleLabel);

    m_sync = new SyncRunner(this);
    connect(m_sync, &SyncRunner::progress, this, &MainWindow::onSyncProgressed);
    connect(m_sync, &SyncRunner::endpointFinished, this, &MainWindow::onEndpointFinished);
    connect(m_sync, &SyncRunner::finished, this,
            [this](const SyncSummary &s) { onSyncFinished(s.status == SyncStatus::Complete, s.message); });
    connect(m_sync, &SyncRunner::failed, this,
            [this](const QString &message) { onSyncFinished(false, message); });

    buildPanes(std::move(db));
    buildMenus();
    applyRole();

    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    if (!s.contains(QStringLiteral("window/geometry"))) resize(1280, 800);
    const QString roleProblem = m_status->text();
    loadOrganizations(initialOrg.isEmpty() ? s.value(QStringLiteral("window/org")).toString() : initialOrg);
    const int pane = qBound(0, s.value(QStringLiteral("window/pane"), 0).toInt(), int(m_panes.size()) - 1);
    m_sidebar->setCurrentRow(isPaneAvailable(pane) ? pane : int(Dashboard));
    if (!roleProblem.isEmpty()) m_status->setText(roleProblem);
}

void MainWindow::buildPanes(std::unique_ptr<Database> db)
{
    m_db = std::move(db);
    // The role decides what the panes may read, so it is known (and reads redirected) before any query.
    QString roleProblem;
    if (auto r = detectRole(*m_db)) {
        m_role = *r;
    } else {
        m_role = ConsoleRole::Reader; // the least the console assumes when it cannot tell
        roleProblem = r.errorMessage();
    }
    if (auto a = applyRoleSources(*m_db, m_role); !a) roleProblem = a.errorMessage();
    setWindowTitle(
        tr("Orgward — %1 — %2%3")
            .arg(m_db->describe(), roleName(m_role), m_db->isReadOnly() ? tr(" (read-only)") : QString()));
    m_roleLabel->setText(tr("Role: %1").arg(roleName(m_role)));

    m_sidebar = new QListWidget(this);
    m_sidebar->setAccessibleName(tr("Panes"));
    m_sidebar->setMinimumWidth(150);
    m_stack = new QStackedWidget(this);
    auto *split = new QSplitter(this);
    split->setObjectName(QStringLiteral("mainSplitter"));
    split->addWidget(m_sidebar);
    split->addWidget(m_stack);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({190, 1100});
    split->restoreState(QSettings().value(QStringLiteral("window/splitter")).toByteArray());
    setCentralWidget(split);

    Database &d = *m_db;
    auto *dash = new DashboardPane(d, this);
    auto *changes = new ChangesPane(d, this);
    auto *budgets = new BudgetsPane(d, this);
    m_panes << dash << new MembersPane(d, this) << new GroupsPane(d, this) << new ProjectsPane(d, this)
            << new KeysPane(d, this) << new CertificatesPane(d, this) << new UsagePane(d, this)
            << new CostsPane(d, this) << budgets << new AuditPane(d, this) << changes
            << new ReportsPane(d, this) << new SyncPane(d, this);
    for (ConsolePane *p : std::as_const(m_panes)) {
        m_stack->addWidget(p);
        m_sidebar->addItem(p->title());
        m_stale << true;
    }
    m_exportJournal = std::make_unique<AsyncWrite<JournalEntry>>(
        d, this, [this](const Result<JournalEntry> &e) { onExportRecorded(e); });
    for (ConsolePane *p : std::as_const(m_panes))
        connect(p, &ConsolePane::csvExportFinished, this,
                [this, p](const QString &path, const QString &error, qint64 rows) {
                    if (error.isEmpty()) journalExport(path, p->title() + QStringLiteral(" (CSV)"), rows);
                });
    connect(dash, &DashboardPane::tileActivated, this, [this](DashboardPane::Tile t) { openTile(int(t)); });
    connect(changes, &ChangesPane::openHistoryRow, this, &MainWindow::openHistoryRow);
    connect(budgets, &BudgetsPane::crossed, this, &MainWindow::notifyCrossings);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, &MainWindow::onPaneShown);
    m_status->setText(roleProblem.isEmpty()
                          ? QString()
                          : tr("Could not determine the console role (%1): showing what a reader may see.")
                                .arg(Sanitizer::mask(roleProblem)));
}

void MainWindow::tearDownPanes()
{
    // Panes, models and their fetch worker use m_db: delete them while the connection still exists.
    // (Only those: the window's own layout, bars and actions stay.)
    delete takeCentralWidget();
    const QList<QAbstractItemModel *> models = findChildren<QAbstractItemModel *>(Qt::FindDirectChildrenOnly);
    for (QAbstractItemModel *m : models)
        delete m;
    m_exportQueue.clear();
    m_exportJournal.reset(); // joins a record being written: one short transaction
    m_panes.clear();
    m_stale.clear();
    m_hiddenPanes.clear();
    m_sidebar = nullptr;
    m_stack = nullptr;
    for (QAction *a : std::as_const(m_paneActions))
        a->setVisible(true);
}

void MainWindow::switchDatabase(std::unique_ptr<Database> db, const QString &preferredOrg)
{
    m_sync->stop(); // a sync of the old store ends (thread joined) before its window state goes
    if (m_syncing) onSyncFinished(false, tr("cancelled: the database was switched"));
    m_refreshTimer->stop();
    tearDownPanes();
    m_db.reset();
    buildPanes(std::move(db));
    applyRole();
    const QString roleProblem = m_status->text();
    loadOrganizations(preferredOrg);
    m_sidebar->setCurrentRow(int(Dashboard));
    if (!roleProblem.isEmpty()) m_status->setText(roleProblem);
    if (!m_connectionWarning.isEmpty()) m_status->setText(m_connectionWarning);
}

void MainWindow::setConnectionWarning(const QString &text)
{
    m_connectionWarning = Sanitizer::mask(text);
    if (!m_connectionWarning.isEmpty()) m_status->setText(m_connectionWarning);
    if (m_connectDialog) m_connectDialog->setWarning(m_connectionWarning);
}

bool MainWindow::allows(Capability c) const
{
    if (m_db->isReadOnly() && (c == Capability::Sync || c == Capability::EditBudgets ||
                               c == Capability::ManageMembers || c == Capability::ManageDatabase))
        return false;
    return roleAllows(m_role, c);
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::applyRole()
{
    const bool keys = allows(Capability::ManageKeys);
    const bool audit = allows(Capability::ViewAuditLog);
    if (!keys) m_hiddenPanes << Keys;
    if (!audit) m_hiddenPanes << Audit << Changes; // row history is audit data
    if (!allows(Capability::Export)) m_hiddenPanes << Reports;
    for (int i : std::as_const(m_hiddenPanes)) {
        m_sidebar->item(i)->setHidden(true);
        if (QAction *a = m_paneActions.value(i)) a->setVisible(false);
    }
    // Each pane hides its columns, tabs and tiles over tables the role may not read.
    for (ConsolePane *p : std::as_const(m_panes))
        p->applyRole(m_role);

    const bool sync = allows(Capability::Sync);
    for (const char *name : {"syncNow", "cancelSync"})
        if (QAction *a = action(QString::fromLatin1(name))) a->setEnabled(sync);
    // Profiles hold the admin keys a sync uses: only roles that may sync manage them.
    if (QAction *a = action(QStringLiteral("settings"))) a->setEnabled(sync);
    for (const char *name : {"exportCsv", "exportPng", "exportSvg"})
        if (QAction *a = action(QString::fromLatin1(name))) a->setEnabled(allows(Capability::Export));
}

MainWindow::~MainWindow()
{
    m_sync->stop(); // cancel the sync and join its thread before anything it reports to goes
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    if (auto *split = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        s.setValue(QStringLiteral("window/splitter"), split->saveState());
    s.setValue(QStringLiteral("window/pane"), m_sidebar->currentRow());
    s.setValue(QStringLiteral("window/org"), currentOrg());
    delete m_connectDialog; // it refers to this window's store description
    // Rather in ~QWidget, which runs after m_db is gone.
    tearDownPanes();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("C&onnect…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
                    &MainWindow::openConnectDialog)
        ->setObjectName(QStringLiteral("connect"));
    file->addSeparator();
    file->addAction(tr("Export table as &CSV…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this,
                    &MainWindow::exportTable)
        ->setObjectName(QStringLiteral("exportCsv"));
    file->addAction(tr("Export chart as &PNG…"), this, [this] { exportChart(QStringLiteral("png")); })
        ->setObjectName(QStringLiteral("exportPng"));
    file->addAction(tr("Export chart as &SVG…"), this, [this] { exportChart(QStringLiteral("svg")); })
        ->setObjectName(QStringLiteral("exportSvg"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Copy cell"), QKeySequence::Copy, this, [this] {
        if (TablePane *t = m_panes.value(m_stack->currentIndex())->activeTable()) t->copySelection(false);
    });
    edit->addAction(tr("Copy &row"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this, [this] {
        if (TablePane *t = m_panes.value(m_stack->currentIndex())->activeTable()) t->copySelection(true);
    });
    edit->addAction(tr("&Filter"), QKeySequence::Find, this, [this] {
        if (TablePane *t = m_panes.value(m_stack->currentIndex())->activeTable()) t->focusFilter();
    });
    edit->addSeparator();
    QAction *settings = edit->addAction(tr("&Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this,
                                        &MainWindow::openSettings);
    settings->setMenuRole(QAction::PreferencesRole);
    settings->setObjectName(QStringLiteral("settings"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Refresh"), QKeySequence(Qt::CTRL | Qt::Key_R), this, &MainWindow::refreshAll);
    view->addSeparator();
    // Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth pane.
    for (int i = 0; i < m_panes.size(); ++i)
        m_paneActions << view->addAction(m_panes[i]->title(),
                                         i < 9    ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i))
                                         : i == 9 ? QKeySequence(Qt::CTRL | Qt::Key_0)
                                                  : QKeySequence(),
                                         this, [this, i] { showPane(i); });

    QMenu *sync = menuBar()->addMenu(tr("&Sync"));
    sync->addAction(tr("&Sync now"), QKeySequence::Refresh, this, &MainWindow::startSync)
        ->setObjectName(QStringLiteral("syncNow"));
    sync->addAction(tr("&Cancel sync"), this, &MainWindow::cancelSync)
        ->setObjectName(QStringLiteral("cancelSync"));
    sync->addAction(tr("Show sync &history"), this, [this] { showPane(Sync); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Orgward"), this, [this] {
        QMessageBox::about(this, tr("About Orgward"),
                           tr("<b>Orgward</b> %1<br>A console for OpenAI organizations: members, groups and "
                              "roles, projects, "
                              "keys, certificates, usage, costs and audit events, synced into %2.")
                               .arg(QApplication::applicationVersion(), m_db->describe().toHtmlEscaped()));
    });
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

QString MainWindow::currentOrg() const
{
    return m_orgBox->currentData().toString();
}

void MainWindow::showPane(int index)
{
    if (!isPaneAvailable(index)) {
        m_status->setText(tr("The %1 role cannot open this pane.").arg(roleName(m_role)));
        return;
    }
    m_sidebar->setCurrentRow(index);
}

void MainWindow::loadOrganizations(const QString &preferred)
{
    auto orgs = SyncState(*m_db).organizations();
    m_orgBox->blockSignals(true);
    m_orgBox->clear();
    if (orgs)
        for (const OrgRecord &o : *orgs) {
            m_orgBox->addItem(QStringLiteral("%1 (%2)").arg(o.displayName, o.key), o.key);
            if (o.source == u"fixtures")
                m_orgBox->setItemData(m_orgBox->count() - 1,
                                      tr("Fixture snapshot: read as of its capture time"), Qt::ToolTipRole);
        }
    const int idx = m_orgBox->findData(preferred);
    m_orgBox->setCurrentIndex(idx >= 0 ? idx : 0);
    m_orgBox->blockSignals(false);
    onOrgChanged();
    if (!orgs)
        m_status->setText(orgs.errorMessage());
    else if (orgs->isEmpty())
        m_status->setText(tr("No organization in %1 yet: import fixtures (orgward import DIR) or add one.")
                              .arg(m_db->describe()));
}

void MainWindow::onOrgChanged()
{
    const QString org = currentOrg();
    m_now = org.isEmpty() ? 0 : orgNowSecs(*m_db, org);
    for (int i = 0; i < m_stale.size(); ++i)
        m_stale[i] = true;
    onPaneShown(m_stack->currentIndex());
    if (!org.isEmpty()) m_status->setText(tr("Database: %1").arg(m_db->describe()));
}

void MainWindow::onPaneShown(int index)
{
    if (index < 0 || index >= m_panes.size() || !isPaneAvailable(index)) return;
    m_stack->setCurrentIndex(index);
    if (m_stale[index]) {
        m_stale[index] = false;
        m_panes[index]->setOrg(currentOrg(), m_now);
    }
}

void MainWindow::openTile(int tile)
{
    switch (DashboardPane::Tile(tile)) {
    case DashboardPane::Spend:
    case DashboardPane::TopProjects:
        showPane(Costs);
        break;
    case DashboardPane::UnusedKeys:
        if (!isPaneAvailable(Keys)) return showPane(Keys); // says why in the status bar
        showPane(Keys);
        static_cast<KeysPane *>(m_panes[Keys])->keys()->selectPreset(KeysPane::Unused90);
        break;
    case DashboardPane::ExpiringCertificates:
        showPane(Certificates);
        if (TablePane *t = m_panes[Certificates]->activeTable())
            t->selectPreset(CertificatesPane::Expiring14);
        break;
    case DashboardPane::PendingInvites:
        showPane(Members);
        static_cast<MembersPane *>(m_panes[Members])->showInvites(true);
        break;
    case DashboardPane::MembersWithoutProject:
        showPane(Members);
        static_cast<MembersPane *>(m_panes[Members])->members()->selectPreset(MembersPane::NoProject);
        break;
    case DashboardPane::LastSync:
    case DashboardPane::TileCount:
        showPane(Sync);
        break;
    }
}

bool MainWindow::openHistoryRow(const QString &table, const QString &rowKey, qint64 at)
{
    for (int i = 0; i < m_panes.size(); ++i) {
        if (!m_panes[i]->historyTables().contains(table)) continue;
        if (!isPaneAvailable(i)) {
            showPane(i); // says why in the status bar
            return false;
        }
        showPane(i); // a stale pane learns the org first, keeping its instant
        return m_panes[i]->showHistoryRow(table, rowKey, at);
    }
    m_status->setText(
        tr("No pane shows %1.").arg(historyEntity(table) ? historyEntity(table)->label : table));
    return false;
}

void MainWindow::refreshAll()
{
    m_refreshTimer->stop();
    m_now = currentOrg().isEmpty() ? 0 : orgNowSecs(*m_db, currentOrg());
    const int visible = m_stack->currentIndex();
    for (int i = 0; i < m_panes.size(); ++i)
        if (i != visible) m_stale[i] = true; // refreshed (org re-applied) when next shown
    if (visible >= 0 && !m_stale[visible]) m_panes[visible]->refresh();
}

void MainWindow::onStoreChanged()
{
    if (!m_refreshTimer->isActive()) m_refreshTimer->start();
}

void MainWindow::startSync()
{
    if (m_db->isReadOnly()) {
        m_status->setText(tr("Read-only (auditor) mode: syncing is disabled."));
        return;
    }
    if (!allows(Capability::Sync)) {
        m_status->setText(tr("The %1 role cannot sync.").arg(roleName(m_role)));
        return;
    }
    if (m_syncing) return;
    const QString org = currentOrg();
    if (isFixtureOrg(*m_db, org)) {
        m_status->setText(
            tr("%1 is a fixture snapshot: import a newer snapshot instead of syncing.").arg(org));
        return;
    }
    // Same source of the key as "orgward sync": the org's profile (Settings, or "orgward org add") and its
    // secret store, else the environment; never written anywhere.
    ApiOptions api;
    if (!OrgProfiles::exists(org))
        return startSyncWithKey(org, api, qEnvironmentVariable("OPENAI_ADMIN_KEY"));
    auto profile = OrgProfiles::get(org);
    if (!profile) {
        m_status->setText(
            tr("Cannot read the admin key of %1: %2").arg(org, Sanitizer::mask(profile.errorMessage())));
        return;
    }
    api.baseUrl = profile->apiBase;
    api.userAgentTag = profile->userAgentTag;
    api.organizationId = profile->orgId; // as the org check sends it (apiOptionsFor)
    // The keychain answers over D-Bus (or not at all when locked): the GUI thread does not wait for it.
    // m_syncing already holds, so a second F5 meanwhile starts nothing.
    m_syncing = true;
    m_status->setText(tr("Reading the admin key of %1…").arg(org));
    readAdminKeyAsync(*profile, this, [this, org, api](Result<QString> stored) {
        m_syncing = false;
        if (!stored) {
            m_status->setText(
                tr("Cannot read the admin key of %1: %2").arg(org, Sanitizer::mask(stored.errorMessage())));
            return;
        }
        startSyncWithKey(org, api, *stored);
    });
}

void MainWindow::startSyncWithKey(const QString &org, ApiOptions api, const QString &key)
{
    if (key.isEmpty()) {
        m_status->setText(
            tr("Add a profile for %1 in Settings (Ctrl+,) or set OPENAI_ADMIN_KEY to sync.").arg(org));
        return;
    }
    Sanitizer::addSecret(key);
    api.adminKey = key;
    const QString base = qEnvironmentVariable("ORGWARD_API_BASE");
    if (!base.isEmpty()) api.baseUrl = base;
    if (const double rate = qEnvironmentVariable("ORGWARD_SYNC_RATE").toDouble(); rate > 0)
        api.requestsPerSecond = rate;
    if (auto b = ApiClient::checkBaseUrl(api.baseUrl); !b) {
        m_status->setText(b.errorMessage());
        return;
    }
    SyncOptions o;
    o.orgKey = org.isEmpty() ? o.orgKey : org;
    m_syncing = true;
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_status->setText(tr("Syncing %1…").arg(o.orgKey));
    m_syncOrg = o.orgKey;
    m_endpointsDone = 0;
    m_sync->start(m_db->url(), api, o);
}

void MainWindow::cancelSync()
{
    if (!m_syncing) return;
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling…"));
    m_sync->cancel();
}

void MainWindow::onSyncProgressed(const SyncProgress &p)
{
    // Endpoints done of the planned total (which grows once the project list is known); the current
    // endpoint's pages and rows in words.
    onSyncProgress(m_endpointsDone, qMax(p.endpointsTotal, m_endpointsDone),
                   tr("%1, page %2, %n row(s)", nullptr, int(p.rows)).arg(p.endpoint).arg(p.page));
    onStoreChanged(); // each page is committed: refresh (coalesced) while the sync runs
}

void MainWindow::onEndpointFinished()
{
    ++m_endpointsDone;
    m_progress->setRange(0, qMax(m_progress->maximum(), m_endpointsDone));
    m_progress->setValue(m_endpointsDone);
}

void MainWindow::onSyncProgress(int done, int total, const QString &what)
{
    m_progress->setRange(0, qMax(0, total));
    m_progress->setValue(done);
    m_status->setText(total > 0 ? tr("Syncing (%1 of %2 endpoints): %3").arg(done).arg(total).arg(what)
                                : tr("Syncing: %1").arg(what));
}

void MainWindow::onSyncFinished(bool ok, const QString &message)
{
    m_syncing = false;
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_cancel->setEnabled(true);
    // A first sync creates the organization: list it, and stay on (or switch to) the synced org.
    if (m_orgBox->findData(m_syncOrg) < 0) loadOrganizations(m_syncOrg);
    refreshAll();
    m_status->setText(ok ? tr("Sync finished. %1").arg(message) : tr("Sync failed: %1").arg(message));
    // New billed costs may cross a budget threshold: evaluate and record first crossings (reported once).
    if (ok) static_cast<BudgetsPane *>(m_panes[Budgets])->checkAndRecord();
}

void MainWindow::notifyCrossings(const QStringList &lines)
{
    const QString title = tr("%n budget threshold(s) crossed", nullptr, int(lines.size()));
    m_status->setText(title + QStringLiteral(": ") + lines.join(QStringLiteral("; ")));
    if (!QSystemTrayIcon::isSystemTrayAvailable()) return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(
            windowIcon().isNull() ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : windowIcon(), this);
        m_tray->setToolTip(QStringLiteral("Orgward"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { showPane(Budgets); });
    }
    m_tray->show();
    m_tray->showMessage(title, lines.join(u'\n'), QSystemTrayIcon::Warning);
}

void MainWindow::openSettings()
{
    if (!allows(Capability::Sync)) {
        m_status->setText(tr("The %1 role cannot change organization profiles.").arg(roleName(m_role)));
        return;
    }
    auto *dialog = new ui::OrgProfilesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openConnectDialog()
{
    if (!m_connectDialog) {
        m_connectDialog = new ConnectDialog(this);
        connect(m_connectDialog, &ConnectDialog::chosen, this, &MainWindow::onConnectChosen);
    }
    m_connectDialog->setWarning(m_connectionWarning);
    m_connectDialog->reload(m_db->describe());
    m_connectDialog->show();
    m_connectDialog->raise();
    m_connectDialog->activateWindow();
}

void MainWindow::onConnectChosen(const DatabaseUrl &url)
{
    OpenOptions o;
    o.readOnly = m_db->isReadOnly(); // an auditor's console stays read-only
    auto db = Database::open(url, o);
    if (!db) {
        const QString message =
            tr("Cannot open %1: %2").arg(url.display(), Sanitizer::mask(db.errorMessage()));
        m_connectDialog->showError(message);
        m_status->setText(message);
        return;
    }
    m_connectionWarning.clear(); // the warning was about the URL given at start
    m_connectDialog->setWarning(QString());
    switchDatabase(std::move(*db));
    m_connectDialog->hide();
    m_status->setText(tr("Connected to %1").arg(m_db->describe()));
}

void MainWindow::exportTable()
{
    ConsolePane *p = m_panes.value(m_stack->currentIndex());
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export table as CSV"),
                                                      dir + u'/' + p->title() + QStringLiteral(".csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    // A table is written on the table worker (progress and Cancel in the pane's own dialog): the result
    // arrives later, and a failure is shown without a nested event loop.
    connect(
        p, &ConsolePane::csvExportFinished, this,
        [this](const QString &written, const QString &error, qint64 rows) {
            if (error.isEmpty())
                return m_status->setText(tr("Exported %n row(s) to %1", nullptr, int(rows)).arg(written));
            m_status->setText(error);
            auto *box =
                new QMessageBox(QMessageBox::Warning, tr("Export failed"), error, QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        },
        Qt::SingleShotConnection);
    p->startCsvExport(path);
}

void MainWindow::exportChart(const QString &suffix)
{
    ConsolePane *p = m_panes.value(m_stack->currentIndex());
    QWidget *chart = p->chartWidget();
    if (!chart) {
        m_status->setText(tr("The %1 pane has no chart to export.").arg(p->title()));
        return;
    }
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export chart"), dir + u'/' + p->title() + u'.' + suffix,
                                     suffix == u"svg" ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    QString error;
    if (!exportWidgetImage(chart, path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
    else
        journalExport(path, p->title() + QStringLiteral(" chart (%1)").arg(suffix.toUpper()), 0);
}

void MainWindow::journalExport(const QString &path, const QString &what, qint64 rows)
{
    if (m_db->isReadOnly()) {
        m_status->setText(tr("Exported %1; not journaled: this database is open read-only.").arg(path));
        return;
    }
    m_exportQueue.append({path, what, rows});
    if (!m_exportJournal->busy() && m_exportQueue.size() == 1) nextExportRecord();
}

void MainWindow::nextExportRecord()
{
    if (m_exportQueue.isEmpty()) return;
    const PendingExport e = m_exportQueue.first();
    const QString org = currentOrg();
    m_exportJournal->run([e, org](Database &db) { return recordExport(db, org, e.path, e.what, e.rows); });
}

void MainWindow::onExportRecorded(const Result<JournalEntry> &entry)
{
    if (m_exportQueue.isEmpty()) return;
    const PendingExport e = m_exportQueue.takeFirst();
    if (entry) {
        m_status->setText(tr("Exported %1 (journal entry %2)").arg(e.path).arg(entry->seq));
    } else {
        // An export the journal does not know is not kept.
        QFile::remove(e.path);
        const QString error = tr("The export %1 was removed: it could not be recorded in the journal (%2).")
                                  .arg(e.path, Sanitizer::mask(entry.errorMessage()));
        m_status->setText(error);
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export failed"), error, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    nextExportRecord();
}

} // namespace orgward
