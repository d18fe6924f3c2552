#include "csvreader.h"

#include <QObject>

namespace orgward {

namespace {

// Undo csv::neutralized(): a ' in front of a cell that would read as a formula.
QString unneutralized(const QString &cell)
{
    static const QString formulaStarts = QStringLiteral("=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20");
    if (cell.size() >= 2 && cell[0] == u'\'' && formulaStarts.contains(cell[1])) return cell.mid(1);
    return cell;
}

} // namespace

Result<QList<CsvRecord>> parseCsvText(const QString &text)
{
    QList<CsvRecord> out;
    CsvRecord rec{1, {}};
    QString field;
    int line = 1;
    bool quoted = false, afterQuote = false, any = false;
    auto endField = [&] {
        rec.fields << unneutralized(field);
        field.clear();
        afterQuote = false;
    };
    auto endRecord = [&] {
        endField();
        if (any) out << rec;
        rec = CsvRecord{line, {}};
        any = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                if (c == u'\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == u',') {
            endField();
            any = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') ++i;
            ++line;
            endRecord();
        } else if (afterQuote) {
            return err(Error::Code::Parse,
                       QObject::tr("line %1: text after a closing quote; quote the whole field").arg(line));
        } else if (c == u'"' && field.isEmpty()) {
            quoted = true;
            any = true;
        } else {
            field += c;
            any = true;
        }
    }
    if (quoted)
        return err(Error::Code::Parse, QObject::tr("line %1: a quoted field is never closed").arg(rec.line));
    if (any || !field.isEmpty()) endRecord();
    return out;
}

} // namespace orgward
