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
    // The manifest is checked whole before anything is written: a file named outside the folder (an
    // absolute path, `..` climbing out, a symbolic link pointing out) refuses the import.
    Result<ImportSummary> run(const QString &dir, const ImportOptions &options = {});

private:
    struct Manifest;
    struct Entry;
    struct ChainState;
    static Result<Manifest> readManifest(const QString &dirPath, const ImportOptions &options);
    static Result<Entry> readEntry(const QString &root, const QString &manifestPath, const QJsonObject &json,
                                   qsizetype index);
    // One file: chain checks, parse, then rows and cursor in one transaction.
    Status importEntry(const Entry &entry, ChainState &chain, PageProcessor &processor,
                       ImportSummary &summary);

    Database &m_db;
};

} // namespace orgward
