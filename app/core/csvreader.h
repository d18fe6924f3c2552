#pragma once
// RFC 4180 reader for files people hand back to Orgward (allocation tables, price overrides): records of
// fields, quotes undone, CRLF or LF ending a record. Errors name the line. The inverse of csvwriter.h,
// including its formula guard: a cell "'=x" written by Orgward reads back as "=x".
#include "core/result.h"

#include <QList>
#include <QStringList>

namespace orgward {

struct CsvRecord
{
    int line = 0; // 1-based line the record starts on
    QStringList fields;
};

// Refuses an unterminated quote and text after a closing quote ("a"b) with the line number. Empty lines
// are skipped.
Result<QList<CsvRecord>> parseCsvText(const QString &text);

} // namespace orgward
