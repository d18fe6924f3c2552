#include "redaction.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <algorithm>
#include <array>
#include <functional>

namespace orgward {

namespace {

constexpr int kKeyBytes = 32;
// 48 bits of the HMAC: 8 hex digits (32 bits) would already give two of 100,000 members (the benchmark
// org) the same pseudonym about once per report; 12 make that a one-in-50,000 event.
constexpr int kPseudonymHexChars = 12;
const QString kPseudonymDomain = QStringLiteral("@redacted.invalid"); // RFC 2606: never routable

// Phone numbers (ITU-T E.164: at most 15 digits; 7 is the shortest national subscriber number with area).
constexpr int kMinPhoneDigits = 7;
constexpr int kMaxPhoneDigits = 15;
// Payment card numbers (ISO/IEC 7812: 13 to 19 digits). Issuer ranges start with 2 to 6 (Mastercard 2-series
// and 5, Amex/Diners/JCB 3, Visa 4, Discover/UnionPay/Maestro 6): a 13-digit millisecond timestamp or a
// row count starting with 1, 7, 8, 9 or 0 is not a card even when its Luhn sum happens to hold.
constexpr int kMinCardDigits = 13;
constexpr int kMaxCardDigits = 19;
constexpr char kMinIssuerDigit = '2';
constexpr char kMaxIssuerDigit = '6';
constexpr int kLuhnModulus = 10;
// IBAN (ISO 13616): 15 (Norway) to 34 characters; check digits 02..98; valid when the rearranged number
// mod 97 is 1.
constexpr int kMinIbanLength = 15;
constexpr int kMaxIbanLength = 34;
constexpr int kIbanModulus = 97;
constexpr int kIbanHeadLength = 4; // country code + check digits, moved to the end for the check
constexpr int kMinIbanCheck = 2;
constexpr int kMaxIbanCheck = 98;
constexpr int kIbanLetterBase = 10; // A = 10 … Z = 35
// US SSN: areas 000, 666 and 900-999, group 00 and serial 0000 were never issued.
constexpr int kSsnAreaNever = 666;
constexpr int kSsnAreaItinStart = 900;
// Shapes that look like phone numbers but are not.
constexpr int kYearDigits = 4;
constexpr int kDayMonthMaxDigits = 2;
constexpr int kIpv4Octets = 4;
constexpr int kIpv4OctetMaxDigits = 3;
constexpr int kSsnShape[] = {3, 2, 4};
constexpr int kNanpShape[] = {3, 3, 4};
constexpr int kNanpLocalShape[] = {3, 4};

// Matches found by one detector, highest priority first: an email holds digits that may look like a phone,
// an IBAN holds digit runs, a card number's groups may look like a phone.
constexpr std::array kPriority{PiiKind::Email, PiiKind::Iban, PiiKind::CardNumber, PiiKind::UsSsn,
                               PiiKind::Phone};

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

QString digitsOf(QStringView s)
{
    QString d;
    for (QChar c : s)
        if (isAsciiDigit(c)) d += c;
    return d;
}

// --- Emails -----------------------------------------------------------------------------------------

// A pragmatic subset of RFC 5322 (and RFC 6531 letters): a dot-atom local part of letters, digits and
// _ % + - (the other atext characters are more often punctuation around an address in prose), @, one or
// more domain labels and a TLD of letters. Quoted local parts and address literals are left out.
const QRegularExpression &emailPattern()
{
    static const QRegularExpression re(
        QStringLiteral("(?<![\\p{L}\\p{N}_%+\\-])"
                       "[\\p{L}\\p{N}_%+\\-]+(?:\\.[\\p{L}\\p{N}_%+\\-]+)*"
                       "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]{0,61}[\\p{L}\\p{N}])?\\.)+"
                       "\\p{L}{2,63}"
                       "(?![\\p{L}\\p{N}_\\-]|\\.[\\p{L}\\p{N}])"));
    return re;
}

// --- Cards, IBANs, SSNs -------------------------------------------------------------------------------

// Digit runs are only taken whole: not glued to a word, an id (key_123…, uuid groups) or a decimal.
const QString kNumBefore = QStringLiteral("(?<![\\p{L}\\p{N}_\\-.])");
const QString kNumAfter = QStringLiteral("(?![\\p{L}\\p{N}_]|[\\-.][\\p{N}])");

const QList<QRegularExpression> &cardPatterns()
{
    static const QList<QRegularExpression> res{
        // 4111111111111111
        QRegularExpression(kNumBefore + QStringLiteral("[0-9]{13,19}") + kNumAfter),
        // 4111 1111 1111 1111 (and 13 to 19 digits in groups of four, the last shorter)
        QRegularExpression(
            kNumBefore +
            QStringLiteral("[0-9]{4}(?:[ \\-][0-9]{4}){2}[ \\-][0-9]{1,7}(?:[ \\-][0-9]{1,3})?") + kNumAfter),
        // Amex 3782 822463 10005, Diners 3056 930902 5904
        QRegularExpression(kNumBefore + QStringLiteral("[0-9]{4}[ \\-][0-9]{6}[ \\-][0-9]{4,5}") + kNumAfter),
    };
    return res;
}

bool luhnValid(const QString &digits)
{
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits[i].unicode() - u'0';
        if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
        twice = !twice;
    }
    return sum % kLuhnModulus == 0;
}

bool plausibleCard(QStringView candidate)
{
    const QString d = digitsOf(candidate);
    return d.size() >= kMinCardDigits && d.size() <= kMaxCardDigits && d[0] >= QLatin1Char(kMinIssuerDigit) &&
           d[0] <= QLatin1Char(kMaxIssuerDigit) && luhnValid(d);
}

// The IBAN printed form: upper case, optionally a space every four characters.
const QRegularExpression &ibanPattern()
{
    static const QRegularExpression re(
        QStringLiteral("(?<![\\p{L}\\p{N}_])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?"
                       "(?![\\p{L}\\p{N}_])"));
    return re;
}

bool ibanValid(QStringView candidate)
{
    QString s;
    for (QChar c : candidate)
        if (c != u' ') s += c;
    if (s.size() < kMinIbanLength || s.size() > kMaxIbanLength) return false;
    const int check = s.mid(2, 2).toInt();
    if (check < kMinIbanCheck || check > kMaxIbanCheck) return false;
    const QString rearranged = s.mid(kIbanHeadLength) + s.left(kIbanHeadLength);
    int rest = 0;
    for (QChar c : rearranged) {
        if (isAsciiDigit(c)) {
            rest = (rest * 10 + (c.unicode() - u'0')) % kIbanModulus;
        } else {
            const int v = c.unicode() - u'A' + kIbanLetterBase; // two digits
            rest = (rest * 100 + v) % kIbanModulus;
        }
    }
    return rest == 1;
}

const QRegularExpression &ssnPattern()
{
    static const QRegularExpression re(
        QStringLiteral("(?<![\\p{L}\\p{N}_\\-])([0-9]{3})-([0-9]{2})-([0-9]{4})"
                       "(?![\\p{L}\\p{N}_]|-[0-9])"));
    return re;
}

bool ssnValid(const QRegularExpressionMatch &m)
{
    const int area = m.captured(1).toInt();
    return area != 0 && area != kSsnAreaNever && area < kSsnAreaItinStart && m.captured(2).toInt() != 0 &&
           m.captured(3).toInt() != 0;
}

// --- Phone numbers -------------------------------------------------------------------------------------

// One reading of a phone-like run: digit groups and the separator before each (none before the first).
struct PhoneShape
{
    qsizetype end = 0; // exclusive
    QList<int> groups;
    QList<QChar> separators; // separators[i] precedes groups[i + 1]
    bool plus = false;
    bool parens = false;
    int digits = 0;
    QChar firstDigit;
};

bool isPhoneSeparator(QChar c)
{
    return c == u' ' || c == u'-' || c == u'.';
}

// A phone number starts a token: not inside a word, an id, a decimal, a UUID, an amount or a range.
bool phoneMayStartAfter(QChar prev)
{
    static const QString glued = QStringLiteral("_-./+)#$@%&\\,");
    return !prev.isLetterOrNumber() && !glued.contains(prev);
}

// …and ends one: not followed by more of a word, a time (":30"), a decimal or thousands (".5", ",000"), an
// id or UUID group ("-abcd").
bool phoneMayEndBefore(const QString &t, qsizetype k)
{
    if (k >= t.size()) return true;
    const QChar c = t[k];
    if (c.isLetterOrNumber() || c == u'_' || c == u'@') return false;
    const QChar next = k + 1 < t.size() ? t[k + 1] : QChar();
    if ((c == u'-' || c == u'/') && next.isLetterOrNumber()) return false;
    static const QString beforeDigit = QStringLiteral(".:,+");
    return !(beforeDigit.contains(c) && next.isDigit());
}

template <size_t N> bool shapeIs(const QList<int> &groups, const int (&shape)[N])
{
    if (groups.size() != qsizetype(N)) return false;
    for (size_t i = 0; i < N; ++i)
        if (groups[qsizetype(i)] != shape[i]) return false;
    return true;
}

bool allSeparators(const PhoneShape &s, QChar c)
{
    return std::all_of(s.separators.cbegin(), s.separators.cend(), [c](QChar x) { return x == c; });
}

// 2024-01-15, 15.01.2024: dates, whatever follows them.
bool looksLikeDate(const PhoneShape &s)
{
    if (s.groups.size() < 3 || s.separators[0] != s.separators[1] || s.separators[0] == u' ') return false;
    const int a = s.groups[0], b = s.groups[1], c = s.groups[2];
    return (a == kYearDigits && b <= kDayMonthMaxDigits && c <= kDayMonthMaxDigits) ||
           (a <= kDayMonthMaxDigits && b <= kDayMonthMaxDigits && c == kYearDigits);
}

bool looksLikeIpv4(const PhoneShape &s)
{
    return s.groups.size() == kIpv4Octets && allSeparators(s, u'.') &&
           std::all_of(s.groups.cbegin(), s.groups.cend(), [](int g) { return g <= kIpv4OctetMaxDigits; });
}

bool plausiblePhone(const PhoneShape &s)
{
    if (s.digits < kMinPhoneDigits || s.digits > kMaxPhoneDigits) return false;
    if (looksLikeDate(s) || looksLikeIpv4(s)) return false;
    if (s.plus) return s.firstDigit != u'0'; // E.164: a country code never starts with 0
    if (s.parens) return true;               // (555) 123-4567, (020) 7946 0958
    // A bare run of digits is a count, an id or a timestamp far more often than a phone number.
    if (s.groups.size() < 2) return false;
    if (shapeIs(s.groups, kSsnShape) && allSeparators(s, u'-')) return false; // an SSN, valid or not
    const bool trunkPrefix = s.firstDigit == u'0'; // national formats: 020 7946 0958, 030 1234567
    if (s.separators.contains(u'.') && s.groups.size() < 3) return false; // 1234.5678 is a decimal
    if (allSeparators(s, u' ') && !trunkPrefix && !shapeIs(s.groups, kNanpShape))
        return false; // 1 234 567: a grouped amount
    if (s.groups.size() == 2 && !trunkPrefix && !shapeIs(s.groups, kNanpLocalShape))
        return false; // 2019-2024: a range
    return true;
}

struct PhoneRun
{
    QList<PhoneShape> shapes;
    qsizetype longNumberEnd = 0; // > 0: the run is one long number ending here
};

// Every reading of the phone-like run at `i`, shortest first (one per digit group). None when the run goes
// on past 15 digits with one kind of separator throughout ("0000 0000 0000 0000"): that is one long number
// (a card, an account), not a phone number followed by more digits, nor is any part of it.
PhoneRun phoneShapesAt(const QString &t, qsizetype i)
{
    PhoneRun run;
    QList<PhoneShape> &out = run.shapes;
    PhoneShape s;
    qsizetype j = i;
    if (t[j] == u'+') {
        s.plus = true;
        ++j;
    }
    while (j < t.size()) {
        const bool open = t[j] == u'(';
        qsizetype k = open ? j + 1 : j;
        const qsizetype digitsStart = k;
        while (k < t.size() && isAsciiDigit(t[k]))
            ++k;
        const int n = int(k - digitsStart);
        if (n == 0) break;
        if (open) {
            if (k >= t.size() || t[k] != u')') break;
            ++k;
            s.parens = true;
        }
        if (s.digits + n > kMaxPhoneDigits) {
            if (!s.separators.isEmpty() && allSeparators(s, s.separators.first())) {
                while (k < t.size() && (isAsciiDigit(t[k]) || (isPhoneSeparator(t[k]) && k + 1 < t.size() &&
                                                               isAsciiDigit(t[k + 1]))))
                    ++k;
                return PhoneRun{{}, k};
            }
            return run;
        }
        if (s.digits == 0) s.firstDigit = t[digitsStart];
        s.digits += n;
        s.groups << n;
        s.end = k;
        out << s;
        j = k;
        const QChar next = j + 1 < t.size() ? t[j + 1] : QChar();
        if (j < t.size() && isPhoneSeparator(t[j]) && (isAsciiDigit(next) || next == u'(')) {
            s.separators << t[j];
            ++j;
        } else if (j < t.size() && (t[j] == u'(' || (open && isAsciiDigit(t[j])))) {
            s.separators << QChar(); // "+1(555)" or "(555)123"
        } else {
            break;
        }
    }
    return run;
}

QList<PiiMatch> scanPhones(const QString &t)
{
    QList<PiiMatch> out;
    qsizetype i = 0;
    while (i < t.size()) {
        const QChar c = t[i];
        const QChar next = i + 1 < t.size() ? t[i + 1] : QChar();
        const bool starts =
            isAsciiDigit(c) || ((c == u'+' || c == u'(') && (isAsciiDigit(next) || next == u'('));
        if (!starts || (i > 0 && !phoneMayStartAfter(t[i - 1]))) {
            ++i;
            continue;
        }
        const PhoneRun run = phoneShapesAt(t, i);
        if (run.longNumberEnd > 0) {
            i = run.longNumberEnd;
            continue;
        }
        const QList<PhoneShape> &shapes = run.shapes;
        bool found = false;
        for (auto it = shapes.crbegin(); it != shapes.crend(); ++it) { // the longest reading that holds
            if (!phoneMayEndBefore(t, it->end) || !plausiblePhone(*it)) continue;
            out << PiiMatch{PiiKind::Phone, i, it->end - i};
            i = it->end;
            found = true;
            break;
        }
        if (!found) ++i;
    }
    return out;
}

// --- All detectors ---------------------------------------------------------------------------------------

QList<PiiMatch> regexMatches(const QString &t, const QRegularExpression &re, PiiKind kind,
                             const std::function<bool(const QRegularExpressionMatch &)> &valid)
{
    QList<PiiMatch> out;
    auto it = re.globalMatch(t);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (valid(m)) out << PiiMatch{kind, m.capturedStart(), m.capturedLength()};
    }
    return out;
}

