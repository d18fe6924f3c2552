#pragma once
// Saving a rendered report: the file and its `report` journal entry (the file's SHA-256, format, rows,
// period) land together. The entry is appended in a transaction that commits only after the file is in
// place, so a failed write leaves no entry, and a refused entry (the journal could not be written) leaves
// no file. A read-only connection (an auditor's SQLite copy) cannot hold the entry: the file is written and
// the result says it was not journaled, and why.
#include "compliance/report.h"
#include "compliance/reportrender.h"

namespace orgward {

struct ReportExport
{
    QString path;
    QString sha256; // hex, of the bytes written
    qint64 bytes = 0;
    qint64 journalSeq = 0;   // 0: not journaled
    QString notJournaledWhy; // set when journalSeq is 0
};

Result<ReportExport> exportReport(Database &db, const Report &r, ReportFormat format, const QByteArray &bytes,
                                  const QString &path);

} // namespace orgward
