#include "entitypanes.h"

#include "finance/asof.h"
#include "finance/costquery.h"
#include "finance/dashboard.h"
#include "finance/usagequery.h"
#include "miniwidgets.h"
#include "models/auditlogmodel.h"
#include "models/certificatesmodel.h"
#include "models/keysmodel.h"
#include "models/membersmodel.h"
#include "models/projectsmodel.h"
#include "models/syncmodels.h"
#include "tablepane.h"

#include <QComboBox>
#include <QFontDatabase>
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
using C = ColType;

QTableView *detailView(SqlTableModel *m, const QString &name, QWidget *parent)
{
    auto *v = new QTableView(parent);
    m->setAsync(true); // the GUI thread never waits on a query
    v->setModel(m);
    v->horizontalHeader()->setSortIndicator(m->sortColumn(), m->sortOrder());
    v->setSortingEnabled(true);
    autoSizeColumnsOnce(v, m);
    v->verticalHeader()->setVisible(false);
    v->verticalHeader()->setDefaultSectionSize(v->fontMetrics().height() + 8);
    v->setWordWrap(false);
    v->horizontalHeader()->setStretchLastSection(true);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setAccessibleName(name);
    return v;
}

void bindDetail(const QList<SqlTableModel *> &models, const QString &org, const QString &id)
{
    for (SqlTableModel *m : models) {
        m->setBaseBinds({id});
        m->setOrgKey(id.isEmpty() ? QString() : org);
    }
}

QVBoxLayout *vbox(QWidget *w)
{
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    return l;
}
} // namespace

SqlTableModel *makeDetailModel(Database &db, QObject *parent, QList<SqlColumn> columns, const QString &from,
                               const QString &baseWhere, const QString &idExpr)
{
    auto *m = new SqlTableModel(db, parent);
    m->setQuery(std::move(columns), from, baseWhere, idExpr);
    return m;
}

// Members ----------------------------------------------------------------------------------------
MembersPane::MembersPane(Database &db, QWidget *parent)
    : ConsolePane(parent), m_db(db), m_tabs(new QTabWidget(this))
{
    auto *model = new MembersModel(db, this);
    m_members = new TablePane(tr("Members"), model, this);
    m_members->addPreset(tr("All members"), QString());
    m_members->addPreset(tr("In no project"), dashboard::memberWithoutProjectCondition());
    m_members->addPreset(tr("Removed"), QStringLiteral("u.deleted_at IS NOT NULL"));
    m_invitesModel = new InvitesModel(db, this);
    m_invites = new TablePane(tr("Invites"), m_invitesModel, this);
    m_invites->addPreset(tr("All invites"), QString());
    m_pendingPreset = m_invites->addPreset(tr("Pending"), QString());

    auto *detail = new QTabWidget(this);
    detail->setAccessibleName(tr("Member details"));
    m_detail << makeDetailModel(db, this,
                                {{tr("Project"), QStringLiteral("COALESCE(p.name, pm.project_id)")},
                                 {tr("Role"), QStringLiteral("pm.role")},
                                 {tr("Added"), QStringLiteral("pm.added_at"), C::Timestamp}},
                                QStringLiteral("FROM openai_project_members pm LEFT JOIN openai_projects p "
                                               "ON p.org_key = pm.org_key AND p.id = pm.project_id"),
                                QStringLiteral("pm.org_key = ? AND pm.user_id = ? AND pm.removed_at IS NULL"),
                                QStringLiteral("pm.project_id"));
    m_detail << makeDetailModel(db, this,
                                {{tr("Key"), QStringLiteral("k.name")},
                                 {tr("Value"), QStringLiteral("k.redacted_value")},
                                 {tr("Project"), QStringLiteral("k.project_id")},
                                 {tr("Last used"), QStringLiteral("k.last_used_at"), C::Timestamp}},
                                QStringLiteral("FROM openai_project_api_keys k"),
                                QStringLiteral("k.org_key = ? AND k.owner_id = ? AND k.deleted_at IS NULL"),
                                QStringLiteral("k.id"));
    // Events about the member: the user id appears in the event's payload (actor or target).
    m_detail << new SqlTableModel(db, this);
    m_detail.last()->setQuery({{tr("Time"), QStringLiteral("a.effective_at"), C::Timestamp},
                               {tr("Type"), QStringLiteral("a.type")},
                               {tr("Actor"), QStringLiteral("COALESCE(a.actor_email, a.actor_id)")}},
                              QStringLiteral("FROM openai_audit_logs a"),
                              QStringLiteral("a.org_key = ? AND (COALESCE(a.actor_id, '') || ' ' || "
                                             "COALESCE(CAST(a.payload AS TEXT), '')) LIKE '%' || ? || '%'"),
                              QStringLiteral("a.id"));
    m_detail.last()->sort(0, Qt::DescendingOrder);
    detail->addTab(detailView(m_detail[0], tr("Projects and roles"), detail), tr("Projects and roles"));
    detail->addTab(detailView(m_detail[1], tr("Keys owned"), detail), tr("Keys owned"));
    detail->addTab(detailView(m_detail[2], tr("Audit events"), detail), tr("Audit events"));
    m_members->setDetail(detail);
    connect(m_members, &TablePane::currentIdChanged, this, &MembersPane::showDetail);

    m_tabs->addTab(m_members, tr("Members"));
    m_tabs->addTab(m_invites, tr("Invites"));
    vbox(this)->addWidget(m_tabs);
}

