#pragma once
// Finds the exact bytes of objects inside a JSON text that QJsonDocument has already validated, so each
// synced row keeps its object as received (whitespace removed) instead of a re-serialisation: faster
// than QJsonDocument::toJson per object, and faithful to the server's own key order and number text.
#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace orgward::rawjson {

struct Span
{
    qsizetype begin = 0;
    qsizetype end = 0; // one past the last byte
};

// The whole top-level value of the text.
bool root(const QByteArray &json, Span *out);
// The elements of the array stored under `key` in the object at `object` (false: no such array, or
// the text is not what was expected; callers then fall back to re-serialising).
bool arrayElements(const QByteArray &json, Span object, QByteArrayView key, QList<Span> *out);
// The span's bytes without whitespace outside strings.
QByteArray compact(const QByteArray &json, Span span);

} // namespace orgward::rawjson
