// PII redaction (issue #14, seed 002 §4): the free-text scanner finds emails, phone numbers, card numbers
// (Luhn), IBANs (mod 97) and US SSNs and nothing that only looks like them (dates, times, ids, UUIDs,
// amounts, invalid checksums, never-issued SSNs); pseudonyms are stable under one key and differ between
// keys; redactReport applies each mode to a hand-built report (no email left under Emails, names kept under
// Emails and replaced under All, free text scanned under every mode) and states what it did.
#include "compliance/redaction.h"

#include <QRegularExpression>
#include <QtTest>

using namespace orgward;

Q_DECLARE_METATYPE(orgward::PiiKind)

namespace {

// Every string a renderer would print: notes, cells, findings, summary values.
QStringList allTexts(const Report &r)
{
    QStringList out;
    for (const ReportTable &t : r.tables) {
        out << t.note;
        for (const QVariantList &row : t.rows)
            for (const QVariant &v : row)
                out << v.toString();
    }
    for (const ReportFinding &f : r.findings)
        out << f.text;
    for (const auto &s : r.summary)
        out << s.second.toString();
    return out;
}

// Any address-like token, found independently of the scanner under test.
QStringList addressesIn(const Report &r)
{
    static const QRegularExpression re(QStringLiteral("[^\\s@\\[\\]]+@[^\\s@\\[\\]]+"));
    QStringList out;
    for (const QString &t : allTexts(r)) {
        auto it = re.globalMatch(t);
        while (it.hasNext())
            out << it.next().captured();
    }
    return out;
}

enum Col
{
    ColName,
    ColEmail,
    ColIp,
    ColRole,
    ColNote,
    ColCount,
    ColSign,
    ColInvitedBy,
};

Report handBuiltReport()
{
    Report r;
    r.meta.name = QStringLiteral("access-review");
    ReportTable t;
    t.id = QStringLiteral("members");
    t.title = QStringLiteral("Members");
    t.note = QStringLiteral("Reviewed by dave@example.com.");
    t.columns = {{QStringLiteral("name"), QStringLiteral("Name"), CellKind::Name},
                 {QStringLiteral("email"), QStringLiteral("Email"), CellKind::Email},
                 {QStringLiteral("ip"), QStringLiteral("IP"), CellKind::Ip},
                 {QStringLiteral("role"), QStringLiteral("Role"), CellKind::Text},
                 {QStringLiteral("note"), QStringLiteral("Note"), CellKind::FreeText},
                 {QStringLiteral("keys"), QStringLiteral("Keys"), CellKind::Number},
                 {QStringLiteral("reviewer"), QStringLiteral("Reviewer"), CellKind::Sign},
                 {QStringLiteral("invited_by"), QStringLiteral("Invited by"), CellKind::Text}};
    t.rows << QVariantList{QStringLiteral("Alice Smith"),
                           QStringLiteral("alice@example.com"),
                           QStringLiteral("203.0.113.7"),
                           QStringLiteral("owner"),
                           QStringLiteral("Call me at +1 (555) 123-4567 or alice@example.com"),
                           qint64(3),
                           QString(),
                           QStringLiteral("bob@example.com")};
    t.rows << QVariantList{QStringLiteral("Bob Jones"),
                           QStringLiteral("Bob@Example.com"),
                           QStringLiteral("203.0.113.8"),
                           QStringLiteral("reader"),
                           QStringLiteral("Refund to IBAN GB82 WEST 1234 5698 7654 32 please"),
                           qint64(1),
                           QString(),
                           QVariant()};
    t.rows << QVariantList{QStringLiteral("carol@example.com"), // a member whose name is her address
                           QStringLiteral("carol@example.com"),
                           QStringLiteral("2001:db8::1"),
                           QStringLiteral("reader"),
                           QStringLiteral("Key created 2024-01-15T10:30:00Z, id key_1234567890"),
                           qint64(0),
                           QString(),
                           QStringLiteral("alice@example.com")};
    r.tables << t;
    r.findings << ReportFinding{FindingSeverity::Warning, QStringLiteral("CC6.2"),
                                QStringLiteral("alice@example.com is an owner in no project.")};
    r.summary << qMakePair(QStringLiteral("Members"), QVariant(qint64(3)))
              << qMakePair(QStringLiteral("Contact"),
                           QVariant(QStringLiteral("Write to security@example.com")));
    return r;
}

QString summaryValue(const Report &r, const QString &label)
{
    for (const auto &s : r.summary)
        if (s.first == label) return s.second.toString();
    return QStringLiteral("<missing %1>").arg(label);
}

const QByteArray kKeyA(32, 'a');
const QByteArray kKeyB(32, 'b');

} // namespace

