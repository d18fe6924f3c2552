#include "entitypanes.h"

#include "asofbar.h"
#include "core/clock.h"
#include "detailtables.h"
#include "finance/asof.h"
#include "finance/groupbyset.h"
#include "miniwidgets.h"
#include "models/asofmodel.h"
#include "models/auditlogmodel.h"
#include "models/detailmodels.h"
#include "models/keysmodel.h"
#include "models/membersmodel.h"
#include "models/projectsmodel.h"
#include "models/syncmodels.h"
#include "tablepane.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace orgward {

namespace {
using Kind = DetailTableModel::Kind;

constexpr int kSparklineDays = 30;
constexpr int kSparklineStacks = 1000; // every project its own stack: the selected one is never "Other"
constexpr int kTimelineCertificates = 40;

// The row of a history key's parent: the first key column (a project member's project, a user role's user).
QString parentKey(const QString &rowKey)
{
    return rowKey.section(u'/', 0, 0);
}

// The table as of at (a time not before now: the present), its row id selected once loaded.
bool showRowAsOf(AsOfController *asOf, TablePane *table, const QString &id, qint64 at)
{
    asOf->setAt(at);
    if (!id.isEmpty()) table->selectWhenLoaded(id);
    return true;
}
} // namespace

// Members ----------------------------------------------------------------------------------------
MembersPane::MembersPane(Database &db, QWidget *parent)
    : ConsolePane(parent), m_asOf(new AsOfController(db, this)), m_tabs(new QTabWidget(this)),
      m_detailTabs(new QTabWidget(this)), m_details(new DetailTables(db, m_asOf, this))
{
    using F = MembersModel::Filter;
    using E = AsOfTableModel::Entity;
    auto *model = new MembersModel(db, this);
    m_members = new TablePane(tr("Members"), model, this);
    m_members->addPreset(tr("All members"));
    m_members->addPreset(tr("In no project"), MembersModel::filterCondition(F::InNoProject));
    m_members->addPreset(tr("Removed"), MembersModel::filterCondition(F::Removed));
    m_invitesModel = new InvitesModel(db, this);
    m_invites = new TablePane(tr("Invites"), m_invitesModel, this);
    m_invites->addPreset(tr("All invites"));
    m_pendingPreset = m_invites->addPreset(tr("Pending"));

    m_detailTabs->setAccessibleName(tr("Member details"));
    m_detailTabs->setObjectName(QStringLiteral("memberDetails"));
    const QList<std::tuple<Kind, QString, QString>> tabs{
        {Kind::MemberProjects, tr("Projects and roles"), QStringLiteral("memberProjects")},
        {Kind::MemberAccess, tr("Access"), QStringLiteral("memberAccess")},
        {Kind::MemberKeys, tr("Keys owned"), QStringLiteral("memberKeys")},
        {Kind::MemberAuditEvents, tr("Audit events"), QStringLiteral("memberAuditEvents")}};
    for (const auto &[kind, name, objectName] : tabs)
        m_detailTabs->addTab(m_details->add(kind, name, objectName, m_detailTabs), name);
    m_members->setDetail(m_detailTabs, 560); // the Access tab's four columns fit
    connect(m_members, &TablePane::currentIdChanged, this, &MembersPane::showDetail);

    m_tabs->addTab(m_members, tr("Members"));
    m_tabs->addTab(m_invites, tr("Invites"));
    vbox(this)->addWidget(m_tabs);
    // One instant for both tabs: members and invites as of the same time.
    m_members->bindAsOf(m_asOf, new AsOfTableModel(db, E::Members, this));
    m_invites->bindAsOf(m_asOf, new AsOfTableModel(db, E::Invites, this));
}

QStringList MembersPane::historyTables() const
{
    return {QStringLiteral("openai_users"), QStringLiteral("openai_user_roles"),
            QStringLiteral("openai_invites")};
}

