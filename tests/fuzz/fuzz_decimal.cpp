// Decimal: parse, format, add, subtract, compare, divide. Two operands separated by a newline.
// Invariants: toString() is canonical and parses back to the same value; toFixed(d) parses back to the
// value rounded to d places (off by at most half a unit); a + b - b == a; comparison agrees with the sign
// of the difference. Sums are checked where they cannot leave the 128-bit range (|x| ≤ max/2): costs are
// summed far inside it.
#include "core/decimal.h"
#include "fuzzsupport.h"

#include <limits>

using namespace orgward;

namespace {
constexpr Int128 kInt128Max = Int128((~__extension__(unsigned __int128) 0) >> 1);

Int128 pow10(int n)
{
    Int128 r = 1;
    for (int i = 0; i < n; ++i)
        r *= 10;
    return r;
}

Int128 magnitude(Int128 v)
{
    return v < 0 ? -v : v;
}

void checkOne(const Decimal &a, const QString &source)
{
    const QString canonical = a.toString();
    const auto back = Decimal::parse(canonical);
    FUZZ_CHECK(back.has_value(), source + u" -> " + canonical);
    FUZZ_CHECK(*back == a, source + u" -> " + canonical);
    FUZZ_CHECK(back->toString() == canonical, source + u" -> " + canonical);
    for (const int places : {0, 2, 6, Decimal::kScale}) {
        const QString fixed = a.toFixed(places);
        const auto rounded = Decimal::parse(fixed);
        FUZZ_CHECK(rounded.has_value(), source + u" -> " + fixed);
        const Int128 halfUnit = pow10(Decimal::kScale - places) / 2;
        FUZZ_CHECK(magnitude((*rounded - a).raw()) <= halfUnit, source + u" -> " + fixed);
    }
    for (const qint64 k : {qint64(1), qint64(-1), qint64(3), qint64(7), qint64(1000)}) {
        const Decimal q = a.divInt(k);
        FUZZ_CHECK(magnitude(q.raw()) <= magnitude(a.raw()), source);
    }
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
    const qsizetype nl = text.indexOf(u'\n');
    const QString first = nl < 0 ? text : text.left(nl);
    const QString second = nl < 0 ? QString() : text.mid(nl + 1);
    const auto a = Decimal::parse(first);
    const auto b = Decimal::parse(second);
    if (a) checkOne(*a, first);
    if (b) checkOne(*b, second);
    if (!a || !b) return 0;
    FUZZ_CHECK(((*a <=> *b) == 0) == (a->toString() == b->toString()), first + u" | " + second);
    const Int128 safe = kInt128Max / 2;
    if (magnitude(a->raw()) > safe || magnitude(b->raw()) > safe) return 0;
    const Decimal sum = *a + *b;
    FUZZ_CHECK(sum - *b == *a, first + u" | " + second);
    FUZZ_CHECK((*a < *b) == ((*a - *b).raw() < 0), first + u" | " + second);
    Decimal acc = *a;
    acc += *b;
    acc -= *a;
    FUZZ_CHECK(acc == *b, first + u" | " + second);
    return 0;
}
