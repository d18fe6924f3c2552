// The admin-activity, residency, data-governance and SOC 2 report builders (issue #14), both engines, on the
// bundled fixture org imported at its capture time, checked against independent SQL: event counts by type
// and actor, every privileged event, new IP addresses and countries (events made for it beside the
// fixtures'), cost per region as exact sums, stored retention settings, usage outside model permissions, and
// the SOC 2 summary's controls, findings and error propagation.
#include "compliance/reports.h"
#include "compliance/reportsource.h"
#include "core/clock.h"
#include "core/decimal.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace orgward;

namespace {

const QString kNotStated = QStringLiteral("not stated (organization default)");
const QString kUnknownRegion = QStringLiteral("unknown (project not in the organization)");
const QString kNoProject = QStringLiteral("none (organization level)");

qint64 utc(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

// The period every check reads: the fixture's audit events begin in August, so events before it exist.
const qint64 kFrom = utc(2026, 10, 1);

// Privileged whatever they carry (the fixture's types among them), and privileged when naming a role: the
// test's own list, not the builder's.
const QStringList kAlwaysPrivileged{
    QStringLiteral("api_key.created"),         QStringLiteral("api_key.deleted"),
    QStringLiteral("service_account.created"), QStringLiteral("service_account.deleted"),
    QStringLiteral("project.archived"),        QStringLiteral("certificate.created"),
    QStringLiteral("certificate.deleted"),     QStringLiteral("certificates.activated"),
    QStringLiteral("certificates.deactivated")};
const QStringList kPrivilegedWithRole{QStringLiteral("user.added"), QStringLiteral("user.updated"),
                                      QStringLiteral("invite.sent")};

const ReportTable *tableOf(const Report &r, const QString &id)
{
    for (const ReportTable &t : r.tables)
        if (t.id == id) return &t;
    return nullptr;
}

int columnOf(const ReportTable &t, const QString &key)
{
    for (int i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].key == key) return i;
    return -1;
}

// key column → value column of every row.
QHash<QString, QVariant> columnMap(const ReportTable &t, const QString &key, const QString &value)
{
    QHash<QString, QVariant> out;
    const int k = columnOf(t, key), v = columnOf(t, value);
    for (const QVariantList &row : t.rows)
        out.insert(row.value(k).toString(), row.value(v));
    return out;
}

QVariant summaryValue(const Report &r, const QString &label)
{
    for (const auto &[l, v] : r.summary)
        if (l == label) return v;
    return {};
}

Decimal decimalOf(const QVariant &v)
{
    const auto d = Decimal::parse(v.toString());
    return d ? *d : Decimal::fromUnits(-1); // -1e-18: never an exact sum of the fixtures' costs
}

// An event of our own: a console session of `actor` from `ip` (and `country` in the event as received).
Status addSession(Database &db, const QString &org, const QString &id, qint64 at, const QString &actor,
                  const QString &ip, const QString &country)
{
    QJsonObject session{{QStringLiteral("ip_address"), ip},
                        {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), actor}}}};
    if (!country.isEmpty())
        session.insert(QStringLiteral("ip_address_details"),
                       QJsonObject{{QStringLiteral("country"), country}});
    const QJsonObject raw{
        {QStringLiteral("id"), id},
        {QStringLiteral("type"), QStringLiteral("login.succeeded")},
        {QStringLiteral("effective_at"), at},
        {QStringLiteral("actor"), QJsonObject{{QStringLiteral("type"), QStringLiteral("session")},
                                              {QStringLiteral("session"), session}}}};
    return test::insertSyncedRow(
        db, org, QStringLiteral("openai_audit_logs"),
        {{QStringLiteral("id"), id},
         {QStringLiteral("type"), QStringLiteral("login.succeeded")},
         {QStringLiteral("effective_at"), at},
         {QStringLiteral("actor_type"), QStringLiteral("session")},
         {QStringLiteral("actor_id"), actor},
         {QStringLiteral("actor_ip"), ip},
         {QStringLiteral("raw"), QString::fromUtf8(QJsonDocument(raw).toJson(QJsonDocument::Compact))},
         {QStringLiteral("last_seen_pass"), QStringLiteral("test")}},
        at);
}

