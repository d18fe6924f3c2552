#pragma once
// The tamper-evident journal (orgward_journal): one append-only, hash-chained entry for every sync run,
// import, export, report, evidence bundle, access review and admin action, written in the same transaction as
// the work it records. HACKING.md ("The journal") defines the exact bytes each entry_hash covers, so anyone
// can recompute the chain without Orgward.
#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace orgward {

class Database;

enum class JournalKind
{
    Sync,
    Import,
    Export,
    Report,
    Evidence,
    AdminAction,
    ProfileChange,
    RoleChange,
    BudgetChange,
    Review, // an access review marked done (compliance/review.h)
};

QString journalKindName(JournalKind kind);
std::optional<JournalKind> parseJournalKind(const QString &name);
QStringList journalKindNames();

struct JournalEntry
{
    qint64 seq = 0;
    QString at; // UTC, ISO 8601 to the second: 2026-12-03T09:41:02Z
    QString actor;
    QString kind;
    QString orgKey;     // empty when the entry concerns no single organization
    QByteArray payload; // canonical JSON
    QString prevHash;
    QString entryHash;
};

struct JournalHead
{
    qint64 seq = 0;    // 0: the journal is empty
    QString entryHash; // kGenesisHash when empty
};

enum class JournalFault
{
    None,
    Gap,          // a seq is missing (an entry was deleted) or out of order
    Fork,         // prev_hash does not name the entry before it
    HashMismatch, // the entry's fields no longer hash to its entry_hash (it was altered)
    HeadMismatch, // the chain holds, but does not end at the head the caller expected
};

struct JournalVerification
{
    qint64 entries = 0;
    JournalHead head;
    JournalFault fault = JournalFault::None;
    qint64 brokenSeq = 0; // the first entry found broken
    QString detail;       // plain words: what is wrong and where
    bool ok() const { return fault == JournalFault::None; }
};

struct JournalFilter
{
    qint64 sinceSecs = 0; // 0: from the start
    std::optional<JournalKind> kind;
    QString orgKey;
    int limit = 0;            // 0: all
    bool newestFirst = false; // highest seq first (with limit 1: the newest matching entry)
};

class Journal
{
public:
    static const QString kGenesisHash; // prev_hash of the first entry: 64 zeros

    explicit Journal(Database &db);

    // Appends one entry inside the caller's open transaction (or its own when none is open). Concurrent
    // writers serialize on the chain head: PostgreSQL takes a transaction-scoped advisory lock, SQLite's
    // write transaction is already exclusive (BEGIN IMMEDIATE).
    Result<JournalEntry> append(JournalKind kind, const QString &orgKey, const QJsonObject &payload);
    Result<JournalHead> head();
    Result<QList<JournalEntry>> entries(const JournalFilter &filter = {});
    // Recomputes the whole chain. expectedHead (optional) catches entries removed from the end, which no
    // chain can reveal by itself.
    Result<JournalVerification> verify(const QString &expectedHead = {});

    // The documented byte layout (netstrings, see HACKING.md) and its SHA-256 in lowercase hex.
    static QByteArray hashInput(const JournalEntry &e);
    static QString computeHash(const JournalEntry &e);
    // "alice", or on PostgreSQL "alice (database role orgward_admin)".
    static QString osUser();

private:
    Result<QString> actor();
    Database &m_db;
    QString m_actor;
};

} // namespace orgward