class TestRedaction : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modeNames();
    void findsPii_data();
    void findsPii();
    void ignoresLookalikes_data();
    void ignoresLookalikes();
    void severalKindsInOneText();
    void pseudonymsAreStablePerKey();
    void emailsMode();
    void allMode();
    void noneModeStillScansFreeText();
    void keyDecidesThePseudonyms();
};

void TestRedaction::modeNames()
{
    for (RedactMode m : {RedactMode::None, RedactMode::Emails, RedactMode::All}) {
        auto parsed = parseRedactMode(redactModeName(m));
        QVERIFY2(parsed, qPrintable(parsed.errorMessage()));
        QCOMPARE(*parsed, m);
    }
    QCOMPARE(redactModeName(RedactMode::Emails), QStringLiteral("emails"));
    auto bad = parseRedactMode(QStringLiteral("names"));
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, Error::Code::Usage);
    for (const char *s : {"'names'", "none", "emails", "all"})
        QVERIFY2(bad.errorMessage().contains(QLatin1String(s)), qPrintable(bad.errorMessage()));
    QCOMPARE(piiKindName(PiiKind::CardNumber), QStringLiteral("card_number"));
    QCOMPARE(piiKindName(PiiKind::UsSsn), QStringLiteral("us_ssn"));
}

void TestRedaction::findsPii_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<PiiKind>("kind");
    QTest::addColumn<QString>("found");
    auto row = [](const char *name, const QString &before, const QString &found, PiiKind kind,
                  const QString &after) { QTest::newRow(name) << before + found + after << kind << found; };
    const QString s = QStringLiteral("See ");
    const QString e = QStringLiteral(" today.");
    row("email", s, QStringLiteral("alice.smith+ops@mail.example.co.uk"), PiiKind::Email, e);
    row("email unicode", s, QStringLiteral("jörg.müller@beispiel.de"), PiiKind::Email, e);
    row("email in brackets", QStringLiteral("<"), QStringLiteral("a_b-c%d@x-y.io"), PiiKind::Email,
        QStringLiteral(">"));
    row("e164", s, QStringLiteral("+442079460958"), PiiKind::Phone, e);
    row("e164 grouped", s, QStringLiteral("+44 20 7946 0958"), PiiKind::Phone, e);
    row("us with country and parens", s, QStringLiteral("+1 (555) 123-4567"), PiiKind::Phone, e);
    row("us parens", s, QStringLiteral("(555) 123-4567"), PiiKind::Phone, e);
    row("us dashes", s, QStringLiteral("555-123-4567"), PiiKind::Phone, e);
    row("us dots", s, QStringLiteral("555.123.4567"), PiiKind::Phone, e);
    row("us local", s, QStringLiteral("555-1234"), PiiKind::Phone, e);
    row("toll free", s, QStringLiteral("1-800-555-0199"), PiiKind::Phone, e);
    row("uk national", s, QStringLiteral("020 7946 0958"), PiiKind::Phone, e);
    row("uk mobile", s, QStringLiteral("07700 900123"), PiiKind::Phone, e);
    row("french", s, QStringLiteral("01 23 45 67 89"), PiiKind::Phone, e);
    row("visa spaced", s, QStringLiteral("4111 1111 1111 1111"), PiiKind::CardNumber, e);
    row("visa dashed", s, QStringLiteral("4111-1111-1111-1111"), PiiKind::CardNumber, e);
    row("visa plain", s, QStringLiteral("4111111111111111"), PiiKind::CardNumber, e);
    row("visa then a short number", s, QStringLiteral("4111 1111 1111 1111"), PiiKind::CardNumber,
        QStringLiteral(" 123 items"));
    row("amex", s, QStringLiteral("3782 822463 10005"), PiiKind::CardNumber, e);
    row("diners", s, QStringLiteral("3056 930902 5904"), PiiKind::CardNumber, e);
    row("mastercard", s, QStringLiteral("5555555555554444"), PiiKind::CardNumber, e);
    row("iban spaced", s, QStringLiteral("GB82 WEST 1234 5698 7654 32"), PiiKind::Iban, e);
    row("iban plain", s, QStringLiteral("GB82WEST12345698765432"), PiiKind::Iban, e);
    row("iban de", s, QStringLiteral("DE89 3704 0044 0532 0130 00"), PiiKind::Iban, e);
    row("iban shortest (no)", s, QStringLiteral("NO93 8601 1117 947"), PiiKind::Iban, e);
    row("iban with letters (fr)", s, QStringLiteral("FR14 2004 1010 0505 0001 3M02 606"), PiiKind::Iban, e);
    row("ssn", s, QStringLiteral("123-45-6789"), PiiKind::UsSsn, e);
    row("ssn low area", s, QStringLiteral("078-05-1120"), PiiKind::UsSsn, e);
}

