#include "jsonsql.h"

namespace orgward::jsonsql {

namespace {
// jsonb_array_length and jsonb_array_elements fail on a scalar: only arrays reach them.
QString pgArray(const QString &expr)
{
    return QStringLiteral("CASE WHEN jsonb_typeof(%1) = 'array' THEN %1 END").arg(expr);
}
} // namespace

QString arrayLength(bool pg, const QString &expr)
{
    return pg ? QStringLiteral("jsonb_array_length(%1)").arg(pgArray(expr))
              : QStringLiteral("json_array_length(%1)").arg(expr);
}

QString elements(bool pg, const QString &expr)
{
    return pg ? QStringLiteral("jsonb_array_elements(%1)").arg(pgArray(expr))
              : QStringLiteral("json_each(%1)").arg(expr);
}

QString textElements(bool pg, const QString &expr)
{
    return pg ? QStringLiteral("jsonb_array_elements_text(%1)").arg(pgArray(expr))
              : QStringLiteral("json_each(%1)").arg(expr);
}

QString field(bool pg, const QString &valueExpr, const QString &key)
{
    // The key is one of the models' own names (never user input): written into the text, not bound.
    return pg ? QStringLiteral("(%1 ->> '%2')").arg(valueExpr, key)
              : QStringLiteral("json_extract(%1, '$.%2')").arg(valueExpr, key);
}

QString fieldInteger(bool pg, const QString &valueExpr, const QString &key)
{
    return pg ? QStringLiteral("CAST(%1 ->> '%2' AS BIGINT)").arg(valueExpr, key)
              : QStringLiteral("json_extract(%1, '$.%2')").arg(valueExpr, key);
}

QString fieldBool(bool pg, const QString &valueExpr, const QString &key)
{
    return pg ? QStringLiteral("CAST(%1 ->> '%2' AS BOOLEAN)").arg(valueExpr, key)
              : QStringLiteral("json_extract(%1, '$.%2')").arg(valueExpr, key);
}

QString fieldJson(bool pg, const QString &valueExpr, const QString &key)
{
    return pg ? QStringLiteral("(%1 -> '%2')").arg(valueExpr, key)
              : QStringLiteral("json_extract(%1, '$.%2')").arg(valueExpr, key);
}

} // namespace orgward::jsonsql
