// The console's models on a small hand-built store: QAbstractItemModelTester on each, SQL filtering and
// sorting, block fetching, refresh keeping selection, one-group_by-set aggregation and exact money.
#include "core/clock.h"
#include "finance/asof.h"
#include "finance/costquery.h"
#include "finance/dashboard.h"
#include "finance/governance.h"
#include "finance/usagequery.h"
#include "models/accessmodels.h"
#include "models/auditlogmodel.h"
#include "models/certificatesmodel.h"
#include "models/detailmodels.h"
#include "models/keysmodel.h"
#include "models/membersmodel.h"
#include "models/projectsmodel.h"
#include "models/seriestablemodel.h"
#include "models/sqlfetch.h"
#include "models/syncmodels.h"
#include "models/tableexport.h"
#include "testsupport/testsupport.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace orgward;

namespace {
constexpr qint64 kNow = 1795132800; // 2026-11-20T00:00:00Z
const QString kOrg = QStringLiteral("t");

// Inserts one synced row with the bookkeeping columns filled in.
void insert(Database &db, const QString &table, QVariantMap cols)
{
    cols.insert(QStringLiteral("org_key"), kOrg);
    if (table != u"openai_admin_sync_runs" && table != u"openai_admin_cursors") {
        cols.insert(QStringLiteral("row_hash"), QStringLiteral("h"));
        cols.insert(QStringLiteral("first_seen_at"), kNow);
        cols.insert(QStringLiteral("updated_at"), kNow);
    }
    QStringList marks;
    for (int i = 0; i < cols.size(); ++i)
        marks << QStringLiteral("?");
    auto r = db.run(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                        .arg(table, cols.keys().join(u','), marks.join(u',')),
                    cols.values());
    if (!r) qFatal("%s", qPrintable(r.errorMessage()));
}

QString uid(int i)
{
    return QStringLiteral("user-%1").arg(i, 5, 10, QLatin1Char('0'));
}

// Groups, roles and governance rows (migration 11) around uid(0) and proj_a, on either engine.
Status insertAccessRows(Database &db)
{
    using Columns = QList<std::pair<const char *, QVariant>>;
    const QString reviewer = QStringLiteral(R"(["api.groups.read","api.roles.read","api.audit.read"])");
    const QString keeper = QStringLiteral(R"(["api.billing.read","api.billing.write"])");
    const QVariant noTime(QMetaType(QMetaType::LongLong));
    const QList<std::pair<const char *, Columns>> rows{
        {"openai_groups",
         {{"id", QStringLiteral("g_aud")},
          {"name", QStringLiteral("Auditors")},
          {"group_type", QStringLiteral("group")},
          {"is_scim_managed", true},
          {"created_at", kNow - 86400}}},
        {"openai_groups",
         {{"id", QStringLiteral("g_ven")},
          {"name", QStringLiteral("Vendors")},
          {"group_type", QStringLiteral("tenant_group")},
          {"is_scim_managed", false},
          {"created_at", kNow - 86400}}},
        {"openai_groups",
         {{"id", QStringLiteral("g_old")},
          {"name", QStringLiteral("Old team")},
          {"group_type", QStringLiteral("group")},
          {"is_scim_managed", false},
          {"deleted_at", kNow}}},
        {"openai_group_users", {{"group_id", QStringLiteral("g_aud")}, {"user_id", uid(0)}}},
        {"openai_group_users", {{"group_id", QStringLiteral("g_aud")}, {"user_id", uid(1)}}},
        {"openai_group_users", {{"group_id", QStringLiteral("g_ven")}, {"user_id", uid(0)}}},
        {"openai_group_users",
         {{"group_id", QStringLiteral("g_ven")}, {"user_id", uid(2)}, {"removed_at", kNow}}},
        {"openai_roles",
         {{"id", QStringLiteral("r_rev")},
          {"name", QStringLiteral("Reviewer")},
          {"description", QStringLiteral("Reviews access.")},
          {"permissions", reviewer},
          {"resource_type", QStringLiteral("api.organization")},
          {"predefined_role", false}}},
        {"openai_roles",
         {{"id", QStringLiteral("r_keep")},
          {"name", QStringLiteral("Keeper")},
          {"permissions", keeper},
          {"resource_type", QStringLiteral("api.project")},
          {"predefined_role", false}}},
        {"openai_roles",
         {{"id", QStringLiteral("r_owner")},
          {"name", QStringLiteral("Owner")},
          {"permissions", QStringLiteral(R"(["a","b","c","d"])")},
          {"resource_type", QStringLiteral("api.organization")},
          {"predefined_role", true}}},
        {"openai_roles",
         {{"id", QStringLiteral("r_pmember")},
          {"name", QStringLiteral("Project Member")},
          {"permissions", QStringLiteral(R"(["a","b","c","d","e"])")},
          {"resource_type", QStringLiteral("api.project")},
          {"predefined_role", true}}},
        {"openai_group_roles",
         {{"group_id", QStringLiteral("g_aud")},
          {"role_id", QStringLiteral("r_rev")},
          {"name", QStringLiteral("Reviewer")},
          {"permissions", reviewer},
          {"resource_type", QStringLiteral("api.organization")},
          {"predefined_role", false}}},
        {"openai_user_roles",
         {{"user_id", uid(0)},
          {"role_id", QStringLiteral("r_rev")},
          {"name", QStringLiteral("Reviewer")},
          {"permissions", reviewer},
          {"predefined_role", false},
          {"assignment_sources", QStringLiteral(R"([{"principal_id":"g_aud","principal_type":"group"}])")}}},
        {"openai_user_roles",
         {{"user_id", uid(0)},
          {"role_id", QStringLiteral("r_keep")},
          {"name", QStringLiteral("Keeper")},
          {"permissions", keeper},
          {"predefined_role", false},
          {"assignment_sources", QStringLiteral(R"([{"principal_id":"user-00000","principal_type":"user"},)"
                                                R"({"principal_id":"g_ven","principal_type":"group"}])")}}},
        // The predefined role uid(0)'s organization role stands for: shown once, as the organization role.
        {"openai_user_roles",
         {{"user_id", uid(0)},
          {"role_id", QStringLiteral("r_owner")},
          {"name", QStringLiteral("Owner")},
          {"permissions", QStringLiteral(R"(["a","b","c","d"])")},
          {"resource_type", QStringLiteral("api.organization")},
          {"predefined_role", true}}},
        {"openai_user_roles",
         {{"user_id", uid(1)},
          {"role_id", QStringLiteral("r_keep")},
          {"name", QStringLiteral("Keeper")},
          {"permissions", keeper},
          {"predefined_role", false}}},
        {"openai_project_groups",
         {{"project_id", QStringLiteral("proj_a")},
          {"group_id", QStringLiteral("g_aud")},
          {"group_name", QStringLiteral("Auditors")},
          {"group_type", QStringLiteral("group")},
          {"created_at", kNow}}},
        {"openai_project_groups",
         {{"project_id", QStringLiteral("proj_b")},
          {"group_id", QStringLiteral("g_ven")},
          {"group_name", QStringLiteral("Vendors")},
          {"created_at", kNow},
          {"removed_at", kNow}}},
        {"openai_project_model_permissions",
         {{"project_id", QStringLiteral("proj_a")},
          {"mode", QStringLiteral("deny_list")},
          {"model_ids", QStringLiteral(R"(["o3"])")}}},
        {"openai_project_hosted_tool_permissions",
         {{"project_id", QStringLiteral("proj_a")},
          {"file_search", true},
          {"web_search", true},
          {"image_generation", false},
          {"mcp", true},
          {"code_interpreter", false}}},
        {"openai_data_retention",
         {{"project_id", QStringLiteral("proj_a")}, {"type", QStringLiteral("organization_default")}}},
        {"openai_data_retention",
         {{"project_id", QStringLiteral("")}, {"type", QStringLiteral("zero_data_retention")}}},
        {"openai_spend_alerts",
         {{"project_id", QStringLiteral("proj_a")},
          {"id", QStringLiteral("al_1")},
          {"threshold_amount", qint64(123456789)},
          {"currency", QStringLiteral("USD")},
          {"interval", QStringLiteral("month")},
          {"channel_type", QStringLiteral("email")},
          {"recipients", QStringLiteral(R"(["x@example.com","y@example.com"])")}}},
        {"openai_spend_alerts",
         {{"project_id", QStringLiteral("")},
          {"id", QStringLiteral("al_org")},
          {"threshold_amount", qint64(500)},
          {"currency", QStringLiteral("eur")},
          {"interval", QStringLiteral("week")},
          {"recipients", QStringLiteral("[]")}}},
        {"openai_spend_limits",
         {{"project_id", QStringLiteral("")},
          {"threshold_amount", qint64(100000)},
          {"currency", QStringLiteral("USD")},
          {"interval", QStringLiteral("month")},
          {"enforcement_status", QStringLiteral("enforcing")}}},
    };
    for (const auto &[table, columns] : rows) {
        QVariantMap cols;
        for (const auto &[name, value] : columns)
            cols.insert(QLatin1String(name), value);
        if (auto r = test::insertSyncedRow(db, kOrg, QLatin1String(table), cols, kNow); !r)
            return err(Error::Code::Database, QLatin1String(table) + u": " + r.errorMessage());
    }
    return {};
}

QStringList shownRows(const QAbstractItemModel &m)
{
    QStringList rows;
    for (int r = 0; r < m.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m.columnCount(); ++c)
            cells << m.index(r, c).data().toString();
        rows << cells.join(QStringLiteral(" | "));
    }
    return rows;
}
} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyModelPassesTheTester();
    void membersFilterSortAndFetch();
    void refreshKeepsSelection();
    void asyncLoadsOffTheGuiThread();
    void asyncDropsStaleAnswers();
    void asyncRefreshKeepsSelection();
    void asyncOnPostgres();
    void keyFilters();
    void usageReadsOneGroupBySet();
    void costsAreExact();
    void asOfFollowsTheSnapshot();
    void dashboardCounts();
    void detailModelsPassTheTester();
    void filterValuesAreBound();
    void auditTypeIsBound();
    void valuesAreBoundWithoutStandardStrings();
    void stackByIsWhitelisted();
    void workerKeyHoldsNoPassword();
    void accessModelsOnBothEngines_data();
    void accessModelsOnBothEngines();
    void spendAmountsReadAsMoney();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