TablePane *MembersPane::activeTable()
{
    return m_tabs->currentIndex() == 0 ? m_members : m_invites;
}

void MembersPane::setOrg(const QString &org, qint64 now)
{
    m_now = now;
    m_invitesModel->setNow(now);
    m_invites->setPresetCondition(
        m_pendingPreset,
        QStringLiteral(
            "i.deleted_at IS NULL AND i.status = 'pending' AND (i.expires_at IS NULL OR i.expires_at > %1)")
            .arg(SqlTableModel::tsLiteral(m_db, now)));
    m_members->model()->setOrgKey(org);
    m_invitesModel->setOrgKey(org);
    showDetail(QString());
}

void MembersPane::refresh()
{
    m_members->model()->refresh();
    m_invitesModel->refresh();
    for (SqlTableModel *m : std::as_const(m_detail))
        m->refresh();
}

void MembersPane::showInvites(bool pendingOnly)
{
    m_tabs->setCurrentWidget(m_invites);
    m_invites->selectPreset(pendingOnly ? m_pendingPreset : 0);
}

void MembersPane::showDetail(const QString &userId)
{
    bindDetail(m_detail, m_members->model()->orgKey(), userId);
}

// Projects ---------------------------------------------------------------------------------------
ProjectsPane::ProjectsPane(Database &db, QWidget *parent) : ConsolePane(parent), m_db(db)
{
    m_model = new ProjectsModel(db, this);
    m_table = new TablePane(tr("Projects"), m_model, this);
    m_table->addPreset(tr("All projects"), QString());
    m_table->addPreset(
        tr("Active"), QStringLiteral("p.archived_at IS NULL AND COALESCE(p.status, 'active') <> 'archived'"));
    m_table->addPreset(tr("Archived"), QStringLiteral("p.archived_at IS NOT NULL OR p.status = 'archived'"));
    const QString scoped = QStringLiteral("x.org_key = ? AND x.project_id = ?");
    m_detail << makeDetailModel(db, this,
                                {{tr("Name"), QStringLiteral("x.name")},
                                 {tr("Email"), QStringLiteral("x.email")},
                                 {tr("Role"), QStringLiteral("x.role")},
                                 {tr("Added"), QStringLiteral("x.added_at"), C::Timestamp}},
                                QStringLiteral("FROM openai_project_members x"),
                                scoped + QStringLiteral(" AND x.removed_at IS NULL"),
                                QStringLiteral("x.user_id"));
    m_detail << makeDetailModel(db, this,
                                {{tr("Name"), QStringLiteral("x.name")},
                                 {tr("Role"), QStringLiteral("x.role")},
                                 {tr("Created"), QStringLiteral("x.created_at"), C::Timestamp}},
                                QStringLiteral("FROM openai_service_accounts x"),
                                scoped + QStringLiteral(" AND x.deleted_at IS NULL"), QStringLiteral("x.id"));
    m_detail << makeDetailModel(db, this,
                                {{tr("Name"), QStringLiteral("x.name")},
                                 {tr("Key"), QStringLiteral("x.redacted_value")},
                                 {tr("Owner"), QStringLiteral("COALESCE(x.owner_email, x.owner_name)")},
                                 {tr("Last used"), QStringLiteral("x.last_used_at"), C::Timestamp}},
                                QStringLiteral("FROM openai_project_api_keys x"),
                                scoped + QStringLiteral(" AND x.deleted_at IS NULL"), QStringLiteral("x.id"));
    m_detail << makeDetailModel(db, this,
                                {{tr("Model"), QStringLiteral("x.model")},
                                 {tr("Requests/min"), QStringLiteral("x.max_requests_per_1_minute"), C::Int},
                                 {tr("Tokens/min"), QStringLiteral("x.max_tokens_per_1_minute"), C::Int},
                                 {tr("Requests/day"), QStringLiteral("x.max_requests_per_1_day"), C::Int}},
                                QStringLiteral("FROM openai_project_rate_limits x"),
                                scoped + QStringLiteral(" AND x.deleted_at IS NULL"), QStringLiteral("x.id"));
    m_detail << makeDetailModel(db, this,
                                {{tr("Name"), QStringLiteral("x.name")},
                                 {tr("Active"), QStringLiteral("x.active"), C::Bool},
                                 {tr("Expires"), QStringLiteral("x.expires_at"), C::Timestamp}},
                                QStringLiteral("FROM openai_project_certificates x"),
                                scoped + QStringLiteral(" AND x.deleted_at IS NULL"),
                                QStringLiteral("x.certificate_id"));
    auto *detail = new QWidget(this);
    auto *dl = vbox(detail);
    m_spark = new Sparkline(detail);
    auto *tabs = new QTabWidget(detail);
    tabs->setAccessibleName(tr("Project details"));
    const QStringList names{tr("Members"), tr("Service accounts"), tr("Keys"), tr("Rate limits"),
                            tr("Certificates")};
    for (int i = 0; i < m_detail.size(); ++i)
        tabs->addTab(detailView(m_detail[i], names[i], tabs), names[i]);
    dl->addWidget(m_spark);
    dl->addWidget(tabs, 1);
    m_table->setDetail(detail);
    connect(m_table, &TablePane::currentIdChanged, this, &ProjectsPane::showDetail);
    vbox(this)->addWidget(m_table);
}

