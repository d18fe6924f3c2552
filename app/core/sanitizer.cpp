#include "sanitizer.h"

#include <QMutex>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

namespace orgward {

namespace {
const QString kMask = QStringLiteral("***");
// A few passes reach the fixed point (one pass's mask can complete another rule's context); the cap only
// guards against a rule set that would oscillate.
constexpr int kMaxPasses = 4;

// Text reaches the log percent-encoded (URLs, form bodies) or JSON-escaped (error bodies): "%3dsk-…",
// "\nsk-…", "\u0022sk-…". A letter that ends such an escape is not part of the word that follows it.
const QString kAfterEscape =
    QStringLiteral(R"((?<=%[0-9A-Fa-f]{2})|(?<=%25[0-9A-Fa-f]{2})|(?<=\\[A-Za-z])|(?<=\\u[0-9A-Fa-f]{4}))");
// Left edge of a secret word ("password", "token"…): not glued to a letter or digit, so DB_PASSWORD,
// --password and db.password match, passwords and mypassword do not (only "pass…word" is the word).
const QString kWordEdge = QStringLiteral("(?:(?<![A-Za-z0-9])|%1)").arg(kAfterEscape);
const QString kSecretWords = QStringLiteral(
    R"((?:pass(?:word|wd|phrase)|pgpassword|secret|client_secret|api[_-]?key|admin[_-]?key|access[_-]?token|refresh[_-]?token|auth[_-]?token|token))");
// A value: "double quoted" (JSON escapes), 'single quoted', or a bare word. A quote left open runs to the
// end of the line (the secret runs on; and an open quote must not make matching rescan the rest of the
// text). The branch reset (?|…) makes the value capture group 1 in every branch.
const QString kValue = QStringLiteral(
    R"((?|\\?"((?:[^"\\\r\n]|\\[^\r\n]?)*+)(?:"|(?=[\r\n])|$)|\\?'((?:[^'\\\r\n]|\\[^\r\n]?)*+)(?:'|(?=[\r\n])|$)|([^\s"'&,;}\]]++)))");

// Each rule masks its capture group 1 (the secret) and keeps the rest of its match.
struct Rule
{
    QRegularExpression re;
};

QRegularExpression compile(const QString &pattern, bool caseInsensitive)
{
    QRegularExpression re(pattern, caseInsensitive ? QRegularExpression::CaseInsensitiveOption
                                                   : QRegularExpression::NoPatternOption);
    Q_ASSERT_X(re.isValid(), "Sanitizer", qPrintable(re.errorString()));
    re.optimize();
    return re;
}