bool MembersPane::showHistoryRow(const QString &table, const QString &rowKey, qint64 at)
{
    if (!historyTables().contains(table)) return false;
    const bool invite = table == u"openai_invites";
    m_tabs->setCurrentWidget(invite ? m_invites : m_members);
    return showRowAsOf(m_asOf, invite ? m_invites : m_members, invite ? rowKey : parentKey(rowKey), at);
}

TablePane *MembersPane::activeTable()
{
    return m_tabs->currentIndex() == 0 ? m_members : m_invites;
}

SqlTableModel *MembersPane::detailModel(int i) const
{
    return m_details->shown(i);
}

bool MembersPane::isDetailTabVisible(DetailTab tab) const
{
    return m_detailTabs->isTabVisible(tab);
}

void MembersPane::applyRole(ConsoleRole role)
{
    const bool keys = roleAllows(role, Capability::ManageKeys);
    m_members->view()->setColumnHidden(MembersModel::Keys, !keys);
    m_members->view()->setColumnHidden(MembersModel::LastKeyUse, !keys);
    m_detailTabs->setTabVisible(KeysOwned, keys);
    m_detailTabs->setTabVisible(AuditEvents, roleAllows(role, Capability::ViewAuditLog));
    m_asOf->setAvailable(roleAllows(role, Capability::ViewAuditLog)); // history is audit data
}

void MembersPane::setOrg(const QString &org, qint64 now)
{
    m_invitesModel->setNow(now);
    m_invites->setPresetCondition(m_pendingPreset,
                                  m_invitesModel->filterCondition(InvitesModel::Filter::Pending));
    m_members->model()->setOrgKey(org);
    m_invitesModel->setOrgKey(org);
    m_asOf->setOrg(org);
    showDetail(QString());
}

void MembersPane::refresh()
{
    m_asOf->refresh();
    m_members->model()->refresh();
    m_invitesModel->refresh();
    m_details->refresh();
}

void MembersPane::showInvites(bool pendingOnly)
{
    m_tabs->setCurrentWidget(m_invites);
    m_invites->selectPreset(pendingOnly ? m_pendingPreset : 0);
}

void MembersPane::showMembers()
{
    m_tabs->setCurrentWidget(m_members);
}

void MembersPane::showDetail(const QString &userId)
{
    // Each detail table reads on the table worker (as of the pane's instant while it is past): the tables
    // fill as their answers arrive.
    m_details->showParent(m_members->model()->orgKey(), userId);
}