// Our events: a traveller who acted before the period from one address in the US, then from the same
// address in Germany (new country), then from a new address in Germany (new IP), then again (known); and a
// newcomer whose first event is in the period.
struct Crafted
{
    QString newCountry = QStringLiteral("audit_log-test-new-country");
    QString newIp = QStringLiteral("audit_log-test-new-ip");
    QString known = QStringLiteral("audit_log-test-known");
    QString first = QStringLiteral("audit_log-test-first");
};

Status addCrafted(Database &db, const QString &org)
{
    const Crafted c;
    const QString traveller = QStringLiteral("user-test-traveller");
    const QString home = QStringLiteral("203.0.113.10"), away = QStringLiteral("203.0.113.20");
    const QString us = QStringLiteral("US"), de = QStringLiteral("DE");
    const qint64 day = kSecondsPerDay;
    for (auto s :
         {addSession(db, org, QStringLiteral("audit_log-test-before"), kFrom - 10 * day, traveller, home, us),
          addSession(db, org, c.newCountry, kFrom + day, traveller, home, de),
          addSession(db, org, c.newIp, kFrom + 2 * day, traveller, away, de),
          addSession(db, org, c.known, kFrom + 3 * day, traveller, away, de),
          addSession(db, org, c.first, kFrom + 4 * day, QStringLiteral("user-test-newcomer"),
                     QStringLiteral("203.0.113.30"), QString())})
        if (!s) return s;
    return {};
}

} // namespace

