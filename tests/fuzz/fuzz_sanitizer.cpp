// Sanitizer::mask on any text. The first byte chooses a registered secret: byte0 % 32 characters taken
// from the input after it (kept in the text, and appended again raw, percent-encoded and JSON-escaped).
// Invariants: no crash; output ≤ input + what the masks add; mask(mask(x)) == mask(x); the registered
// secret survives in no form. (Secrets holding '*' are skipped: the mask itself is made of '*'.)
#include "core/sanitizer.h"
#include "fuzzsupport.h"

#include <QUrl>

using namespace orgward;

namespace {
constexpr int kMaxSecretLength = 32;
constexpr int kMinSecretLength = 4; // Sanitizer::addSecret ignores shorter ones

QString jsonEscaped(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        if (c == u'"' || c == u'\\') out += u'\\';
        out += c;
    }
    return out;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    const QString text = QString::fromUtf8(fuzz::bytes(data + 1, size - 1));
    const QString secret = text.left(data[0] % kMaxSecretLength);
    const bool useSecret = secret.size() >= kMinSecretLength && !secret.contains(u'*') &&
                           QStringView(secret).isValidUtf16() && !secret.trimmed().isEmpty();
    Sanitizer::clearSecrets();
    QString input = text;
    if (useSecret) {
        Sanitizer::addSecret(secret);
        input += u' ' + secret + u' ' + QString::fromLatin1(QUrl::toPercentEncoding(secret)) + u' ' +
                 jsonEscaped(secret);
    }
    const QString out = Sanitizer::mask(input);
    const QString where = QStringLiteral("input [%1] output [%2]").arg(input, out);
    FUZZ_CHECK(out.size() <= input.size() + 3 * out.count(QLatin1String("***")), where);
    FUZZ_CHECK(Sanitizer::mask(out) == out, where + QStringLiteral(" again [%1]").arg(Sanitizer::mask(out)));
    if (useSecret) {
        FUZZ_CHECK(!out.contains(secret), where);
        FUZZ_CHECK(!out.contains(QString::fromLatin1(QUrl::toPercentEncoding(secret))), where);
        FUZZ_CHECK(!out.contains(jsonEscaped(secret)), where);
    }
    return 0;
}