void TestRedaction::findsPii()
{
    QFETCH(QString, text);
    QFETCH(PiiKind, kind);
    QFETCH(QString, found);
    const QList<PiiMatch> m = scanPii(text);
    QCOMPARE(m.size(), 1);
    QCOMPARE(piiKindName(m[0].kind), piiKindName(kind));
    QCOMPARE(text.mid(m[0].start, m[0].length), found);
}

void TestRedaction::ignoresLookalikes_data()
{
    QTest::addColumn<QString>("text");
    const char *const texts[] = {
        // dates and times
        "2024-01-15", "on 2024-01-15T10:30:00Z", "2024-01-15 10:30:00 UTC", "15.01.2024", "15/01/2024",
        "10:30:00", "at 12:34", "2024-01-15 555", "1970-01-01T00:00:00+00:00",
        // plain integers, timestamps, amounts, ranges, versions, addresses
        "42", "1234567", "1700000000", "12345678901", "1 234 567 tokens", "1234.5678", "1,234,567.89",
        "2019-2024", "v1.2.3", "192.168.100.200", "1700000000004", "7000000000003",
        // ids and UUIDs
        "key_abc123", "key_1234567890", "sk-proj-ab...wxyz", "user-1234567", "proj_8WzbA2kxKDGv8SEJPlthj6IB",
        "123e4567-e89b-12d3-a456-426614174000", "00000000-0000-0000-0000-000000000000",
        "550e8400-e29b-41d4-a716-446655440000", "12345678-1234-1234-1234-123456789012",
        // invalid check digits
        "4111 1111 1111 1112", "4111111111111112", "4111-1111-1111-1112", "0000 0000 0000 0000",
        "GB82 WEST 1234 5698 7654 33", "GB00 WEST 1234 5698 7654 32",
        // never-issued SSNs
        "000-12-3456", "666-12-3456", "900-12-3456", "999-99-9999", "123-00-4567", "123-45-0000",
        // not emails
        "user@localhost", "@handle", "a@b"};
    for (const char *t : texts)
        QTest::newRow(t) << QString::fromUtf8(t);
}

void TestRedaction::ignoresLookalikes()
{
    QFETCH(QString, text);
    const QList<PiiMatch> m = scanPii(text);
    QVERIFY2(m.isEmpty(),
             m.isEmpty() ? ""
                         : qPrintable(piiKindName(m[0].kind) + u' ' + text.mid(m[0].start, m[0].length)));
}

