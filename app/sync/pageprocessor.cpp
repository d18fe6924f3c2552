#include "pageprocessor.h"

#include "core/clock.h"

namespace orgward {

QJsonObject countsToJson(const TableCounts &counts)
{
    QJsonObject o;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        o.insert(it.key(), QJsonObject{{QStringLiteral("added"), it->added},
                                       {QStringLiteral("changed"), it->changed},
                                       {QStringLiteral("unchanged"), it->unchanged},
                                       {QStringLiteral("gone"), it->gone}});
    return o;
}

Status PageProcessor::checkGuards(const EndpointRef &ref, const QString &requestCursor,
                                  const ParsedPage &page)
{
    if (!page.hasMore) return {};
    if (page.nextCursor.isEmpty())
        return err(Error::Code::Parse,
                   QStringLiteral("%1: has_more is true but the page gives no cursor to continue from; "
                                  "refusing to stop silently")
                       .arg(ref.path()));
    if (page.nextCursor == requestCursor)
        return err(Error::Code::Parse,
                   QStringLiteral("%1: the server returned the cursor '%2' again; refusing to loop")
                       .arg(ref.path(), page.nextCursor));
    return {};
}

CursorState PageProcessor::advance(CursorState c, const EndpointRef &ref, const QString &requestCursor,
                                   const ParsedPage &page, const QString &newPassId, qint64 now)
{
    const bool continuing = !requestCursor.isEmpty() && c.nextPage == requestCursor && !c.passId.isEmpty();
    c.passId = continuing ? c.passId : newPassId;
    if (page.hasMore) {
        c.nextPage = page.nextCursor;
    } else {
        c.nextPage.clear();
        c.lastSyncedAt = now;
        c.errorCount = 0;
        c.lastError.clear();
        ++c.version;
    }
    if (ref.kind == EndpointKind::AuditLogs && page.maxTime > c.windowEnd) c.windowEnd = page.maxTime;
    // Bucketed endpoints: the window is the whole span ever fetched. Pages run forward in time, so
    // window_end only moves past buckets whose page has been committed.
    if (ref.isBucketed() && page.itemCount > 0) {
        c.windowStart = c.windowStart == 0 ? page.minTime : std::min(c.windowStart, page.minTime);
        c.windowEnd = std::max(c.windowEnd, page.maxTime);
    }
    return c;
}

Status PageProcessor::apply(const EndpointRef &ref, const QString &requestCursor, const ParsedPage &page,
                            const QString &newPassId, TableCounts &counts)
{
    auto cur = m_state.cursor(m_orgKey, ref.cursorKey());
    if (!cur) return cur.error();
    if (auto g = checkGuards(ref, requestCursor, page); !g) return g;
    const qint64 now = Clock::nowSecs();
    const CursorState c = advance(*cur, ref, requestCursor, page, newPassId, now);
    const QString &passId = c.passId;
    const TableSpec &spec = tableSpec(ref.kind);

    if (auto r = m_db.begin(); !r) return r;
    auto fail = [this](const Error &e) {
        m_db.rollback();
        return Status(e);
    };
    TableCounts local;
    auto written = RowWriter(m_db).upsert(spec, m_orgKey, page.rows, passId, now);
    if (!written) return fail(written.error());
    local[spec.table] += *written;
    if (!page.certificateEvents.isEmpty()) {
        const TableSpec &ev = certificateEventsSpec();
        auto e = RowWriter(m_db).upsert(ev, m_orgKey, page.certificateEvents, passId, now);
        if (!e) return fail(e.error());
        local[ev.table] += *e;
    }
    if (!page.hasMore && !spec.goneColumn.isEmpty()) {
        QVariantList scope;
        if (ref.isProjectScoped()) scope << ref.projectId;
        auto gone = RowWriter(m_db).markGone(spec, m_orgKey, scope, passId, now);
        if (!gone) return fail(gone.error());
        local[spec.table].gone += *gone;
    }
    if (auto r = m_state.saveCursor(m_orgKey, c); !r) return fail(r.error());
    if (auto r = m_db.commit(); !r) return r;
    for (auto it = local.cbegin(); it != local.cend(); ++it)
        counts[it.key()] += it.value();
    return {};
}

} // namespace orgward
