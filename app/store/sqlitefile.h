#pragma once
// The SQLite database file on disk: who may read it, and what a failure to open or write it means.
// The file holds e-mail addresses, IP addresses and raw audit events, so Orgward creates its folder 0700
// and the file 0600 whatever the umask (SQLite gives the -wal and -shm files the database file's mode).
// An existing file is never chmod-ed behind its owner's back: it may be shared on purpose; opening it
// says so instead (Database::warnings()).
#include "core/result.h"

#include <QString>
#include <QStringList>

namespace orgward::sqlitefile {

// Creates the missing folders of `path` 0700 and the empty database file 0600. Returns whether it created
// the file (so a failed open can remove what it made and nothing else). An existing file is left alone.
Result<bool> createPrivate(const QString &path);
// Warnings for an existing database whose file (or -wal/-shm) group or others may read or write.
QStringList exposureWarnings(const QString &path);
// A user-facing sentence for SQLite's error text met while opening or writing `path`: what happened and
// what to do. Empty when the text is nothing this knows.
QString explainFailure(const QString &path, const QString &sqliteText);

} // namespace orgward::sqlitefile