void TestRedaction::severalKindsInOneText()
{
    const QString t =
        QStringLiteral("Mail ops@example.com or call +1 555 123 4567; card 4111111111111111, IBAN "
                       "GB82WEST12345698765432, SSN 123-45-6789, order 2024-01-15.");
    const QList<PiiMatch> m = scanPii(t);
    QStringList kinds, texts;
    for (const PiiMatch &x : m) {
        kinds << piiKindName(x.kind);
        texts << t.mid(x.start, x.length);
    }
    QCOMPARE(kinds,
             QStringList({QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("card_number"),
                          QStringLiteral("iban"), QStringLiteral("us_ssn")}));
    QCOMPARE(texts, QStringList({QStringLiteral("ops@example.com"), QStringLiteral("+1 555 123 4567"),
                                 QStringLiteral("4111111111111111"), QStringLiteral("GB82WEST12345698765432"),
                                 QStringLiteral("123-45-6789")}));
    // Two numbers side by side are two phone numbers, not one run.
    const QString two = QStringLiteral("555-123-4567 555-987-6543");
    const QList<PiiMatch> phones = scanPii(two);
    QCOMPARE(phones.size(), 2);
    QCOMPARE(two.mid(phones[1].start, phones[1].length), QStringLiteral("555-987-6543"));
}

void TestRedaction::pseudonymsAreStablePerKey()
{
    const QString a = pseudonym(kKeyA, CellKind::Email, QStringLiteral("alice@example.com"));
    QVERIFY2(
        QRegularExpression(QStringLiteral("^person-[0-9a-f]{12}@redacted\\.invalid$")).match(a).hasMatch(),
        qPrintable(a));
    QCOMPARE(pseudonym(kKeyA, CellKind::Email, QStringLiteral("alice@example.com")), a);
    QCOMPARE(pseudonym(kKeyA, CellKind::Email, QStringLiteral(" Alice@Example.COM ")), a); // one address
    QVERIFY(pseudonym(kKeyA, CellKind::Email, QStringLiteral("alicia@example.com")) != a);
    QVERIFY(pseudonym(kKeyB, CellKind::Email, QStringLiteral("alice@example.com")) != a);

    const QString n = pseudonym(kKeyA, CellKind::Name, QStringLiteral("Alice Smith"));
    QVERIFY2(QRegularExpression(QStringLiteral("^Person [0-9a-f]{12}$")).match(n).hasMatch(), qPrintable(n));
    QCOMPARE(pseudonym(kKeyA, CellKind::Name, QStringLiteral("Alice  Smith")), n);
    QVERIFY(pseudonym(kKeyB, CellKind::Name, QStringLiteral("Alice Smith")) != n);

    const QString ip = pseudonym(kKeyA, CellKind::Ip, QStringLiteral("2001:db8::1"));
    QVERIFY2(QRegularExpression(QStringLiteral("^ip-[0-9a-f]{12}$")).match(ip).hasMatch(), qPrintable(ip));
    QCOMPARE(pseudonym(kKeyA, CellKind::Ip, QStringLiteral("2001:DB8:0:0::1")), ip); // the same address
    QVERIFY(pseudonym(kKeyA, CellKind::Ip, QStringLiteral("2001:db8::2")) != ip);
    // The kind keys the HMAC too: the same text as a name and as an IP shares no digits.
    QVERIFY(pseudonym(kKeyA, CellKind::Name, QStringLiteral("x")).mid(7) !=
            pseudonym(kKeyA, CellKind::Ip, QStringLiteral("x")).mid(3));

    const QByteArray k1 = newRedactionKey(), k2 = newRedactionKey();
    QCOMPARE(k1.size(), 32);
    QVERIFY(k1 != k2);
}