// A grouped card number may carry a short trailing group that is not part of it ("… 1111 123"): the
// reading without it is tried when the whole does not pass.
QList<PiiMatch> scanCards(const QString &t)
{
    QList<PiiMatch> out;
    for (const QRegularExpression &re : cardPatterns()) {
        auto it = re.globalMatch(t);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            QStringView v = QStringView(t).mid(m.capturedStart(), m.capturedLength());
            if (plausibleCard(v)) {
                out << PiiMatch{PiiKind::CardNumber, m.capturedStart(), v.size()};
                continue;
            }
            const qsizetype cut = std::max(v.lastIndexOf(u' '), v.lastIndexOf(u'-'));
            if (cut > 0 && plausibleCard(v.left(cut)))
                out << PiiMatch{PiiKind::CardNumber, m.capturedStart(), cut};
        }
    }
    return out;
}

QList<PiiMatch> scanKind(const QString &t, PiiKind kind)
{
    switch (kind) {
    case PiiKind::Email:
        return regexMatches(t, emailPattern(), kind, [](const QRegularExpressionMatch &) { return true; });
    case PiiKind::Iban:
        return regexMatches(t, ibanPattern(), kind,
                            [](const QRegularExpressionMatch &m) { return ibanValid(m.capturedView()); });
    case PiiKind::CardNumber:
        return scanCards(t);
    case PiiKind::UsSsn:
        return regexMatches(t, ssnPattern(), kind, ssnValid);
    case PiiKind::Phone:
        return scanPhones(t);
    }
    return {};
}