void ProjectsPane::setOrg(const QString &org, qint64 now)
{
    m_org = org;
    m_now = now;
    auto set =
        chooseGroupBySet(m_db, QStringLiteral("openai_costs"), org, QString(), QStringLiteral("project_id"));
    GroupBySet s = set ? *set : GroupBySet();
    m_model->setCostWindow(s.groupBy, s.bucketWidth, monthStartSecs(now), now + 1);
    m_model->setOrgKey(org);
    showDetail(QString());
}

void ProjectsPane::refresh()
{
    m_model->refresh();
    showDetail(m_table->currentId());
}

void ProjectsPane::showDetail(const QString &projectId)
{
    bindDetail(m_detail, m_org, projectId);
    if (projectId.isEmpty()) {
        m_spark->setValues({}, tr("Select a project to see its requests over the last 30 days"));
        return;
    }
    // Requests per day over 30 days from one group_by set containing project_id (SQL aggregate).
    UsageRequest r;
    r.orgKey = m_org;
    r.kind = QStringLiteral("completions");
    r.metric = QStringLiteral("num_model_requests");
    r.stackBy = QStringLiteral("project_id");
    r.to = (m_now / 86400 + 1) * 86400;
    r.from = r.to - 30 * 86400;
    r.topN = 1000;
    QList<double> values;
    if (auto s = queryUsage(m_db, r)) {
        const int i = int(s->stackKeys.indexOf(projectId));
        for (int b = 0; b < s->buckets.size(); ++b)
            values << (i >= 0 ? double(s->values[i][b]) : 0.0);
    }
    m_spark->setValues(values, tr("Completions requests per day, last 30 days"));
}

