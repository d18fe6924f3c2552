#pragma once
// Exact decimal for money. Fixed point with 18 fractional digits in a 128-bit integer: enough for any
// invoice (|x| < 1.7e20) and never a binary float. Costs arrive as JSON numbers or strings ("12.50").
#include <QString>
#include <optional>

namespace orgward {

// GCC/Clang 128-bit integer; __extension__ keeps -Wpedantic quiet about it.
__extension__ typedef __int128 Int128;

class Decimal
{
public:
    static constexpr int kScale = 18;

    Decimal() = default;
    static std::optional<Decimal> parse(QStringView text);
    // A JSON number reaches us as a double: its shortest round-trip form is the literal the server
    // sent whenever that literal had at most 15 significant digits, which covers money.
    static Decimal fromDouble(double v);
    static Decimal fromUnits(Int128 raw)
    {
        Decimal d;
        d.m_raw = raw;
        return d;
    }

    QString toString() const;            // canonical: no trailing zeros, "0" for zero
    QString toFixed(int decimals) const; // rounded half away from zero, e.g. "12.50"
    double toDouble() const;             // for charts only
    Int128 raw() const { return m_raw; }
    bool isZero() const { return m_raw == 0; }

    Decimal operator+(const Decimal &o) const { return fromUnits(m_raw + o.m_raw); }
    Decimal operator-(const Decimal &o) const { return fromUnits(m_raw - o.m_raw); }
    Decimal &operator+=(const Decimal &o)
    {
        m_raw += o.m_raw;
        return *this;
    }
    Decimal &operator-=(const Decimal &o)
    {
        m_raw -= o.m_raw;
        return *this;
    }
    Decimal divInt(qint64 k) const; // rounded half away from zero
    // Ratio this/o as a double (for percentages of budgets); 0 when o is zero.
    double ratio(const Decimal &o) const;
    auto operator<=>(const Decimal &o) const = default;

private:
    Int128 m_raw = 0;
};

} // namespace orgward