bool overlaps(const PiiMatch &a, const PiiMatch &b)
{
    return a.start < b.start + b.length && b.start < a.start + a.length;
}

// --- Pseudonyms --------------------------------------------------------------------------------------------

// One person, one pseudonym: the forms of a value that name the same thing hash alike.
QString normalised(CellKind kind, const QString &value)
{
    const QString v = value.simplified();
    switch (kind) {
    case CellKind::Email:
    case CellKind::Name:
        return v.toCaseFolded();
    case CellKind::Ip: {
        const QHostAddress a(v);
        return a.isNull() ? v.toLower() : a.toString(); // ::ffff:0:1 and ::FFFF:0:0001 alike
    }
    default:
        return v;
    }
}

QByteArray kindTag(CellKind kind)
{
    switch (kind) {
    case CellKind::Email:
        return QByteArrayLiteral("email");
    case CellKind::Name:
        return QByteArrayLiteral("name");
    case CellKind::Ip:
        return QByteArrayLiteral("ip");
    default:
        return QByteArrayLiteral("text");
    }
}

bool isPseudonymEmail(QStringView s)
{
    return s.endsWith(kPseudonymDomain, Qt::CaseInsensitive);
}

QString plural(qint64 n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

QString piiKindWords(PiiKind k, qint64 n)
{
    switch (k) {
    case PiiKind::Email:
        return plural(n, QStringLiteral("email"), QStringLiteral("emails"));
    case PiiKind::Phone:
        return plural(n, QStringLiteral("phone number"), QStringLiteral("phone numbers"));
    case PiiKind::CardNumber:
        return plural(n, QStringLiteral("card number"), QStringLiteral("card numbers"));
    case PiiKind::Iban:
        return plural(n, QStringLiteral("IBAN"), QStringLiteral("IBANs"));
    case PiiKind::UsSsn:
        return plural(n, QStringLiteral("US SSN"), QStringLiteral("US SSNs"));
    }
    return {};
}

// Applies one mode to the texts of one report, counting what it did.
class Redactor
{
public:
    Redactor(RedactMode mode, QByteArray key) : m_mode(mode), m_key(std::move(key)) {}

    QString cell(CellKind kind, const QString &v)
    {
        if (v.trimmed().isEmpty()) return v;
        switch (kind) {
        case CellKind::Email:
            return m_mode == RedactMode::None || isPseudonymEmail(v) ? v : replaced(kind, v);
        case CellKind::Name:
        case CellKind::Ip:
            if (m_mode == RedactMode::All) return replaced(kind, v);
            return m_mode == RedactMode::Emails ? scanned(v) : v; // a name that is an email
        case CellKind::Text:
            return m_mode == RedactMode::None ? v : scanned(v);
        case CellKind::FreeText:
            return scanned(v);
        case CellKind::Number:
        case CellKind::Date:
        case CellKind::Sign:
            return v;
        }
        return v;
    }

    // Report prose (notes, findings, summary texts): scanned under any mode but None.
    QString prose(const QString &v) { return m_mode == RedactMode::None ? v : scanned(v); }

    const RedactionSummary &summary() const { return m_summary; }

private:
    QString replaced(CellKind kind, const QString &v)
    {
        ++m_summary.pseudonymised;
        return pseudonym(m_key, kind, v);
    }

    // A text that is one email keeps an email's shape (a column of addresses still reads as one); in any
    // other text each finding becomes "[redacted <kind>]".
    QString scanned(const QString &v)
    {
        const QList<PiiMatch> found = scanPii(v);
        if (found.isEmpty()) return v;
        const QString trimmed = v.trimmed();
        if (m_mode != RedactMode::None && found.size() == 1 && found[0].kind == PiiKind::Email &&
            found[0].length == trimmed.size() && !isPseudonymEmail(trimmed))
            return replaced(CellKind::Email, trimmed);
        QString out;
        qsizetype at = 0;
        for (const PiiMatch &m : found) {
            const QStringView text = QStringView(v).mid(m.start, m.length);
            if (m.kind == PiiKind::Email && isPseudonymEmail(text)) continue; // already redacted
            out += QStringView(v).mid(at, m.start - at);
            out += QStringLiteral("[redacted %1]").arg(piiKindName(m.kind));
            at = m.start + m.length;
            ++m_summary.freeTextPii[m.kind];
        }
        return out + QStringView(v).mid(at);
    }

    RedactMode m_mode;
    QByteArray m_key;
    RedactionSummary m_summary;
};

QString summaryLine(RedactMode mode, const RedactionSummary &s)
{
    QString what;
    const QString cells = plural(s.pseudonymised, QStringLiteral("cell"), QStringLiteral("cells"));
    switch (mode) {
    case RedactMode::None:
        what = QStringLiteral("none (as stored)");
        break;
    case RedactMode::Emails:
        what = QStringLiteral("emails pseudonymised (%1)").arg(cells);
        break;
    case RedactMode::All:
        what = QStringLiteral("emails, names and IP addresses pseudonymised (%1)").arg(cells);
        break;
    }
    QStringList found;
    for (PiiKind k : {PiiKind::Email, PiiKind::Phone, PiiKind::CardNumber, PiiKind::Iban, PiiKind::UsSsn})
        if (const qint64 n = s.freeTextPii.value(k); n > 0) found << piiKindWords(k, n);
    const QString freeText =
        found.isEmpty() ? QStringLiteral("free text: no PII found")
                        : QStringLiteral("free text: %1 redacted").arg(found.join(QStringLiteral(", ")));
    return what + QStringLiteral("; ") + freeText;
}

} // namespace

