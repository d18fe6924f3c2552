// CSV exports (finding 12): formula cells neutralised, RFC 4180 quoting, UTF-8, owner-only files, and a
// cancelled export leaves nothing behind. The table export writes what the model shows, every row.
#include "core/csvwriter.h"
#include "models/membersmodel.h"
#include "models/tableexport.h"
#include "testsupport/testsupport.h"

#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace orgward;

namespace {

mode_t fileMode(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) return 0;
    return st.st_mode & 0777;
}
} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT
private slots:
    void formulaCellsAreNeutralised_data();
    void formulaCellsAreNeutralised();
    void roundTripsAndIsPrivate();
    void overwrittenFileBecomesPrivate();
    void cancelLeavesNothing();
    void tableExportNeutralises();
};

void TestCsvExport::formulaCellsAreNeutralised_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("written");
    auto row = [](const char *name, const QString &cell, const QString &written) {
        QTest::newRow(name) << cell << written;
    };
    row("hyperlink", QStringLiteral("=HYPERLINK(\"http://evil.example\",\"x\")"),
        QStringLiteral("'=HYPERLINK(\"http://evil.example\",\"x\")"));
    row("plus", QStringLiteral("+1"), QStringLiteral("'+1"));
    row("minus formula", QStringLiteral("-2+3"), QStringLiteral("'-2+3"));
    row("at", QStringLiteral("@SUM(A1:A9)"), QStringLiteral("'@SUM(A1:A9)"));
    row("tab", QStringLiteral("\tx"), QStringLiteral("'\tx"));
    row("cr", QStringLiteral("\rx"), QStringLiteral("'\rx"));
    row("full-width equals", QStringLiteral("\uFF1D1+1"), QStringLiteral("'\uFF1D1+1"));
    row("dde", QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("'=cmd|' /C calc'!A0"));
    // A plain number stays a number (a negative cost must still sum); anything more is prefixed.
    row("negative integer", QStringLiteral("-3"), QStringLiteral("-3"));
    row("negative decimal", QStringLiteral("-0.25"), QStringLiteral("-0.25"));
    row("minus alone", QStringLiteral("-"), QStringLiteral("'-"));
    row("minus dot", QStringLiteral("-1."), QStringLiteral("'-1."));
    row("minus exponent", QStringLiteral("-1e5"), QStringLiteral("'-1e5"));
    row("inner equals", QStringLiteral("a=b"), QStringLiteral("a=b"));
    row("empty", QString(), QString());
}

void TestCsvExport::formulaCellsAreNeutralised()
{
    QFETCH(QString, cell);
    QFETCH(QString, written);
    QCOMPARE(csv::neutralized(cell), written);
}

void TestCsvExport::roundTripsAndIsPrivate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    const QList<QStringList> records{
        {QStringLiteral("Name"), QStringLiteral("Note"), QStringLiteral("Amount")},
        {QStringLiteral("Zoë 東京"), QStringLiteral("say \"hi\", then\nleave"), QStringLiteral("-12.5")},
        {QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"), QStringLiteral("+1"), QStringLiteral("-2+3")},
        {QStringLiteral("@SUM(A1)"), QStringLiteral("\tx"), QStringLiteral("line\r\nbreak")},
        {QString(), QStringLiteral("\""), QStringLiteral(",")}};
    CsvFile f(path);
    QVERIFY(f.open().ok());
    for (const QStringList &r : records)
        QVERIFY(f.writeRecord(r).ok());
    QVERIFY(f.commit().ok());
    QCOMPARE(fileMode(path), mode_t(0600));
    QFile in(path);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    QVERIFY(!bytes.startsWith("\xEF\xBB\xBF")); // UTF-8 without a byte order mark
    QVERIFY(bytes.endsWith("\r\n"));
    const QList<QStringList> back = test::parseCsv(QString::fromUtf8(bytes));
    QCOMPARE(back.size(), records.size());
    for (int r = 0; r < records.size(); ++r) {
        QStringList expected;
        for (const QString &c : records[r])
            expected << csv::neutralized(c);
        QCOMPARE(back[r], expected);
    }
    QCOMPARE(back[1][0], QStringLiteral("Zoë 東京"));
    QCOMPARE(back[1][1], QStringLiteral("say \"hi\", then\nleave"));
    QCOMPARE(back[1][2], QStringLiteral("-12.5"));
    QCOMPARE(back[2][0], QStringLiteral("'=HYPERLINK(\"http://x\",\"y\")"));
    QCOMPARE(back[3][1], QStringLiteral("'\tx"));
    QCOMPARE(back[3][2], QStringLiteral("line\r\nbreak"));
}