// Keys -------------------------------------------------------------------------------------------
KeysPane::KeysPane(Database &db, QWidget *parent) : ConsolePane(parent), m_tabs(new QTabWidget(this))
{
    m_model = new KeysModel(db, this);
    m_keys = new TablePane(tr("API keys"), m_model, this);
    m_keys->addPreset(tr("All keys"), QString());
    m_keys->addPreset(tr("Unused 90+ days"), QString());
    m_keys->addPreset(tr("Older than a year"), QString());
    m_keys->addPreset(tr("Owned by removed members"), QString());
    auto *accounts = makeDetailModel(
        db, this,
        {{tr("Name"), QStringLiteral("s.name")},
         {tr("Project"),
          QStringLiteral("COALESCE((SELECT p.name FROM openai_projects p WHERE p.org_key = s.org_key AND "
                         "p.id = s.project_id), s.project_id)"),
          C::Text, false},
         {tr("Role"), QStringLiteral("s.role")},
         {tr("Created"), QStringLiteral("s.created_at"), C::Timestamp},
         {tr("Keys"),
          QStringLiteral("(SELECT COUNT(*) FROM openai_project_api_keys k WHERE k.org_key = s.org_key AND "
                         "k.owner_id = s.id AND k.deleted_at IS NULL)"),
          C::Int}},
        QStringLiteral("FROM openai_service_accounts s"),
        QStringLiteral("s.org_key = ? AND s.deleted_at IS NULL"), QStringLiteral("s.id"));
    m_accounts = new TablePane(tr("Service accounts"), accounts, this);
    m_tabs->addTab(m_keys, tr("API keys"));
    m_tabs->addTab(m_accounts, tr("Service accounts"));
    vbox(this)->addWidget(m_tabs);
}

TablePane *KeysPane::activeTable()
{
    return m_tabs->currentIndex() == 0 ? m_keys : m_accounts;
}

void KeysPane::setOrg(const QString &org, qint64 now)
{
    m_model->setNow(now);
    m_keys->setPresetCondition(Unused90, m_model->filterCondition(KeysModel::Filter::Unused90Days));
    m_keys->setPresetCondition(OlderThanYear, m_model->filterCondition(KeysModel::Filter::OlderThanYear));
    m_keys->setPresetCondition(OwnedByRemoved, m_model->filterCondition(KeysModel::Filter::OwnedByRemoved));
    m_model->setOrgKey(org);
    m_accounts->model()->setOrgKey(org);
}

void KeysPane::refresh()
{
    m_model->refresh();
    m_accounts->model()->refresh();
}

// Certificates -----------------------------------------------------------------------------------
CertificatesPane::CertificatesPane(Database &db, QWidget *parent) : ConsolePane(parent), m_db(db)
{
    m_model = new CertificatesModel(db, this);
    m_table = new TablePane(tr("Certificates"), m_model, this);
    m_table->addPreset(tr("All certificates"), QString());
    m_table->addPreset(tr("Expiring within 14 days"), QString());
    m_events =
        makeDetailModel(db, this,
                        {{tr("Time"), QStringLiteral("e.occurred_at"), C::Timestamp},
                         {tr("Action"), QStringLiteral("e.action")},
                         {tr("Actor"), QStringLiteral("e.actor_id")}},
                        QStringLiteral("FROM openai_certificate_events e"),
                        QStringLiteral("e.org_key = ? AND e.certificate_id = ?"), QStringLiteral("e.id"));
    auto *events = detailView(m_events, tr("Certificate events"), this);
    m_table->setDetail(events);
    m_timeline = new ExpiryTimeline(this);
    auto *l = vbox(this);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_timeline);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    l->addWidget(split);
    connect(m_table, &TablePane::currentIdChanged, this,
            [this](const QString &id) { bindDetail({m_events}, m_model->orgKey(), id); });
}

