#pragma once
// The page parser target's input: three selector bytes pick the endpoint, the rest is the response body.
//   byte 0: EndpointKind (modulo the number of kinds)
//   byte 1: usage kind (low nibble, modulo their number) and bucket width (high nibble: 1d, 1h, 1m); for
//           data retention, spend alerts and spend limit, bit 0 picks a project's object over the org's
//   byte 2: group_by set, one bit per dimension the endpoint accepts
// selectorFor() writes the bytes for a known endpoint: scripts/fuzz seeds the corpus with every fixture
// page behind the selector of the request that fetched it.
#include "domain/endpoint.h"

#include <QByteArray>

namespace orgward::fuzz {

constexpr int kSelectorBytes = 3;
constexpr int kEndpointKinds = int(EndpointKind::SpendLimit) + 1;

inline bool hasOrgAndProjectForms(EndpointKind kind)
{
    return kind == EndpointKind::DataRetention || kind == EndpointKind::SpendAlerts ||
           kind == EndpointKind::SpendLimit;
}

inline QStringList bucketWidths()
{
    return {QStringLiteral("1d"), QStringLiteral("1h"), QStringLiteral("1m")};
}

inline QStringList dimensionsOf(const EndpointRef &ref)
{
    if (ref.kind == EndpointKind::Costs) return groupByDimensions(QStringLiteral("costs"));
    if (ref.kind == EndpointKind::Usage) return groupByDimensions(ref.usageKind);
    return {};
}

inline EndpointRef endpointFromSelector(const uint8_t *data)
{
    EndpointRef ref;
    ref.kind = EndpointKind(data[0] % kEndpointKinds);
    if (ref.isProjectScoped() || (hasOrgAndProjectForms(ref.kind) && (data[1] & 1)))
        ref.projectId = QStringLiteral("proj_fuzz");
    ref.groupId = QStringLiteral("group_fuzz");
    ref.userId = QStringLiteral("user_fuzz");
    if (ref.kind == EndpointKind::Usage) {
        const QStringList kinds = usageKinds();
        ref.usageKind = kinds.at((data[1] & 0x0f) % kinds.size());
    }
    if (ref.isBucketed()) {
        ref.bucketWidth = bucketWidths().at((data[1] >> 4) % bucketWidths().size());
        const QStringList dims = dimensionsOf(ref);
        for (int i = 0; i < dims.size() && i < 8; ++i)
            if (data[2] & (1u << i)) ref.groupBy << dims.at(i);
        ref.groupBy.sort();
    }
    return ref;
}

inline QByteArray selectorFor(const EndpointRef &ref)
{
    QByteArray out(kSelectorBytes, '\0');
    out[0] = char(int(ref.kind));
    const qsizetype usage = usageKinds().indexOf(ref.usageKind);
    const qsizetype width = bucketWidths().indexOf(ref.bucketWidth);
    out[1] = char((usage < 0 ? 0 : usage) | ((width < 0 ? 0 : width) << 4));
    if (hasOrgAndProjectForms(ref.kind)) out[1] = char(ref.projectId.isEmpty() ? 0 : 1);
    const QStringList dims = dimensionsOf(ref);
    int mask = 0;
    for (int i = 0; i < dims.size() && i < 8; ++i)
        if (ref.groupBy.contains(dims.at(i))) mask |= 1 << i;
    out[2] = char(mask);
    return out;
}

} // namespace orgward::fuzz
