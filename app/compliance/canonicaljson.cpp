#include "canonicaljson.h"

#include <QJsonDocument>

namespace orgward {

QByteArray canonicalJson(const QJsonObject &object)
{
    // QJsonObject keeps its keys sorted and the compact form writes no white space and raw UTF-8.
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace orgward