// Projects ---------------------------------------------------------------------------------------
ProjectsPane::ProjectsPane(Database &db, QWidget *parent)
    : ConsolePane(parent), m_detailTabs(new QTabWidget(this)),
      m_costSet(db, this,
                [this](const Result<GroupBySet> &set) {
                    const GroupBySet s = set ? *set : GroupBySet();
                    m_model->setCostWindow(s.groupBy, s.bucketWidth, monthStartSecs(m_now), m_now + 1);
                    m_model->setOrgKey(m_org);
                }),
      m_sparkRead(db, this, [this](const Result<UsageSeries> &s) { showSparkline(m_sparkProject, s); }),
      m_controlsRead(db, this, [this](const Result<GovernanceControls> &c) { showControls(c); })
{
    using F = ProjectsModel::Filter;
    m_asOf = new AsOfController(db, this);
    m_details = new DetailTables(db, m_asOf, this);
    m_model = new ProjectsModel(db, this);
    m_table = new TablePane(tr("Projects"), m_model, this);
    m_table->addPreset(tr("All projects"));
    m_table->addPreset(tr("Active"), ProjectsModel::filterCondition(F::Active));
    m_table->addPreset(tr("Archived"), ProjectsModel::filterCondition(F::Archived));
    auto *detail = new QWidget(this);
    auto *dl = vbox(detail);
    m_spark = new Sparkline(detail);
    m_spark->setObjectName(QStringLiteral("projectSparkline"));
    m_detailTabs->setParent(detail);
    m_detailTabs->setAccessibleName(tr("Project details"));
    m_detailTabs->setObjectName(QStringLiteral("projectDetails"));
    const QList<std::tuple<Kind, QString, QString>> tabs{
        {Kind::ProjectMembers, tr("Members"), QStringLiteral("projectMembers")},
        {Kind::ProjectServiceAccounts, tr("Service accounts"), QStringLiteral("projectServiceAccounts")},
        {Kind::ProjectKeys, tr("Keys"), QStringLiteral("projectKeys")},
        {Kind::ProjectRateLimits, tr("Rate limits"), QStringLiteral("projectRateLimits")},
        {Kind::ProjectCertificates, tr("Certificates"), QStringLiteral("projectCertificates")},
        {Kind::ProjectGroups, tr("Groups"), QStringLiteral("projectGroups")}};
    for (const auto &[kind, name, objectName] : tabs) {
        m_detailOfTab.insert(m_detailTabs->count(), m_details->count());
        m_detailTabs->addTab(m_details->add(kind, name, objectName, m_detailTabs), name);
    }
    // Controls: the project's permissions and spend limit, read in one go on the table worker.
    auto *controls = new QWidget(m_detailTabs);
    controls->setObjectName(QStringLiteral("projectControls"));
    controls->setAccessibleName(tr("Project controls"));
    auto *form = new QFormLayout(controls);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    const QList<std::tuple<QString, QString>> lines{
        {tr("Models"), QStringLiteral("projectModelPermissions")},
        {tr("Hosted tools"), QStringLiteral("projectHostedTools")},
        {tr("Data retention"), QStringLiteral("projectDataRetention")},
        {tr("Spend limit"), QStringLiteral("projectSpendLimit")}};
    for (const auto &[label, objectName] : lines) {
        auto *value = new QLabel(tr("—"), controls);
        value->setObjectName(objectName);
        value->setAccessibleName(label);
        value->setWordWrap(true);
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(QStringLiteral("<b>%1</b>").arg(label.toHtmlEscaped()), value);
        m_controls << value;
    }
    m_detailTabs->addTab(controls, tr("Controls"));
    m_detailOfTab.insert(m_detailTabs->count(), m_details->count());
    m_detailTabs->addTab(m_details->add(Kind::ProjectSpendAlerts, tr("Spend alerts"),
                                        QStringLiteral("projectSpendAlerts"), m_detailTabs),
                         tr("Spend alerts"));
    dl->addWidget(m_spark);
    dl->addWidget(m_detailTabs, 1);
    m_table->setDetail(detail, 560); // spend alerts: amount and recipients side by side
    connect(m_table, &TablePane::currentIdChanged, this, &ProjectsPane::showDetail);
    vbox(this)->addWidget(m_table);
    m_table->bindAsOf(m_asOf, new AsOfTableModel(db, AsOfTableModel::Entity::Projects, this));
}

QStringList ProjectsPane::historyTables() const
{
    return {QStringLiteral("openai_projects"),
            QStringLiteral("openai_project_members"),
            QStringLiteral("openai_project_rate_limits"),
            QStringLiteral("openai_project_certificates"),
            QStringLiteral("openai_project_groups"),
            QStringLiteral("openai_project_model_permissions"),
            QStringLiteral("openai_project_hosted_tool_permissions"),
            QStringLiteral("openai_data_retention"),
            QStringLiteral("openai_spend_alerts"),
            QStringLiteral("openai_spend_limits")};
}

bool ProjectsPane::showHistoryRow(const QString &table, const QString &rowKey, qint64 at)
{
    if (!historyTables().contains(table)) return false;
    // A project's own row, or the project a child row belongs to (none for the organization's own controls).
    return showRowAsOf(m_asOf, m_table, parentKey(rowKey), at);
}

void ProjectsPane::applyRole(ConsoleRole role)
{
    const bool keys = roleAllows(role, Capability::ManageKeys);
    m_table->view()->setColumnHidden(ProjectsModel::Keys, !keys);
    m_detailTabs->setTabVisible(Keys, keys);
    m_asOf->setAvailable(roleAllows(role, Capability::ViewAuditLog));
}

bool ProjectsPane::isBusy() const
{
    return m_costSet.busy() || m_sparkRead.busy() || m_controlsRead.busy() || ConsolePane::isBusy();
}

