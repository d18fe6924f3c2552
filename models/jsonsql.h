#pragma once
// JSON arrays in SQL, per engine. The RBAC and governance tables keep lists (permissions, assignment
// sources, model ids, recipients) as JSON arrays: text on SQLite (JSON1), jsonb on PostgreSQL. Only these
// helpers know the two dialects; the models compose them into their queries. A NULL (or, on PostgreSQL, a
// value that is not an array) has no elements and no length.
#include <QString>

namespace orgward::jsonsql {

// The number of elements of the array expr (NULL for NULL).
QString arrayLength(bool pg, const QString &expr);
// A row source of the array's elements for "FROM t CROSS JOIN <this> alias": alias.value is each element
// (an object stays JSON: read its fields with field()).
QString elements(bool pg, const QString &expr);
// The same for an array of strings: alias.value is each string itself, without quotes.
QString textElements(bool pg, const QString &expr);
// The text of the field key of the JSON object valueExpr (an element from elements()).
QString field(bool pg, const QString &valueExpr, const QString &key);
// The field as an integer (a JSON number: Unix seconds, counts); NULL when missing or null.
QString fieldInteger(bool pg, const QString &valueExpr, const QString &key);
// The field as a boolean (SQLite: 1/0); NULL when missing or null.
QString fieldBool(bool pg, const QString &valueExpr, const QString &key);
// The field as JSON for arrayLength()/elements(): PostgreSQL's jsonb value; on SQLite the value's text (a
// JSON column copied into an object is a string holding JSON text, which SQLite's JSON functions parse).
QString fieldJson(bool pg, const QString &valueExpr, const QString &key);

} // namespace orgward::jsonsql
