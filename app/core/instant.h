#pragma once
// Points in time typed by people on command lines and in dialogs: "2026-09-30" (midnight UTC),
// "2026-09-30T17:00:00Z" (or with an offset), "now", and relative forms "-30d", "-12h", "-90m" counted back
// from now. One parser for every --since, --from, --to and --as-of.
#include "core/result.h"

#include <QString>

namespace orgward {

// Unix seconds, or an error that quotes the text and lists the accepted forms.
Result<qint64> parseInstant(const QString &text, qint64 nowSecs);

// The other way: UTC ISO 8601 to the second ("2026-12-03T09:41:02Z"), as files, JSON and the journal write
// it.
QString formatInstant(qint64 secs);
// formatInstant(), or "" for 0 (the stores' "never" / "not known").
QString formatInstantOrEmpty(qint64 secs);

} // namespace orgward