void TestModels::initTestCase()
{
    m_db = test::openSqlite(m_dir);
    Database &db = *m_db;
    QVERIFY(db.run(QStringLiteral("INSERT INTO organizations (org_key, display_name, source, snapshot_at, "
                                  "created_at) VALUES (?, 'T', 'fixtures', ?, ?)"),
                   {kOrg, kNow, kNow}));
    QVERIFY(db.begin());
    for (int i = 0; i < 1000; ++i) {
        insert(db, QStringLiteral("openai_users"),
               {{QStringLiteral("id"), uid(i)},
                {QStringLiteral("name"), QStringLiteral("Person %1").arg(i, 4, 10, QLatin1Char('0'))},
                {QStringLiteral("email"), QStringLiteral("p%1@example.com").arg(i)},
                {QStringLiteral("role"), i % 10 == 0 ? QStringLiteral("owner") : QStringLiteral("reader")},
                {QStringLiteral("added_at"), kNow - i * 3600},
                {QStringLiteral("deleted_at"),
                 i % 100 == 5 ? QVariant(kNow) : QVariant(QMetaType(QMetaType::LongLong))}});
        if (i % 2 == 0)
            insert(db, QStringLiteral("openai_project_members"),
                   {{QStringLiteral("project_id"), QStringLiteral("proj_a")},
                    {QStringLiteral("user_id"), uid(i)},
                    {QStringLiteral("role"), QStringLiteral("member")}});
    }
    for (int i = 0; i < 300; ++i)
        insert(db, QStringLiteral("openai_project_api_keys"),
               {{QStringLiteral("project_id"), QStringLiteral("proj_a")},
                {QStringLiteral("id"), QStringLiteral("key_%1").arg(i)},
                {QStringLiteral("name"), QStringLiteral("key %1").arg(i)},
                {QStringLiteral("owner_type"), QStringLiteral("user")},
                {QStringLiteral("owner_id"), uid(i)},
                {QStringLiteral("created_at"), kNow - 400 * 86400 + i * 86400},
                {QStringLiteral("last_used_at"),
                 i < 100 ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(kNow - (i % 200) * 86400)}});
    insert(db, QStringLiteral("openai_projects"),
           {{QStringLiteral("id"), QStringLiteral("proj_a")},
            {QStringLiteral("name"), QStringLiteral("Alpha")},
            {QStringLiteral("status"), QStringLiteral("active")}});
    insert(db, QStringLiteral("openai_projects"),
           {{QStringLiteral("id"), QStringLiteral("proj_b")},
            {QStringLiteral("name"), QStringLiteral("Beta")},
            {QStringLiteral("status"), QStringLiteral("archived")}});
    if (auto r = insertAccessRows(db); !r) QFAIL(qPrintable(r.errorMessage()));
    insert(db, QStringLiteral("openai_certificates"),
           {{QStringLiteral("id"), QStringLiteral("cert_1")},
            {QStringLiteral("name"), QStringLiteral("soon")},
            {QStringLiteral("expires_at"), kNow + 3 * 86400}});
    insert(db, QStringLiteral("openai_certificates"),
           {{QStringLiteral("id"), QStringLiteral("cert_2")},
            {QStringLiteral("name"), QStringLiteral("later")},
            {QStringLiteral("expires_at"), kNow + 60 * 86400}});
    insert(db, QStringLiteral("openai_audit_logs"),
           {{QStringLiteral("id"), QStringLiteral("a1")},
            {QStringLiteral("type"), QStringLiteral("user.added")},
            {QStringLiteral("effective_at"), kNow - 10},
            {QStringLiteral("payload"), QStringLiteral("{\"x\":1}")}});
    insert(db, QStringLiteral("openai_invites"),
           {{QStringLiteral("id"), QStringLiteral("inv1")},
            {QStringLiteral("email"), QStringLiteral("new@example.com")},
            {QStringLiteral("status"), QStringLiteral("pending")},
            {QStringLiteral("expires_at"), kNow + 86400}});
    insert(db, QStringLiteral("openai_invites"),
           {{QStringLiteral("id"), QStringLiteral("inv2")},
            {QStringLiteral("email"), QStringLiteral("old@example.com")},
            {QStringLiteral("status"), QStringLiteral("pending")},
            {QStringLiteral("expires_at"), kNow - 86400}});
    insert(db, QStringLiteral("openai_admin_sync_runs"),
           {{QStringLiteral("id"), QStringLiteral("run1")},
            {QStringLiteral("source"), QStringLiteral("live")},
            {QStringLiteral("started_at"), kNow - 100},
            {QStringLiteral("status"), QStringLiteral("complete")},
            {QStringLiteral("counts"), QStringLiteral("{\"users\":{\"added\":3}}")}});
    insert(db, QStringLiteral("openai_admin_cursors"),
           {{QStringLiteral("endpoint"), QStringLiteral("users")}});
    // The same traffic stored under two group_by sets: '' (totals) and 'model'. 10 days.
    for (int d = 0; d < 10; ++d) {
        const qint64 start = kNow - (10 - d) * 86400;
        auto usage = [&](const QString &gb, const QVariant &model, qint64 tokens, const QString &id) {
            insert(db, QStringLiteral("usage_events"),
                   {{QStringLiteral("id"), id},
                    {QStringLiteral("kind"), QStringLiteral("completions")},
                    {QStringLiteral("group_by"), gb},
                    {QStringLiteral("bucket_width"), QStringLiteral("1d")},
                    {QStringLiteral("bucket_start"), start},
                    {QStringLiteral("bucket_end"), start + 86400},
                    {QStringLiteral("model"), model},
                    {QStringLiteral("input_tokens"), tokens}});
        };
        usage(QStringLiteral(""), QVariant(QMetaType(QMetaType::QString)), 300, QStringLiteral("t%1").arg(d));
        usage(QStringLiteral("model"), QStringLiteral("gpt-a"), 100, QStringLiteral("a%1").arg(d));
        usage(QStringLiteral("model"), QStringLiteral("gpt-b"), 200, QStringLiteral("b%1").arg(d));
        auto cost = [&](const QString &gb, const QVariant &project, const QString &amount,
                        const QString &id) {
            insert(db, QStringLiteral("openai_costs"),
                   {{QStringLiteral("id"), id},
                    {QStringLiteral("group_by"), gb},
                    {QStringLiteral("bucket_width"), QStringLiteral("1d")},
                    {QStringLiteral("bucket_start"), start},
                    {QStringLiteral("bucket_end"), start + 86400},
                    {QStringLiteral("project_id"), project},
                    {QStringLiteral("amount"), amount},
                    {QStringLiteral("currency"), QStringLiteral("usd")}});
        };
        cost(QStringLiteral(""), QVariant(QMetaType(QMetaType::QString)), QStringLiteral("0.3"),
             QStringLiteral("ct%1").arg(d));
        cost(QStringLiteral("project_id"), QStringLiteral("proj_a"), QStringLiteral("0.1"),
             QStringLiteral("ca%1").arg(d));
        cost(QStringLiteral("project_id"), QStringLiteral("proj_b"), QStringLiteral("0.2"),
             QStringLiteral("cb%1").arg(d));
    }
    QVERIFY(db.commit());
}