void TestRedaction::emailsMode()
{
    Report r = handBuiltReport();
    const RedactionSummary s = redactReport(r, RedactMode::Emails, kKeyA);
    const QStringList left = addressesIn(r);
    for (const QString &a : left)
        QVERIFY2(a.endsWith(QLatin1String("@redacted.invalid")), qPrintable(a));
    QVERIFY(left.size() >= 6);

    const QList<QVariantList> &rows = r.tables[0].rows;
    auto email = [](const char *a) { return pseudonym(kKeyA, CellKind::Email, QString::fromLatin1(a)); };
    QCOMPARE(rows[0][ColEmail].toString(), email("alice@example.com"));
    QCOMPARE(rows[1][ColEmail].toString(), email("bob@example.com")); // Bob@Example.com: one person
    // An address in a text column keeps its shape and the pseudonym of its Email cell.
    QCOMPARE(rows[0][ColInvitedBy].toString(), rows[1][ColEmail].toString());
    QCOMPARE(rows[2][ColInvitedBy].toString(), rows[0][ColEmail].toString());
    QVERIFY(rows[1][ColInvitedBy].isNull());
    // Names and IPs stay under Emails, except a name that is an address.
    QCOMPARE(rows[0][ColName].toString(), QStringLiteral("Alice Smith"));
    QCOMPARE(rows[0][ColIp].toString(), QStringLiteral("203.0.113.7"));
    QCOMPARE(rows[2][ColName].toString(), email("carol@example.com"));
    // Free text: each finding replaced; numbers and what only looks like PII left alone.
    QCOMPARE(rows[0][ColNote].toString(), QStringLiteral("Call me at [redacted phone] or [redacted email]"));
    QCOMPARE(rows[1][ColNote].toString(), QStringLiteral("Refund to IBAN [redacted iban] please"));
    QCOMPARE(rows[2][ColNote].toString(),
             QStringLiteral("Key created 2024-01-15T10:30:00Z, id key_1234567890"));
    QCOMPARE(rows[0][ColCount], QVariant(qint64(3)));
    QCOMPARE(rows[0][ColRole].toString(), QStringLiteral("owner"));
    QCOMPARE(r.tables[0].note, QStringLiteral("Reviewed by [redacted email]."));
    QCOMPARE(r.findings[0].text, QStringLiteral("[redacted email] is an owner in no project."));
    QCOMPARE(summaryValue(r, QStringLiteral("Contact")), QStringLiteral("Write to [redacted email]"));
    QCOMPARE(r.summary[0].second, QVariant(qint64(3)));

    QCOMPARE(r.meta.redaction, RedactMode::Emails);
    QCOMPARE(s.pseudonymised, qint64(6)); // 3 Email cells, 2 addresses in Text cells, 1 name that is one
    QCOMPARE(s.freeTextPii.value(PiiKind::Email), qint64(4));
    QCOMPARE(s.freeTextPii.value(PiiKind::Phone), qint64(1));
    QCOMPARE(s.freeTextPii.value(PiiKind::Iban), qint64(1));
    QCOMPARE(summaryValue(r, QStringLiteral("Redaction")),
             QStringLiteral(
                 "emails pseudonymised (6 cells); free text: 4 emails, 1 phone number, 1 IBAN redacted"));

    // Redacting again changes nothing and finds nothing new.
    const Report once = r;
    const RedactionSummary again = redactReport(r, RedactMode::Emails, kKeyA);
    QCOMPARE(again.pseudonymised, qint64(0));
    QVERIFY(again.freeTextPii.isEmpty());
    QCOMPARE(r.tables[0].rows, once.tables[0].rows);
    QCOMPARE(r.summary.size(), once.summary.size()); // the "Redaction" line replaced, not repeated
}

