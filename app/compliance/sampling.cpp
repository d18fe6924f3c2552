#include "sampling.h"
#include "core/instant.h"

#include "compliance/history.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <algorithm>
#include <functional>

namespace orgward {

namespace {

struct PopulationSpec
{
    SamplePopulation population;
    const char *name;
    const char *words; // "members", in the method statement
};

const QList<PopulationSpec> &populationSpecs()
{
    static const QList<PopulationSpec> specs{
        {SamplePopulation::Members, "members", "members"},
        {SamplePopulation::Keys, "keys", "API keys (project, service-account and admin)"},
        {SamplePopulation::ServiceAccounts, "service-accounts", "service accounts"},
        {SamplePopulation::AuditEvents, "audit-events", "audit-log events"},
    };
    return specs;
}

const PopulationSpec &specOf(SamplePopulation p)
{
    for (const PopulationSpec &s : populationSpecs())
        if (s.population == p) return s;
    return populationSpecs().first();
}

QString text(const QJsonValue &v)
{
    if (v.isString()) return v.toString();
    if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble()) return QString::number(v.toInteger());
    if (v.isArray()) return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject()) return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

bool byUtf8(const QString &a, const QString &b)
{
    return a.toUtf8() < b.toUtf8();
}

// The rows of one history entity valid at the instant, `columns` taken from each row's data.
Result<QList<SampleItem>>
entityItems(Database &db, const SampleRequest &r, const QString &entityName, const QStringList &columns,
            const std::function<void(const QJsonObject &, SampleItem &)> &extra = {})
{
    const auto entity = historyEntity(entityName);
    if (!entity) return err(Error::Code::Generic, QStringLiteral("no history entity '%1'").arg(entityName));
    auto states = statesAsOf(db, r.orgKey, *entity, r.asOf);
    if (!states) return states.error();
    QList<SampleItem> out;
    for (const EntityState &s : std::as_const(*states)) {
        SampleItem item;
        item.id = s.rowKey;
        for (const QString &c : columns)
            item.values << text(s.data.value(c));
        if (extra) extra(s.data, item);
        out << item;
    }
    return out;
}

Result<Population> members(Database &db, const SampleRequest &r)
{
    const QStringList cols{QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("role"),
                           QStringLiteral("added_at")};
    auto items = entityItems(db, r, QStringLiteral("members"), cols);
    if (!items) return items.error();
    return Population{cols, *items};
}

Result<Population> serviceAccounts(Database &db, const SampleRequest &r)
{
    const QStringList cols{QStringLiteral("project_id"), QStringLiteral("name"), QStringLiteral("role"),
                           QStringLiteral("created_at")};
    auto items = entityItems(db, r, QStringLiteral("service_accounts"), cols);
    if (!items) return items.error();
    return Population{cols, *items};
}

// Project keys (a service account's among them: owner_type service_account) and admin keys in one
// population: key rotation evidence covers every key. key_type says which.
Result<Population> keys(Database &db, const SampleRequest &r)
{
    const QStringList shared{
        QStringLiteral("project_id"),  QStringLiteral("name"),       QStringLiteral("redacted_value"),
        QStringLiteral("owner_type"),  QStringLiteral("owner_id"),   QStringLiteral("owner_name"),
        QStringLiteral("owner_email"), QStringLiteral("created_at"), QStringLiteral("last_used_at")};
    auto project =
        entityItems(db, r, QStringLiteral("keys"), shared, [](const QJsonObject &d, SampleItem &i) {
            i.values.prepend(d.value(QStringLiteral("owner_type")).toString() == u"service_account"
                                 ? QStringLiteral("service_account")
                                 : QStringLiteral("project"));
        });
    if (!project) return project.error();
    auto admin =
        entityItems(db, r, QStringLiteral("admin_keys"), shared,
                    [](const QJsonObject &, SampleItem &i) { i.values.prepend(QStringLiteral("admin")); });
    if (!admin) return admin.error();
    QList<SampleItem> all = *project + *admin;
    std::sort(all.begin(), all.end(),
              [](const SampleItem &a, const SampleItem &b) { return byUtf8(a.id, b.id); });
    return Population{QStringList{QStringLiteral("key_type")} + shared, all};
}

Result<Population> auditEvents(Database &db, const SampleRequest &r)
{
    const QStringList cols{QStringLiteral("effective_at"), QStringLiteral("type"),
                           QStringLiteral("actor_type"),   QStringLiteral("actor_id"),
                           QStringLiteral("actor_email"),  QStringLiteral("actor_ip"),
                           QStringLiteral("project_id")};
    auto q =
        db.exec(QStringLiteral("SELECT id, effective_at, type, actor_type, actor_id, actor_email, actor_ip, "
                               "project_id FROM openai_audit_logs WHERE org_key = ? AND effective_at >= ? "
                               "AND effective_at < ? ORDER BY effective_at, id"),
                {r.orgKey, db.bindTimestamp(r.from), db.bindTimestamp(r.to)});
    if (!q) return q.error();
    Population p{cols, {}};
    while (q->next()) {
        SampleItem item;
        item.id = q->value(0).toString();
        item.values << formatInstant(Database::timestampSecs(q->value(1)));
        for (int i = 2; i < cols.size() + 1; ++i)
            item.values << q->value(i).toString();
        p.items << item;
    }
    return p;
}

QString scopeWords(const SampleRequest &r)
{
    if (r.population == SamplePopulation::AuditEvents)
        return QStringLiteral("stored with %1 <= effective_at < %2")
            .arg(formatInstant(r.from), formatInstant(r.to));
    return QStringLiteral("as of %1").arg(formatInstant(r.asOf));
}

} // namespace