const std::array<Rule, 6> &rules()
{
    static const std::array<Rule, 6> table{{
        // OpenAI keys of every form: sk-<random>, sk-proj-, sk-svcacct-, sk-admin- (and the older sk-None-,
        // test prefixes). No \b: a key glued to an identifier ("KEY_sk-…") or an escape ("%3dsk-", "\nsk-")
        // must still be caught; only a preceding lower-case letter ("task-…", "disk-…") rules a match out.
        // Redacted forms from the API ("sk-proj-ab...wxyz", "sk-admin...xyz") are safe and stay visible:
        // they never have a run of 8+ key characters after the prefix. The prefix is possessive: once
        // "sk-svcacct-" matched, the body must follow it (so "sk-svcacct-Ab...9z" stays readable).
        {compile(
            QStringLiteral(
                R"((?:(?<![a-z])|%1)sk-((?:(?:proj|svcacct|admin|None|live|test)-)?+[A-Za-z0-9_\-]{8,}))")
                .arg(kAfterEscape),
            false)},
        // Authorization values: "Bearer <token>", "Basic <base64>" in any case, also percent-encoded; 8+
        // token characters, so prose ("a bearer token is missing", "basic settings") stays readable.
        {compile(
            QStringLiteral(
                R"(%1(?|bearer(?:\s+|%20|\+)((?:[A-Za-z0-9._~+/=\-]|%[0-9A-Fa-f]{2}){8,}+)|basic(?:\s+|%20|\+)(?=[A-Za-z0-9+/]*[0-9+/=])([A-Za-z0-9+/]{8,}+={0,2})))")
                .arg(kWordEdge),
            true)},
        // Whatever follows an Authorization header name is a credential, whatever its scheme ("Token x",
        // "Bearer x", a bare value). The scheme word stays readable.
        {compile(
            QStringLiteral(
                R"(%1authorization\\?["']?[ \t]*(?::|=|%3[Aa]|%3[Dd])[ \t]*\\?["']?(?:[A-Za-z][A-Za-z0-9_\-]*+(?:[ \t]++|%20|\+))?+([^\s"',;}\]*][^\s"',;}\]]*+))")
                .arg(kWordEdge),
            true)},
        // scheme://user:password@host → scheme://user:***@host. The password may hold '@' (the last '@'
        // before the line ends or the next URL starts separates it), '/' and spaces. "host:5432/" is a
        // port, not a password. The scheme starts a word, so a long word is not rescanned at every letter.
        {compile(
            QStringLiteral(
                R"((?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]*+://[^\s:/@]*+:(?![0-9]++(?:[/?#\s]|$))((?:[^\s:]|:(?!//)|[ \t](?![A-Za-z][A-Za-z0-9+.\-]*+://))*)@)"),
            false)},
        // password=…, password: "…", PGPASSWORD='…', "db_password": 123, ?password=…&, %3Dencoded.
        // (Patterns are joined with +, not QString::arg: "%3D" in a pattern is an arg placeholder.)
        {compile(kWordEdge + kSecretWords + QStringLiteral(R"(\\?["']?[ \t]*(?:[:=]|%3[Aa]|%3[Dd])[ \t]*)") +
                     kValue,
                 true)},
        // Command lines: --password hunter2, --db-password 'x y' (the "=" form is the rule above).
        {compile(QStringLiteral(R"((?<![A-Za-z0-9\-])--(?:[A-Za-z0-9]++-)*?%1[ \t]++(?!--)%2)")
                     .arg(kSecretWords, kValue),
                 true)},
    }};
    return table;
}

// Replaces capture group 1 of every match with the mask; returns whether anything changed.
bool maskGroup(QString &text, const QRegularExpression &re)
{
    QRegularExpressionMatchIterator it = re.globalMatch(text);
    if (!it.hasNext()) return false;
    QString out;
    out.reserve(text.size());
    qsizetype done = 0;
    bool changed = false;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const qsizetype start = m.capturedStart(1);
        const qsizetype end = m.capturedEnd(1);
        if (start < done || end <= start) continue;
        const QStringView secret = QStringView(text).mid(start, end - start);
        if (secret == kMask) continue;
        out += QStringView(text).mid(done, start - done);
        out += kMask;
        done = end;
        changed = true;
    }
    if (!changed) return false;
    out += QStringView(text).mid(done);
    text = out;
    return true;
}

// A registered secret reaches a log raw, percent-encoded (any subset of its characters, either hex case,
// '+' for a space) or JSON-escaped (\" \\ \/ \n …, \uXXXX). One pattern per family, each character an
// atomic group that tries its encoded forms first: no backtracking (a secret of 30 backslashes must not
// make PCRE give up at its match limit and let the secret through). The raw form is matched on its own.
enum class Family
{
    Percent,
    Json
};

QString familyPattern(const QString &secret, Family family)
{
    static const QString kJsonShort = QStringLiteral("\"\\/\b\f\n\r\t");
    static const QString kJsonLetter = QStringLiteral("\"\\/bfnrt");
    QString pattern = QStringLiteral("(");
    for (qsizetype i = 0; i < secret.size(); ++i) {
        const qsizetype width = secret.at(i).isHighSurrogate() ? 2 : 1;
        const QString c = secret.mid(i, width);
        i += width - 1;
        QStringList forms;
        if (family == Family::Percent) {
            QString percent;
            for (const char byte : c.toUtf8())
                percent += QStringLiteral("%%1").arg(uchar(byte), 2, 16, QLatin1Char('0'));
            forms << QStringLiteral("(?i:%1)").arg(percent);
            if (c == u' ') forms << QStringLiteral("\\+");
        } else {
            QString unicodeEscape;
            for (const QChar unit : c)
                unicodeEscape += QStringLiteral("\\\\u%1").arg(unit.unicode(), 4, 16, QLatin1Char('0'));
            forms << QStringLiteral("(?i:%1)").arg(unicodeEscape);
            if (const qsizetype j = width == 1 ? kJsonShort.indexOf(c.front()) : -1; j >= 0)
                forms << QRegularExpression::escape(QStringLiteral("\\") + kJsonLetter.at(j));
        }
        forms << QRegularExpression::escape(c);
        pattern += QStringLiteral("(?>%1)").arg(forms.join(u'|'));
    }
    return pattern + u')';
}

// One registered secret: its raw form, and a pattern per encoded family. If PCRE cannot compile a family's
// pattern (a very long secret), that family's canonical encoding is matched literally instead.
struct SecretMatcher
{
    explicit SecretMatcher(const QString &secret)
        : raw(secret), percent(familyPattern(secret, Family::Percent)),
          json(familyPattern(secret, Family::Json))
    {
        for (QRegularExpression *re : {&percent, &json})
            re->optimize();
        if (!percent.isValid()) literals << QString::fromLatin1(QUrl::toPercentEncoding(secret));
        if (!json.isValid()) {
            QString escaped = secret;
            escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
            literals << escaped;
        }
    }
    bool apply(QString &text) const
    {
        bool changed = replaceLiteral(text, raw);
        for (const QRegularExpression *re : {&percent, &json})
            if (re->isValid()) changed = maskGroup(text, *re) || changed;
        for (const QString &l : literals)
            changed = replaceLiteral(text, l) || changed;
        return changed;
    }
    static bool replaceLiteral(QString &text, const QString &literal)
    {
        if (!text.contains(literal)) return false;
        text.replace(literal, kMask);
        return true;
    }
    QString raw;
    QRegularExpression percent, json;
    QStringList literals;
};
using SecretList = std::vector<std::pair<QString, std::shared_ptr<const SecretMatcher>>>;

struct SecretSet
{
    QMutex lock;
    // Replaced whole on each change, so mask() takes a snapshot without copying. Longest first, so a
    // secret that contains another is replaced whole.
    std::shared_ptr<const SecretList> secrets;
};
SecretSet &secretSet()
{
    static SecretSet set;
    return set;
}

std::shared_ptr<const SecretList> currentSecrets()
{
    SecretSet &set = secretSet();
    QMutexLocker lock(&set.lock);
    return set.secrets;
}
} // namespace

QString Sanitizer::mask(const QString &text)
{
    const std::shared_ptr<const SecretList> secrets = currentSecrets();
    QString out = text;
    for (int pass = 0; pass < kMaxPasses; ++pass) {
        bool changed = false;
        if (secrets)
            for (const auto &secret : *secrets)
                changed = secret.second->apply(out) || changed;
        for (const Rule &rule : rules())
            changed = maskGroup(out, rule.re) || changed;
        if (!changed) break;
    }
    return out;
}

void Sanitizer::addSecret(const QString &secret)
{
    // Masking tiny strings would shred ordinary text; a secret that is not valid UTF-16 cannot reach a log
    // line decoded from UTF-8.
    if (secret.size() < 4 || !QStringView(secret).isValidUtf16()) return;
    auto matcher = std::make_shared<const SecretMatcher>(secret);
    SecretSet &set = secretSet();
    QMutexLocker lock(&set.lock);
    auto next = set.secrets ? std::make_shared<SecretList>(*set.secrets) : std::make_shared<SecretList>();
    for (const auto &known : *next)
        if (known.first == secret) return;
    next->emplace_back(secret, std::move(matcher));
    std::stable_sort(next->begin(), next->end(),
                     [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    set.secrets = std::move(next);
}

void Sanitizer::clearSecrets()
{
    SecretSet &set = secretSet();
    QMutexLocker lock(&set.lock);
    set.secrets.reset();
}

} // namespace orgward