SqlTableModel *ProjectsPane::detailModel(DetailTab tab) const
{
    return m_detailOfTab.contains(tab) ? m_details->shown(m_detailOfTab.value(tab)) : nullptr;
}

QString ProjectsPane::controlText(Control c) const
{
    return c >= 0 && c < m_controls.size() ? m_controls[c]->text() : QString();
}

void ProjectsPane::showControls(const Result<GovernanceControls> &c)
{
    if (!c) {
        for (QLabel *l : std::as_const(m_controls))
            l->setText(tr("—"));
        m_controls[ModelPermissions]->setText(tr("Could not read the controls: %1").arg(c.errorMessage()));
        return;
    }
    m_controls[ModelPermissions]->setText(governance::modelPermissionsText(*c));
    m_controls[HostedTools]->setText(governance::hostedToolsText(*c));
    m_controls[DataRetention]->setText(governance::retentionText(c->dataRetention));
    m_controls[SpendLimitControl]->setText(governance::spendLimitText(*c));
}

bool ProjectsPane::isDetailTabVisible(DetailTab tab) const
{
    return m_detailTabs->isTabVisible(tab);
}

void ProjectsPane::setOrg(const QString &org, qint64 now)
{
    m_org = org;
    m_now = now;
    m_asOf->setOrg(org);
    showDetail(QString());
    // The cost column sums one stored costs set: which one is read first, then the table (on the worker).
    m_costSet.run([org](Database &db) {
        return chooseGroupBySet(db, QStringLiteral("openai_costs"), org, QString(),
                                QStringLiteral("project_id"));
    });
}

void ProjectsPane::refresh()
{
    m_asOf->refresh();
    m_model->refresh();
    showDetail(m_table->currentId());
}

void ProjectsPane::showDetail(const QString &projectId)
{
    m_details->showParent(m_org, projectId);
    m_sparkProject = projectId;
    if (projectId.isEmpty()) {
        m_sparkRead.cancel();
        showSparkline(QString(), UsageSeries());
        m_controlsRead.cancel();
        for (QLabel *l : std::as_const(m_controls))
            l->setText(tr("—"));
        return;
    }
    for (QLabel *l : std::as_const(m_controls))
        l->setText(tr("…"));
    // While the pane is past: the controls' versions valid at its instant, and the 30 days of usage up to
    // it (usage is a time series, not versioned: the days before the instant are what they were).
    const QString org = m_org;
    const qint64 at = m_asOf->isLive() ? 0 : m_asOf->at();
    m_controlsRead.run([org, projectId, at](Database &db) {
        return at ? loadGovernanceControlsAsOf(db, org, projectId, at)
                  : loadGovernanceControls(db, org, projectId);
    });
    // Requests per day over 30 days from one group_by set containing project_id (an SQL aggregate, read
    // on the table worker).
    UsageRequest r;
    r.orgKey = m_org;
    r.kind = QStringLiteral("completions");
    r.metric = QStringLiteral("num_model_requests");
    r.stackBy = QStringLiteral("project_id");
    m_sparkAt = at;
    r.to = ((at ? at : m_now) / kSecondsPerDay + 1) * kSecondsPerDay;
    r.from = r.to - kSparklineDays * kSecondsPerDay;
    r.topN = kSparklineStacks;
    m_sparkRead.run([r](Database &db) { return queryUsage(db, r); });
}

void ProjectsPane::showSparkline(const QString &projectId, const Result<UsageSeries> &s)
{
    m_sparkValues.clear();
    if (projectId.isEmpty()) {
        m_spark->setValues({}, tr("Select a project to see its requests over the last 30 days"));
        return;
    }
    if (s) {
        const int i = int(s->stackKeys.indexOf(projectId));
        for (int b = 0; b < s->buckets.size(); ++b)
            m_sparkValues << (i >= 0 ? double(s->values[i][b]) : 0.0);
    }
    const QString caption = m_sparkAt ? tr("Completions requests per day, the 30 days up to %1")
                                            .arg(AsOfController::instantText(m_sparkAt))
                                      : tr("Completions requests per day, last 30 days");
    m_spark->setValues(m_sparkValues, s ? caption : tr("Could not read usage: %1").arg(s.errorMessage()));
}

