#pragma once
// Deterministic samples for auditors (issue #14): `orgward sample`. The same database state, population,
// instant or period, size and seed give the same sample, and anyone can re-check it with a stock HMAC tool:
// every item of the population is ranked by HMAC-SHA-256(key = the seed's UTF-8 bytes, message = the item
// id's UTF-8 bytes), the digests compared as unsigned 256-bit big-endian numbers (byte by byte), and the
// `size` smallest form the sample (all of the population when it is not larger than `size`). The population
// is fingerprinted by SHA-256 over its ids sorted by UTF-8 bytes, each followed by a line feed (0x0A).
//
// Populations: members (openai_users), keys (project API keys, service-account keys among them, and admin
// API keys), service-accounts, each as of an instant (row history, statesAsOf); audit-events stored with
// from <= effective_at < to. Item ids are history row keys ("proj_1/key_2" for project-scoped rows,
// "user_1" otherwise) or event ids.
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace orgward {

class Database;

enum class SamplePopulation
{
    Members,
    Keys,
    ServiceAccounts,
    AuditEvents,
};
QString samplePopulationName(SamplePopulation p); // "members", "keys", "service-accounts", "audit-events"
Result<SamplePopulation> parseSamplePopulation(const QString &name); // a usage error lists the choices
QStringList samplePopulationNames();

struct SampleRequest
{
    QString orgKey;
    SamplePopulation population = SamplePopulation::Members;
    qint64 size = 0;
    QString seed;
    qint64 asOf = 0; // members, keys, service accounts: the instant (Unix s)
    qint64 from = 0; // audit events: [from, to) (Unix s)
    qint64 to = 0;
};

struct SampleItem
{
    QString id;         // what is ranked
    QStringList values; // one per column of the population (text; empty for null)
    QByteArray hmac;    // HMAC-SHA-256(seed, id): 32 bytes
};

struct Population
{
    QStringList columns;     // after "id": "name", "email", …
    QList<SampleItem> items; // stable order: ids sorted (entities) or effective_at, id (events)
};

struct Sample
{
    SampleRequest request;
    QStringList columns;
    qint64 populationSize = 0;
    QString populationSha256; // hex
    QList<SampleItem> items;  // the sample, smallest HMAC first
    bool wholePopulation() const { return request.size >= populationSize; }
};

// The population as stored (errors name the org and the instant or period).
Result<Population> readPopulation(Database &db, const SampleRequest &request);
// The rank of one item; and the fingerprint of a population.
QByteArray sampleHmac(const QString &seed, const QString &id);
QString populationSha256(const QList<SampleItem> &items);
// Ranks a population read before (pure: no database).
Sample drawSample(const SampleRequest &request, Population population);
// readPopulation() then drawSample().
Result<Sample> drawSample(Database &db, const SampleRequest &request);
// The method, population size, seed and fingerprint in sentences (what the output states).
QString describeSampleMethod(const Sample &s);

} // namespace orgward
