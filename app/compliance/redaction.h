#pragma once
// PII in reports and bundles (issue #14, seed 002 §4). Pseudonyms: a keyed HMAC-SHA-256 of the value, so one
// person gets the same pseudonym everywhere within a report or bundle (one key) and nowhere else (the key
// is random per report or bundle and never written). Free text is scanned for emails, phone numbers, card
// numbers (Luhn), IBANs (mod 97) and US SSNs; what is found is counted and replaced.
// redactModeName()/parseRedactMode() (declared in report.h) are defined in redaction.cpp.
#include "compliance/report.h"

#include <QByteArray>
#include <QMap>

namespace orgward {

enum class PiiKind
{
    Email,
    Phone,
    CardNumber,
    Iban,
    UsSsn,
};
QString piiKindName(PiiKind k); // "email", "phone", "card_number", "iban", "us_ssn"

struct PiiMatch
{
    PiiKind kind;
    qsizetype start = 0;
    qsizetype length = 0;
};
// Every PII match in free text, left to right, non-overlapping (validated: Luhn and an issuer digit 2-6 for
// cards, mod 97 for IBANs, never-issued areas/groups/serials excluded for SSNs). Phone numbers: E.164
// (+ and 7-15 digits) and national forms with separators ("(555) 123-4567", "020 7946 0958",
// "555-123-4567"); dates, times, IPv4 addresses, amounts, ranges ("2019-2024"), bare digit runs and digits
// glued to ids or UUID groups are not phones. Where two kinds overlap: email, IBAN, card, SSN, phone.
QList<PiiMatch> scanPii(const QString &text);

// A fresh random key (32 bytes from the OS).
QByteArray newRedactionKey();
// Email "person-3f9a1c2b4d5e@redacted.invalid", Name "Person 3f9a1c2b4d5e", Ip "ip-3f9a1c2b4d5e" (12 hex
// digits: 48 bits, so 100,000 members do not share one): stable under one key. The value is normalised
// first (emails and names case-folded and whitespace-simplified, IPs in QHostAddress's form) and the kind is
// part of the HMAC message.
QString pseudonym(const QByteArray &key, CellKind kind, const QString &value);

struct RedactionSummary
{
    qint64 pseudonymised = 0;          // cells replaced by a pseudonym
    QMap<PiiKind, qint64> freeTextPii; // PII found (and redacted) in free-text cells, by kind
};
// Rewrites the report in place for `mode`:
// - Email cells: pseudonymised under Emails and All. Name and Ip cells: pseudonymised under All; under
//   Emails scanned like Text (a name that is an address).
// - FreeText cells: always scanned, whatever the mode. Text cells, table notes, findings and string summary
//   values: scanned under Emails and All (None leaves them as stored).
// - Scanned text: a text that is exactly one email becomes its email pseudonym (Emails, All: a column of
//   addresses still reads as one); otherwise each match becomes "[redacted <piiKindName>]" and is counted
//   in freeTextPii. Pseudonym addresses (@redacted.invalid) are left alone, so redacting twice is harmless.
// - Numbers, booleans, nulls, Date, Number and Sign cells are never touched.
// Sets meta.redaction and adds (or replaces) the summary entry "Redaction" → "emails pseudonymised (N
// cells); free text: 2 emails, 1 phone number redacted". An empty key: a fresh random one.
RedactionSummary redactReport(Report &r, RedactMode mode, const QByteArray &key);

} // namespace orgward
