#include "decimal.h"

#include <QByteArray>
#include <QLocale>

namespace orgward {

namespace {
constexpr Int128 pow10(int n)
{
    Int128 r = 1;
    for (int i = 0; i < n; ++i)
        r *= 10;
    return r;
}
constexpr Int128 kOne = pow10(Decimal::kScale);
constexpr Int128 kMaxDigits = pow10(37); // keep well inside int128
// The largest magnitude parse() accepts: |x| ≤ 10^20 (so toFixed() of anything parsed parses back). Far
// inside int128 (1.7e38): scaling by 10 while parsing and rounding in toFixed() cannot overflow (they did:
// undefined behaviour found by fuzz_decimal).
constexpr Int128 kMaxRaw = pow10(38);
bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9'; // QChar::isDigit() also takes other scripts' digits ("٣")
}
} // namespace

std::optional<Decimal> Decimal::parse(QStringView text)
{
    QStringView s = text.trimmed();
    if (s.isEmpty()) return std::nullopt;
    bool neg = false;
    qsizetype i = 0;
    if (s[0] == u'-' || s[0] == u'+') {
        neg = s[0] == u'-';
        ++i;
    }
    Int128 mant = 0;
    int fracDigits = 0;
    bool seenDot = false, seenDigit = false;
    int dropped = 0; // digits beyond what fits, only allowed after the point (rounded off)
    bool roundUp = false;
    for (; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c == u'.') {
            if (seenDot) return std::nullopt;
            seenDot = true;
            continue;
        }
        if (c == u'e' || c == u'E') break;
        if (!isAsciiDigit(c)) return std::nullopt;
        seenDigit = true;
        const int d = c.digitValue();
        if (mant >= kMaxDigits) {
            if (!seenDot) return std::nullopt; // integer part too large
            if (dropped == 0) roundUp = d >= 5;
            ++dropped;
            continue;
        }
        mant = mant * 10 + d;
        if (seenDot) ++fracDigits;
    }
    if (!seenDigit) return std::nullopt;
    int exp = 0;
    if (i < s.size()) { // exponent
        ++i;
        bool eneg = false;
        if (i < s.size() && (s[i] == u'-' || s[i] == u'+')) {
            eneg = s[i] == u'-';
            ++i;
        }
        if (i >= s.size()) return std::nullopt;
        for (; i < s.size(); ++i) {
            if (!isAsciiDigit(s[i])) return std::nullopt;
            exp = exp * 10 + s[i].digitValue();
            if (exp > 60) return std::nullopt;
        }
        if (eneg) exp = -exp;
    }
    if (roundUp) mant += 1;
    int shift = kScale - fracDigits + exp; // multiply mant by 10^shift
    if (shift >= 0) {
        for (int k = 0; k < shift; ++k) {
            if (mant > kMaxRaw / 10) return std::nullopt;
            mant *= 10;
        }
    } else {
        for (int k = 0; k < -shift; ++k) {
            const int last = int(mant % 10);
            mant /= 10;
            if (k == -shift - 1 && last >= 5) mant += 1;
        }
    }
    if (mant > kMaxRaw) return std::nullopt;
    return fromUnits(neg ? -mant : mant);
}

Decimal Decimal::fromDouble(double v)
{
    const QByteArray shortest = QByteArray::number(v, 'g', QLocale::FloatingPointShortest);
    return parse(QString::fromLatin1(shortest)).value_or(Decimal());
}

QString Decimal::toString() const
{
    Int128 v = m_raw < 0 ? -m_raw : m_raw;
    Int128 ip = v / kOne, fp = v % kOne;
    QString intPart;
    if (ip == 0) intPart = QStringLiteral("0");
    while (ip > 0) {
        intPart.prepend(QChar(u'0' + int(ip % 10)));
        ip /= 10;
    }
    QString frac;
    if (fp != 0) {
        frac.fill(u'0', kScale);
        for (int k = kScale - 1; k >= 0; --k) {
            frac[k] = QChar(u'0' + int(fp % 10));
            fp /= 10;
        }
        while (frac.endsWith(u'0'))
            frac.chop(1);
    }
    QString out = (m_raw < 0 ? QStringLiteral("-") : QString()) + intPart;
    if (!frac.isEmpty()) out += u'.' + frac;
    return out;
}

QString Decimal::toFixed(int decimals) const
{
    decimals = std::clamp(decimals, 0, kScale);
    const Int128 unit = pow10(kScale - decimals);
    Int128 v = m_raw < 0 ? -m_raw : m_raw;
    v = (v + unit / 2) / unit * unit;
    QString s = fromUnits(m_raw < 0 ? -v : v).toString();
    if (s == QLatin1String("-0")) s = QStringLiteral("0");
    if (decimals == 0) return s;
    qsizetype dot = s.indexOf(u'.');
    if (dot < 0) {
        s += u'.';
        dot = s.size() - 1;
    }
    const qsizetype have = s.size() - dot - 1;
    if (have < decimals) s += QString(decimals - have, u'0');
    return s;
}

double Decimal::toDouble() const
{
    return double(m_raw / kOne) + double(m_raw % kOne) / double(kOne);
}

Decimal Decimal::divInt(qint64 k) const
{
    if (k == 0) return {};
    Int128 q = m_raw / k, r = m_raw % k;
    if (r != 0) {
        const Int128 ar = r < 0 ? -r : r, ak = k < 0 ? -Int128(k) : Int128(k);
        if (ar * 2 >= ak) q += ((m_raw < 0) != (k < 0)) ? -1 : 1;
    }
    return fromUnits(q);
}

double Decimal::ratio(const Decimal &o) const
{
    if (o.m_raw == 0) return 0.0;
    return toDouble() / o.toDouble();
}

} // namespace orgward
