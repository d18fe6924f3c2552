// Reports as files (issue #14): the access review's PDF against the database (every active member, the
// counts, its journal entry), headers repeated on every page of a long table, page X of Y, A4 and Letter,
// CSV that round-trips (formula cells neutralised), typed JSON, and the report command's usage errors.
#include "compliance/journal.h"
#include "compliance/reportrender.h"
#include "compliance/reports.h"
#include "core/clock.h"
#include "store/database.h"
#include "sync/fixtureimporter.h"
#include "testsupport/testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace orgward;

namespace {
const QString kOrg = QStringLiteral("acme");
constexpr int kProcessTimeoutMs = 120000;
constexpr int kLongTableRows = 400;

QString orgwardBinary()
{
    return QStringLiteral(ORGWARD_BINARY_DIR "/bin/orgward");
}

qint64 captureTime()
{
    QFile f(test::fixturesDir() + QStringLiteral("/manifest.json"));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("captured_at")).toInteger();
}

// Orgward observes the fixture org an hour after its capture (the clock is frozen for the import), so the
// org is known as of that instant whatever the machine's clock says.
qint64 importTime()
{
    return captureTime() + 3600;
}

bool importFixtures(Database &db)
{
    Clock::freezeAt(importTime());
    const bool ok = FixtureImporter(db).run(test::fixturesDir()).ok();
    Clock::reset();
    return ok;
}