// Keys -------------------------------------------------------------------------------------------
KeysPane::KeysPane(Database &db, QWidget *parent)
    : ConsolePane(parent), m_asOf(new AsOfController(db, this)), m_tabs(new QTabWidget(this))
{
    m_model = new KeysModel(db, this);
    m_keys = new TablePane(tr("API keys"), m_model, this);
    m_keys->addPreset(tr("All keys"));
    m_keys->addPreset(tr("Unused 90+ days"));
    m_keys->addPreset(tr("Older than a year"));
    m_keys->addPreset(tr("Owned by removed members"));
    m_accounts =
        new TablePane(tr("Service accounts"), new DetailTableModel(db, Kind::ServiceAccounts, this), this);
    m_tabs->addTab(m_keys, tr("API keys"));
    m_tabs->addTab(m_accounts, tr("Service accounts"));
    vbox(this)->addWidget(m_tabs);
    m_keys->bindAsOf(m_asOf, new AsOfTableModel(db, AsOfTableModel::Entity::ApiKeys, this));
    m_accounts->bindAsOf(m_asOf, new AsOfTableModel(db, AsOfTableModel::Entity::ServiceAccounts, this));
}

void KeysPane::applyRole(ConsoleRole role)
{
    m_asOf->setAvailable(roleAllows(role, Capability::ViewAuditLog));
}

QStringList KeysPane::historyTables() const
{
    return {QStringLiteral("openai_project_api_keys"), QStringLiteral("openai_service_accounts")};
}

bool KeysPane::showHistoryRow(const QString &table, const QString &rowKey, qint64 at)
{
    if (!historyTables().contains(table)) return false;
    TablePane *t = table == u"openai_service_accounts" ? m_accounts : m_keys;
    m_tabs->setCurrentWidget(t);
    return showRowAsOf(m_asOf, t, rowKey, at);
}

TablePane *KeysPane::activeTable()
{
    return m_tabs->currentIndex() == 0 ? m_keys : m_accounts;
}

void KeysPane::setOrg(const QString &org, qint64 now)
{
    using F = KeysModel::Filter;
    m_model->setNow(now);
    m_keys->setPresetCondition(Unused90, m_model->filterCondition(F::Unused90Days));
    m_keys->setPresetCondition(OlderThanYear, m_model->filterCondition(F::OlderThanYear));
    m_keys->setPresetCondition(OwnedByRemoved, m_model->filterCondition(F::OwnedByRemoved));
    m_model->setOrgKey(org);
    m_accounts->model()->setOrgKey(org);
    m_asOf->setOrg(org);
}

void KeysPane::refresh()
{
    m_asOf->refresh();
    m_model->refresh();
    m_accounts->model()->refresh();
}

// Certificates -----------------------------------------------------------------------------------
CertificatesPane::CertificatesPane(Database &db, QWidget *parent)
    : ConsolePane(parent), m_asOf(new AsOfController(db, this)),
      m_timelineRead(db, this, [this](const Result<QList<CertificateSpan>> &spans) {
          QList<ExpiryTimeline::Item> items;
          if (spans)
              for (const CertificateSpan &s : *spans)
                  items << ExpiryTimeline::Item{s.name, s.validFrom, s.expires};
          m_timeline->setItems(items, m_now);
      })
{
    m_model = new CertificatesModel(db, this);
    m_table = new TablePane(tr("Certificates"), m_model, this);
    m_table->addPreset(tr("All certificates"));
    m_table->addPreset(tr("Expiring within 14 days"));
    m_events = new DetailTables(db, m_asOf, this); // as of the pane's instant: the events until then
    m_eventsView = m_events->add(Kind::CertificateEvents, tr("Certificate events"),
                                 QStringLiteral("certificateEvents"), this);
    m_table->setDetail(m_eventsView);
    m_timeline = new ExpiryTimeline(this);
    auto *l = vbox(this);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_timeline);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    l->addWidget(split);
    connect(m_table, &TablePane::currentIdChanged, this,
            [this](const QString &id) { m_events->showParent(m_model->orgKey(), id); });
    m_table->bindAsOf(m_asOf, new AsOfTableModel(db, AsOfTableModel::Entity::Certificates, this));
    // The expiry timeline is the present's.
    connect(m_asOf, &AsOfController::changed, this, [this] { m_timeline->setVisible(m_asOf->isLive()); });
}

