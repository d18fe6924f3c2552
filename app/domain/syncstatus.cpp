#include "syncstatus.h"

#include <array>
#include <utility>

namespace orgward {

namespace {
constexpr std::array<std::pair<EndpointStatus, const char16_t *>, 5> kEndpointNames{{
    {EndpointStatus::Ok, u"ok"},
    {EndpointStatus::Failed, u"failed"},
    {EndpointStatus::Skipped, u"skipped"},
    {EndpointStatus::Cancelled, u"cancelled"},
    {EndpointStatus::NotAvailable, u"not_available"},
}};
constexpr std::array<std::pair<SyncStatus, const char16_t *>, 4> kSyncNames{{
    {SyncStatus::Complete, u"complete"},
    {SyncStatus::Partial, u"partial"},
    {SyncStatus::Failed, u"failed"},
    {SyncStatus::Cancelled, u"cancelled"},
}};

template <typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char16_t *>, N> &names, Enum value)
{
    for (const auto &[v, name] : names)
        if (v == value) return QString::fromUtf16(name);
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char16_t *>, N> &names, QStringView text)
{
    for (const auto &[v, name] : names)
        if (text == QStringView(name)) return v;
    return std::nullopt;
}
} // namespace

QString statusText(EndpointStatus status)
{
    return nameOf(kEndpointNames, status);
}

QString statusText(SyncStatus status)
{
    return nameOf(kSyncNames, status);
}

std::optional<EndpointStatus> endpointStatusFromText(QStringView text)
{
    return valueOf(kEndpointNames, text);
}

std::optional<SyncStatus> syncStatusFromText(QStringView text)
{
    return valueOf(kSyncNames, text);
}

} // namespace orgward
