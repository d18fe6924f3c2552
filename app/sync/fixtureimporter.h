#pragma once
// Offline review: loads a folder of recorded Admin API responses (manifest.json + one JSON file per
// page) through the same parsers and upsert code as the live sync. Each file is one transaction: a bad
// file stops the import with its name, JSON path and reason, and the database keeps what it had.
#include "core/result.h"
#include "pageprocessor.h"

#include <atomic>
#include <functional>

namespace orgward {

struct ImportOptions
{
    QString orgKey;      // override the manifest's organization key
    bool dryRun = false; // parse and classify everything, then roll back
    std::function<void(int done, int total, const QString &file)> progress;
    const std::atomic_bool *cancel = nullptr;
};

struct ImportSummary
{
    QString orgKey;
    QString orgName;
    qint64 capturedAt = 0;
    int files = 0;
    TableCounts counts;
    QString runId;
};

class FixtureImporter
{
public:
    explicit FixtureImporter(Database &db) : m_db(db) {}
    Result<ImportSummary> run(const QString &dir, const ImportOptions &options = {});

private:
    Database &m_db;
};

} // namespace orgward
