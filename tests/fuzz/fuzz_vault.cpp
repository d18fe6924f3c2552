// The vault file reader: VaultKdf::ofFile (the header) on any bytes, and Vault::open on files whose header
// asks for a cheap key derivation (a fuzzer that spends a second per input finds nothing; the caps on
// expensive headers are tested in test_vault). An opened vault re-seals and opens to the same entries.
#include "fuzzsupport.h"
#include "security/vault.h"

using namespace orgward;

namespace {
const QString kPassphrase = QStringLiteral("fuzz-passphrase-0123"); // the hand seeds are sealed with it
constexpr quint64 kCheapScryptCost = 1u << 13; // N·r·p: VaultKdf::fastForTesting() is 2^13
constexpr quint64 kCheapPbkdf2Iterations = 5000;

bool cheap(const VaultKdf &kdf)
{
    if (kdf.kind == VaultKdf::Pbkdf2) return kdf.n <= kCheapPbkdf2Iterations;
    return kdf.n * quint64(kdf.r) * quint64(kdf.p) <= kCheapScryptCost;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray file = fuzz::bytes(data, size);
    const auto kdf = VaultKdf::ofFile(file);
    if (!kdf || !cheap(*kdf)) return 0;
    const auto secrets = Vault::open(file, kPassphrase, QStringLiteral("fuzz.vault"));
    if (!secrets) {
        FUZZ_CHECK(!secrets.errorMessage().isEmpty(), QStringLiteral("open failed without a message"));
        return 0;
    }
    const auto sealed = Vault::seal(*secrets, kPassphrase, VaultKdf::fastForTesting());
    FUZZ_CHECK(sealed.ok(), sealed.errorMessage());
    const auto reopened = Vault::open(*sealed, kPassphrase);
    FUZZ_CHECK(reopened.ok() && *reopened == *secrets, reopened.errorMessage());
    return 0;
}
