#pragma once
// The journal entry of a file the console exported (a table or the Changes as CSV, a chart as PNG/SVG):
// issue #14 asks that every export be recorded. The file is written first (on the table worker, whose
// connection is read-only), so the entry follows it: it names the file, what it holds, its rows and its
// SHA-256, read back from disk. A caller whose entry is refused removes the file (an export the journal
// does not know is not kept).
#include "compliance/journal.h"

namespace orgward {

Result<JournalEntry> recordExport(Database &db, const QString &orgKey, const QString &path,
                                  const QString &what, qint64 rows);

} // namespace orgward