void TestRedaction::allMode()
{
    Report r = handBuiltReport();
    const RedactionSummary s = redactReport(r, RedactMode::All, kKeyA);
    for (const QString &a : addressesIn(r))
        QVERIFY2(a.endsWith(QLatin1String("@redacted.invalid")), qPrintable(a));
    const QList<QVariantList> &rows = r.tables[0].rows;
    QCOMPARE(rows[0][ColName].toString(), pseudonym(kKeyA, CellKind::Name, QStringLiteral("Alice Smith")));
    QCOMPARE(rows[1][ColName].toString(), pseudonym(kKeyA, CellKind::Name, QStringLiteral("Bob Jones")));
    QCOMPARE(rows[2][ColName].toString(),
             pseudonym(kKeyA, CellKind::Name, QStringLiteral("carol@example.com")));
    QCOMPARE(rows[0][ColIp].toString(), pseudonym(kKeyA, CellKind::Ip, QStringLiteral("203.0.113.7")));
    QCOMPARE(rows[2][ColIp].toString(), pseudonym(kKeyA, CellKind::Ip, QStringLiteral("2001:db8::1")));
    for (const QVariantList &row : rows)
        for (const QString &plain :
             {QStringLiteral("Alice"), QStringLiteral("Bob"), QStringLiteral("203.0.113")})
            QVERIFY2(!row.value(ColName).toString().contains(plain) &&
                         !row.value(ColIp).toString().contains(plain),
                     qPrintable(plain));
    QCOMPARE(rows[0][ColEmail].toString(),
             pseudonym(kKeyA, CellKind::Email, QStringLiteral("alice@example.com")));
    QCOMPARE(rows[0][ColNote].toString(), QStringLiteral("Call me at [redacted phone] or [redacted email]"));
    QCOMPARE(r.meta.redaction, RedactMode::All);
    QCOMPARE(s.pseudonymised, qint64(11)); // 3 names, 3 emails, 3 IPs, 2 addresses in Text cells
    QCOMPARE(summaryValue(r, QStringLiteral("Redaction")),
             QStringLiteral(
                 "emails, names and IP addresses pseudonymised (11 cells); free text: 4 emails, 1 phone "
                 "number, 1 IBAN redacted"));
}

void TestRedaction::noneModeStillScansFreeText()
{
    Report r = handBuiltReport();
    const Report before = r;
    const RedactionSummary s = redactReport(r, RedactMode::None, kKeyA);
    const QList<QVariantList> &rows = r.tables[0].rows;
    QCOMPARE(rows[0][ColEmail].toString(), QStringLiteral("alice@example.com"));
    QCOMPARE(rows[0][ColName].toString(), QStringLiteral("Alice Smith"));
    QCOMPARE(rows[0][ColInvitedBy].toString(), QStringLiteral("bob@example.com"));
    QCOMPARE(r.findings[0].text, before.findings[0].text);
    QCOMPARE(r.tables[0].note, before.tables[0].note);
    QCOMPARE(rows[0][ColNote].toString(), QStringLiteral("Call me at [redacted phone] or [redacted email]"));
    QCOMPARE(rows[1][ColNote].toString(), QStringLiteral("Refund to IBAN [redacted iban] please"));
    QCOMPARE(s.pseudonymised, qint64(0));
    QCOMPARE(r.meta.redaction, RedactMode::None);
    QCOMPARE(summaryValue(r, QStringLiteral("Redaction")),
             QStringLiteral("none (as stored); free text: 1 email, 1 phone number, 1 IBAN redacted"));
}

void TestRedaction::keyDecidesThePseudonyms()
{
    Report a = handBuiltReport(), a2 = handBuiltReport(), b = handBuiltReport();
    redactReport(a, RedactMode::All, kKeyA);
    redactReport(a2, RedactMode::All, kKeyA);
    redactReport(b, RedactMode::All, kKeyB);
    QCOMPARE(a.tables[0].rows, a2.tables[0].rows);
    for (int c : {ColName, ColEmail, ColIp})
        QVERIFY(a.tables[0].rows[0][c] != b.tables[0].rows[0][c]);
    // An empty key: a fresh random one, never a fixed default.
    Report e1 = handBuiltReport(), e2 = handBuiltReport();
    redactReport(e1, RedactMode::Emails, {});
    redactReport(e2, RedactMode::Emails, {});
    QVERIFY(e1.tables[0].rows[0][ColEmail] != e2.tables[0].rows[0][ColEmail]);
    QVERIFY(e1.tables[0].rows[0][ColEmail].toString().endsWith(QLatin1String("@redacted.invalid")));
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "test_redaction.moc"