QString redactModeName(RedactMode m)
{
    switch (m) {
    case RedactMode::None:
        return QStringLiteral("none");
    case RedactMode::Emails:
        return QStringLiteral("emails");
    case RedactMode::All:
        return QStringLiteral("all");
    }
    return {};
}

Result<RedactMode> parseRedactMode(const QString &name)
{
    for (RedactMode m : {RedactMode::None, RedactMode::Emails, RedactMode::All})
        if (name.trimmed().compare(redactModeName(m), Qt::CaseInsensitive) == 0) return m;
    return err(Error::Code::Usage,
               QStringLiteral("--redact: '%1' is not a redaction mode; use none (as stored), emails (emails "
                              "pseudonymised) or all (emails, names and IP addresses pseudonymised)")
                   .arg(name));
}

QString piiKindName(PiiKind k)
{
    switch (k) {
    case PiiKind::Email:
        return QStringLiteral("email");
    case PiiKind::Phone:
        return QStringLiteral("phone");
    case PiiKind::CardNumber:
        return QStringLiteral("card_number");
    case PiiKind::Iban:
        return QStringLiteral("iban");
    case PiiKind::UsSsn:
        return QStringLiteral("us_ssn");
    }
    return {};
}

QList<PiiMatch> scanPii(const QString &text)
{
    QList<PiiMatch> kept;
    for (PiiKind kind : kPriority)
        for (const PiiMatch &m : scanKind(text, kind))
            if (std::none_of(kept.cbegin(), kept.cend(), [&m](const PiiMatch &k) { return overlaps(k, m); }))
                kept << m;
    std::sort(kept.begin(), kept.end(),
              [](const PiiMatch &a, const PiiMatch &b) { return a.start < b.start; });
    return kept;
}