QString isoUtc(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

struct Run
{
    int code = -1;
    QString out, err;
};

Run runOrgward(const QStringList &args)
{
    QProcess p;
    p.start(orgwardBinary(), args);
    Run r;
    if (!p.waitForFinished(kProcessTimeoutMs)) return r;
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// pdftotext (poppler-utils): the text of pages [first, last] (0: all) in content-stream order.
QString pdfText(const QString &pdf, int first = 0, int last = 0, bool layout = false)
{
    QStringList args;
    if (first > 0) args << QStringLiteral("-f") << QString::number(first);
    if (last > 0) args << QStringLiteral("-l") << QString::number(last);
    args << (layout ? QStringLiteral("-layout") : QStringLiteral("-raw")) << pdf << QStringLiteral("-");
    QProcess p;
    p.start(QStringLiteral("pdftotext"), args);
    if (!p.waitForFinished(kProcessTimeoutMs) || p.exitCode() != 0) return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString pdfInfo(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {pdf});
    if (!p.waitForFinished(kProcessTimeoutMs)) return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pdfPages(const QString &pdf)
{
    const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(pdfInfo(pdf));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString squeezed(QString s)
{
    s.remove(QRegularExpression(QStringLiteral("\\s+")));
    return s;
}

Report syntheticReport(int rows)
{
    Report r;
    r.meta.name = QStringLiteral("synthetic");
    r.meta.title = QStringLiteral("Synthetic report");
    r.meta.orgKey = kOrg;
    r.meta.orgName = QStringLiteral("Acme Finance");
    r.meta.from = 1790000000;
    r.meta.to = 1795000000;
    r.meta.asOf = 1795000000;
    r.meta.journalHead = QString(64, u'a');
    r.meta.journalSeq = 7;
    r.meta.version = QStringLiteral("test");
    r.meta.generatedAt = 1795000100;
    r.summary = {{QStringLiteral("Rows"), qint64(rows)}};
    r.findings = {{FindingSeverity::Warning, QStringLiteral("CC6.2"), QStringLiteral("A finding")}};
    ReportTable t{QStringLiteral("items"),
                  QStringLiteral("Items"),
                  QStringLiteral("Every item."),
                  {{QStringLiteral("id"), QStringLiteral("Identifier"), CellKind::Text, 2},
                   {QStringLiteral("email"), QStringLiteral("Email address"), CellKind::Email, 3},
                   {QStringLiteral("count"), QStringLiteral("Count"), CellKind::Number, 1},
                   {QStringLiteral("active"), QStringLiteral("Active"), CellKind::Text, 1}},
                  {}};
    for (int i = 0; i < rows; ++i)
        t.rows.append({QStringLiteral("item-%1").arg(i, 5, 10, QLatin1Char('0')),
                       QStringLiteral("person%1@example.com").arg(i), qint64(i), i % 2 == 0});
    r.tables.append(t);
    return r;
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}
} // namespace

class TestReportRender : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accessReviewPdfMatchesDatabase_data() { test::addEngineRows(); }
    void accessReviewPdfMatchesDatabase();
    void everyReportRendersInEveryFormat();
    void longTableRepeatsHeadersOnEveryPage();
    void pageSizes();
    void csvRoundTrips();
    void jsonIsTyped();
    void reportCommandUsage();
};

void TestReportRender::accessReviewPdfMatchesDatabase()
{
    QFETCH(bool, postgres);
    QTemporaryDir dir;
    auto db = test::openEngine(dir, QStringLiteral("test_reportrender"));
    if (!db) return;
    QVERIFY2(importFixtures(*db), "fixture import");
    const QString url = postgres ? db->url().toString() : QStringLiteral("sqlite://") + db->url().path;
    const QString pdf = dir.filePath(QStringLiteral("access.pdf"));
    const qint64 at = importTime();
    QVERIFY(captureTime() > 0);
    const Run r =
        runOrgward({QStringLiteral("report"), QStringLiteral("access-review"), QStringLiteral("--db"), url,
                    QStringLiteral("--as-of"), isoUtc(at), QStringLiteral("--out"), pdf});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString text = pdfText(pdf);
    QVERIFY(!text.isEmpty());
    const QString flat = squeezed(text);

    // Every active member is in it, and the row count the PDF states is the database's.
    auto q = db->exec(
        QStringLiteral("SELECT email FROM openai_users WHERE org_key = ? AND deleted_at IS NULL"), {kOrg});
    QVERIFY(q);
    int members = 0;
    while (q->next()) {
        ++members;
        const QString email = q->value(0).toString();
        QVERIFY2(flat.contains(email), qPrintable(QStringLiteral("missing from the PDF: ") + email));
    }
    QVERIFY(members > 0);
    QVERIFY2(text.contains(QStringLiteral("Members: %1").arg(members)), qPrintable(text.left(3000)));
    auto owners =
        db->scalar(QStringLiteral("SELECT COUNT(*) FROM openai_users WHERE org_key = ? AND deleted_at IS "
                                  "NULL AND role = 'owner'"),
                   {kOrg});
    QVERIFY(owners);
    QVERIFY(text.contains(QStringLiteral("Acme Finance")));
    QVERIFY(text.contains(QStringLiteral("Page 1 of %1").arg(pdfPages(pdf))));

    // Its journal entry names the very bytes written.
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
    JournalFilter jf;
    jf.kind = JournalKind::Report;
    auto entries = Journal(*db).entries(jf);
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    const QJsonObject payload = QJsonDocument::fromJson(entries->first().payload).object();
    QCOMPARE(payload.value(QStringLiteral("sha256")).toString(), sha);
    QCOMPARE(payload.value(QStringLiteral("report")).toString(), QStringLiteral("access-review"));
    QCOMPARE(entries->first().orgKey, kOrg);
    // The footer carries the head the report was made at (before its own entry).
    QVERIFY(text.contains(entries->first().prevHash));
}

void TestReportRender::everyReportRendersInEveryFormat()
{
    QTemporaryDir dir;
    auto db = test::openSqlite(dir);
    QVERIFY(importFixtures(*db));
    ReportParams p;
    p.orgKey = kOrg;
    p.asOf = importTime();
    for (const ReportInfo &info : reportCatalogue()) {
        auto r = buildReport(*db, info.name, p);
        QVERIFY2(r, qPrintable(info.name + QStringLiteral(": ") + r.errorMessage()));
        QCOMPARE(r->meta.name, info.name);
        QCOMPARE(r->meta.asOf, p.asOf);
        QVERIFY(!r->meta.freshness.isEmpty());
        QCOMPARE(r->meta.journalHead.size(), 64);
        auto pdf = renderPdf(*r);
        QVERIFY2(pdf, qPrintable(pdf.errorMessage()));
        QVERIFY(pdf->startsWith("%PDF-"));
        const QString path = dir.filePath(info.name + QStringLiteral(".pdf"));
        QVERIFY(writeBytes(path, *pdf));
        const QString text = pdfText(path);
        QVERIFY2(text.contains(info.title), qPrintable(info.name));
        for (const ReportTable &t : r->tables)
            QVERIFY2(squeezed(text).contains(squeezed(t.title)), qPrintable(info.name + u'/' + t.id));
        const QJsonObject json = QJsonDocument::fromJson(renderJson(*r)).object();
        QCOMPARE(json.value(QStringLiteral("meta")).toObject().value(QStringLiteral("report")).toString(),
                 info.name);
        QCOMPARE(json.value(QStringLiteral("tables")).toArray().size(), r->tables.size());
        const QList<QStringList> csv = test::parseCsv(QString::fromUtf8(renderCsv(*r)));
        QVERIFY(csv.size() >= 2);
        QCOMPARE(csv.first(), (QStringList{QStringLiteral("table"), QStringLiteral("report")}));
    }
}

void TestReportRender::longTableRepeatsHeadersOnEveryPage()
{
    QTemporaryDir dir;
    const Report r = syntheticReport(kLongTableRows);
    auto pdf = renderPdf(r);
    QVERIFY(pdf);
    const QString path = dir.filePath(QStringLiteral("long.pdf"));
    QVERIFY(writeBytes(path, *pdf));
    const int pages = pdfPages(path);
    QVERIFY2(pages >= 5, qPrintable(QString::number(pages)));
    int seenRows = 0;
    for (int i = 1; i <= pages; ++i) {
        const QString text = pdfText(path, i, i);
        QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(i).arg(pages)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Synthetic report")));                // header: report and org
        QVERIFY(text.contains(QStringLiteral("Period 2026-09-21 to 2026-11-18"))); // header: period
        QVERIFY(text.contains(QString(64, u'a')));                                 // footer: journal head
        seenRows += text.count(QRegularExpression(QStringLiteral("item-\\d{5}")));
        if (i > 1) {
            QVERIFY2(text.contains(QStringLiteral("Items (continued)")), qPrintable(text.left(400)));
            QVERIFY2(text.contains(QStringLiteral("Identifier")) &&
                         text.contains(QStringLiteral("Email address")),
                     qPrintable(text.left(600)));
        }
    }
    QCOMPARE(seenRows, kLongTableRows); // each row once: none lost or repeated at a page break
}

void TestReportRender::pageSizes()
{
    QTemporaryDir dir;
    const Report r = syntheticReport(3);
    const QString a4 = dir.filePath(QStringLiteral("a4.pdf")),
                  letter = dir.filePath(QStringLiteral("letter.pdf"));
    QVERIFY(writeBytes(a4, *renderPdf(r, PdfOptions{PageSize::A4})));
    QVERIFY(writeBytes(letter, *renderPdf(r, PdfOptions{PageSize::Letter})));
    QVERIFY2(pdfInfo(a4).contains(QStringLiteral("(A4)")), qPrintable(pdfInfo(a4)));
    QVERIFY2(pdfInfo(letter).contains(QStringLiteral("792 x 612")), qPrintable(pdfInfo(letter)));
}

void TestReportRender::csvRoundTrips()
{
    ReportTable t{QStringLiteral("t"),
                  QStringLiteral("T"),
                  {},
                  {{QStringLiteral("a"), QStringLiteral("A")}, {QStringLiteral("b"), QStringLiteral("B")}},
                  {}};
    const QList<QPair<QVariant, QString>> cells{
        {QStringLiteral("plain"), QStringLiteral("plain")},
        {QStringLiteral("comma, and \"quotes\""), QStringLiteral("comma, and \"quotes\"")},
        {QStringLiteral("two\r\nlines"), QStringLiteral("two\r\nlines")},
        {QStringLiteral("Ünïcödé ✓"), QStringLiteral("Ünïcödé ✓")},
        {QStringLiteral("=HYPERLINK(\"x\")"), QStringLiteral("'=HYPERLINK(\"x\")")},
        {QStringLiteral("@SUM(A1)"), QStringLiteral("'@SUM(A1)")},
        {qint64(-12), QStringLiteral("-12")},
        {true, QStringLiteral("yes")},
        {QVariant(), QString()},
    };
    for (int i = 0; i + 1 < cells.size(); i += 2)
        t.rows.append({cells[i].first, cells[i + 1].first});
    t.rows.append({cells.last().first, cells.last().first});
    const QByteArray bytes = renderCsvTable(t);
    QVERIFY(!bytes.startsWith("\xEF\xBB\xBF")); // UTF-8 without a byte order mark
    const QList<QStringList> back = test::parseCsv(QString::fromUtf8(bytes));
    QCOMPARE(back.size(), t.rows.size() + 1);
    QCOMPARE(back[0], (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    int k = 0;
    for (int r = 1; r < back.size(); ++r)
        for (int c = 0; c < 2; ++c) {
            const QString want = r == back.size() - 1 ? cells.last().second : cells[k++].second;
            QCOMPARE(back[r][c], want);
        }
}

void TestReportRender::jsonIsTyped()
{
    const Report r = syntheticReport(2);
    const QJsonObject root = QJsonDocument::fromJson(renderJson(r)).object();
    const QJsonObject meta = root.value(QStringLiteral("meta")).toObject();
    QCOMPARE(meta.value(QStringLiteral("journal_head")).toString(), QString(64, u'a'));
    QCOMPARE(meta.value(QStringLiteral("as_of")).toString(), isoUtc(1795000000));
    const QJsonArray rows = root.value(QStringLiteral("tables"))
                                .toArray()
                                .first()
                                .toObject()
                                .value(QStringLiteral("rows"))
                                .toArray();
    QCOMPARE(rows.size(), 2);
    QVERIFY(rows[1].toObject().value(QStringLiteral("count")).isDouble());
    QCOMPARE(rows[1].toObject().value(QStringLiteral("count")).toInt(), 1);
    QVERIFY(rows[0].toObject().value(QStringLiteral("active")).isBool());
    QCOMPARE(
        root.value(QStringLiteral("findings")).toArray().first().toObject().value(QStringLiteral("control")),
        QJsonValue(QStringLiteral("CC6.2")));
}

void TestReportRender::reportCommandUsage()
{
    const Run list = runOrgward({QStringLiteral("report"), QStringLiteral("list")});
    QCOMPARE(list.code, 0);
    QStringList names;
    for (const QString &line : list.out.split(u'\n', Qt::SkipEmptyParts))
        names << line.section(u'\t', 0, 0);
    QStringList expected;
    for (const ReportInfo &i : reportCatalogue())
        expected << i.name;
    QCOMPARE(names, expected);
    QCOMPARE(expected.size(), 10);

    const Run unknown = runOrgward({QStringLiteral("report"), QStringLiteral("nope")});
    QCOMPARE(unknown.code, 2);
    QVERIFY2(unknown.err.contains(QStringLiteral("access-review")), qPrintable(unknown.err));
    QTemporaryDir dir;
    const QString db = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("x.db"));
    const Run badFormat =
        runOrgward({QStringLiteral("report"), QStringLiteral("certificates"), QStringLiteral("--db"), db,
                    QStringLiteral("--format"), QStringLiteral("docx")});
    QCOMPARE(badFormat.code, 2);
    QVERIFY2(badFormat.err.contains(QStringLiteral("docx")), qPrintable(badFormat.err));
    const Run badRedact =
        runOrgward({QStringLiteral("report"), QStringLiteral("certificates"), QStringLiteral("--db"), db,
                    QStringLiteral("--redact"), QStringLiteral("some")});
    QCOMPARE(badRedact.code, 2);
    const Run badDays =
        runOrgward({QStringLiteral("report"), QStringLiteral("key-hygiene"), QStringLiteral("--db"), db,
                    QStringLiteral("--unused-days"), QStringLiteral("0")});
    QCOMPARE(badDays.code, 2);
    QVERIFY2(badDays.err.contains(QStringLiteral("--unused-days")), qPrintable(badDays.err));
}

QTEST_MAIN(TestReportRender)
#include "test_reportrender.moc"
