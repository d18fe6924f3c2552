#include "rawjson.h"

namespace orgward::rawjson {

namespace {
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

qsizetype skipSpace(const QByteArray &j, qsizetype at, qsizetype end)
{
    while (at < end && isSpace(j[at]))
        ++at;
    return at;
}

// At an opening quote: the position after the closing one, or -1.
qsizetype skipString(const QByteArray &j, qsizetype at, qsizetype end)
{
    for (++at; at < end; ++at) {
        if (j[at] == '\\')
            ++at;
        else if (j[at] == '"')
            return at + 1;
    }
    return -1;
}

// At the first byte of a value: the position after it, or -1.
qsizetype skipValue(const QByteArray &j, qsizetype at, qsizetype end)
{
    if (at >= end) return -1;
    const char c = j[at];
    if (c == '"') return skipString(j, at, end);
    if (c == '{' || c == '[') {
        int depth = 0;
        while (at < end) {
            const char d = j[at];
            if (d == '"') {
                at = skipString(j, at, end);
                if (at < 0) return -1;
                continue;
            }
            if (d == '{' || d == '[') ++depth;
            if (d == '}' || d == ']') {
                if (--depth == 0) return at + 1;
            }
            ++at;
        }
        return -1;
    }
    while (at < end && j[at] != ',' && j[at] != '}' && j[at] != ']' && !isSpace(j[at]))
        ++at;
    return at;
}
} // namespace

bool root(const QByteArray &json, Span *out)
{
    const qsizetype b = skipSpace(json, 0, json.size());
    const qsizetype e = skipValue(json, b, json.size());
    if (e < 0) return false;
    *out = {b, e};
    return true;
}

bool arrayElements(const QByteArray &j, Span object, QByteArrayView key, QList<Span> *out)
{
    out->clear();
    qsizetype at = skipSpace(j, object.begin, object.end);
    if (at >= object.end || j[at] != '{') return false;
    ++at;
    for (;;) {
        at = skipSpace(j, at, object.end);
        if (at >= object.end || j[at] == '}') return false;
        if (j[at] != '"') return false;
        const qsizetype keyEnd = skipString(j, at, object.end);
        if (keyEnd < 0) return false;
        const bool match = QByteArrayView(j.constData() + at + 1, keyEnd - at - 2) == key;
        at = skipSpace(j, keyEnd, object.end);
        if (at >= object.end || j[at] != ':') return false;
        at = skipSpace(j, at + 1, object.end);
        if (match) {
            if (at >= object.end || j[at] != '[') return false;
            ++at;
            for (;;) {
                at = skipSpace(j, at, object.end);
                if (at < object.end && j[at] == ']') return true;
                const qsizetype e = skipValue(j, at, object.end);
                if (e < 0) return false;
                out->append({at, e});
                at = skipSpace(j, e, object.end);
                if (at >= object.end) return false;
                if (j[at] == ']') return true;
                if (j[at] != ',') return false;
                ++at;
            }
        }
        at = skipValue(j, at, object.end);
        if (at < 0) return false;
        at = skipSpace(j, at, object.end);
        if (at < object.end && j[at] == ',') ++at;
    }
}

QByteArray compact(const QByteArray &j, Span s)
{
    QByteArray out;
    out.reserve(s.end - s.begin);
    qsizetype run = s.begin;
    for (qsizetype at = s.begin; at < s.end;) {
        const char c = j[at];
        if (c == '"') {
            const qsizetype e = skipString(j, at, s.end);
            at = e < 0 ? s.end : e;
        } else if (isSpace(c)) {
            out.append(j.constData() + run, at - run);
            while (at < s.end && isSpace(j[at]))
                ++at;
            run = at;
        } else {
            ++at;
        }
    }
    out.append(j.constData() + run, s.end - run);
    return out;
}

} // namespace orgward::rawjson