QByteArray newRedactionKey()
{
    // The OS's CSPRNG (getrandom on Linux): the key must not be guessable from the report it keys.
    std::array<quint32, kKeyBytes / sizeof(quint32)> words{};
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char *>(words.data()), kKeyBytes);
}

QString pseudonym(const QByteArray &key, CellKind kind, const QString &value)
{
    // The kind is part of the message: an IP and a name that happen to be the same text stay unrelated.
    const QByteArray message = kindTag(kind) + '\0' + normalised(kind, value).toUtf8();
    const QString id =
        QString::fromLatin1(QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256)
                                .toHex()
                                .left(kPseudonymHexChars));
    switch (kind) {
    case CellKind::Email:
        return QStringLiteral("person-") + id + kPseudonymDomain;
    case CellKind::Name:
        return QStringLiteral("Person ") + id;
    case CellKind::Ip:
        return QStringLiteral("ip-") + id;
    default:
        return QStringLiteral("redacted-") + id;
    }
}

RedactionSummary redactReport(Report &r, RedactMode mode, const QByteArray &key)
{
    Redactor x(mode, key.isEmpty() ? newRedactionKey() : key);
    for (ReportTable &t : r.tables) {
        t.note = x.prose(t.note);
        for (QVariantList &row : t.rows)
            for (qsizetype i = 0; i < row.size() && i < t.columns.size(); ++i)
                if (row[i].typeId() == QMetaType::QString)
                    row[i] = x.cell(t.columns[i].kind, row[i].toString());
    }
    for (ReportFinding &f : r.findings)
        f.text = x.prose(f.text);
    for (auto &entry : r.summary)
        if (entry.second.typeId() == QMetaType::QString) entry.second = x.prose(entry.second.toString());
    r.meta.redaction = mode;
    const QString label = QStringLiteral("Redaction");
    const QString line = summaryLine(mode, x.summary());
    auto it =
        std::find_if(r.summary.begin(), r.summary.end(), [&](const auto &p) { return p.first == label; });
    if (it != r.summary.end())
        it->second = line; // a report redacted twice says what the last pass did
    else
        r.summary.append({label, line});
    return x.summary();
}

} // namespace orgward
