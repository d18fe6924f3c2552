// parsePage for every endpoint: the first bytes pick the endpoint (fuzzendpoint.h), the rest is the
// response body. No crash, no undefined behaviour, no leak; and a page either parses or says why.
#include "domain/pageparser.h"
#include "fuzzendpoint.h"
#include "fuzzsupport.h"

using namespace orgward;

namespace {
// Fixed, so a crash replays the same way: 2026-11-20, after the fixture org's capture time.
constexpr qint64 kNowSecs = 1'795'132'800;
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < size_t(fuzz::kSelectorBytes)) return 0;
    const EndpointRef ref = fuzz::endpointFromSelector(data);
    const QByteArray body = fuzz::bytes(data + fuzz::kSelectorBytes, size - fuzz::kSelectorBytes);
    const auto page = parsePage(ref, body, kNowSecs);
    if (!page) {
        FUZZ_CHECK(!page.error().message.isEmpty(), ref.cursorKey());
        return 0;
    }
    FUZZ_CHECK(page->itemCount >= 0, ref.cursorKey());
    // has_more without a cursor parses; PageProcessor::checkGuards refuses it (a policy, not a parse).
    return 0;
}