void TestCsvExport::overwrittenFileBecomesPrivate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.csv"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old\n");
    }
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
    CsvFile f(path);
    QVERIFY(f.open().ok());
    QVERIFY(f.writeRecord({QStringLiteral("new")}).ok());
    QVERIFY(f.commit().ok());
    QCOMPARE(fileMode(path), mode_t(0600));
    QFile in(path);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QCOMPARE(in.readAll(), QByteArray("new\r\n"));
}

void TestCsvExport::cancelLeavesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.csv"));
    {
        CsvFile f(path);
        QVERIFY(f.open().ok());
        QVERIFY(f.writeRecord({QStringLiteral("x")}).ok());
        f.cancel();
        QVERIFY(!f.commit().ok());
    }
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0); // no temporary left
    // A file that cannot be created names its path.
    CsvFile bad(dir.filePath(QStringLiteral("no/such/folder/x.csv")));
    auto opened = bad.open();
    QVERIFY(!opened.ok());
    QVERIFY(opened.errorMessage().contains(QLatin1String("x.csv")));
}

void TestCsvExport::tableExportNeutralises()
{
    QTemporaryDir dir;
    auto db = test::openSqlite(dir);
    const QString org = QStringLiteral("csv");
    const QStringList names{QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")"),
                            QStringLiteral("@SUM(1+1)"), QStringLiteral("Plain, \"quoted\"\nname")};
    for (int i = 0; i < names.size(); ++i)
        QVERIFY(db->run(
            QStringLiteral("INSERT INTO openai_users (org_key, id, name, email, role, added_at, row_hash, "
                           "first_seen_at, updated_at) VALUES (?, ?, ?, ?, 'reader', ?, 'h', 0, 0)"),
            {org, QStringLiteral("u%1").arg(i), names[i], QStringLiteral("+u%1@example.com").arg(i),
             1700000000 + i}));
    MembersModel m(*db);
    m.setOrgKey(org);
    m.sort(MembersModel::Added, Qt::AscendingOrder);
    const QString path = dir.filePath(QStringLiteral("members.csv"));
    ExportProgress progress;
    auto rows = writeTableCsv(*db, m.exportQuery(), path, progress);
    QVERIFY2(rows.ok(), qPrintable(rows.errorMessage()));
    QCOMPARE(*rows, 3);
    QCOMPARE(progress.rows.load(), 3);
    QCOMPARE(fileMode(path), mode_t(0600));
    QFile in(path);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QList<QStringList> back = test::parseCsv(QString::fromUtf8(in.readAll()));
    QCOMPARE(back.size(), 4);
    QCOMPARE(back[0].value(0), QStringLiteral("Name"));
    QCOMPARE(back[1].value(0), QStringLiteral("'=HYPERLINK(\"http://evil.example\",\"click\")"));
    QCOMPARE(back[1].value(1), QStringLiteral("'+u0@example.com"));
    QCOMPARE(back[1].value(3), QStringLiteral("2023-11-14T22:13:20Z")); // UTC ISO-8601
    QCOMPARE(back[2].value(0), QStringLiteral("'@SUM(1+1)"));
    QCOMPARE(back[3].value(0), names[2]);
    // Cancelled before it starts: no file.
    ExportProgress cancelled;
    cancelled.cancel = true;
    const QString none = dir.filePath(QStringLiteral("none.csv"));
    auto c = writeTableCsv(*db, m.exportQuery(), none, cancelled);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().code, Error::Code::Cancelled);
    QVERIFY(!QFile::exists(none));
}

QTEST_MAIN(TestCsvExport)
#include "test_csvexport.moc"