QWidget *CertificatesPane::chartWidget()
{
    return m_timeline;
}

void CertificatesPane::setOrg(const QString &org, qint64 now)
{
    m_model->setNow(now);
    m_table->setPresetCondition(
        Expiring14,
        QStringLiteral("c.deleted_at IS NULL AND c.expires_at >= %1 AND c.expires_at < %2")
            .arg(SqlTableModel::tsLiteral(m_db, now), SqlTableModel::tsLiteral(m_db, now + 14 * 86400)));
    m_model->setOrgKey(org);
    QList<ExpiryTimeline::Item> items;
    auto q = m_db.exec(
        QStringLiteral(
            "SELECT COALESCE(name, id), valid_at, expires_at FROM openai_certificates WHERE org_key = ? AND "
            "deleted_at IS NULL ORDER BY expires_at LIMIT 40"),
        {org});
    if (q)
        while (q->next())
            items << ExpiryTimeline::Item{q->value(0).toString(), Database::timestampSecs(q->value(1)),
                                          Database::timestampSecs(q->value(2))};
    m_timeline->setItems(items, now);
    bindDetail({m_events}, org, QString());
}

void CertificatesPane::refresh()
{
    m_model->refresh();
    m_events->refresh();
}

// Audit log --------------------------------------------------------------------------------------
AuditPane::AuditPane(Database &db, QWidget *parent) : ConsolePane(parent), m_db(db)
{
    m_model = new AuditLogModel(db, this);
    m_table = new TablePane(tr("Audit log"), m_model, this);
    m_table->filterEdit()->setPlaceholderText(tr("Filter (Ctrl+F) — actor, project, type, IP"));
    m_type = new QComboBox(this);
    m_type->setAccessibleName(tr("Event type"));
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
    connect(m_type, &QComboBox::currentIndexChanged, this, &AuditPane::applyFilters);
    connect(m_range, &QComboBox::currentIndexChanged, this, &AuditPane::applyFilters);
    connect(m_table, &TablePane::currentIdChanged, this, [this](const QString &id) {
        m_payload->setPlainText(id.isEmpty() ? QString() : m_model->payloadJson(id));
    });
    vbox(this)->addWidget(m_table);
}

void AuditPane::applyFilters()
{
    QStringList conds;
    if (m_type->currentIndex() > 0)
        conds << QStringLiteral("a.type = %1").arg(SqlTableModel::textLiteral(m_type->currentText()));
    const int days = m_range->currentData().toInt();
    if (days > 0)
        conds << QStringLiteral("a.effective_at >= %1")
                     .arg(SqlTableModel::tsLiteral(m_db, m_now - qint64(days) * 86400));
    m_model->setExtraCondition(conds.join(QStringLiteral(" AND ")));
}

void AuditPane::setOrg(const QString &org, qint64 now)
{
    m_now = now;
    m_model->setOrgKey(org);
    m_type->blockSignals(true);
    m_type->clear();
    m_type->addItem(tr("All event types"));
    m_type->addItems(m_model->eventTypes());
    m_type->blockSignals(false);
    applyFilters();
}

void AuditPane::refresh()
{
    m_model->refresh();
}

// Sync -------------------------------------------------------------------------------------------
SyncPane::SyncPane(Database &db, QWidget *parent) : ConsolePane(parent)
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
    auto *cursorView = detailView(m_cursors, tr("Cursor positions"), this);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_runs);
    auto *cw = new QWidget(this);
    auto *cl = vbox(cw);
    cl->addWidget(new QLabel(tr("<b>Cursor positions</b>"), cw));
    cl->addWidget(cursorView);
    split->addWidget(cw);
    vbox(this)->addWidget(split);
    connect(m_runs, &TablePane::currentIdChanged, this, [this](const QString &id) {
        m_details->setPlainText(id.isEmpty() ? QString() : m_model->runDetails(id));
    });
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