QStringList CertificatesPane::historyTables() const
{
    return {QStringLiteral("openai_certificates")};
}

bool CertificatesPane::showHistoryRow(const QString &table, const QString &rowKey, qint64 at)
{
    if (!historyTables().contains(table)) return false;
    return showRowAsOf(m_asOf, m_table, rowKey, at);
}

QWidget *CertificatesPane::chartWidget()
{
    return m_timeline;
}

void CertificatesPane::applyRole(ConsoleRole role)
{
    const bool audit = roleAllows(role, Capability::ViewAuditLog);
    m_table->view()->setColumnHidden(CertificatesModel::Events, !audit);
    m_eventsView->setVisible(audit);
    m_asOf->setAvailable(audit);
}

bool CertificatesPane::isBusy() const
{
    return m_timelineRead.busy() || ConsolePane::isBusy();
}

void CertificatesPane::setOrg(const QString &org, qint64 now)
{
    m_now = now;
    m_model->setNow(now);
    m_table->setPresetCondition(Expiring14,
                                m_model->filterCondition(CertificatesModel::Filter::Expiring14Days));
    m_model->setOrgKey(org);
    m_timelineRead.run([org](Database &db) { return certificateTimeline(db, org, kTimelineCertificates); });
    m_events->showParent(org, QString());
    m_asOf->setOrg(org);
}

void CertificatesPane::refresh()
{
    m_asOf->refresh();
    m_model->refresh();
    m_events->refresh();
}

// Audit log --------------------------------------------------------------------------------------
AuditPane::AuditPane(Database &db, QWidget *parent)
    : ConsolePane(parent), m_typesRead(db, this, [this](const Result<QStringList> &t) { showEventTypes(t); }),
      m_reachRead(db, this, [this](const Result<AuditReach> &r) { showReach(r); })
{
    m_model = new AuditLogModel(db, this);
    m_table = new TablePane(tr("Audit log"), m_model, this);
    m_table->filterEdit()->setPlaceholderText(tr("Filter (Ctrl+F) — actor, project, type, IP"));
    m_type = new QComboBox(this);
    m_type->setAccessibleName(tr("Event type"));
    m_type->setObjectName(QStringLiteral("auditEventType"));
    m_range = new QComboBox(this);
    m_range->setAccessibleName(tr("Time range"));
    m_range->addItem(tr("Any time"), 0);
    m_range->addItem(tr("Last 24 hours"), 1);
    m_range->addItem(tr("Last 7 days"), 7);
    m_range->addItem(tr("Last 30 days"), 30);
    m_range->addItem(tr("Last 90 days"), 90);
    m_table->toolbarLayout()->addWidget(m_type);
    m_table->toolbarLayout()->addWidget(m_range);
    m_payload = new QPlainTextEdit(this);
    m_payload->setReadOnly(true);
    m_payload->setAccessibleName(tr("Event payload"));
    m_payload->setPlaceholderText(tr("Select an event to see its payload."));
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_table->setDetail(m_payload);
    // Events age out of the API's retention window but never out of the local copy: this line says how far
    // back each reaches.
    m_reach = new QLabel(this);
    m_reach->setObjectName(QStringLiteral("auditReach"));
    m_reach->setWordWrap(true);
    m_reach->setTextFormat(Qt::PlainText);
    m_reach->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setNote(m_reach);
    connect(m_type, &QComboBox::currentIndexChanged, this, &AuditPane::applyFilters);
    connect(m_range, &QComboBox::currentIndexChanged, this, &AuditPane::applyFilters);
    connect(m_table, &TablePane::currentIdChanged, this, [this](const QString &id) {
        m_payload->setPlainText(id.isEmpty() ? QString() : m_model->payloadJson(id));
    });
    vbox(this)->addWidget(m_table);
}

