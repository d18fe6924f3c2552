// parseCsvText (allocation tables and price overrides people hand back): any text parses or is refused with
// a line number, never crashes. Invariants: every record's line is within the text and ascending; what
// parsed, written again with csv::record() and parsed a second time, gives the same fields (the writer's
// formula guard and the reader's undoing of it cancel out), except a field that itself starts with ' before
// a formula character, which the format cannot tell from a guarded one and which is left out of the check.
#include "core/csvreader.h"
#include "core/csvwriter.h"
#include "fuzzsupport.h"

using namespace orgward;

namespace {
bool ambiguous(const QStringList &fields)
{
    for (const QString &f : fields)
        if (f.startsWith(u'\'')) return true;
    return false;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const auto records = parseCsvText(text);
    if (!records) {
        FUZZ_CHECK(records.errorMessage().startsWith(QLatin1String("line ")), records.errorMessage());
        return 0;
    }
    const qsizetype lines = text.count(u'\n') + text.count(u'\r') + 1;
    int previous = 0;
    QString again;
    QList<QStringList> kept;
    for (const CsvRecord &r : *records) {
        FUZZ_CHECK(r.line > previous && r.line <= lines, QString::number(r.line));
        previous = r.line;
        FUZZ_CHECK(!r.fields.isEmpty(), text);
        if (ambiguous(r.fields) || (r.fields.size() == 1 && r.fields.first().isEmpty())) continue;
        again += csv::record(r.fields);
        kept << r.fields;
    }
    const auto reparsed = parseCsvText(again);
    FUZZ_CHECK(reparsed.ok(), again);
    FUZZ_CHECK(reparsed->size() == kept.size(), again);
    for (int i = 0; i < kept.size(); ++i)
        FUZZ_CHECK(reparsed->at(i).fields == kept[i], again);
    return 0;
}