class TestReportsActivity : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_sqlite, m_pg;
    QString m_org;
    qint64 m_asOf = 0;

    Database &db()
    {
        QFETCH(bool, postgres);
        return postgres ? *m_pg : *m_sqlite;
    }

    ReportParams params() const
    {
        ReportParams p;
        p.orgKey = m_org;
        p.asOf = m_asOf;
        p.from = kFrom;
        p.to = m_asOf;
        return p;
    }

    Report build(Database &d, Status (*builder)(ReportSource &, Report &, const ReportParams &))
    {
        ReportSource src(d, m_org, m_asOf);
        Report r;
        const Status s = builder(src, r, params());
        if (!s) qWarning("%s", qPrintable(s.errorMessage()));
        return s ? r : Report{};
    }

    Status importInto(Database &d)
    {
        Clock::freezeAt(m_asOf); // row history dated at the capture: the org as of then is the fixtures'
        auto imported = FixtureImporter(d).run(test::fixturesDir());
        Clock::reset();
        if (!imported) return imported.error();
        m_org = imported->orgKey;
        return addCrafted(d, m_org);
    }

    QVariantList periodBinds(Database &d) const
    {
        return {m_org, d.bindTimestamp(kFrom), d.bindTimestamp(m_asOf)};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile f(test::fixturesDir() + QStringLiteral("/manifest.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_asOf =
            QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("captured_at")).toInteger();
        QVERIFY(m_asOf > kFrom);
        m_sqlite = test::openSqlite(m_dir);
        QVERIFY(m_sqlite);
        QVERIFY2(importInto(*m_sqlite), "SQLite import");
        m_pg = test::openPostgresOrFail(QStringLiteral("reports_activity"));
        QVERIFY(m_pg);
        QVERIFY2(importInto(*m_pg), "PostgreSQL import");
    }

    void countsByTypeAndActor_data() { test::addEngineRows(); }
    void countsByTypeAndActor()
    {
        const Report r = build(db(), &reports::adminActivity);
        const ReportTable *types = tableOf(r, QStringLiteral("event_types"));
        QVERIFY(types);
        auto q =
            db().exec(QStringLiteral("SELECT type, COUNT(*) FROM openai_audit_logs WHERE org_key = ? AND "
                                     "effective_at >= ? AND effective_at < ? GROUP BY type"),
                      periodBinds(db()));
        QVERIFY2(q, qPrintable(q.errorMessage()));
        QHash<QString, QVariant> expected;
        qint64 total = 0;
        while (q->next()) {
            expected.insert(q->value(0).toString(), q->value(1).toLongLong());
            total += q->value(1).toLongLong();
        }
        QVERIFY(expected.size() > 5);
        QCOMPARE(columnMap(*types, QStringLiteral("type"), QStringLiteral("events")), expected);
        QCOMPARE(summaryValue(r, QStringLiteral("Events")).toLongLong(), total);

        const ReportTable *actors = tableOf(r, QStringLiteral("actors"));
        QVERIFY(actors);
        auto a =
            db().exec(QStringLiteral("SELECT actor_id, COUNT(*) FROM openai_audit_logs WHERE org_key = ? AND "
                                     "effective_at >= ? AND effective_at < ? GROUP BY actor_id"),
                      periodBinds(db()));
        QVERIFY(a);
        QHash<QString, QVariant> byActor;
        while (a->next())
            byActor.insert(a->value(0).isNull() ? QStringLiteral("(not stated)") : a->value(0).toString(),
                           a->value(1).toLongLong());
        QCOMPARE(columnMap(*actors, QStringLiteral("actor_id"), QStringLiteral("events")), byActor);
        // An API key's event names the key, and whose it is.
        const auto kinds = columnMap(*actors, QStringLiteral("actor_id"), QStringLiteral("kind"));
        QCOMPARE(kinds.value(QStringLiteral("user-test-traveller")).toString(), QStringLiteral("user"));
        QVERIFY(kinds.values().contains(QVariant(QStringLiteral("user's API key"))));
        for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
            if (it.key().startsWith(u"key_"))
                QVERIFY2(it.value().toString().endsWith(u"API key"), qPrintable(it.key()));
    }

    void privilegedEventsListed_data() { test::addEngineRows(); }
    void privilegedEventsListed()
    {
        const Report r = build(db(), &reports::adminActivity);
        const ReportTable *t = tableOf(r, QStringLiteral("privileged"));
        QVERIFY(t);
        QStringList marks(kAlwaysPrivileged.size(), QStringLiteral("?"));
        QStringList roleMarks(kPrivilegedWithRole.size(), QStringLiteral("?"));
        QVariantList binds = periodBinds(db());
        for (const QString &s : kAlwaysPrivileged + kPrivilegedWithRole)
            binds << s;
        binds << QStringLiteral("%\"role\"%");
        auto q = db().exec(
            QStringLiteral("SELECT id FROM openai_audit_logs WHERE org_key = ? AND effective_at >= ? "
                           "AND effective_at < ? AND (type IN (%1) OR (type IN (%2) AND "
                           "CAST(payload AS TEXT) LIKE ?))")
                .arg(marks.join(u','), roleMarks.join(u',')),
            binds);
        QVERIFY2(q, qPrintable(q.errorMessage()));
        QSet<QString> expected;
        while (q->next())
            expected.insert(q->value(0).toString());
        QVERIFY(expected.size() > 10);
        QSet<QString> listed;
        const int id = columnOf(*t, QStringLiteral("event_id"));
        for (const QVariantList &row : t->rows)
            listed.insert(row.value(id).toString());
        QCOMPARE(listed, expected);
        QCOMPARE(summaryValue(r, QStringLiteral("Privileged changes")).toLongLong(), qint64(expected.size()));
        // Listed in full: the payload is in the details.
        const int details = columnOf(*t, QStringLiteral("details"));
        for (const QVariantList &row : t->rows)
            if (row.value(columnOf(*t, QStringLiteral("type"))).toString() == u"user.updated")
                QVERIFY2(row.value(details).toString().contains(u"\"role\""),
                         qPrintable(row.value(id).toString()));
    }

    // Every event in the period with an IP address is flagged exactly when SQL finds no earlier event of its
    // actor from that address (and some from another: else it is the actor's first on record).
    void newIpAddressesFlagged_data() { test::addEngineRows(); }
    void newIpAddressesFlagged()
    {
        Database &d = db();
        const Report r = build(d, &reports::adminActivity);
        const ReportTable *t = tableOf(r, QStringLiteral("new_origins"));
        QVERIFY(t);
        const auto flags = columnMap(*t, QStringLiteral("event_id"), QStringLiteral("flag"));
        auto q = d.exec(
            QStringLiteral("SELECT id, actor_id, actor_ip, effective_at FROM openai_audit_logs WHERE "
                           "org_key = ? AND effective_at >= ? AND effective_at < ? AND actor_id IS NOT "
                           "NULL AND actor_ip IS NOT NULL"),
            periodBinds(d));
        QVERIFY(q);
        // Read whole first: PostgreSQL's driver drops an open result when the next statement runs.
        QList<QVariantList> events;
        while (q->next())
            events.append({q->value(0), q->value(1), q->value(2), q->value(3)});
        const QString earlier =
            QStringLiteral("SELECT COUNT(*) FROM openai_audit_logs WHERE org_key = ? AND "
                           "actor_id = ? AND actor_ip IS NOT NULL AND (effective_at < ? OR "
                           "(effective_at = ? AND id < ?))");
        qint64 newIps = 0, checked = 0;
        for (const QVariantList &e : std::as_const(events)) {
            const QString id = e[0].toString();
            const QVariantList binds{m_org, e[1], e[3], e[3], id};
            auto any = d.scalar(earlier, binds);
            auto same = d.scalar(earlier + QStringLiteral(" AND actor_ip = ?"), binds + QVariantList{e[2]});
            QVERIFY(any && same);
            const QString flag = flags.value(id).toString();
            const bool isNew = same->toLongLong() == 0 && any->toLongLong() > 0;
            const bool isFirst = any->toLongLong() == 0;
            QVERIFY2(flag.contains(u"new IP address") == isNew, qPrintable(id + u": " + flag));
            QVERIFY2(flag.contains(u"first IP address on record") == isFirst, qPrintable(id + u": " + flag));
            newIps += isNew ? 1 : 0;
            ++checked;
        }
        QVERIFY(checked > 50);
        QCOMPARE(summaryValue(r, QStringLiteral("Events from a new IP address")).toLongLong(), newIps);
        const Crafted c;
        QCOMPARE(flags.value(c.newIp).toString(), QStringLiteral("new IP address"));
        QVERIFY(!flags.contains(c.known));
        QCOMPARE(flags.value(c.first).toString(), QStringLiteral("first IP address on record"));
        // Countries: every fixture session is in the US, so only our traveller's German events are new.
        QCOMPARE(flags.value(c.newCountry).toString(), QStringLiteral("new country"));
        QCOMPARE(summaryValue(r, QStringLiteral("Events from a new country")).toLongLong(), qint64(1));
        QVERIFY(t->note.contains(u"ip_address_details.country"));
    }

    void residencyCostPerRegion_data() { test::addEngineRows(); }
    void residencyCostPerRegion()
    {
        Database &d = db();
        const Report r = build(d, &reports::residency);
        const ReportTable *regions = tableOf(r, QStringLiteral("regions"));
        const ReportTable *projects = tableOf(r, QStringLiteral("projects"));
        QVERIFY(regions && projects);
        QVERIFY(columnOf(*regions, QStringLiteral("cost_usd")) >= 0);
        auto q =
            d.exec(QStringLiteral("SELECT CASE WHEN c.project_id IS NULL THEN '-' WHEN p.id IS NULL THEN '?' "
                                  "ELSE COALESCE(p.residency, '') END, %1 FROM openai_costs c LEFT JOIN "
                                  "openai_projects p ON p.org_key = c.org_key AND p.id = c.project_id WHERE "
                                  "c.org_key = ? AND c.group_by = ? AND c.bucket_start >= ? AND "
                                  "c.bucket_start < ? AND c.currency = ? GROUP BY 1")
                       .arg(d.sumDecimal(QStringLiteral("c.amount"))),
                   {m_org, QStringLiteral("project_id"), d.bindTimestamp(kFrom), d.bindTimestamp(m_asOf),
                    QStringLiteral("usd")});
        QVERIFY2(q, qPrintable(q.errorMessage()));
        const auto reported = columnMap(*regions, QStringLiteral("region"), QStringLiteral("cost_usd"));
        int seen = 0;
        Decimal total;
        while (q->next()) {
            const QString key = q->value(0).toString();
            const QString region = key == u"-"     ? kNoProject
                                   : key == u"?"   ? kUnknownRegion
                                   : key.isEmpty() ? kNotStated
                                                   : key;
            QCOMPARE(decimalOf(reported.value(region)), decimalOf(q->value(1)));
            total += decimalOf(q->value(1));
            ++seen;
        }
        QVERIFY(seen >= 3); // EU_STORAGE_PROCESSING, GLOBAL and not stated
        QVERIFY(!total.isZero());
        QCOMPARE(decimalOf(summaryValue(r, QStringLiteral("Cost (USD)"))), total);
        const auto regionOf = columnMap(*projects, QStringLiteral("project_id"), QStringLiteral("region"));
        QCOMPARE(regionOf.value(QStringLiteral("proj_9G3v4AUPGmty7ET4rsgtw3kZ")).toString(),
                 QStringLiteral("EU_STORAGE_PROCESSING"));
        QCOMPARE(regionOf.value(QStringLiteral("proj_kLTMjcvBJNFRbb95IvFtxjCM")).toString(), kNotStated);
    }

    void dataGovernanceRetention_data() { test::addEngineRows(); }
    void dataGovernanceRetention()
    {
        Database &d = db();
        const Report r = build(d, &reports::dataGovernance);
        const ReportTable *t = tableOf(r, QStringLiteral("retention"));
        QVERIFY(t);
        auto q =
            d.exec(QStringLiteral("SELECT project_id, type FROM openai_data_retention WHERE org_key = ? AND "
                                  "deleted_at IS NULL"),
                   {m_org});
        QVERIFY(q);
        QHash<QString, QString> stored;
        while (q->next())
            stored.insert(q->value(0).toString(), q->value(1).toString());
        QVERIFY(stored.contains(QString()));
        auto projects = d.scalar(QStringLiteral("SELECT COUNT(*) FROM openai_projects WHERE org_key = ? AND "
                                                "deleted_at IS NULL"),
                                 {m_org});
        QVERIFY(projects);
        QCOMPARE(qint64(t->rows.size()), projects->toLongLong() + 1);
        const int id = columnOf(*t, QStringLiteral("project_id")),
                  setting = columnOf(*t, QStringLiteral("setting"));
        QCOMPARE(t->rows.first().value(columnOf(*t, QStringLiteral("scope"))).toString(),
                 QStringLiteral("Organization"));
        QCOMPARE(t->rows.first().value(setting).toString(), stored.value(QString()));
        int withSetting = 0;
        for (const QVariantList &row : t->rows.mid(1)) {
            const QString project = row.value(id).toString();
            QCOMPARE(row.value(setting).toString(), stored.value(project));
            withSetting += stored.contains(project) ? 1 : 0;
        }
        QCOMPARE(withSetting, int(stored.size()) - 1);
    }

    // Usage rows the builder lists are exactly the (project, model) pairs SQL finds outside the stored
    // permissions, with the same request counts.
    void dataGovernanceUsageOutside_data() { test::addEngineRows(); }
    void dataGovernanceUsageOutside()
    {
        Database &d = db();
        const Report r = build(d, &reports::dataGovernance);
        const ReportTable *t = tableOf(r, QStringLiteral("usage_outside_permissions"));
        QVERIFY(t);
        auto perms = d.exec(
            QStringLiteral("SELECT project_id, mode, CAST(model_ids AS TEXT) FROM "
                           "openai_project_model_permissions WHERE org_key = ? AND deleted_at IS NULL"),
            {m_org});
        QVERIFY(perms);
        QHash<QString, QPair<QString, QStringList>> lists;
        while (perms->next()) {
            QStringList ids;
            for (const QJsonValue &v : QJsonDocument::fromJson(perms->value(2).toString().toUtf8()).array())
                ids << v.toString();
            lists.insert(perms->value(0).toString(), {perms->value(1).toString(), ids});
        }
        auto usage =
            d.exec(QStringLiteral("SELECT project_id, model, SUM(num_model_requests) FROM usage_events WHERE "
                                  "org_key = ? AND kind = ? AND group_by = ? AND bucket_start >= ? AND "
                                  "bucket_start < ? GROUP BY project_id, model"),
                   {m_org, QStringLiteral("completions"), QStringLiteral("model,project_id"),
                    d.bindTimestamp(kFrom), d.bindTimestamp(m_asOf)});
        QVERIFY2(usage, qPrintable(usage.errorMessage()));
        QHash<QString, QVariant> expected;
        while (usage->next()) {
            const QString project = usage->value(0).toString(), model = usage->value(1).toString();
            if (!lists.contains(project)) continue;
            const auto &[mode, ids] = lists.value(project);
            if ((mode == u"allow_list") != ids.contains(model))
                expected.insert(project + u'/' + model, usage->value(2).toLongLong());
        }
        QVERIFY(expected.size() > 3);
        QHash<QString, QVariant> listed;
        const int p = columnOf(*t, QStringLiteral("project_id")), m = columnOf(*t, QStringLiteral("model")),
                  n = columnOf(*t, QStringLiteral("requests"));
        for (const QVariantList &row : t->rows)
            listed.insert(row.value(p).toString() + u'/' + row.value(m).toString(), row.value(n));
        QCOMPARE(listed, expected);
    }

    void soc2Controls_data() { test::addEngineRows(); }
    void soc2Controls()
    {
        Database &d = db();
        ReportSource src(d, m_org, m_asOf);
        Report r;
        const Status s = reports::soc2(src, r, params());
        QVERIFY2(s, qPrintable(s.errorMessage()));
        const ReportTable *t = tableOf(r, QStringLiteral("controls"));
        QVERIFY(t);
        const QStringList six{QStringLiteral("CC6.1"), QStringLiteral("CC6.2"), QStringLiteral("CC6.3"),
                              QStringLiteral("CC7.2"), QStringLiteral("CC8.1"), QStringLiteral("CC9.1")};
        const int control = columnOf(*t, QStringLiteral("control")),
                  count = columnOf(*t, QStringLiteral("findings")),
                  status = columnOf(*t, QStringLiteral("status"));
        QStringList listed;
        for (const QVariantList &row : t->rows) {
            listed << row.value(control).toString();
            QCOMPARE(row.value(status).toString() == u"ok", row.value(count).toLongLong() == 0);
        }
        QCOMPARE(listed, six);
        // The union of the evidence reports' findings, each once and tagged with one of the six.
        qint64 expected = 0;
        for (auto builder :
             {&reports::accessReview, &reports::keyHygiene, &reports::certificates, &reports::serviceAccounts,
              &reports::adminActivity, &reports::residency, &reports::dataGovernance})
            expected += build(d, builder).findings.size();
        QCOMPARE(qint64(r.findings.size()), expected);
        for (const ReportFinding &f : std::as_const(r.findings))
            QVERIFY2(six.contains(f.control), qPrintable(f.control + u": " + f.text));
        const auto figures = columnMap(*t, QStringLiteral("control"), QStringLiteral("key_figures"));
        QVERIFY(figures.value(QStringLiteral("CC8.1")).toString().contains(u"Privileged changes"));
        QVERIFY(figures.value(QStringLiteral("CC9.1")).toString().contains(u"Cost (USD)"));
    }

    // A failing evidence report fails the summary with its error: as of a time before the organization was
    // first observed, the first report that reads the org's state cannot.
    void soc2PropagatesErrors_data() { test::addEngineRows(); }
    void soc2PropagatesErrors()
    {
        Database &d = db();
        ReportSource before(d, m_org, utc(2020, 1, 1));
        Report r;
        const Status s = reports::soc2(before, r, params());
        QVERIFY(!s);
        QCOMPARE(s.error().code, Error::Code::NotFound);
        QVERIFY2(s.errorMessage().contains(u"has no record of organization"), qPrintable(s.errorMessage()));
        QVERIFY(r.tables.isEmpty());

        // Cancelled while building the admin-activity report: the summary stops there.
        QStringList steps;
        ReportSource cancelled(d, m_org, m_asOf, [&steps](const QString &step) {
            steps << step;
            return !step.contains(u"Admin activity");
        });
        Report c;
        const Status stopped = reports::soc2(cancelled, c, params());
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code, Error::Code::Cancelled);
        QVERIFY(!steps.contains(QStringLiteral("Building Data residency")));
    }
};

QTEST_GUILESS_MAIN(TestReportsActivity)
#include "test_reports_activity.moc"
