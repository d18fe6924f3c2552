#include "budget.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <QStringList>

namespace orgward {

namespace {

// Budgets above a trillion are a typing error, and the bound keeps amount * threshold far inside int128.
const Decimal kMaxAmount = Decimal::fromUnits(Int128(1'000'000'000'000) * Int128(1'000'000'000'000'000'000));
// Spend beyond this (in Decimal units) crosses every threshold of any allowed amount; below it spent * 100
// cannot overflow.
constexpr Int128 kHugeSpentRaw = Int128(10'000'000'000'000'000) * Int128(1'000'000'000'000'000'000);
constexpr int kPercent = 100;
constexpr int kMonthsPerQuarter = 3;

struct ScopeName
{
    BudgetScopeKind kind;
    const char *prefix;
};
constexpr ScopeName kScopeNames[] = {{BudgetScopeKind::Project, "project"},
                                     {BudgetScopeKind::CostCentre, "cost-centre"},
                                     {BudgetScopeKind::Workload, "workload"}};

qint64 utcSecs(const QDate &d)
{
    return QDateTime(d, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

} // namespace

QString BudgetScope::text() const
{
    for (const ScopeName &n : kScopeNames)
        if (n.kind == kind) return QString::fromLatin1(n.prefix) + u':' + value;
    return QStringLiteral("org");
}

Result<BudgetScope> BudgetScope::parse(const QString &text)
{
    if (text == u"org") return BudgetScope{};
    const qsizetype colon = text.indexOf(u':');
    const QString prefix = text.left(colon), value = text.mid(colon + 1).trimmed();
    for (const ScopeName &n : kScopeNames) {
        if (colon < 0 || prefix != QLatin1String(n.prefix)) continue;
        if (value.isEmpty())
            return err(Error::Code::Usage,
                       QStringLiteral("scope '%1': name the %2 after the colon, e.g. %2:%3")
                           .arg(text, prefix,
                                n.kind == BudgetScopeKind::Project ? QStringLiteral("proj_abc")
                                                                   : QStringLiteral("Finance")));
        return BudgetScope{n.kind, value};
    }
    return err(
        Error::Code::Usage,
        QStringLiteral("scope '%1' is not known: use org, project:ID, cost-centre:NAME or workload:NAME")
            .arg(text));
}

QString budgetPeriodName(BudgetPeriod period)
{
    switch (period) {
    case BudgetPeriod::Month:
        return QStringLiteral("month");
    case BudgetPeriod::Quarter:
        return QStringLiteral("quarter");
    case BudgetPeriod::Year:
        return QStringLiteral("year");
    case BudgetPeriod::Custom:
        return QStringLiteral("custom");
    }
    return {};
}

std::optional<BudgetPeriod> parseBudgetPeriod(const QString &name)
{
    for (BudgetPeriod p :
         {BudgetPeriod::Month, BudgetPeriod::Quarter, BudgetPeriod::Year, BudgetPeriod::Custom})
        if (budgetPeriodName(p) == name) return p;
    return std::nullopt;
}

QList<int> defaultBudgetThresholds()
{
    return {70, 85, 95};
}

Result<QList<int>> parseThresholds(const QString &text)
{
    QList<int> out;
    const QStringList parts = text.split(u',');
    for (const QString &part : parts) {
        bool ok = false;
        const int t = part.trimmed().toInt(&ok);
        if (!ok || t < kMinThreshold || t > kMaxThreshold)
            return err(Error::Code::Usage,
                       QStringLiteral("thresholds '%1': '%2' is not a whole percentage from %3 to %4")
                           .arg(text, part.trimmed())
                           .arg(kMinThreshold)
                           .arg(kMaxThreshold));
        if (!out.isEmpty() && t <= out.last())
            return err(Error::Code::Usage,
                       QStringLiteral("thresholds '%1': list them in ascending order without repeats "
                                      "(%2 comes after %3)")
                           .arg(text)
                           .arg(t)
                           .arg(out.last()));
        out << t;
    }
    return out;
}

QString thresholdsText(const QList<int> &thresholds)
{
    QStringList parts;
    for (int t : thresholds)
        parts << QString::number(t);
    return parts.join(u',');
}

Status validateBudget(const Budget &b)
{
    static const QRegularExpression nameRe(QStringLiteral("^[\\w][\\w .\\-]*$"),
                                           QRegularExpression::UseUnicodePropertiesOption);
    if (b.name.isEmpty() || b.name.size() > kMaxBudgetNameLength || !nameRe.match(b.name).hasMatch())
        return err(Error::Code::Usage,
                   QStringLiteral("budget name '%1': use 1 to %2 letters, digits, spaces, '.', '-' or '_', "
                                  "starting with a letter or digit")
                       .arg(b.name)
                       .arg(kMaxBudgetNameLength));
    if (b.amount <= Decimal())
        return err(
            Error::Code::Usage,
            QStringLiteral("budget '%1': amount %2 must be more than zero").arg(b.name, b.amount.toString()));
    if (b.amount > kMaxAmount)
        return err(Error::Code::Usage,
                   QStringLiteral("budget '%1': amount %2 is above one trillion; check the figure")
                       .arg(b.name, b.amount.toString()));
    static const QRegularExpression currencyRe(QStringLiteral("^[A-Z]{3}$"));
    if (!currencyRe.match(b.currency).hasMatch())
        return err(
            Error::Code::Usage,
            QStringLiteral("budget '%1': currency '%2' is not a three-letter ISO 4217 code such as USD")
                .arg(b.name, b.currency));
    if (b.thresholds.isEmpty())
        return err(Error::Code::Usage,
                   QStringLiteral("budget '%1': give at least one threshold").arg(b.name));
    if (auto t = parseThresholds(thresholdsText(b.thresholds)); !t)
        return err(Error::Code::Usage, QStringLiteral("budget '%1': %2").arg(b.name, t.errorMessage()));
    if (b.period == BudgetPeriod::Custom && b.customTo <= b.customFrom)
        return err(Error::Code::Usage,
                   QStringLiteral("budget '%1': a custom period needs --from before --to").arg(b.name));
    if (b.scope.kind != BudgetScopeKind::Org && b.scope.value.isEmpty())
        return err(Error::Code::Usage, QStringLiteral("budget '%1': the scope names nothing").arg(b.name));
    return {};
}

PeriodRange budgetPeriodAt(const Budget &b, qint64 nowSecs)
{
    const QDate d = QDateTime::fromSecsSinceEpoch(nowSecs, Qt::UTC).date();
    switch (b.period) {
    case BudgetPeriod::Month: {
        const QDate start(d.year(), d.month(), 1);
        return {utcSecs(start), utcSecs(start.addMonths(1))};
    }
    case BudgetPeriod::Quarter: {
        const QDate start(d.year(), (d.month() - 1) / kMonthsPerQuarter * kMonthsPerQuarter + 1, 1);
        return {utcSecs(start), utcSecs(start.addMonths(kMonthsPerQuarter))};
    }
    case BudgetPeriod::Year: {
        const QDate start(d.year(), 1, 1);
        return {utcSecs(start), utcSecs(start.addYears(1))};
    }
    case BudgetPeriod::Custom:
        return {b.customFrom, b.customTo};
    }
    return {};
}

bool thresholdCrossed(const Decimal &spent, const Decimal &amount, int threshold)
{
    if (spent.raw() >= kHugeSpentRaw) return true;
    return spent.raw() * kPercent >= amount.raw() * threshold;
}

QString utilizationText(const Decimal &spent, const Decimal &amount, int decimals)
{
    if (amount.raw() <= 0) return QStringLiteral("0");
    // Long division, one digit at a time: the remainder stays below the amount, so nothing overflows.
    const bool negative = spent.raw() < 0;
    Int128 num = negative ? -spent.raw() : spent.raw();
    const Int128 den = amount.raw();
    Int128 whole = num / den, rem = num % den;
    QString frac;
    for (int i = 0; i < decimals; ++i) {
        rem *= 10;
        frac += QChar(u'0' + int(rem / den));
        rem %= den;
    }
    // Round half away from zero on the next digit.
    if (rem * 2 >= den) {
        int i = int(frac.size()) - 1;
        for (; i >= 0 && frac[i] == u'9'; --i)
            frac[i] = u'0';
        if (i >= 0)
            frac[i] = QChar(frac[i].unicode() + 1);
        else
            ++whole;
    }
    QString w;
    for (Int128 v = whole; v > 0; v /= 10)
        w.prepend(QChar(u'0' + int(v % 10)));
    if (w.isEmpty()) w = QStringLiteral("0");
    QString out = (negative ? QStringLiteral("-") : QString()) + w;
    return decimals > 0 ? out + u'.' + frac : out;
}

} // namespace orgward
