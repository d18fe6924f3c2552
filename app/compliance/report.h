#pragma once
// One compliance report as data (issue #14): what every renderer (PDF, CSV, JSON), the evidence bundle and
// the Reports pane share. A builder (compliance/reports.h) fills it from the store; renderers never query.
// Cells are values (strings, integers, booleans, null) so JSON keeps their types; CSV and PDF print them.
#include "core/result.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <functional>

namespace orgward {

class Database;

enum class RedactMode
{
    None,   // as stored
    Emails, // emails pseudonymised
    All,    // emails, names and IP addresses pseudonymised
};
QString redactModeName(RedactMode m);
Result<RedactMode> parseRedactMode(const QString &name);

enum class PageSize
{
    A4,
    Letter,
};

enum class FindingSeverity
{
    Info,
    Warning,
    Critical,
};
QString findingSeverityName(FindingSeverity s); // "info", "warning", "critical"

struct ReportFinding
{
    FindingSeverity severity = FindingSeverity::Warning;
    QString control; // "CC6.2", or empty
    QString text;    // one sentence
};

// What a column holds, for redaction and for the PDF's layout.
enum class CellKind
{
    Text,
    Email,    // pseudonymised under --redact emails|all
    Name,     // a person's name: pseudonymised under --redact all
    Ip,       // an IP address: pseudonymised under --redact all
    FreeText, // scanned for PII (emails, phones, card numbers, IBANs, SSNs) and redacted when found
    Number,   // right-aligned
    Date,     // UTC text
    Sign,     // an empty column for a reviewer to fill in (sign-off)
};

struct ReportColumn
{
    QString key;   // JSON key and CSV header: snake_case
    QString title; // PDF header
    CellKind kind = CellKind::Text;
    int weight = 2; // relative width on the page
};

struct ReportTable
{
    QString id;    // "members"; CSV file suffix in a bundle: <report>-<id>.csv
    QString title; // "Members"
    QString note;  // one paragraph under the title (may be empty)
    QList<ReportColumn> columns;
    QList<QVariantList> rows; // one value per column: QString, qint64, bool or null
};

struct ReportFreshness
{
    QString endpoint;    // "users", "projects/{id}/api_keys" …
    qint64 lastSync = 0; // Unix seconds of the last successful read; 0: never
};

// What every report states about itself (issue #14): org, scope, period, as-of, freshness, database,
// journal head, row counts and version.
struct ReportMeta
{
    QString name;  // access-review
    QString title; // Access review
    QString orgKey;
    QString orgName;
    QString scope;       // "Organization" or a project
    qint64 from = 0;     // period start (Unix s, inclusive)
    qint64 to = 0;       // period end (exclusive)
    qint64 asOf = 0;     // the instant the org state is read at
    QString asOfBasis;   // describeAsOfBasis(): the sync or import it rests on
    QString database;    // DatabaseUrl::display(): no password
    QString journalHead; // entry_hash of the head when the report was made
    qint64 journalSeq = 0;
    QString version; // ORGWARD_VERSION
    qint64 generatedAt = 0;
    RedactMode redaction = RedactMode::None;
    QList<QPair<QString, QString>> parameters; // "unused_days" → "90"
    QList<ReportFreshness> freshness;
};

struct Report
{
    ReportMeta meta;
    QList<QPair<QString, QVariant>> summary; // label → figure, in order
    QList<ReportFinding> findings;
    QList<ReportTable> tables;
    qint64 rowCount() const;
};

struct ReportParams
{
    QString orgKey;
    qint64 asOf = 0; // 0: now
    qint64 from = 0; // 0: 90 days before `to`
    qint64 to = 0;   // 0: asOf
    int unusedDays = 90;
    int maxAgeDays = 90;
    RedactMode redact = RedactMode::None;
    QString databaseLabel; // what meta.database says
};

// Cooperative cancellation and progress for long reports: return false from the callback to cancel.
using ReportProgress = std::function<bool(const QString &step)>;

} // namespace orgward
