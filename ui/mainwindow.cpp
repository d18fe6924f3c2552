#include "mainwindow.h"

#include "models/membersmodel.h"
#include "store/syncstate.h"
#include "tablepane.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

namespace orgward {

MainWindow::MainWindow(std::unique_ptr<Database> db, const QString &initialOrg, QWidget *parent)
    : QMainWindow(parent), m_db(std::move(db))
{
    setWindowTitle(tr("Orgward — %1%2").arg(m_db->describe(), m_db->isReadOnly() ? tr(" (read-only)") : QString()));
    auto *toolbar = addToolBar(tr("Organization"));
    toolbar->setObjectName(QStringLiteral("orgToolbar"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr("Organization: "), this));
    m_orgBox = new QComboBox(this);
    m_orgBox->setAccessibleName(tr("Organization"));
    m_orgBox->setMinimumContentsLength(24);
    toolbar->addWidget(m_orgBox);

    m_sidebar = new QListWidget(this);
    m_sidebar->setAccessibleName(tr("Panes"));
    m_sidebar->setMaximumWidth(200);
    m_stack = new QStackedWidget(this);
    auto *split = new QSplitter(this);
    split->addWidget(m_sidebar);
    split->addWidget(m_stack);
    split->setStretchFactor(1, 1);
    setCentralWidget(split);

    auto addPane = [this](TablePane *pane) {
        m_panes << pane;
        m_stack->addWidget(pane);
        m_sidebar->addItem(pane->title());
    };
    addPane(new TablePane(tr("Members"), new MembersModel(*m_db, this), this));

    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_orgBox, &QComboBox::currentIndexChanged, this, &MainWindow::onOrgChanged);
    m_status = new QLabel(this);
    statusBar()->addWidget(m_status, 1);
    buildMenus();
    loadOrganizations(initialOrg);
    m_sidebar->setCurrentRow(0);

    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    if (!s.contains(QStringLiteral("window/geometry"))) resize(1200, 760);
}

MainWindow::~MainWindow()
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Filter"), QKeySequence::Find, this, [this] {
        if (auto *pane = qobject_cast<TablePane *>(m_stack->currentWidget())) pane->focusFilter();
    });
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Refresh"), QKeySequence(Qt::CTRL | Qt::Key_R), this, &MainWindow::onOrgChanged);
    menuBar()->addMenu(tr("&Sync"));
    menuBar()->addMenu(tr("&Help"));
}

QString MainWindow::currentOrg() const { return m_orgBox->currentData().toString(); }

QStringList MainWindow::paneNames() const
{
    QStringList out;
    for (const TablePane *p : m_panes) out << p->title();
    return out;
}

void MainWindow::showPane(int index) { m_sidebar->setCurrentRow(index); }

void MainWindow::loadOrganizations(const QString &preferred)
{
    auto orgs = SyncState(*m_db).organizations();
    m_orgBox->blockSignals(true);
    m_orgBox->clear();
    if (orgs)
        for (const OrgRecord &o : *orgs) m_orgBox->addItem(QStringLiteral("%1 (%2)").arg(o.displayName, o.key), o.key);
    const int idx = m_orgBox->findData(preferred);
    m_orgBox->setCurrentIndex(idx >= 0 ? idx : 0);
    m_orgBox->blockSignals(false);
    if (!orgs) m_status->setText(orgs.errorMessage());
    else if (orgs->isEmpty()) m_status->setText(tr("No organization in %1 yet: import fixtures (orgward import DIR) or add one.").arg(m_db->describe()));
    onOrgChanged();
}

void MainWindow::onOrgChanged()
{
    const QString org = currentOrg();
    for (TablePane *p : std::as_const(m_panes)) p->model()->setOrgKey(org);
    if (!org.isEmpty()) m_status->setText(tr("Database: %1").arg(m_db->describe()));
}

} // namespace orgward
