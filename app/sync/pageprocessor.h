#pragma once
// Applies one fetched page: rows, derived rows and the endpoint's cursor in one transaction, so a crash
// between pages resumes from the last committed page with no gaps and no duplicates. Shared by the
// live sync worker and the fixture importer (a fixture folder is just another page source).
#include "domain/pageparser.h"
#include "store/rowwriter.h"
#include "store/syncstate.h"

#include <QJsonObject>
#include <QMap>

namespace orgward {

using TableCounts = QMap<QString, WriteCounts>; // table name → counts

// {"table": {"added": n, "changed": n, "unchanged": n, "gone": n}} for sync-run records and reports.
QJsonObject countsToJson(const TableCounts &counts);

class PageProcessor
{
public:
    PageProcessor(Database &db, QString orgKey) : m_db(db), m_orgKey(std::move(orgKey)), m_state(db) {}

    // Record: the page belongs to a live sync's read of the whole audit log (no effective_at filter); when
    // it is that read's last page, the oldest event the read returned is saved as the API's reach
    // (SyncState::saveAuditReach). A filtered read, or a fixture import (a recording), says nothing about
    // what the API still returns: Ignore.
    enum class Reach
    {
        Ignore,
        Record
    };

    // Checks the paging guards before writing: has_more without a cursor, a repeated cursor.
    // requestCursor is the after/page value the page was fetched with (empty for a chain's first page).
    // newPassId identifies a new chain's pass (used to soft-delete what a complete list no longer has).
    Status apply(const EndpointRef &ref, const QString &requestCursor, const ParsedPage &page,
                 const QString &newPassId, TableCounts &counts, Reach reach = Reach::Ignore);

    // apply() in two steps, for the sync's page committer (pagecommitter.h), which lands pages on a
    // helper thread: a page made ready to land (its cells and the cursor it leaves), then landed.
    struct PreparedPage
    {
        EndpointRef ref;
        bool complete = false; // the chain's last page: what the pass did not see is soft-deleted
        CursorState after;     // from advance(); after.passId marks the rows
        qint64 now = 0;
        RowWriter::Prepared rows, events;
        Reach reach = Reach::Ignore; // Record: see Reach (only acted on when complete)
    };
    // No database access: any thread, while another page is being landed.
    PreparedPage prepare(const EndpointRef &ref, const ParsedPage &page, CursorState after, qint64 now) const;
    // Rows, derived rows, soft deletes and the cursor, inside the caller's transaction (Qt's or a native
    // BEGIN) and through the native handle only.
    Result<TableCounts> land(const PreparedPage &page);

    // The paging guards apply() checks first: has_more without a cursor, the request's cursor repeated.
    static Status checkGuards(const EndpointRef &ref, const QString &requestCursor, const ParsedPage &page);
    // The endpoint's cursor once this page is committed, from the cursor before it (the rows' pass id is
    // the result's passId). Soft deletes at a chain's end are apply()'s business, not this.
    static CursorState advance(CursorState c, const EndpointRef &ref, const QString &requestCursor,
                               const ParsedPage &page, const QString &newPassId, qint64 now);

private:
    Database &m_db;
    QString m_orgKey;
    SyncState m_state;
};

} // namespace orgward