void AuditPane::applyFilters()
{
    const int days = m_range->currentData().toInt();
    // The type is the item's data (the stored value), bound by the model: never the shown text.
    m_model->setFilter(m_type->currentData().toString(),
                       days > 0 ? m_now - qint64(days) * kSecondsPerDay : 0);
}

void AuditPane::setOrg(const QString &org, qint64 now)
{
    m_now = now;
    m_org = org;
    m_model->setOrgKey(org);
    showEventTypes(QStringList());
    m_typesRead.run([org](Database &db) { return AuditLogModel::eventTypes(db, org); });
    m_reach->setText(tr("Reading how far back the audit log reaches…"));
    readReach();
    applyFilters();
}

void AuditPane::readReach()
{
    m_reachRead.run([org = m_org](Database &db) { return readAuditReach(db, org); });
}

void AuditPane::showReach(const Result<AuditReach> &reach)
{
    m_reach->setText(
        reach ? describeAuditReach(*reach)
              : tr("How far back the audit log reaches could not be read: %1").arg(reach.errorMessage()));
}

void AuditPane::showEventTypes(const Result<QStringList> &types)
{
    const QString current = m_type->currentData().toString();
    m_type->blockSignals(true);
    m_type->clear();
    m_type->addItem(tr("All event types"), QString());
    if (types)
        for (const QString &t : *types)
            m_type->addItem(t, t);
    const int keep = m_type->findData(current);
    m_type->setCurrentIndex(qMax(0, keep));
    m_type->blockSignals(false);
    if (keep < 0 && !current.isEmpty()) applyFilters(); // the chosen type is gone: show every type
}

bool AuditPane::isBusy() const
{
    return m_typesRead.busy() || m_reachRead.busy() || ConsolePane::isBusy();
}

void AuditPane::refresh()
{
    m_model->refresh();
    readReach(); // a sync may have added events or read the whole audit log
}

// Sync -------------------------------------------------------------------------------------------
SyncPane::SyncPane(Database &db, QWidget *parent) : ConsolePane(parent), m_db(db)
{
    m_model = new SyncRunsModel(db, this);
    m_runs = new TablePane(tr("Sync runs"), m_model, this);
    m_runs->setEmptyText(tr("No sync or import has run for this organization yet (F5 syncs)."));
    m_details = new QPlainTextEdit(this);
    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("Run details"));
    m_details->setPlaceholderText(tr("Select a run to see per-endpoint counts, errors and cursors."));
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_runs->setDetail(m_details);
    m_cursors = new CursorsModel(db, this);
    auto *cursorView = detailView(m_cursors, tr("Cursor positions"), QStringLiteral("cursorPositions"), this);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_runs);
    m_cursorBox = new QWidget(this);
    m_cursorBox->setObjectName(QStringLiteral("cursorBox"));
    auto *cl = vbox(m_cursorBox);
    cl->addWidget(new QLabel(tr("<b>Cursor positions</b>"), m_cursorBox));
    cl->addWidget(cursorView);
    split->addWidget(m_cursorBox);
    vbox(this)->addWidget(split);
    connect(m_runs, &TablePane::currentIdChanged, this, [this](const QString &id) {
        m_details->setPlainText(id.isEmpty() ? QString() : m_model->runDetails(id));
    });
}

void SyncPane::applyRole(ConsoleRole role)
{
    // The read-only views on PostgreSQL expose no cursors (they describe the sync, not the org).
    m_cursorBox->setVisible(
        !(m_db.isPostgres() && (role == ConsoleRole::Auditor || role == ConsoleRole::Reader)));
}

void SyncPane::setOrg(const QString &org, qint64)
{
    m_model->setOrgKey(org);
    m_cursors->setOrgKey(org);
    if (m_model->rowCount() > 0) m_runs->view()->selectRow(0);
}

void SyncPane::refresh()
{
    m_model->refresh();
    m_cursors->refresh();
}

} // namespace orgward
