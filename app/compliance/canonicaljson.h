#pragma once
// Canonical JSON for hashed and signed records (the journal's payload, evidence manifests): object keys
// sorted by their UTF-16 code units (QJsonObject's own order, which equals byte order for ASCII keys), no
// insignificant white space, UTF-8. Two equal objects always give the same bytes, so a hash over them is
// reproducible by any outside tool that follows these rules.
#include <QByteArray>
#include <QJsonObject>

namespace orgward {

QByteArray canonicalJson(const QJsonObject &object);

} // namespace orgward
