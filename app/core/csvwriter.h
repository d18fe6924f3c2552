#pragma once
// CSV files for people to open in a spreadsheet: RFC 4180 (comma, CRLF, quotes doubled, fields quoted
// when they hold a comma, quote, CR or LF), UTF-8 without a byte order mark, and no cell that a
// spreadsheet would run as a formula. Files are written through a QSaveFile made private (0600) before the
// first byte: a cancelled or failed export leaves any earlier file as it was and no partial file behind.
//
// Formula cells (CWE-1236, OWASP "CSV injection"): a cell starting with =, +, -, @, tab or CR (or the
// full-width =, +, -, @ some spreadsheets also accept) gets a leading ' so it is shown as text. A cell that
// is one plain number (-12, -0.5: optional minus, digits, optional fraction) stays as it is: it cannot call
// anything, and a negative amount must stay a number for whoever sums the column. "-2+3" is not a plain
// number and is prefixed.
#include "core/result.h"

#include <QSaveFile>
#include <QStringList>

namespace orgward {

namespace csv {
// The cell as a spreadsheet should show it (a ' in front of anything that reads as a formula).
QString neutralized(const QString &cell);
// One field: neutralized, then quoted when RFC 4180 requires it.
QString field(const QString &cell);
// One record: fields joined by commas, ended by CRLF.
QString record(const QStringList &cells);
} // namespace csv

class CsvFile
{
public:
    explicit CsvFile(const QString &path);
    CsvFile(const CsvFile &) = delete;
    CsvFile &operator=(const CsvFile &) = delete;

    // Creates the (temporary) file, owner-only, before any data. Errors name the path.
    Status open();
    Status writeRecord(const QStringList &cells);
    // Replaces the target with what was written (still 0600). Without commit() nothing is replaced.
    Status commit();
    void cancel() { m_file.cancelWriting(); }

private:
    Status failed(const QString &what) const;
    QSaveFile m_file;
};

} // namespace orgward