QString samplePopulationName(SamplePopulation p)
{
    return QString::fromLatin1(specOf(p).name);
}

QStringList samplePopulationNames()
{
    QStringList names;
    for (const PopulationSpec &s : populationSpecs())
        names << QString::fromLatin1(s.name);
    return names;
}

Result<SamplePopulation> parseSamplePopulation(const QString &name)
{
    for (const PopulationSpec &s : populationSpecs())
        if (name == QLatin1String(s.name)) return s.population;
    return err(Error::Code::Usage, QStringLiteral("--population: '%1' is not a population; use one of %2")
                                       .arg(name, samplePopulationNames().join(QStringLiteral(", "))));
}

Result<Population> readPopulation(Database &db, const SampleRequest &r)
{
    switch (r.population) {
    case SamplePopulation::Members:
        return members(db, r);
    case SamplePopulation::Keys:
        return keys(db, r);
    case SamplePopulation::ServiceAccounts:
        return serviceAccounts(db, r);
    case SamplePopulation::AuditEvents:
        return auditEvents(db, r);
    }
    return err(Error::Code::Usage, QStringLiteral("unknown population"));
}

QByteArray sampleHmac(const QString &seed, const QString &id)
{
    return QMessageAuthenticationCode::hash(id.toUtf8(), seed.toUtf8(), QCryptographicHash::Sha256);
}

QString populationSha256(const QList<SampleItem> &items)
{
    QList<QByteArray> ids;
    ids.reserve(items.size());
    for (const SampleItem &i : items)
        ids << i.id.toUtf8();
    std::sort(ids.begin(), ids.end());
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const QByteArray &id : std::as_const(ids)) {
        h.addData(id);
        h.addData(QByteArrayView("\n"));
    }
    return QString::fromLatin1(h.result().toHex());
}

Sample drawSample(const SampleRequest &request, Population population)
{
    Sample s;
    s.request = request;
    s.columns = population.columns;
    s.populationSize = population.items.size();
    s.populationSha256 = populationSha256(population.items);
    for (SampleItem &i : population.items)
        i.hmac = sampleHmac(request.seed, i.id);
    // QByteArray compares as unsigned bytes: the digests' order as big-endian numbers. Ids break a tie
    // (two ids with one HMAC: not expected to happen, but the order must not depend on the read order).
    std::sort(population.items.begin(), population.items.end(), [](const SampleItem &a, const SampleItem &b) {
        return a.hmac != b.hmac ? a.hmac < b.hmac : byUtf8(a.id, b.id);
    });
    s.items = population.items.mid(0, qsizetype(std::min<qint64>(request.size, s.populationSize)));
    return s;
}

Result<Sample> drawSample(Database &db, const SampleRequest &request)
{
    if (request.size <= 0)
        return err(Error::Code::Usage, QStringLiteral("the sample size must be at least 1"));
    if (request.seed.isEmpty()) return err(Error::Code::Usage, QStringLiteral("the seed must not be empty"));
    auto population = readPopulation(db, request);
    if (!population) return population.error();
    return drawSample(request, std::move(*population));
}

QString describeSampleMethod(const Sample &s)
{
    const SampleRequest &r = s.request;
    const QLocale c = QLocale::c();
    QStringList lines;
    lines << QStringLiteral(
                 "Population: %1 of organization %2 %3: %4 items; SHA-256 over their ids sorted by "
                 "UTF-8 bytes, each followed by a line feed: %5.")
                 .arg(QString::fromLatin1(specOf(r.population).words), r.orgKey, scopeWords(r),
                      c.toString(s.populationSize), s.populationSha256);
    lines << QStringLiteral(
        "Method: each item ranked by HMAC-SHA-256 with the seed's UTF-8 bytes as key and the "
        "item id's UTF-8 bytes as message; the items with the smallest HMACs (compared as "
        "unsigned big-endian numbers) form the sample, listed smallest first.");
    lines << QStringLiteral("Seed: \"%1\". Size: %2 requested, %3 drawn.")
                 .arg(r.seed, c.toString(r.size), c.toString(qint64(s.items.size())));
    if (s.wholePopulation())
        lines << QStringLiteral(
                     "The requested size (%1) is not smaller than the population (%2): the sample is "
                     "the whole population.")
                     .arg(c.toString(r.size), c.toString(s.populationSize));
    lines << QStringLiteral("The same stored data, population, %1, size and seed give the same sample.")
                 .arg(r.population == SamplePopulation::AuditEvents ? QStringLiteral("period")
                                                                    : QStringLiteral("instant"));
    return lines.join(u'\n');
}

} // namespace orgward
