#include "journal.h"
#include "core/instant.h"

#include "canonicaljson.h"
#include "core/clock.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace orgward {

namespace {

constexpr int kHashHexLength = 64;
// Any fixed number: every Orgward process that appends takes the same transaction-scoped lock.
constexpr qint64 kJournalAdvisoryLock = 0x6f72677761726431; // "orgward1"
const QByteArray kLayoutTag = QByteArrayLiteral("orgward-journal-v1");

struct KindName
{
    JournalKind kind;
    const char *name;
};
constexpr KindName kKinds[] = {
    {JournalKind::Sync, "sync"},
    {JournalKind::Import, "import"},
    {JournalKind::Export, "export"},
    {JournalKind::Report, "report"},
    {JournalKind::Evidence, "evidence"},
    {JournalKind::AdminAction, "admin-action"},
    {JournalKind::ProfileChange, "profile-change"},
    {JournalKind::RoleChange, "role-change"},
    {JournalKind::BudgetChange, "budget-change"},
    {JournalKind::Review, "review"},
};

void netstring(QByteArray &out, const QByteArray &field)
{
    out += QByteArray::number(field.size());
    out += ':';
    out += field;
    out += ',';
}

const QString kColumns = QStringLiteral("seq, at, actor, kind, org_key, payload, prev_hash, entry_hash");

JournalEntry readEntry(const QSqlQuery &q)
{
    JournalEntry e;
    e.seq = q.value(0).toLongLong();
    e.at = q.value(1).toString();
    e.actor = q.value(2).toString();
    e.kind = q.value(3).toString();
    e.orgKey = q.value(4).toString();
    e.payload = q.value(5).toString().toUtf8();
    e.prevHash = q.value(6).toString();
    e.entryHash = q.value(7).toString();
    return e;
}

// Commits or rolls back a transaction append() opened itself; leaves the caller's alone.
class OwnTransaction
{
public:
    explicit OwnTransaction(Database &db) : m_db(db), m_own(db.transactionDepth() == 0) {}
    ~OwnTransaction()
    {
        if (m_open) m_db.rollback();
    }
    Status begin()
    {
        if (!m_own) return {};
        auto r = m_db.begin();
        m_open = r.ok();
        return r;
    }
    Status commit()
    {
        if (!m_open) return {};
        m_open = false;
        return m_db.commit();
    }

private:
    Database &m_db;
    bool m_own;
    bool m_open = false;
};

} // namespace

const QString Journal::kGenesisHash = QString(kHashHexLength, u'0');

QString journalKindName(JournalKind kind)
{
    for (const KindName &k : kKinds)
        if (k.kind == kind) return QString::fromLatin1(k.name);
    return {};
}

std::optional<JournalKind> parseJournalKind(const QString &name)
{
    for (const KindName &k : kKinds)
        if (name == QLatin1String(k.name)) return k.kind;
    return std::nullopt;
}

QStringList journalKindNames()
{
    QStringList names;
    for (const KindName &k : kKinds)
        names << QString::fromLatin1(k.name);
    return names;
}

Journal::Journal(Database &db) : m_db(db) {}

QByteArray Journal::hashInput(const JournalEntry &e)
{
    QByteArray out;
    netstring(out, kLayoutTag);
    netstring(out, QByteArray::number(e.seq));
    netstring(out, e.at.toUtf8());
    netstring(out, e.actor.toUtf8());
    netstring(out, e.kind.toUtf8());
    netstring(out, e.orgKey.toUtf8());
    netstring(out, e.payload);
    netstring(out, e.prevHash.toUtf8());
    return out;
}

QString Journal::computeHash(const JournalEntry &e)
{
    return QString::fromLatin1(QCryptographicHash::hash(hashInput(e), QCryptographicHash::Sha256).toHex());
}

QString Journal::osUser()
{
    for (const char *var : {"USER", "USERNAME", "LOGNAME"})
        if (const QString u = qEnvironmentVariable(var); !u.isEmpty()) return u;
    return QStringLiteral("unknown");
}

Result<QString> Journal::actor()
{
    if (!m_actor.isEmpty()) return m_actor;
    QString who = osUser();
    if (m_db.isPostgres()) {
        auto role = m_db.scalar(QStringLiteral("SELECT current_user"));
        if (!role) return role.error();
        who += QStringLiteral(" (database role %1)").arg(role->toString());
    }
    m_actor = who;
    return m_actor;
}

Result<JournalHead> Journal::head()
{
    auto q =
        m_db.exec(QStringLiteral("SELECT seq, entry_hash FROM orgward_journal ORDER BY seq DESC LIMIT 1"));
    if (!q) return q.error();
    JournalHead h{0, kGenesisHash};
    if (q->next()) h = {q->value(0).toLongLong(), q->value(1).toString()};
    q->finish();
    return h;
}

