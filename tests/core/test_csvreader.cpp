// parseCsvText: RFC 4180 records (quotes, doubled quotes, CRLF or LF, line breaks inside quotes), the
// formula guard of csvwriter.h undone, empty lines skipped, and errors that name the line.
#include "core/csvreader.h"
#include "core/csvwriter.h"

#include <QTest>

using namespace orgward;

namespace {
QStringList list(std::initializer_list<const char *> cells)
{
    QStringList out;
    for (const char *c : cells)
        out << QString::fromUtf8(c);
    return out;
}
} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordsAndLines()
    {
        const auto r = parseCsvText(
            QStringLiteral("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\n\n\"multi\nline\",2,3\nlast"));
        QVERIFY2(r, qPrintable(r.errorMessage()));
        QCOMPARE(r->size(), 4);
        QCOMPARE(r->at(0).fields, list({"a", "b", "c"}));
        QCOMPARE(r->at(0).line, 1);
        QCOMPARE(r->at(1).fields, list({"x, y", "say \"hi\"", ""}));
        QCOMPARE(r->at(1).line, 2);
        QCOMPARE(r->at(2).fields, list({"multi\nline", "2", "3"}));
        QCOMPARE(r->at(2).line, 4); // after the empty line 3
        QCOMPARE(r->at(3).fields, list({"last"}));
        QCOMPARE(r->at(3).line, 6);
        QCOMPARE(parseCsvText(QString())->size(), 0);
        QCOMPARE(parseCsvText(QStringLiteral(",\n"))->first().fields, list({"", ""}));
    }

    void formulaGuardUndone()
    {
        const QStringList cells =
            list({"=SUM(A1)", "+1", "-2+3", "@x", "-12", "'plain", "Risk \"desk\", 2", "\tTab"});
        const auto r = parseCsvText(csv::record(cells));
        QVERIFY(r);
        QCOMPARE(r->first().fields, cells);
    }

    void errorsNameTheLine()
    {
        auto r = parseCsvText(QStringLiteral("a,b\nc,\"d\"e\n"));
        QVERIFY(!r);
        QCOMPARE(r.errorMessage(),
                 QStringLiteral("line 2: text after a closing quote; quote the whole field"));
        r = parseCsvText(QStringLiteral("a\nb\n\"open,\nstill open"));
        QVERIFY(!r);
        QCOMPARE(r.errorMessage(), QStringLiteral("line 3: a quoted field is never closed"));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "test_csvreader.moc"