void TestModels::everyModelPassesTheTester()
{
    Database &db = *m_db;
    QList<SqlTableModel *> models{new MembersModel(db, this),      new InvitesModel(db, this),
                                  new ProjectsModel(db, this),     new KeysModel(db, this),
                                  new CertificatesModel(db, this), new AuditLogModel(db, this),
                                  new SyncRunsModel(db, this),     new CursorsModel(db, this),
                                  new GroupsModel(db, this),       new RolesModel(db, this)};
    for (SqlTableModel *m : models) {
        QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m->setOrgKey(kOrg);
        QVERIFY2(m->lastError().isEmpty(), qPrintable(m->lastError()));
        QVERIFY2(m->rowCount() > 0, m->metaObject()->className());
        for (int c = 0; c < m->columnCount(); ++c)
            m->sort(c, c % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
        QVERIFY2(m->lastError().isEmpty(), qPrintable(m->lastError()));
        m->setFilterText(QStringLiteral("e"));
        while (m->canFetchMore({}))
            m->fetchMore({});
        m->refresh();
        m->setFilterText(QString());
        QVERIFY2(m->lastError().isEmpty(), qPrintable(m->lastError()));
    }
    UsageRequest r;
    r.orgKey = kOrg;
    r.stackBy = QStringLiteral("model");
    r.from = kNow - 10 * 86400;
    r.to = kNow;
    auto s = queryUsage(db, r);
    QVERIFY(s.ok());
    SeriesTableModel series;
    QAbstractItemModelTester tester(&series, QAbstractItemModelTester::FailureReportingMode::QtTest);
    series.setUsage(*s, Granularity::Day);
    QCOMPARE(series.rowCount(), 10);
    QCOMPARE(series.columnCount(), 4); // period, gpt-a, gpt-b, total
}

void TestModels::membersFilterSortAndFetch()
{
    MembersModel m(*m_db);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setOrgKey(kOrg);
    QCOMPARE(m.totalRows(), 1000);
    QCOMPARE(m.rowCount(), 400); // first block only
    m.fetchMore({});
    QCOMPARE(m.rowCount(), 800);
    m.sort(MembersModel::Email, Qt::DescendingOrder);
    QCOMPARE(m.rowCount(), 400);
    QCOMPARE(m.index(0, MembersModel::Email).data().toString(),
             QStringLiteral("p9@example.com")); // text order: "@" > "9"
    m.sort(MembersModel::Name, Qt::AscendingOrder);
    QCOMPARE(m.index(0, MembersModel::Name).data().toString(), QStringLiteral("Person 0000"));
    QCOMPARE(m.index(0, MembersModel::Projects).data(SqlTableModel::RawRole).toInt(), 1);
    QCOMPARE(m.index(1, MembersModel::Projects).data(SqlTableModel::RawRole).toInt(), 0);
    QCOMPARE(m.index(1, MembersModel::Keys).data(SqlTableModel::RawRole).toInt(), 1);
    m.setFilterText(QStringLiteral("person 012"));
    QCOMPARE(m.totalRows(), 11); // every word matches: "Person 0012" and "Person 0120".."Person 0129"
    QCOMPARE(m.rowCount(), 11);
    m.setFilterText(QString());
    m.setExtraCondition(MembersModel::filterCondition(MembersModel::Filter::InNoProject));
    QCOMPARE(m.totalRows(), 490); // 500 odd ids, minus the 10 removed (i % 100 == 5)
    m.setExtraCondition({});
    // Removed members are shown muted.
    const int row = m.rowOfId(uid(5));
    QVERIFY(row >= 0);
    QVERIFY(m.index(row, 0).data(Qt::FontRole).value<QFont>().italic());
}

void TestModels::refreshKeepsSelection()
{
    MembersModel m(*m_db);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setOrgKey(kOrg);
    m.sort(MembersModel::Name, Qt::AscendingOrder);
    m.fetchMore({}); // 800 loaded: refresh must keep them loaded
    QCOMPARE(m.rowCount(), 800);
    QItemSelectionModel sel(&m);
    sel.setCurrentIndex(m.index(500, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString id = m.idAt(500);
    // A sync adds a member that sorts first.
    insert(*m_db, QStringLiteral("openai_users"),
           {{QStringLiteral("id"), QStringLiteral("user-new")},
            {QStringLiteral("name"), QStringLiteral("Person -new")}});
    m.refresh();
    QVERIFY(m.rowCount() >= 800); // loaded rows stay loaded (the tester may fetch one more block)
    QCOMPARE(m.totalRows(), 1001);
    QCOMPARE(m.idAt(0), QStringLiteral("user-new"));
    QCOMPARE(sel.currentIndex().row(), 501);
    QCOMPARE(m.idAt(sel.currentIndex().row()), id);
    QVERIFY(sel.isRowSelected(501));
    QVERIFY(m_db->run(QStringLiteral("DELETE FROM openai_users WHERE id = 'user-new'")));
    m.refresh();
    QCOMPARE(m.idAt(sel.currentIndex().row()), id);
    QCOMPARE(sel.currentIndex().row(), 500);
}

void TestModels::asyncLoadsOffTheGuiThread()
{
    MembersModel m(*m_db);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setAsync(true);
    QVERIFY(m.isAsync());
    QSignalSpy loading(&m, &SqlTableModel::loadingChanged);
    m.setOrgKey(kOrg);
    // Nothing ran on this thread: no rows yet, and the model says it is loading.
    QCOMPARE(m.rowCount(), 0);
    QVERIFY(m.isLoading());
    QCOMPARE(loading.value(0).value(0).toBool(), true);
    QTRY_VERIFY(!m.isLoading());
    QCOMPARE(loading.last().value(0).toBool(), false);
    QCOMPARE(m.totalRows(), 1000);
    QCOMPARE(m.rowCount(), 400);
    QVERIFY(m.lastError().isEmpty());
    // A block arrives later too.
    QVERIFY(m.canFetchMore({}));
    m.fetchMore({});
    QCOMPARE(m.rowCount(), 400);
    QTRY_COMPARE(m.rowCount(), 800);
    // Sort and filter give the same answers as the synchronous model.
    m.sort(MembersModel::Email, Qt::DescendingOrder);
    QCOMPARE(m.rowCount(), 0);
    QTRY_COMPARE(m.rowCount(), 400);
    QCOMPARE(m.index(0, MembersModel::Email).data().toString(), QStringLiteral("p9@example.com"));
    QCOMPARE(m.totalRows(), 1000); // kept across the sort (not recounted)
    m.setFilterText(QStringLiteral("person 012"));
    QTRY_VERIFY(!m.isLoading());
    QCOMPARE(m.totalRows(), 11);
    QCOMPARE(m.rowCount(), 11);
    QVERIFY(!m.canFetchMore({}));
    // A broken query reports its error instead of rows.
    m.setExtraCondition({QStringLiteral("no_such_column = 1"), {}});
    QTRY_VERIFY(!m.isLoading());
    QVERIFY(!m.lastError().isEmpty());
    QCOMPARE(m.rowCount(), 0);
}

void TestModels::asyncDropsStaleAnswers()
{
    MembersModel m(*m_db);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setAsync(true);
    m.setOrgKey(kOrg);
    // Several changes before any answer: only the last question's answer may land.
    m.setFilterText(QStringLiteral("person 012"));
    m.setFilterText(QStringLiteral("person 0999"));
    int resets = 0;
    connect(&m, &SqlTableModel::rowsInserted, this, [&] { ++resets; });
    QTRY_VERIFY(m.isIdle());
    // Let any answer still queued for this thread arrive: a stale one would change the rows.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(m.totalRows(), 1);
    QCOMPARE(m.rowCount(), 1);
    QCOMPARE(m.idAt(0), uid(999));
    QCOMPARE(resets, 1); // one answer landed: the last one
    // An answer for the old org after switching to none is dropped as well.
    m.setFilterText(QString());
    m.setOrgKey(QString());
    QVERIFY(!m.isLoading());
    QCOMPARE(m.rowCount(), 0);
    QTest::qWait(0);
    QCoreApplication::processEvents();
    QCOMPARE(m.rowCount(), 0);
    QCOMPARE(m.totalRows(), 0);
}

void TestModels::asyncRefreshKeepsSelection()
{
    MembersModel m(*m_db);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setAsync(true);
    m.setOrgKey(kOrg);
    m.sort(MembersModel::Name, Qt::AscendingOrder);
    QTRY_COMPARE(m.rowCount(), 400);
    m.fetchMore({});
    QTRY_COMPARE(m.rowCount(), 800);
    QItemSelectionModel sel(&m);
    sel.setCurrentIndex(m.index(500, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString id = m.idAt(500);
    insert(*m_db, QStringLiteral("openai_users"),
           {{QStringLiteral("id"), QStringLiteral("user-new")},
            {QStringLiteral("name"), QStringLiteral("Person -new")}});
    QSignalSpy reloaded(&m, &SqlTableModel::reloaded);
    m.refresh();
    QCOMPARE(m.rowCount(), 800); // rows stay while the refresh runs
    QCOMPARE(m.idAt(sel.currentIndex().row()), id);
    QVERIFY(reloaded.wait());
    QTRY_VERIFY(m.isIdle());
    QCOMPARE(m.totalRows(), 1001);
    QCOMPARE(m.idAt(0), QStringLiteral("user-new"));
    QCOMPARE(sel.currentIndex().row(), 501);
    QCOMPARE(m.idAt(sel.currentIndex().row()), id);
    QVERIFY(sel.isRowSelected(501));
    QVERIFY(m_db->run(QStringLiteral("DELETE FROM openai_users WHERE id = 'user-new'")));
    m.refresh();
    QVERIFY(reloaded.wait());
    QCOMPARE(sel.currentIndex().row(), 500);
    QCOMPARE(m.idAt(sel.currentIndex().row()), id);
}

void TestModels::asyncOnPostgres()
{
    QString why;
    auto pg = test::openPostgres(QStringLiteral("models_async"), &why);
    if (!pg) {
        if (test::postgresRequired()) QFAIL(qPrintable(why));
        QSKIP(qPrintable(why));
    }
    Database &db = *pg;
    QVERIFY(db.begin());
    for (int i = 0; i < 900; ++i)
        QVERIFY(db.run(
            QStringLiteral("INSERT INTO openai_users (org_key, id, name, email, role, added_at, row_hash, "
                           "first_seen_at, updated_at) VALUES (?, ?, ?, ?, 'reader', ?, 'h', ?, ?)"),
            {kOrg, uid(i), QStringLiteral("Person %1").arg(i, 4, 10, QLatin1Char('0')),
             QStringLiteral("P%1@Example.com").arg(i), db.bindTimestamp(kNow - i * 60),
             db.bindTimestamp(kNow), db.bindTimestamp(kNow)}));
    QVERIFY(db.commit());
    MembersModel m(db);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setAsync(true);
    QVERIFY(m.isAsync());
    m.setOrgKey(kOrg);
    QTRY_VERIFY(m.isIdle());
    QVERIFY2(m.lastError().isEmpty(), qPrintable(m.lastError()));
    QCOMPARE(m.totalRows(), 900);
    QCOMPARE(m.rowCount(), 400);
    m.sort(MembersModel::Added, Qt::AscendingOrder);
    QTRY_VERIFY(m.isIdle());
    QCOMPARE(m.idAt(0), uid(899));
    QVERIFY(m.index(0, MembersModel::Added).data().toString().startsWith(u'2'));
    m.setFilterText(QStringLiteral("p12@example")); // ILIKE: case does not matter
    QTRY_VERIFY(m.isIdle());
    QCOMPARE(m.totalRows(), 1);
    QCOMPARE(m.idAt(0), uid(12));
}

void TestModels::keyFilters()
{
    KeysModel m(*m_db);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setNow(kNow);
    m.setOrgKey(kOrg);
    QCOMPARE(m.totalRows(), 300);
    // Never used (100, all older than 90 days) + used more than 90 days ago ((i % 200) > 90 → 109 of
    // 100..299).
    m.setExtraCondition(m.filterCondition(KeysModel::Filter::Unused90Days));
    auto expected = m_db->scalar(
        QStringLiteral(
            "SELECT COUNT(*) FROM openai_project_api_keys WHERE COALESCE(last_used_at, created_at) < ?"),
        {kNow - 90 * 86400});
    QVERIFY(expected.ok());
    QCOMPARE(m.totalRows(), expected->toLongLong());
    QVERIFY(m.totalRows() > 100 && m.totalRows() < 300);
    m.setExtraCondition(m.filterCondition(KeysModel::Filter::OlderThanYear));
    QCOMPARE(m.totalRows(), 35); // created 400..366 days ago
    m.setExtraCondition(m.filterCondition(KeysModel::Filter::OwnedByRemoved));
    QCOMPARE(m.totalRows(), 3); // users 5, 105, 205
    m.setExtraCondition({});
    m.sort(KeysModel::AgeDays, Qt::DescendingOrder);
    QCOMPARE(m.index(0, KeysModel::AgeDays).data(SqlTableModel::RawRole).toLongLong(), 400);
}

void TestModels::usageReadsOneGroupBySet()
{
    UsageRequest r;
    r.orgKey = kOrg;
    r.from = kNow - 10 * 86400;
    r.to = kNow;
    r.stackBy = QStringLiteral("model");
    auto byModel = queryUsage(*m_db, r);
    QVERIFY(byModel.ok());
    QCOMPARE(byModel->set.groupBy, QStringLiteral("model"));
    QCOMPARE(byModel->stackKeys, (QStringList{QStringLiteral("gpt-b"), QStringLiteral("gpt-a")}));
    QCOMPARE(byModel->total(), 3000); // not 6000: the '' set is not added in
    r.stackBy.clear();
    auto total = queryUsage(*m_db, r);
    QVERIFY(total.ok());
    QCOMPARE(total->set.groupBy, QString());
    QCOMPARE(total->total(), 3000);
    r.granularity = Granularity::Month;
    auto monthly = queryUsage(*m_db, r);
    QVERIFY(monthly.ok());
    QCOMPARE(monthly->buckets.size(), 1); // 2026-11-10 .. 2026-11-19: one month
    QCOMPARE(monthly->total(), 3000);
    r.stackBy = QStringLiteral("user_id");
    auto none = queryUsage(*m_db, r);
    QVERIFY(none.ok());
    QVERIFY(!none->set.isValid()); // no set grouped by user: an empty state, not a wrong number
}

void TestModels::costsAreExact()
{
    CostRequest r;
    r.orgKey = kOrg;
    r.from = kNow - 10 * 86400;
    r.to = kNow;
    auto c = queryCosts(*m_db, r);
    QVERIFY(c.ok());
    QCOMPARE(c->set.groupBy, QStringLiteral("project_id"));
    QCOMPARE(c->currency, QStringLiteral("usd"));
    QCOMPARE(c->total().toString(), QStringLiteral("3")); // 10 × (0.1 + 0.2), exactly
    QCOMPARE(c->cumulative().first().toString(), QStringLiteral("0.3"));
    QString cur;
    auto t = costTotal(*m_db, kOrg, r.from, r.to, &cur);
    QVERIFY(t.ok());
    QCOMPARE(t->toString(), QStringLiteral("3"));
    ProjectsModel p(*m_db);
    QAbstractItemModelTester tester(&p, QAbstractItemModelTester::FailureReportingMode::QtTest);
    p.setCostWindow(c->set.groupBy, c->set.bucketWidth, r.from, r.to);
    p.setOrgKey(kOrg);
    p.sort(ProjectsModel::CostMtd, Qt::DescendingOrder);
    QCOMPARE(p.index(0, ProjectsModel::Name).data().toString(), QStringLiteral("Beta"));
    QCOMPARE(Decimal::parse(p.index(0, ProjectsModel::CostMtd).data().toString())->toString(),
             QStringLiteral("2"));
    QVERIFY(p.index(0, 0).data(Qt::FontRole).value<QFont>().italic()); // archived
}

void TestModels::asOfFollowsTheSnapshot()
{
    QCOMPARE(orgNowSecs(*m_db, kOrg), kNow);
    Clock::freezeAt(kNow + 12345);
    QCOMPARE(orgNowSecs(*m_db, QStringLiteral("live-org")), kNow + 12345);
    Clock::reset();
    QCOMPARE(monthStartSecs(kNow), 1793491200);         // 2026-11-01
    QCOMPARE(previousMonthSamePoint(kNow), 1792454400); // 2026-10-20
}

void TestModels::dashboardCounts()
{
    auto s = loadDashboard(*m_db, kOrg);
    QVERIFY2(s.ok(), qPrintable(s.errorMessage()));
    QCOMPARE(s->now, kNow);
    QCOMPARE(s->certificatesExpiring14Days, 1);
    QCOMPARE(s->invitesPending, 1);
    QCOMPARE(s->membersWithoutProject, 490);
    QCOMPARE(s->lastSyncStatus, QStringLiteral("complete"));
    QCOMPARE(s->spendMonthToDate.toString(),
             QStringLiteral("3")); // Nov 10..19: 10 days × 0.3, one group_by set
    QVERIFY(s->spendPreviousMonthSamePoint.isZero());
    QCOMPARE(s->topProjects.value(0).first, QStringLiteral("Beta (proj_b)"));
    QCOMPARE(s->topProjects.value(0).second.toString(), QStringLiteral("2"));
}

void TestModels::detailModelsPassTheTester()
{
    using Kind = DetailTableModel::Kind;
    const QList<QPair<Kind, QString>> parents{{Kind::MemberProjects, uid(0)},
                                              {Kind::MemberKeys, uid(0)},
                                              {Kind::MemberAuditEvents, uid(0)},
                                              {Kind::ProjectMembers, QStringLiteral("proj_a")},
                                              {Kind::ProjectServiceAccounts, QStringLiteral("proj_a")},
                                              {Kind::ProjectKeys, QStringLiteral("proj_a")},
                                              {Kind::ProjectRateLimits, QStringLiteral("proj_a")},
                                              {Kind::ProjectCertificates, QStringLiteral("proj_a")},
                                              {Kind::CertificateEvents, QStringLiteral("cert_1")},
                                              {Kind::MemberAccess, uid(0)},
                                              {Kind::ProjectGroups, QStringLiteral("proj_a")},
                                              {Kind::ProjectSpendAlerts, QStringLiteral("proj_a")},
                                              {Kind::GroupMembers, QStringLiteral("g_aud")},
                                              {Kind::GroupRoles, QStringLiteral("g_aud")},
                                              {Kind::GroupProjects, QStringLiteral("g_aud")},
                                              {Kind::RolePermissions, QStringLiteral("r_rev")},
                                              {Kind::RoleHolders, QStringLiteral("r_keep")},
                                              {Kind::ServiceAccounts, QString()}};
    const QList<Kind> migration11{Kind::MemberAccess,    Kind::ProjectGroups, Kind::ProjectSpendAlerts,
                                  Kind::GroupMembers,    Kind::GroupRoles,    Kind::GroupProjects,
                                  Kind::RolePermissions, Kind::RoleHolders};
    for (const auto &[kind, parent] : parents) {
        DetailTableModel m(*m_db, kind);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        if (kind == Kind::ServiceAccounts)
            m.setOrgKey(kOrg);
        else
            m.showParent(kOrg, parent);
        QVERIFY2(m.lastError().isEmpty(), qPrintable(m.lastError()));
        if (migration11.contains(kind)) QVERIFY2(m.rowCount() > 0, qPrintable(QString::number(int(kind))));
        for (int c = 0; c < m.columnCount(); ++c)
            m.sort(c, Qt::DescendingOrder);
        QVERIFY2(m.lastError().isEmpty(), qPrintable(m.lastError()));
        m.setFilterText(QStringLiteral("a"));
        QVERIFY2(m.lastError().isEmpty(), qPrintable(m.lastError()));
        m.showParent(kOrg, QString()); // nothing selected: no rows, no query
        QCOMPARE(m.rowCount(), kind == Kind::ServiceAccounts ? m.rowCount() : 0);
    }
    DetailTableModel keys(*m_db, Kind::MemberKeys);
    keys.showParent(kOrg, uid(7));
    QCOMPARE(keys.totalRows(), 1);
    QCOMPARE(keys.index(0, 0).data().toString(), QStringLiteral("key 7"));
    DetailTableModel members(*m_db, Kind::ProjectMembers);
    members.showParent(kOrg, QStringLiteral("proj_a"));
    QCOMPARE(members.totalRows(), 500);
}

// Values that would end or extend an SQL literal, or act as LIKE wildcards, find exactly the rows that hold
// them (finding 8): every value is bound, and % and _ in a search word match themselves.
void TestModels::filterValuesAreBound()
{
    const QString org = QStringLiteral("inj");
    const QStringList names{QStringLiteral("O'Brien"),     QStringLiteral("back\\slash"),
                            QStringLiteral("50%"),         QStringLiteral("50 percent"),
                            QStringLiteral("under_score"), QStringLiteral("underXscore"),
                            QStringLiteral("dash--dash"),  QStringLiteral("'); DROP TABLE openai_users; --")};
    for (int i = 0; i < names.size(); ++i)
        QVERIFY(
            m_db->run(QStringLiteral("INSERT INTO openai_users (org_key, id, name, email, role, row_hash, "
                                     "first_seen_at, updated_at) VALUES (?, ?, ?, ?, 'reader', 'h', ?, ?)"),
                      {org, QStringLiteral("inj-%1").arg(i), names[i],
                       QStringLiteral("m%1@example.com").arg(i), kNow, kNow}));
    MembersModel m(*m_db);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setOrgKey(org);
    QCOMPARE(m.totalRows(), names.size());
    const QList<QPair<QString, int>> searches{
        {QStringLiteral("'"), 2}, // O'Brien and the DROP line
        {QStringLiteral("O'B"), 1}, {QStringLiteral("\\"), 1}, {QStringLiteral("50%"), 1}, // not "50 percent"
        {QStringLiteral("r_s"), 1}, // not "underXscore"
        {QStringLiteral("_"), 2},   // under_score and openai_users
        {QStringLiteral("%"), 1},   {QStringLiteral("--"), 2}, {names.last(), 1}};
    for (const auto &[word, rows] : searches) {
        m.setFilterText(word);
        QVERIFY2(m.lastError().isEmpty(), qPrintable(m.lastError()));
        QVERIFY2(m.totalRows() == rows,
                 qPrintable(QStringLiteral("%1: %2 rows").arg(word).arg(m.totalRows())));
    }
    m.setFilterText(names.last());
    QCOMPARE(m.idAt(0), QStringLiteral("inj-7"));
    // The export runs the same bound statement.
    QTemporaryDir out;
    ExportProgress progress;
    auto written = writeTableCsv(*m_db, m.exportQuery(), out.filePath(QStringLiteral("m.csv")), progress);
    QVERIFY2(written.ok(), qPrintable(written.errorMessage()));
    QCOMPARE(*written, 1);
    auto users = m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM openai_users WHERE org_key = ?"), {org});
    QVERIFY2(users.ok(), qPrintable(users.errorMessage())); // the table is still there
    QCOMPARE(users->toInt(), names.size());
    QVERIFY(m_db->run(QStringLiteral("DELETE FROM openai_users WHERE org_key = ?"), {org}));
}

void TestModels::auditTypeIsBound()
{
    AuditLogModel m(*m_db);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setOrgKey(kOrg);
    m.setFilter(QStringLiteral("user.added"), 0);
    QCOMPARE(m.totalRows(), 1);
    m.setFilter(QStringLiteral("x' OR '1'='1"), 0);
    QVERIFY2(m.lastError().isEmpty(), qPrintable(m.lastError()));
    QCOMPARE(m.totalRows(), 0);
    m.setFilter(QString(), kNow + 1); // nothing after now
    QCOMPARE(m.totalRows(), 0);
    m.setFilter(QString(), kNow - 60);
    QCOMPARE(m.totalRows(), 1);
    QCOMPARE(m.eventTypes(), QStringList{QStringLiteral("user.added")});
}

// With standard_conforming_strings off, a backslash in a literal escapes the next quote: the removed
// textLiteral() turned the type a\' OR 1=1 -- into 'a\'' OR 1=1 --', which then matched every event.
// Bound values cannot be read as SQL, whatever the session's settings.
void TestModels::valuesAreBoundWithoutStandardStrings()
{
    auto created = test::openPostgresOrFail(QStringLiteral("models_bind"));
    if (!created) return;
    // A database whose sessions start with the old string syntax. Set for the database, not with SET in a
    // session: Qt's PostgreSQL driver writes bound values into its EXECUTE statement itself and learns
    // whether backslashes escape only when it connects (a later SET would break bound values too).
    QVERIFY(created->run(QStringLiteral("ALTER DATABASE \"%1\" SET standard_conforming_strings = off")
                             .arg(created->url().database)));
    QVERIFY(created->run(QStringLiteral("ALTER DATABASE \"%1\" SET escape_string_warning = off")
                             .arg(created->url().database)));
    auto opened = Database::open(created->url());
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    Database &db = **opened;
    QCOMPARE(db.scalar(QStringLiteral("SHOW standard_conforming_strings"))->toString(),
             QStringLiteral("off"));
    const QString evil = QStringLiteral("a\\' OR 1=1 --");
    int n = 0;
    for (const QString &type : {evil, QStringLiteral("user.added"), QStringLiteral("user.removed")}) {
        auto r =
            db.run(QStringLiteral("INSERT INTO openai_audit_logs (org_key, id, type, effective_at, row_hash, "
                                  "first_seen_at, updated_at) VALUES (?, ?, ?, ?, 'h', ?, ?)"),
                   {kOrg, QStringLiteral("e%1").arg(n++), type, db.bindTimestamp(kNow),
                    db.bindTimestamp(kNow), db.bindTimestamp(kNow)});
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    }
    AuditLogModel audit(db);
    QAbstractItemModelTester tester(&audit, QAbstractItemModelTester::FailureReportingMode::QtTest);
    audit.setOrgKey(kOrg);
    QCOMPARE(audit.totalRows(), 3);
    audit.setFilter(evil, 0);
    QVERIFY2(audit.lastError().isEmpty(), qPrintable(audit.lastError()));
    QCOMPARE(audit.totalRows(), 1);
    QCOMPARE(audit.index(0, AuditLogModel::Type).data().toString(), evil);
    audit.setFilter(QString(), 0);
    audit.setFilterText(QStringLiteral("a\\'"));
    QVERIFY2(audit.lastError().isEmpty(), qPrintable(audit.lastError()));
    QCOMPARE(audit.totalRows(), 1);
    // The projects' cost column binds the costs set it sums.
    ProjectsModel projects(db);
    projects.setCostWindow(evil, QStringLiteral("1d"), kNow - 86400, kNow);
    projects.setOrgKey(kOrg);
    QVERIFY2(projects.lastError().isEmpty(), qPrintable(projects.lastError()));
    QVERIFY(db.scalar(QStringLiteral("SELECT COUNT(*) FROM openai_audit_logs")).ok());
}

// stackBy names a column: a name outside the fixed lists is refused, never spliced into the statement.
void TestModels::stackByIsWhitelisted()
{
    UsageRequest u;
    u.orgKey = kOrg;
    u.from = kNow - 10 * 86400;
    u.to = kNow;
    for (const QString &bad : {QStringLiteral("model) FROM usage_events; DROP TABLE usage_events; --"),
                               QStringLiteral("input_tokens"), QStringLiteral("MODEL")}) {
        u.stackBy = bad;
        auto s = queryUsage(*m_db, u);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, Error::Code::Usage);
        QVERIFY(s.errorMessage().contains(QLatin1String("model")));
    }
    u.stackBy = QStringLiteral("model");
    u.metric = QStringLiteral("input_tokens; DROP TABLE usage_events");
    QVERIFY(!queryUsage(*m_db, u).ok());
    CostRequest c;
    c.orgKey = kOrg;
    c.from = u.from;
    c.to = u.to;
    for (const QString &bad : {QStringLiteral("amount"), QStringLiteral("project_id, amount")}) {
        c.stackBy = bad;
        auto s = queryCosts(*m_db, c);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, Error::Code::Usage);
    }
    for (const QString &good : costDimensionColumns()) {
        c.stackBy = good;
        QVERIFY2(queryCosts(*m_db, c).ok(), qPrintable(good));
    }
    u.metric = QStringLiteral("input_tokens");
    auto ok = queryUsage(*m_db, u);
    QVERIFY(ok.ok());
    QCOMPARE(ok->total(), 3000); // the table is intact
}

// The worker registry is keyed without the connection's password (finding 11).
void TestModels::workerKeyHoldsNoPassword()
{
    auto url = DatabaseUrl::parse(
        QStringLiteral("postgresql://alice:hunter2secret@db.example:5433/org?sslmode=verify-full"));
    QVERIFY2(url.ok(), qPrintable(url.errorMessage()));
    int a = 0, b = 0;
    const QString key = SqlFetchWorker::workerKey(*url, &a);
    QVERIFY(!key.contains(QLatin1String("hunter2")));
    QVERIFY(key.contains(QLatin1String("alice")));
    QVERIFY(key.contains(QLatin1String("db.example")));
    QVERIFY(key != SqlFetchWorker::workerKey(*url, &b)); // one worker per connection
    DatabaseUrl other = *url;
    other.password = QStringLiteral("different");
    QCOMPARE(SqlFetchWorker::workerKey(other, &a), key);
}

void TestModels::accessModelsOnBothEngines_data()
{
    test::addEngineRows();
}

// The JSON in the access queries is per engine (jsonsql.h): the same rows read the same on both.
void TestModels::accessModelsOnBothEngines()
{
    QTemporaryDir dir;
    auto opened = test::openEngine(dir, QStringLiteral("models_access"));
    if (!opened) return;
    Database &db = *opened;
    QVERIFY(db.begin());
    for (int i = 0; i < 3; ++i) {
        QVariantMap user{
            {QStringLiteral("id"), uid(i)},
            {QStringLiteral("name"), QStringLiteral("Person %1").arg(i)},
            {QStringLiteral("email"), QStringLiteral("p%1@example.com").arg(i)},
            {QStringLiteral("role"), i == 0 ? QStringLiteral("owner") : QStringLiteral("reader")}};
        QVERIFY(test::insertSyncedRow(db, kOrg, QStringLiteral("openai_users"), user, kNow));
    }
    for (const auto &[id, name] : {std::pair{"proj_a", "Alpha"}, std::pair{"proj_b", "Beta"}})
        QVERIFY(test::insertSyncedRow(
            db, kOrg, QStringLiteral("openai_projects"),
            {{QStringLiteral("id"), QLatin1String(id)}, {QStringLiteral("name"), QLatin1String(name)}},
            kNow));
    QVERIFY(test::insertSyncedRow(db, kOrg, QStringLiteral("openai_project_members"),
                                  {{QStringLiteral("project_id"), QStringLiteral("proj_b")},
                                   {QStringLiteral("user_id"), uid(0)},
                                   {QStringLiteral("role"), QStringLiteral("member")}},
                                  kNow));
    auto inserted = insertAccessRows(db);
    QVERIFY2(inserted.ok(), qPrintable(inserted.errorMessage()));
    QVERIFY(db.commit());

    using Kind = DetailTableModel::Kind;
    auto detail = [&db](Kind kind, const QString &parent) {
        auto m = std::make_unique<DetailTableModel>(db, kind);
        m->showParent(kOrg, parent);
        if (!m->lastError().isEmpty()) qWarning("%s", qPrintable(m->lastError()));
        return m;
    };
    {
        auto access = detail(Kind::MemberAccess, uid(0));
        QAbstractItemModelTester tester(access.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY2(access->lastError().isEmpty(), qPrintable(access->lastError()));
        // Reviewer once (through Auditors, not again from the user's own list); Keeper directly and through
        // Vendors, which stores no such group role; Vendors' membership; the owner role with the predefined
        // Owner's permissions; Beta directly (as "Project Member"), Alpha through Auditors.
        QCOMPARE(shownRows(*access), (QStringList{QStringLiteral("organization | Reviewer | Auditors | 3"),
                                                  QStringLiteral("organization | group member | Vendors | "),
                                                  QStringLiteral("organization | owner | direct | 4"),
                                                  QStringLiteral("organization | Keeper | direct | 2"),
                                                  QStringLiteral("organization | Keeper | Vendors | 2"),
                                                  QStringLiteral("Alpha | group access | Auditors | "),
                                                  QStringLiteral("Beta | member | direct | 5")}));
        access->sort(3, Qt::DescendingOrder);
        QVERIFY2(access->lastError().isEmpty(), qPrintable(access->lastError()));
        QCOMPARE(access->rowCount(), 7);
    }
    QCOMPARE(shownRows(*detail(Kind::MemberAccess, uid(1))),
             (QStringList{QStringLiteral("organization | Reviewer | Auditors | 3"),
                          QStringLiteral("organization | reader | direct | "),
                          QStringLiteral("organization | Keeper | direct | 2"),
                          QStringLiteral("Alpha | group access | Auditors | ")}));
    QCOMPARE(shownRows(*detail(Kind::MemberAccess, uid(2))), // removed from Vendors
             QStringList{QStringLiteral("organization | reader | direct | ")});
    QCOMPARE(shownRows(*detail(Kind::RolePermissions, QStringLiteral("r_rev"))),
             (QStringList{QStringLiteral("api.audit.read"), QStringLiteral("api.groups.read"),
                          QStringLiteral("api.roles.read")}));
    QCOMPARE(shownRows(*detail(Kind::RoleHolders, QStringLiteral("r_rev"))),
             QStringList{QStringLiteral("Auditors | group |  | 2")});
    QCOMPARE(shownRows(*detail(Kind::RoleHolders, QStringLiteral("r_keep"))),
             (QStringList{QStringLiteral("Person 0 | user | p0@example.com | "),
                          QStringLiteral("Person 1 | user | p1@example.com | ")}));
    QCOMPARE(shownRows(*detail(Kind::GroupRoles, QStringLiteral("g_aud"))),
             QStringList{QStringLiteral("Reviewer | organization | custom | api.groups.read, api.roles.read, "
                                        "api.audit.read")});
    QCOMPARE(detail(Kind::GroupMembers, QStringLiteral("g_ven"))->rowCount(), 1);
    QCOMPARE(detail(Kind::GroupProjects, QStringLiteral("g_ven"))->rowCount(), 0);
    QCOMPARE(shownRows(*detail(Kind::ProjectSpendAlerts, QStringLiteral("proj_a"))),
             QStringList{QStringLiteral("$1,234,567.89 / month | x@example.com, y@example.com | email | ")});
    const QStringList groups = shownRows(*detail(Kind::ProjectGroups, QStringLiteral("proj_a")));
    QCOMPARE(groups.size(), 1);
    QVERIFY2(groups[0].startsWith(QStringLiteral("Auditors | group | 2 | ")), qPrintable(groups[0]));

    GroupsModel g(db);
    QAbstractItemModelTester gt(&g, QAbstractItemModelTester::FailureReportingMode::QtTest);
    g.setOrgKey(kOrg);
    QVERIFY2(g.lastError().isEmpty(), qPrintable(g.lastError()));
    QCOMPARE(shownRows(g).value(0).split(QStringLiteral(" | ")).mid(0, 3),
             (QStringList{QStringLiteral("Auditors"), QStringLiteral("group"), QStringLiteral("yes")}));
    QCOMPARE(shownRows(g).value(0).split(QStringLiteral(" | ")).mid(4),
             (QStringList{QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("1")}));
    g.setExtraCondition(GroupsModel::filterCondition(GroupsModel::Filter::ScimManaged));
    QCOMPARE(g.totalRows(), 1);
    g.setExtraCondition(GroupsModel::filterCondition(GroupsModel::Filter::NotScimManaged));
    QCOMPARE(g.totalRows(), 1); // Vendors (Old team is deleted)
    QCOMPARE(g.idAt(0), QStringLiteral("g_ven"));
    g.setExtraCondition(GroupsModel::filterCondition(GroupsModel::Filter::Deleted));
    QCOMPARE(g.idAt(0), QStringLiteral("g_old"));
    QVERIFY(g.index(0, 0).data(Qt::FontRole).value<QFont>().italic());

    RolesModel r(db);
    QAbstractItemModelTester rt(&r, QAbstractItemModelTester::FailureReportingMode::QtTest);
    r.setOrgKey(kOrg);
    QVERIFY2(r.lastError().isEmpty(), qPrintable(r.lastError()));
    QCOMPARE(r.totalRows(), 4);
    r.setExtraCondition(RolesModel::filterCondition(RolesModel::Filter::Custom));
    QCOMPARE(shownRows(r),
             (QStringList{QStringLiteral("Keeper |  | project | custom | 2 | 2 | 0"),
                          QStringLiteral("Reviewer | Reviews access. | organization | custom | 3 | 1 | 1")}));
    r.setExtraCondition(RolesModel::filterCondition(RolesModel::Filter::Predefined));
    QCOMPARE(r.totalRows(), 2);
    r.sort(RolesModel::Permissions, Qt::DescendingOrder);
    QCOMPARE(r.idAt(0), QStringLiteral("r_pmember"));

    auto project = loadGovernanceControls(db, kOrg, QStringLiteral("proj_a"));
    QVERIFY2(project.ok(), qPrintable(project.errorMessage()));
    QCOMPARE(governance::modelPermissionsText(*project), QStringLiteral("Deny list: o3"));
    QCOMPARE(governance::hostedToolsText(*project),
             QStringLiteral("File search: enabled\nWeb search: enabled\nImage generation: disabled\nMCP: "
                            "enabled\nCode interpreter: disabled"));
    QCOMPARE(governance::retentionText(project->dataRetention), QStringLiteral("Organization default"));
    QCOMPARE(governance::spendLimitText(*project), QStringLiteral("not set"));
    QCOMPARE(project->spendAlerts.size(), 1);
    QCOMPARE(project->spendAlerts[0].recipients,
             (QStringList{QStringLiteral("x@example.com"), QStringLiteral("y@example.com")}));
    auto org = loadGovernanceControls(db, kOrg);
    QVERIFY2(org.ok(), qPrintable(org.errorMessage()));
    QVERIFY(org->retentionStored);
    QCOMPARE(governance::retentionText(org->dataRetention), QStringLiteral("Zero data retention"));
    QCOMPARE(governance::spendLimitText(*org), QStringLiteral("$1,000.00 / month (enforcing)"));
    QCOMPARE(governance::spendAlertsText(*org), QStringLiteral("5.00 EUR / week"));
    QVERIFY(!org->modelPermissionsStored);
    auto none = loadGovernanceControls(db, QStringLiteral("nobody"), QStringLiteral("proj_a"));
    QVERIFY(none.ok());
    QCOMPARE(governance::modelPermissionsText(*none), QStringLiteral("not set"));
    QCOMPARE(governance::hostedToolsText(*none), QStringLiteral("not set"));
    QCOMPARE(governance::spendAlertsText(*none), QStringLiteral("none"));
}

void TestModels::spendAmountsReadAsMoney()
{
    using governance::spendAmount;
    QCOMPARE(spendAmount(100000, QStringLiteral("USD"), QStringLiteral("month")),
             QStringLiteral("$1,000.00 / month"));
    QCOMPARE(spendAmount(5, QStringLiteral("usd"), QString()), QStringLiteral("$0.05"));
    QCOMPARE(spendAmount(0, QStringLiteral("USD"), QStringLiteral("day")), QStringLiteral("$0.00 / day"));
    QCOMPARE(spendAmount(99999999999, QStringLiteral("USD"), QStringLiteral("month")),
             QStringLiteral("$999,999,999.99 / month"));
    QCOMPARE(spendAmount(123450, QStringLiteral("EUR"), QStringLiteral("month")),
             QStringLiteral("1,234.50 EUR / month"));
    QCOMPARE(spendAmount(-250, QStringLiteral("USD"), QString()), QStringLiteral("-$2.50"));
    QCOMPARE(governance::spendAmountCell(QStringLiteral("100000 USD month")),
             QStringLiteral("$1,000.00 / month"));
    QCOMPARE(governance::spendAmountCell(QVariant()), QString());
    QCOMPARE(governance::retentionText(QString()), QStringLiteral("Organization default"));
    QCOMPARE(governance::jsonStrings(QStringLiteral("not json")), QStringList());
    // A JSON list cell reads as text, never as JSON.
    QCOMPARE(SqlTableModel::formatValue(ColType::Json, QStringLiteral(R"(["a","b"])")),
             QStringLiteral("a, b"));
    QCOMPARE(SqlTableModel::formatValue(ColType::Json, QStringLiteral("[]")), QString());
}

QTEST_MAIN(TestModels)
#include "test_models.moc"