Result<JournalEntry> Journal::append(JournalKind kind, const QString &orgKey, const QJsonObject &payload)
{
    auto who = actor();
    if (!who) return who.error();
    OwnTransaction tx(m_db);
    if (auto r = tx.begin(); !r) return r.error();
    if (m_db.isPostgres()) {
        // Held until the transaction ends: a second writer waits here, then sees this entry as its head.
        if (auto r = m_db.run(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {kJournalAdvisoryLock}); !r)
            return r.error();
    }
    auto h = head();
    if (!h) return h.error();
    JournalEntry e;
    e.seq = h->seq + 1;
    e.at = formatInstant(Clock::nowSecs());
    e.actor = *who;
    e.kind = journalKindName(kind);
    e.orgKey = orgKey.isNull() ? QStringLiteral("") : orgKey; // a null QString would bind as NULL
    e.payload = canonicalJson(payload);
    e.prevHash = h->entryHash;
    e.entryHash = computeHash(e);
    auto ins = m_db.run(
        QStringLiteral("INSERT INTO orgward_journal (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").arg(kColumns),
        {e.seq, e.at, e.actor, e.kind, e.orgKey, QString::fromUtf8(e.payload), e.prevHash, e.entryHash});
    if (!ins)
        return err(Error::Code::Database,
                   QStringLiteral("Could not append to the journal: %1").arg(ins.errorMessage()));
    if (auto r = tx.commit(); !r) return r.error();
    return e;
}

Result<QList<JournalEntry>> Journal::entries(const JournalFilter &f)
{
    QString sql = QStringLiteral("SELECT %1 FROM orgward_journal WHERE at >= ?").arg(kColumns);
    QVariantList binds{formatInstant(f.sinceSecs)};
    if (f.kind) {
        sql += QStringLiteral(" AND kind = ?");
        binds << journalKindName(*f.kind);
    }
    if (!f.orgKey.isEmpty()) {
        sql += QStringLiteral(" AND org_key = ?");
        binds << f.orgKey;
    }
    sql += f.newestFirst ? QStringLiteral(" ORDER BY seq DESC") : QStringLiteral(" ORDER BY seq");
    if (f.limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        binds << f.limit;
    }
    auto q = m_db.exec(sql, binds);
    if (!q) return q.error();
    QList<JournalEntry> out;
    while (q->next())
        out << readEntry(*q);
    return out;
}

Result<JournalVerification> Journal::verify(const QString &expectedHead)
{
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM orgward_journal ORDER BY seq").arg(kColumns));
    if (!q) return q.error();
    JournalVerification v;
    v.head = {0, kGenesisHash};
    auto broken = [&v](JournalFault fault, qint64 seq, QString detail) {
        v.fault = fault;
        v.brokenSeq = seq;
        v.detail = std::move(detail);
    };
    while (q->next()) {
        const JournalEntry e = readEntry(*q);
        ++v.entries;
        if (!v.ok()) continue; // read to the end: PostgreSQL streams this result
        const qint64 expected = v.head.seq + 1;
        if (e.seq != expected)
            broken(
                JournalFault::Gap, expected,
                QStringLiteral("seq %1 is missing: the entry after seq %2 is seq %3 (an entry was deleted)")
                    .arg(expected)
                    .arg(v.head.seq)
                    .arg(e.seq));
        else if (e.prevHash != v.head.entryHash)
            broken(
                JournalFault::Fork, e.seq,
                QStringLiteral("seq %1 does not follow seq %2: its prev_hash %3 is not that entry's hash %4")
                    .arg(e.seq)
                    .arg(v.head.seq)
                    .arg(e.prevHash, v.head.entryHash));
        else if (computeHash(e) != e.entryHash)
            broken(JournalFault::HashMismatch, e.seq,
                   QStringLiteral("seq %1 was altered: its fields hash to %2, not to the stored %3")
                       .arg(e.seq)
                       .arg(computeHash(e), e.entryHash));
        if (v.ok()) v.head = {e.seq, e.entryHash};
    }
    if (v.ok() && !expectedHead.isEmpty() && expectedHead != v.head.entryHash)
        broken(
            JournalFault::HeadMismatch, v.head.seq + 1,
            QStringLiteral("the chain ends at seq %1 (%2), not at the expected head %3: entries were removed "
                           "from the end or this is another journal")
                .arg(v.head.seq)
                .arg(v.head.entryHash, expectedHead));
    return v;
}

} // namespace orgward
